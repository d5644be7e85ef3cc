"""Issue 18, "first contact": what a new user tries on day one, against the emulator."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from _cli_helpers import make_report

if TYPE_CHECKING:
    from pywats.testing import Emulator


def run_json(wats: Any, *args: str, input: str | None = None) -> Any:
    result = wats(*args, input=input)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- 2. report query --result ---------------------------------------------------------------


def test_report_query_result_filter_finds_failed_and_passed(
    wats, online: Emulator, tmp_path: Path
) -> None:
    good = make_report(tmp_path / "good.json", sn="SN-GOOD")
    bad = make_report(tmp_path / "bad.json", sn="SN-BAD", volts=9.9)
    assert wats("report", "submit", str(good), str(bad)).exit_code == 0
    failed = run_json(wats, "report", "query", "--result", "failed")
    passed = run_json(wats, "report", "query", "--result", "passed")
    assert [h["serialNumber"] for h in failed] == ["SN-BAD"]
    assert [h["serialNumber"] for h in passed] == ["SN-GOOD"]
    assert run_json(wats, "report", "query", "--result", "error") == []


# --- 3. convert | submit, arrays, one bad file never stops the others ------------------------

DATA = Path(__file__).resolve().parents[1] / "data" / "converters"
TWO_REPORTS = DATA / "wsxf" / "full.wsxf"  # one file, two reports


def test_convert_piped_writes_wsjf_not_a_summary(wats) -> None:
    # CliRunner's stdout is not a terminal: exactly what `> out.json` gives.
    result = wats("report", "convert", str(TWO_REPORTS))
    assert result.exit_code == 0, result.stderr
    reports = json.loads(result.stdout)
    assert isinstance(reports, list)
    assert len(reports) == 2
    assert all(r["type"] in ("T", "R") for r in reports)


def test_convert_then_submit_through_a_file_and_through_a_pipe(
    wats, online: Emulator, tmp_path: Path
) -> None:
    converted = wats("report", "convert", str(TWO_REPORTS), "-o", "json")
    out = tmp_path / "out.json"
    out.write_text(converted.stdout)
    rows = run_json(wats, "report", "submit", str(out))
    assert [r["status"] for r in rows] == ["submitted", "submitted"]
    assert [r["file"] for r in rows] == [f"{out}[0]", f"{out}[1]"]
    # The same through stdin: no FILE (a pipe), and `-`.
    piped = run_json(wats, "report", "submit", input=converted.stdout)
    dashed = run_json(wats, "report", "submit", "-", input=converted.stdout)
    assert [r["status"] for r in piped + dashed] == ["submitted"] * 4
    assert len({r["id"] for r in online.reports()}) == 2  # same ids: replaced, not doubled


def test_validate_takes_arrays_and_does_not_require_the_id_submit_assigns(
    wats, tmp_path: Path
) -> None:
    one = json.loads(make_report(tmp_path / "a.json").read_text())
    del one["id"]
    both = tmp_path / "both.json"
    both.write_text(json.dumps([one, one]))
    rows = run_json(wats, "report", "validate", str(both))
    assert rows == [
        {"file": f"{both}[0]", "valid": True, "problems": []},
        {"file": f"{both}[1]", "valid": True, "problems": []},
    ]


def test_one_bad_file_never_stops_the_others(wats, online: Emulator, tmp_path: Path) -> None:
    good = make_report(tmp_path / "good.json", sn="SN-G")
    junk = tmp_path / "junk.json"
    junk.write_text("{not json")
    weird = tmp_path / "weird.json"
    weird.write_text(json.dumps(["good.json", 5]))
    later = make_report(tmp_path / "later.json", sn="SN-L")
    result = wats("report", "submit", str(junk), str(weird), str(good), str(later))
    assert result.exit_code == 7  # something was rejected
    rows = json.loads(result.stdout)
    assert [(r["file"], r["status"]) for r in rows] == [
        (str(junk), "unreadable"),
        (f"{weird}[0]", "rejected"),
        (f"{weird}[1]", "rejected"),
        (str(good), "submitted"),
        (str(later), "submitted"),
    ]
    assert {r["sn"] for r in online.reports()} == {"SN-G", "SN-L"}
    only_unreadable = wats("report", "submit", str(junk), str(good))
    assert only_unreadable.exit_code == 1


# --- misleading messages ------------------------------------------------------------------


def test_ping_measures_a_warm_second_request(wats, online: Emulator) -> None:
    online.faults.latency(0.25)
    data = run_json(wats, "ping")
    assert online.faults.hits("GET", "/api/App/Version") == 2
    # The server's 250 ms, not the client's start-up on top of it.
    assert 240 <= data["latency_ms"] < 400


def test_config_set_stores_the_text_inside_quotes(wats) -> None:
    for shown in ('"ICT 9"', "'ICT 9'", "ICT 9"):
        assert wats("config", "set", "station.name", shown).exit_code == 0
        assert wats("config", "get", "station.name").stdout == "ICT 9\n"
    assert wats("config", "set", "queue.path", '"/tmp/q.sqlite3"').exit_code == 0
    assert wats("config", "get", "queue.path").stdout == "/tmp/q.sqlite3\n"


def test_config_set_unknown_key_lists_every_key(wats) -> None:
    for key in ("station.bogus", "upload.bogus", "bogus.x"):
        result = wats("config", "set", key, "1")
        assert result.exit_code == 3
        for known in ("server.url", "station.name", "upload.concurrency", "queue.retry_ladder",
                      "intake.stable_seconds", "service.log"):  # fmt: skip
            assert known in result.stderr, (key, result.stderr)


def test_401_reads_cleanly_and_has_a_next_line(
    wats, fresh_emulator: Emulator, monkeypatch: Any, sentinel: str
) -> None:
    monkeypatch.setenv("PYWATS_SERVER_URL", fresh_emulator.url)
    monkeypatch.setenv("PYWATS_API_TOKEN", sentinel)
    result = wats("ping")
    assert result.exit_code == 4
    error, hint = result.stderr.splitlines()[:2]
    assert ".." not in error
    assert hint.startswith("next: ")
    assert "`wats login`" in hint


def test_rootcause_list_says_which_view_and_its_hint_finds_a_new_ticket(
    wats, online: Emulator
) -> None:
    created = run_json(wats, "rootcause", "create", "Fixture worn")
    mine = wats("rootcause", "list", "-o", "json")
    assert mine.exit_code == 0
    assert "view: assigned to you" in mine.stderr
    (hint,) = re.findall(r"`(wats [^`]*)`", mine.stderr)
    shown = run_json(wats, *hint.split()[1:], "-o", "json")
    assert created["ticketId"] in [t["ticketId"] for t in shown]
