"""The station caps a server's Retry-After (issue 19, item 7)."""

from __future__ import annotations


def test_backoff_caps_a_servers_wait() -> None:
    from pywats.station.uploader import backoff

    assert backoff(1, [5.0], wait=99_999_999.0, jitter=0.0, max_wait=3600.0) == 3600.0
    assert backoff(1, [5.0], wait=30.0, jitter=0.0, max_wait=3600.0) == 30.0
    assert backoff(1, [5.0], wait=None, jitter=0.0, max_wait=1.0) == 5.0  # the ladder stays
