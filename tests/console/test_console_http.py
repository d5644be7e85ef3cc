"""The console over HTTP (no browser): sign-in, the guards, and each page's actions."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path
from typing import Any

import httpx
import pytest

from pywats.station.console import login_url
from pywats.station.console._auth import LINK_TTL, Sessions, make_ticket
from pywats.station.queue import ReportQueue
from tests.integration.station._harness import make_report

from ._fake import FakeControl, ServedConsole
from .conftest import csrf_of

PAGES = [
    "/console/",
    "/console/queue",
    "/console/folders",
    "/console/config",
    "/console/log",
    "/console/try",
]


def fill_queue(control: FakeControl) -> dict[str, Any]:
    """Three rows: one delivered, one parked with the server's answer, one pending."""
    reports = {sn: make_report(sn) for sn in ("SN-DELIV-1", "SN-PARK-7", "SN-WAIT-3")}
    with ReportQueue(control.queue_path) as queue:
        for report in reports.values():
            queue.add([report], source="r.json", converter="wsjf")
        claimed = {item.serial_number: item for item in queue.claim(3)}
        queue.ack(claimed["SN-DELIV-1"].id)
        queue.park(claimed["SN-PARK-7"].id, "400: Serial number 'SN-PARK-7' is not valid")
        queue.retry_later(claimed["SN-WAIT-3"].id, "503 from server", time.time() + 600)
    return reports


# -- sign-in and guards ----------------------------------------------------------------------


def test_nothing_is_served_without_a_session_but_the_login_page(served: ServedConsole) -> None:
    with httpx.Client(base_url=served.url) as http:
        for path in [*PAGES, "/console/live", "/console/history.json", "/console/queue/1"]:
            answer = http.get(path)
            assert answer.status_code == 401, path
            assert "wats console -i it" in answer.text  # the login page says how to get in
        assert http.get("/console/static/htmx.min.js").status_code == 401
        assert http.get("/console/static/console.css").status_code == 200  # the login page's
        assert (
            http.get("/console/live", headers={"HX-Request": "true"}).headers["HX-Redirect"]
            == "/console/login"
        )
        assert http.post("/console/queue/1/retry").status_code == 401


def test_login_link_works_once_and_sets_a_strict_httponly_cookie(
    served: ServedConsole, fake: FakeControl
) -> None:
    link = login_url(served.url, fake.secret)
    assert fake.secret not in link  # the link proves the secret, it does not carry it
    with httpx.Client(base_url=served.url) as http:
        answer = http.get(link)
        assert answer.status_code == 200
        cookie = answer.headers["set-cookie"]
        assert "HttpOnly" in cookie
        assert "SameSite=strict" in cookie
        assert "Path=/console" in cookie
        assert http.get("/console/").status_code == 200
    with httpx.Client(base_url=served.url) as other:
        again = other.get(link)
        assert again.status_code == 403
        assert "already used or has expired" in again.text
        assert "set-cookie" not in again.headers
        assert other.get("/console/").status_code == 401


def test_forged_and_stale_tickets_are_refused() -> None:
    sessions = Sessions("the-secret")
    assert sessions.redeem(make_ticket("another-secret")) is None
    assert sessions.redeem(make_ticket("the-secret", now=time.time() - LINK_TTL - 5)) is None
    assert sessions.redeem("garbage") is None
    good = make_ticket("the-secret")
    session = sessions.redeem(good)
    assert session is not None
    assert "the-secret" not in repr(sessions)
    assert session.sid not in repr(session)


def test_a_new_secret_makes_older_links_useless(served: ServedConsole, fake: FakeControl) -> None:
    old = login_url(served.url, fake.secret)
    fake.secret = "a-new-secret-after-a-restart-" + "y" * 20
    with httpx.Client(base_url=served.url) as http:
        assert http.get(old).status_code == 403
        assert http.get(login_url(served.url, fake.secret)).status_code == 200


def test_a_foreign_host_header_is_refused(served: ServedConsole, fake: FakeControl) -> None:
    with httpx.Client(base_url=served.url) as http:
        link = login_url(served.url, fake.secret)
        refused = http.get(link, headers={"Host": "evil.example:8080"})
        assert refused.status_code == 400
        assert "set-cookie" not in refused.headers
        assert http.get(link, headers={"Host": f"localhost:{served.port}"}).status_code == 200
        assert http.get("/console/", headers={"Host": "evil.example"}).status_code == 400


def test_mutations_need_the_csrf_token(client: httpx.Client, fake: FakeControl) -> None:
    fill_queue(fake)
    parked = _row_id(fake, "SN-PARK-7")
    refused = client.post(f"/console/queue/{parked}/retry", data={"csrf": "wrong"})
    assert refused.status_code == 403
    assert client.post(f"/console/queue/{parked}/retry").status_code == 403
    cross = client.post(
        f"/console/queue/{parked}/retry",
        data={"csrf": csrf_of(client.get("/console/").text)},
        headers={"Origin": "http://evil.example"},
    )
    assert cross.status_code == 403
    assert _state(fake, parked) == "parked"
    assert fake.woken == 0


def test_pages_send_no_store_and_a_script_policy(client: httpx.Client) -> None:
    answer = client.get("/console/")
    assert answer.headers["cache-control"] == "no-store"
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    assert answer.headers["x-frame-options"] == "DENY"
    for path in PAGES:
        page = client.get(path)
        assert page.status_code == 200, path
        assert "<script>" not in page.text  # no inline scripts: the CSP would block them


def test_sign_out_ends_the_session(client: httpx.Client) -> None:
    token = csrf_of(client.get("/console/").text)
    assert client.post("/console/logout", data={"csrf": token}).status_code == 200
    assert client.get("/console/").status_code == 401


# -- Dashboard and Log ---------------------------------------------------------------------


def test_dashboard_shows_state_counts_errors_and_history(
    client: httpx.Client, fake: FakeControl
) -> None:
    fill_queue(fake)
    fake.errors.append({"t": time.time(), "source": "upload", "message": "400 <b>bad</b> serial"})
    fake.samples.extend(
        {"t": time.time() - 60 * i, "uploads": i, "queue_depth": 2 * i} for i in range(3)
    )
    page = client.get("/console/").text
    assert 'id="count-parked">1<' in page
    assert "25.3.1" in page  # the server's version
    assert "400 &lt;b&gt;bad&lt;/b&gt; serial" in page  # escaped
    live = client.get("/console/live").text
    assert 'id="count-delivered">1<' in live
    history = client.get("/console/history.json").json()
    assert history["uploads"] == [0, 1, 2]
    assert history["queue_depth"] == [0, 2, 4]


def test_log_tail_filters_by_level(client: httpx.Client, fake: FakeControl) -> None:
    assert fake.log_path is not None
    fake.log_path.parent.mkdir(parents=True, exist_ok=True)
    fake.log_path.write_text(
        "2026-12-03 10:00:00,001 INFO    service started\n"
        "2026-12-03 10:00:01,002 WARNING upload of r.json retried: 503\n"
        "2026-12-03 10:00:02,003 ERROR   converter crashed\n"
        "Traceback (most recent call last):\n"
        "2026-12-03 10:00:03,004 INFO    delivered 3 <reports>\n",
        encoding="utf-8",
    )
    everything = client.get("/console/log/lines?level=INFO").text
    assert "service started" in everything
    assert "delivered 3 &lt;reports&gt;" in everything
    errors = client.get("/console/log/lines?level=ERROR").text
    assert "converter crashed" in errors
    assert "Traceback" in errors  # a traceback line belongs to the error above it
    assert "service started" not in errors
    assert "retried: 503" not in errors


# -- Queue -------------------------------------------------------------------------------


def _row_id(control: FakeControl, serial: str) -> int:
    with ReportQueue(control.queue_path) as queue:
        return next(i.id for i in queue.items() if i.serial_number == serial)


def _state(control: FakeControl, item_id: int) -> str | None:
    with ReportQueue(control.queue_path) as queue:
        item = queue.get(item_id)
        return None if item is None else item.state.value


def test_queue_search_finds_rows_by_serial_part_and_report_id(
    client: httpx.Client, fake: FakeControl
) -> None:
    reports = fill_queue(fake)
    by_serial = client.get("/console/queue", params={"q": "PARK-7"}).text
    assert "SN-PARK-7" in by_serial
    assert "SN-DELIV-1" not in by_serial
    by_id = client.get("/console/queue", params={"q": reports["SN-WAIT-3"]["id"][:13]}).text
    assert "SN-WAIT-3" in by_id
    assert "SN-PARK-7" not in by_id
    by_part = client.get("/console/queue", params={"q": "PCBA-1", "state": "delivered"}).text
    assert "SN-DELIV-1" in by_part
    assert "SN-PARK-7" not in by_part
    nothing = client.get("/console/queue", params={"q": "NO-SUCH%"}).text
    assert "No rows match" in nothing
    fragment = client.get(
        "/console/queue",
        params={"q": "WAIT"},
        headers={"HX-Request": "true", "HX-Target": "queue-rows"},
    ).text
    assert "SN-WAIT-3" in fragment
    assert "<html" not in fragment


def test_row_detail_retry_drop_and_export(client: httpx.Client, fake: FakeControl) -> None:
    reports = fill_queue(fake)
    parked = _row_id(fake, "SN-PARK-7")
    detail = client.get(f"/console/queue/{parked}").text
    assert "Serial number &#39;SN-PARK-7&#39; is not valid" in detail
    assert f"&#34;id&#34;: &#34;{reports['SN-PARK-7']['id']}&#34;" in detail  # pretty WSJF
    token = csrf_of(detail)

    retried = client.post(f"/console/queue/{parked}/retry", data={"csrf": token})
    assert retried.status_code == 303
    assert _state(fake, parked) == "pending"
    assert fake.woken == 1
    assert (
        "only parked or quarantined"
        in client.post(f"/console/queue/{parked}/retry", data={"csrf": token}).text
    )

    exported = client.get(f"/console/queue/{parked}/export")
    assert exported.headers["content-disposition"].startswith("attachment")
    assert json.loads(exported.content)["sn"] == "SN-PARK-7"

    waiting = _row_id(fake, "SN-WAIT-3")
    asked = client.post(f"/console/queue/{waiting}/drop", data={"csrf": token})
    assert "Yes, drop it" in asked.text
    assert _state(fake, waiting) == "pending"  # nothing happens before the confirmation
    dropped = client.post(f"/console/queue/{waiting}/drop", data={"csrf": token, "confirm": "yes"})
    assert dropped.status_code == 303
    assert _state(fake, waiting) is None
    backup = fake.queue_path.parent / "dropped" / f"{reports['SN-WAIT-3']['id']}.json"
    assert json.loads(backup.read_text("utf-8"))["sn"] == "SN-WAIT-3"  # as `wats queue drop`

    archive = client.get("/console/queue/export", params={"state": "delivered"})
    names = zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    assert names == [f"{reports['SN-DELIV-1']['id']}.json"]


# -- Folders and Try a converter -------------------------------------------------------------


def test_folders_show_error_files_with_reasons_and_try_again_moves_one_back(
    client: httpx.Client, fake: FakeControl
) -> None:
    error = fake.inbox / "Error"
    error.mkdir()
    (error / "bad.json").write_text("{", encoding="utf-8")
    (error / "bad.json.error.txt").write_text(
        f"{fake.inbox / 'bad.json'}\nnot valid JSON: line 1 column 2\n", encoding="utf-8"
    )
    page = client.get("/console/folders").text
    assert '<td class="count-error">1 in' in page  # the file, not its reason file
    assert "bad.json" in page
    assert "not valid JSON: line 1 column 2" in page
    token = csrf_of(page)
    moved = client.post("/console/folders/0/retry", data={"csrf": token, "name": "bad.json"})
    assert moved.status_code == 303
    assert (fake.inbox / "bad.json").exists()
    assert not (error / "bad.json").exists()
    assert not (error / "bad.json.error.txt").exists()
    sneaky = client.post(
        "/console/folders/0/retry", data={"csrf": token, "name": "../../etc/passwd"}
    )
    assert "is not a file of the error folder" in client.get(sneaky.headers["location"]).text


def test_try_a_converter_shows_the_wsjf_and_validator_lines_and_queues_nothing(
    client: httpx.Client, fake: FakeControl
) -> None:
    token = csrf_of(client.get("/console/try").text)
    good = json.dumps(make_report("TRY-1")).encode()
    shown = client.post(
        "/console/try",
        params={"name": "run.json", "converter": "wsjf"},
        content=good,
        headers={"X-CSRF-Token": token, "Content-Type": "application/octet-stream"},
    ).text
    assert "wsjf: 1 report(s) from run.json" in shown
    assert "TRY-1" in shown
    assert "The validator found nothing to refuse" in shown  # identity filled as the service does
    assert "FAKE-01" in shown
    bad = json.dumps({"type": "T", "pn": "P", "sn": "S", "rev": "A"}).encode()
    refused = client.post(
        "/console/try",
        params={"name": "bad.json", "folder": "0"},
        content=bad,
        headers={"X-CSRF-Token": token, "Content-Type": "application/octet-stream"},
    ).text
    assert "problem(s), the station would refuse" in refused
    unknown = client.post(
        "/console/try",
        params={"name": "x.json", "converter": "os:system"},
        content=b"{}",
        headers={"X-CSRF-Token": token, "Content-Type": "application/octet-stream"},
    ).text
    assert "is not an installed converter" in unknown
    assert not fake.queue_path.exists()  # nothing queued


# -- Configuration -------------------------------------------------------------------------


def test_config_saves_atomically_and_the_service_reloads(
    client: httpx.Client, fake: FakeControl
) -> None:
    page = client.get("/console/config").text
    assert "FAKE-01" in page
    saved = client.post(
        "/console/config",
        data={"csrf": csrf_of(page), "upload.concurrency": "6", "station.name": "FAKE-02"},
    )
    assert saved.status_code == 303
    assert fake.reloads == 1
    assert fake.config.concurrency == 6
    assert fake.config.station_name == "FAKE-02"
    text = fake.config_path.read_text("utf-8")
    assert "concurrency = 6" in text
    assert 'url = "http://127.0.0.1:9"' in text  # untouched keys stay as they were
    assert 'id="effective-upload.concurrency">6<' in client.get("/console/config").text


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("upload.concurrency", "lots", "expected a whole number of parallel uploads, 1-64"),
        ("upload.concurrency", "0", "is out of range"),
        ("server.url", "ftp://x", "expected an http:// or https:// URL"),
        ("queue.retry_ladder", "[-1]", "expected a list of seconds"),
        ("folders.0.post_action", "shred", "is not allowed; use one of move, delete, zip, keep"),
    ],
)
def test_config_refuses_an_invalid_value_with_the_cli_message(
    client: httpx.Client, fake: FakeControl, key: str, value: str, message: str
) -> None:
    before = fake.config_path.read_bytes()
    page = client.get("/console/config").text
    refused = client.post("/console/config", data={"csrf": csrf_of(page), key: value})
    assert refused.status_code == 422
    assert message in refused.text
    assert value.replace("'", "&#39;") in refused.text  # the value is named
    assert fake.config_path.read_bytes() == before
    assert fake.reloads == 0


def test_config_never_shows_or_takes_a_token(client: httpx.Client, fake: FakeControl) -> None:
    page = client.get("/console/config").text
    refused = client.post("/console/config", data={"csrf": csrf_of(page), "server.token": "abc"})
    assert refused.status_code in {303, 422}
    assert "abc" not in fake.config_path.read_text("utf-8")
    assert "token" not in fake.config_path.read_text("utf-8")


def test_the_console_is_not_imported_until_first_used() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pywats.station.console import build_console; build_console(None);"
        " print('jinja2' in sys.modules, 'pywats.station.console._routes' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_static_assets_stay_small() -> None:
    static = Path(__file__).resolve().parents[2] / "pywats" / "station" / "console" / "static"
    total = sum(p.stat().st_size for p in static.iterdir() if p.suffix in {".js", ".css"})
    assert total < 250 * 1024


HANGING = """
import time
from pywats.station.converters import Converter


class Hanging(Converter):
    name = "hanging"
    patterns = ("*.hang",)

    def convert(self, path, context):
        time.sleep(60)
        return []
"""


def test_try_a_converter_stops_a_hanging_converter_at_the_timeout(
    client: httpx.Client, fake: FakeControl, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    from pywats.config import read_toml, write_toml

    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "it_hang.py").write_text(HANGING, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(plugins))  # the conversion runs in a child process
    doc = read_toml(fake.config_path)
    doc["folders"][0]["converter"] = "it_hang:Hanging"
    doc["intake"] = {"converter_timeout": 0.5}
    write_toml(fake.config_path, doc)
    asyncio.run(fake.reload())
    token = csrf_of(client.get("/console/try").text)
    started = time.monotonic()
    shown = client.post(
        "/console/try",
        params={"name": "x.hang", "folder": "0"},
        content=b"anything",
        headers={"X-CSRF-Token": token, "Content-Type": "application/octet-stream"},
        timeout=60,
    ).text
    assert "the converter took longer than 5.5 s (stopped)" in shown
    assert time.monotonic() - started < 45  # stopped, not left to its 60 s
