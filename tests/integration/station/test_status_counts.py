"""``wats status`` counts agree with the queue: rows by state, and events named as events.

The service counts what happened since it started (a report parked, retried by an operator
and parked again is two parkings); the queue holds rows (one parked row). Status shows the
rows as the counts and the service's counters under ``events_since_start``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import pytest

from ._harness import Station, make_report, wait_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and locks")

WSJF_POST = ("POST", "/api/Report/WSJF")


def _status(st: Station, *args: str) -> str:
    done = st.wats("status", "-i", "it", *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _status_json(st: Station) -> dict[str, Any]:
    """``wats status -o json``, read again while the service's endpoint does not answer
    within the command's 2 s (a loaded machine): its live keys are missing then."""

    def read() -> dict[str, Any] | None:
        data: dict[str, Any] = json.loads(_status(st, "-o", "json"))
        return None if "endpoint_error" in data else data

    answer: dict[str, Any] = wait_for(read, 60, "wats status with the live state")
    return answer


def test_a_report_parked_twice_is_one_parked_row_and_two_parking_events(
    station: Callable[..., Station],
) -> None:
    st = station()
    st.emulator.faults.add(*WSJF_POST, status=400, times=2, body="Serial number is not valid")
    st.start()
    report = make_report("P-2")
    st.drop("p.json", report)
    wait_for(lambda: [r for r in st.queue_rows() if r["state"] == "parked"], 30, "parked once")
    assert st.wats("queue", "retry", "-i", "it", report["id"]).returncode == 0
    wait_for(
        lambda: _status_json(st)["events_since_start"]["parked"] == 2,
        30,
        "parked twice",
    )
    shown = _status_json(st)
    assert [r["state"] for r in st.queue_rows()] == ["parked"]
    assert shown["queue"]["counts"]["parked"] == 1
    assert shown["events_since_start"]["parked"] == 2
    assert "parked" not in shown  # no bare count that disagrees with the rows
    table = _status(st, "-o", "table")
    assert "events_since_start" in table or "events since start" in table
    assert st.stop() == 0


def _live_status(st: Station) -> dict[str, Any]:
    import urllib.request

    info = json.loads((st.data / "service.json").read_text(encoding="utf-8"))
    with urllib.request.urlopen(info["endpoint"] + "/status", timeout=30) as answer:
        data: dict[str, Any] = json.loads(answer.read())
    return data


def test_status_is_the_queue_at_the_moment_of_the_call(
    station: Callable[..., Station],
) -> None:
    # The status loop refreshes its snapshot once a second; /status used to answer that copy,
    # so a reader that had just seen a row delivered read counts from before it.
    st = station()
    st.start()
    for n in range(1, 4):
        st.drop(f"now-{n}.json", make_report(f"NOW-{n}"))
        wait_for(
            lambda n=n: sum(r["state"] == "delivered" for r in st.queue_rows()) == n,  # type: ignore[misc]
            30,
            f"{n} delivered rows",
        )
        live = _live_status(st)
        assert live["queue"]["counts"]["delivered"] == n
        assert live["delivered"] == n
    shown = _status_json(st)
    assert shown["queue"]["counts"]["delivered"] == 3
    assert shown["events_since_start"]["delivered"] == 3
    assert st.stop() == 0
