"""The console of a real ``wats watch`` process, in headless Chromium, against the emulator.

Retry a parked row from the Queue page and see the emulator store it; edit a setting and see
the service apply it; see an invalid value refused with its message; every page loads (with
PYWATS_CONSOLE_SCREENSHOTS=1 their screenshots are rewritten in docs/console/). Also measures
the service's RSS after the console has been used.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.integration.station._harness import Station, make_report, wait_for

from ._browser import click, shoot, text_of, until
from ._webdriver import Browser

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and locks"),
]

WSJF_POST = ("POST", "/api/Report/WSJF")
RSS_LIMIT_MB = 60.0


def _link(st: Station) -> str:
    printed = st.wats("console", "-i", "it", "--no-browser")
    assert printed.returncode == 0, printed.stderr
    return printed.stdout.strip()


def _rss_mb(pid: int) -> float:
    import psutil

    return float(psutil.Process(pid).memory_info().rss) / 2**20


def test_console_of_a_running_service(
    browser: Browser, station: Callable[..., Station], shots: Path, tmp_path: Path
) -> None:
    pytest.importorskip("pywats.station.endpoint", reason="no station endpoint in this tree")
    st = station()
    st.emulator.faults.add(
        *WSJF_POST, status=400, times=1, body="Serial number 'SN-PARKED' is not valid"
    )
    st.start()
    try:
        parked = make_report("SN-PARKED")
        st.drop("parked.json", parked)
        wait_for(lambda: [r for r in st.queue_rows() if r["state"] == "parked"], 30, "a parked row")
        delivered = [make_report(f"SN-OK-{i}") for i in range(3)]
        for i, report in enumerate(delivered):
            st.drop(f"ok{i}.json", report)
        st.drop("broken.json", '{"type": "T", "pn": ')
        st.wait_stored({r["id"] for r in delivered})
        wait_for(lambda: (st.error / "broken.json.error.txt").exists(), 30, "the error file")

        link = _link(st)
        browser.delete_all_cookies()
        browser.get(link)
        until(lambda: text_of(browser, "main h1") == "Dashboard", "the dashboard")
        until(lambda: text_of(browser, "#count-parked") == "1", "the parked count")
        until(lambda: text_of(browser, "#server") == "online", "the server online")
        browser.get(link)  # the link is used up
        assert "already used" in text_of(browser, "#problem")
        browser.back()

        # Queue: search, open the parked row, retry it, see it delivered by the emulator.
        browser.get(link.split("/login")[0] + "/queue")
        until(lambda: text_of(browser, "main h1") == "Queue", "the queue page")
        browser.find_element("css selector", "#search").send_keys("SN-PARK")
        until(
            lambda: (
                "SN-OK-0" not in text_of(browser, "#queue-rows")
                and "SN-PARKED" in text_of(browser, "#queue-rows")
            ),
            "the search",
        )
        shoot(browser, shots, "queue")
        click(browser, "#queue-rows tr.row a")
        assert "Serial number 'SN-PARKED' is not valid" in text_of(browser, "#last-error")
        shoot(browser, shots, "queue-row")
        click(browser, "#retry")
        until(lambda: "woken" in text_of(browser, "#notice"), "the retry notice")
        st.wait_stored({parked["id"]})

        # Folders: the error file with its reason.
        click(browser, "#nav-folders")
        until(lambda: "broken.json" in text_of(browser, "main"), "the error file")
        assert "not valid JSON" in text_of(browser, ".error-file")
        shoot(browser, shots, "folders")

        # Configuration: an invalid value is refused, a valid one applied by the service.
        click(browser, "#nav-config")
        field = browser.find_element("css selector", "[id='f-upload.concurrency']")
        field.clear()
        field.send_keys("lots")
        click(browser, "#save")
        refusal = until(lambda: text_of(browser, "[id='error-upload.concurrency']"), "the refusal")
        assert "upload.concurrency = 'lots'" in refusal  # key and value
        assert "whole number of parallel uploads" in refusal  # what is allowed
        field = browser.find_element("css selector", "[id='f-upload.concurrency']")
        field.clear()
        field.send_keys("4")  # the refused value stays in the form until corrected
        field = browser.find_element("css selector", "[id='f-station.name']")
        field.clear()
        field.send_keys("IT-ST-02")
        click(browser, "#save")
        until(lambda: "Saved and applied" in text_of(browser, "#notice"), "the save")
        assert text_of(browser, "[id='effective-station.name']") == "IT-ST-02"
        shoot(browser, shots, "config")
        after = make_report("SN-AFTER")
        st.drop("after.json", after)
        st.wait_stored({after["id"]})
        stored = {r["id"]: r for r in st.emulator.reports()}
        assert stored[after["id"]]["machineName"] == "IT-ST-02"  # the service applied it

        # Log and Try a converter.
        click(browser, "#nav-log")
        until(lambda: browser.find_elements("css selector", "pre.log"), "the log lines")
        shoot(browser, shots, "log")
        sample = tmp_path / "ict-run.json"
        sample.write_text(json.dumps(make_report("SN-TRY")), encoding="utf-8")
        click(browser, "#nav-try")
        browser.find_element("css selector", "#try-file").send_keys(str(sample))
        click(browser, "#try-go")
        until(lambda: text_of(browser, "#try-summary"), "the conversion")
        shoot(browser, shots, "try")
        assert "SN-TRY" not in {r.get("sn") for r in st.emulator.reports()}

        click(browser, "#nav-dashboard")
        until(lambda: text_of(browser, "#count-parked") == "0", "the dashboard, live")
        assert st.proc is not None
        time.sleep(3)  # idle, console used (the dashboard keeps polling)
        rss = _rss_mb(st.proc.pid)
        print(f"\nservice RSS idle with the console used: {rss:.1f} MB")
        assert rss < RSS_LIMIT_MB
    finally:
        assert st.stop() == 0
