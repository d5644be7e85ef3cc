"""The reference cache: entries live ``ttl`` seconds on the injected clock, then go."""

from __future__ import annotations

import pytest

from pywats._refcache import ReferenceCache, age_text, find_process


def test_an_entry_lives_for_the_ttl_then_goes() -> None:
    now = [100.0]
    cache = ReferenceCache(60, clock=lambda: now[0])
    assert cache.lookup("k") is None
    cache.store("k", [1])
    first = cache.freshness("k")
    assert first is not None
    assert first.source == "server"
    now[0] += 59.5
    assert cache.lookup("k") == [1]
    later = cache.freshness("k")
    assert later is not None
    assert (later.source, later.age_seconds) == ("cache", 59.5)
    now[0] += 0.5
    assert cache.lookup("k") is None
    cache.store("k", [2])
    cache.clear("k")
    assert cache.lookup("k") is None


def test_a_clock_that_steps_back_does_not_keep_an_entry_forever() -> None:
    now = [100.0]
    cache = ReferenceCache(60, clock=lambda: now[0])
    cache.store("k", [1])
    now[0] = 10.0
    assert cache.lookup("k") is None


@pytest.mark.parametrize("bad", [-1, float("nan"), "60"])
def test_a_bad_ttl_is_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="ttl"):
        ReferenceCache(bad)  # type: ignore[arg-type]


def test_ages_for_people_and_lookups_by_code_or_name() -> None:
    assert [age_text(s) for s in (0.2, 42, 300, 7300, 200000)] == [
        "just now",
        "42 s old",
        "5 min old",
        "2 h old",
        "2 d old",
    ]
    rows = [{"code": 100, "name": "End of line test"}, {"Code": 500, "Name": "Repair"}]
    assert find_process(rows, 100) == rows[0]
    assert find_process(rows, "100") == rows[0]
    assert find_process(rows, "Repair") == rows[1]
    assert find_process(rows, "repair") is None
