"""The console in a real headless Chromium (W3C WebDriver), against a stand-in control.

Skipped with the reason when Chromium or chromedriver is missing (`.ci/run` installs them).
The same flows against a real `wats watch` and the emulator are in test_console_service.py.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from pywats.station.console import login_url
from pywats.station.queue import ReportQueue
from tests.integration.station._harness import make_report

from ._browser import click, shoot, text_of, until
from ._fake import FakeControl, ServedConsole
from ._webdriver import Browser
from .test_console_http import fill_queue

pytestmark = pytest.mark.slow


def sign_in(browser: Browser, served: ServedConsole, control: FakeControl) -> None:
    # The browser is the module's: what earlier tests logged (the refused setting's 422) is
    # theirs. Read it away, so a test's console log is its own whatever the order.
    browser.get_log("browser")
    browser.delete_all_cookies()
    browser.get(login_url(served.url, control.secret))
    until(lambda: browser.current_url.rstrip("/").endswith("/console"), "the dashboard")
    # The URL changes when the dashboard is asked for, not when it has loaded.
    until(lambda: browser.find_elements("css selector", "#nav-try"), "the dashboard's page")


def test_every_page_loads_and_the_dashboard_updates_itself(
    browser: Browser, served: ServedConsole, fake: FakeControl, shots: Path
) -> None:
    fill_queue(fake)
    now = time.time()
    # Three hours of a line's day: a burst at shift start, a server outage that fills the
    # queue (no uploads), the catch-up after it.
    for minute in range(180):
        outage = 95 <= minute < 115
        uploads = 0 if outage else 6 + (minute * 7) % 9 + (14 if 115 <= minute < 125 else 0)
        depth = (
            (minute - 95) * 5
            if outage
            else max(0, 100 - (minute - 115) * 12)
            if minute >= 115
            else minute % 3
        )
        fake.samples.append(
            {"t": now - 60 * (180 - minute), "uploads": uploads, "queue_depth": depth}
        )
    fake.errors.extend(
        [
            {
                "t": now - 5400,
                "source": "uploader",
                "message": "server offline: connection refused (https://acme.wats.com);"
                " 97 report(s) wait in the queue",
            },
            {
                "t": now - 4200,
                "source": "uploader",
                "message": "parked report 5195ee3c (SN SN-PARK-7, queue id 2): 400:"
                " Serial number 'SN-PARK-7' is not valid",
            },
            {
                "t": now - 600,
                "source": "commit",
                "message": "could not convert /data/ict/results/run-0412.csv (moved to Error/):"
                " csv: run-0412.csv line 3: column 'Value' is not a number: 'n/a'",
            },
        ]
    )
    sign_in(browser, served, fake)
    assert text_of(browser, "#count-parked") == "1"
    until(lambda: browser.find_elements("css selector", "#chart canvas"), "the chart")
    shoot(browser, shots, "dashboard")
    fake.state = "paused"
    until(lambda: text_of(browser, "#state") == "paused", "the live refresh (htmx)")
    for page, heading in [
        ("queue", "Queue"),
        ("folders", "Folders"),
        ("config", "Configuration"),
        ("log", "Log"),
        ("try", "Try a converter"),
        ("dashboard", "Dashboard"),
    ]:
        click(browser, f"#nav-{page}")
        until(lambda h=heading: text_of(browser, "main h1") == h, f"the {heading} page")
    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []  # no script errors, nothing blocked by the CSP


def test_search_then_retry_a_parked_row(
    browser: Browser, served: ServedConsole, fake: FakeControl
) -> None:
    fill_queue(fake)
    sign_in(browser, served, fake)
    click(browser, "#nav-queue")
    box = until(lambda: browser.find_element("css selector", "#search"), "the search box")
    box.send_keys("PARK")
    until(
        lambda: (
            "SN-DELIV-1" not in text_of(browser, "#queue-rows")
            and "SN-PARK-7" in text_of(browser, "#queue-rows")
        ),
        "the search to narrow the rows (htmx)",
    )
    click(browser, "#queue-rows tr.row a")
    assert "is not valid" in text_of(browser, "#last-error")
    click(browser, "#retry")
    until(lambda: text_of(browser, "#row-state") == "pending", "the row to be pending")
    assert "uploader has been woken" in text_of(browser, "#notice")
    assert fake.woken == 1


def test_edit_a_setting_and_see_an_invalid_value_refused(
    browser: Browser, served: ServedConsole, fake: FakeControl
) -> None:
    sign_in(browser, served, fake)
    click(browser, "#nav-config")
    field = browser.find_element("css selector", "[id='f-upload.concurrency']")
    field.clear()
    field.send_keys("many")
    click(browser, "#save")
    message = until(lambda: text_of(browser, "[id='error-upload.concurrency']"), "the refusal")
    assert "upload.concurrency = 'many'" in message  # key and value
    assert "whole number of parallel uploads" in message  # what is allowed
    assert fake.reloads == 0
    field = browser.find_element("css selector", "[id='f-upload.concurrency']")
    field.clear()
    field.send_keys("5")
    click(browser, "#save")
    until(lambda: "Saved and applied" in text_of(browser, "#notice"), "the saved notice")
    assert text_of(browser, "[id='effective-upload.concurrency']") == "5"
    assert fake.config.concurrency == 5


def test_try_a_converter_and_move_an_error_file_back(
    browser: Browser, served: ServedConsole, fake: FakeControl, tmp_path: Path
) -> None:
    sample = tmp_path / "sample.json"
    sample.write_text(json.dumps(make_report("TRY-7")), encoding="utf-8")
    error = fake.inbox / "Error"
    error.mkdir()
    (error / "broken.json").write_text("{", encoding="utf-8")
    (error / "broken.json.error.txt").write_text("x\nnot valid JSON\n", encoding="utf-8")
    sign_in(browser, served, fake)
    click(browser, "#nav-try")
    browser.find_element("css selector", "#try-file").send_keys(str(sample))
    click(browser, "#try-go")
    summary = until(lambda: text_of(browser, "#try-summary"), "the conversion")
    assert "1 report(s) from sample.json; nothing was queued" in summary
    assert "TRY-7" in text_of(browser, "#try-result")
    assert not fake.queue_path.exists() or not ReportQueue(fake.queue_path).items()
    click(browser, "#nav-folders")
    assert "not valid JSON" in text_of(browser, ".error-file")
    click(browser, ".error-file .try-again")
    until(lambda: "moved back" in text_of(browser, "#notice"), "the moved notice")
    assert (fake.inbox / "broken.json").exists()
