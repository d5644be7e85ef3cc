"""The station as a process: big files are refused by size, conversions live in workers, and
the service's own memory stays near idle after a large file (issues 16 and 19, item 3)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ._harness import Station, make_report, wait_for

psutil = pytest.importorskip("psutil")


def _junit(path: Path, cases: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n')
        out.write('<testsuite name="load" timestamp="2026-12-01T10:00:00+00:00">\n')
        out.write('<properties><property name="serial_number" value="BIG-1"/>')
        out.write('<property name="part_number" value="PCB-BIG"/></properties>\n')
        for i in range(cases):
            out.write(
                f'<testcase classname="load.group{i % 50}" name="test_case_{i}" time="0.001">'
            )
            if i % 97 == 0:
                out.write(f'<failure message="value {i} out of range">trace {i}</failure>')
            out.write("</testcase>\n")
        out.write("</testsuite>\n</testsuites>\n")


def _rss_mb(pid: int) -> float:
    return float(psutil.Process(pid).memory_info().rss) / 2**20


def test_a_file_over_the_maximum_size_goes_to_error_with_the_reason(
    station: Callable[..., Station],
) -> None:
    st = station(intake={"max_file_mb": 1})
    st.start()
    small = make_report("SMALL-1")
    big = make_report("BIG-1")
    big["root"]["reportText"] = "x" * (1536 * 1024)  # 1.5 MB: over the limit
    st.drop("big.json", big)
    st.drop("small.json", small)
    st.wait_stored({small["id"]})
    reason_file = st.error / "big.json.error.txt"
    wait_for(reason_file.exists, 30, "big.json in Error/")
    reason = reason_file.read_text("utf-8")
    assert "over the maximum of 1 MB (intake.max_file_mb); it was not read" in reason
    assert big["id"] not in st.stored_ids()
    assert st.stop() == 0


def test_service_memory_is_back_near_idle_after_a_large_file(
    tmp_path: Path, station: Callable[..., Station]
) -> None:
    inbox = tmp_path / "inbox"
    st = station(
        folders=[{"path": str(inbox), "converter": "junit", "patterns": ["*.xml"]}],
        intake={"converter_timeout": 120},
        upload={"concurrency": 4, "timeout": 5, "requests_per_minute": 0},
    )
    # The first attempts fail: each one used to parse the report into dicts again, and the
    # service kept ~80 MB of fragmented heap after them (issue 16).
    st.emulator.faults.add("POST", "/api/Report/WSJF", delay=6.0, times=3)  # > the 5 s timeout
    st.start()
    assert st.proc is not None
    # Idle, as the service is once it has met the server (its client loaded), then settled.
    wait_for(lambda: st.health().get("server_checked_at"), 30, "the first heartbeat")
    time.sleep(1.0)
    idle = _rss_mb(st.proc.pid)
    source = tmp_path / "big.xml"
    _junit(source, 40_000)  # ~4 MB of JUnit XML, ~8 MB of WSJF
    source.rename(inbox / "big.xml")
    wait_for(lambda: (st.done / "big.xml").exists(), 90, "the large file to be taken")
    wait_for(lambda: len(st.stored_ids()) == 1, 60, "its report on the server")
    assert idle < 60, f"idle service RSS {idle:.1f} MB"
    # The report was built in a worker process; the service holds its JSON text and sends it
    # as it is. Measured (2026-12-03): 50.9 MB idle, 59.6 MB after five failed attempts and
    # the delivery; before the text was sent as it is, 130-141 MB. The memory goes back once
    # the upload pass has ended (usually within 2 s; wait for it, bounded).
    deadline = time.monotonic() + 30
    while (after := _rss_mb(st.proc.pid)) >= idle + 40 and time.monotonic() < deadline:
        time.sleep(0.2)
    children = psutil.Process(st.proc.pid).children()
    assert after < idle + 40, f"service RSS {idle:.1f} MB idle, {after:.1f} MB after"
    assert len(children) <= 1  # at most the one worker, which exits when idle
    assert st.stop() == 0
