"""``wats report export`` and ``wats report submit -j`` against the emulator over a real socket."""

from __future__ import annotations

import json
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from _cli_helpers import make_broken, make_report

if TYPE_CHECKING:
    from pywats.testing import Emulator, Faults

WSJF_GET = "/api/Report/Wsjf/*"


def seed(online: Emulator, tmp_path: Path, n: int, *, pn: str = "PCB-1001") -> list[str]:
    """Store ``n`` reports on the emulator; return their ids."""
    folder = tmp_path / f"seed-{pn}"
    folder.mkdir()
    ids = []
    for i in range(n):
        data = json.loads(make_report(folder / f"{i}.json", sn=f"{pn}-SN-{i}").read_text())
        data["pn"] = pn
        (folder / f"{i}.json").write_text(json.dumps(data))
        ids.append(data["id"])
    from pywats._sync._client import pyWATS

    with pyWATS(online.url, online.token, rate_limit=None) as api:
        for _ in api.report.submit_many([json.loads(p.read_text()) for p in folder.iterdir()]):
            pass
    online.faults.clear()  # counts and the in-flight peak start from here
    return ids


def export(wats: Any, *args: str) -> tuple[int, dict[str, Any], str]:
    result = wats("report", "export", *args, "-o", "json")
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_export_writes_each_matching_report_whole_in_a_private_folder(
    wats: Any, online: Emulator, tmp_path: Path
) -> None:
    ids = seed(online, tmp_path, 4)
    seed(online, tmp_path, 2, pn="PSU-12")
    out = tmp_path / "out"
    code, summary, stderr = export(wats, "--pn", "PCB-1001", "--to", str(out), "-j", "3")
    assert code == 0, stderr
    assert (summary["matched"], summary["written"], summary["failed"]) == (4, 4, 0)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{i}.json" for i in ids)
    for path in out.iterdir():
        doc = json.loads(path.read_bytes())
        assert f"{doc['id']}.json" == path.name
        assert doc["pn"] == "PCB-1001"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert "4 written, 0 already present, 0 failed of 4 report(s)" in stderr


def test_export_filter_that_matches_nothing_writes_nothing(
    wats: Any, online: Emulator, tmp_path: Path
) -> None:
    seed(online, tmp_path, 2)
    out = tmp_path / "out"
    code, summary, stderr = export(wats, "--pn", "NO-SUCH-PART", "--to", str(out))
    assert code == 0, stderr
    assert (summary["matched"], summary["written"]) == (0, 0)
    assert list(out.iterdir()) == []
    assert "No report matches." in stderr
    # The other filters reach the server too: the same reports by serial number and time.
    code, summary, _ = export(
        wats, "--sn", "PCB-1001-SN-1", "--since", "2026-10-01", "--to", str(tmp_path / "sn")
    )
    assert (code, summary["written"]) == (0, 1)
    code, summary, _ = export(wats, "--until", "2026-10-01", "--to", str(tmp_path / "none"))
    assert (code, summary["matched"]) == (0, 0)


def test_export_wsxf_writes_xml_files(wats: Any, online: Emulator, tmp_path: Path) -> None:
    ids = seed(online, tmp_path, 2)
    out = tmp_path / "xml"
    code, summary, stderr = export(wats, "--to", str(out), "--format", "WSXF")
    assert code == 0, stderr
    assert summary["written"] == 2
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{i}.xml" for i in ids)
    assert all(p.read_bytes().lstrip().startswith(b"<") for p in out.iterdir())


def test_an_interrupted_export_continues_and_skips_the_files_present(
    wats: Any, online: Emulator, faults: Faults, tmp_path: Path
) -> None:
    ids = seed(online, tmp_path, 8)
    out = tmp_path / "out"
    # Three reports come back, then the server fails: the run stops (exit 6) and says so.
    faults.add("GET", WSJF_GET, delay=0.001, times=3)
    faults.add("GET", WSJF_GET, status=503, times=None)
    result = wats("--retries", "0", "report", "export", "--to", str(out), "-j", "2", "-o", "json")
    assert result.exit_code == 6, result.stderr
    first = json.loads(result.stdout)
    assert first["written"] == 3
    assert first["written"] + first["failed"] + first["not_fetched"] == 8
    written = {p.name for p in out.iterdir()}
    assert len(written) == 3  # whole files only: no temporary file is left behind

    # A killed run can leave a temporary file and (on a power cut) an empty one: neither
    # counts as present.
    (out / f".{ids[0]}.json.x1y2z3.part").write_bytes(b'{"half')
    empty = next(i for i in ids if f"{i}.json" not in written)
    (out / f"{empty}.json").write_bytes(b"")

    faults.clear()
    code, second, stderr = export(wats, "--to", str(out), "-j", "2")
    assert code == 0, stderr
    assert (second["present"], second["written"], second["failed"]) == (3, 5, 0)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{i}.json" for i in ids)
    assert faults.hits("GET", WSJF_GET) == 5  # the present files were not fetched again


def test_export_names_each_report_that_failed_and_exits_1(
    wats: Any, online: Emulator, faults: Faults, tmp_path: Path
) -> None:
    ids = seed(online, tmp_path, 3)
    faults.add("GET", f"/api/Report/Wsjf/{ids[1]}", status=404, times=None)
    code, summary, stderr = export(wats, "--to", str(tmp_path / "out"))
    assert code == 1
    assert (summary["written"], summary["failed"]) == (2, 1)
    assert [f["id"] for f in summary["failures"]] == [ids[1]]
    assert f"{ids[1]} (SN PCB-1001-SN-1):" in stderr


def test_export_keeps_at_most_j_requests_in_flight(
    wats: Any, online: Emulator, faults: Faults, tmp_path: Path
) -> None:
    seed(online, tmp_path, 10)
    # Each answer held 0.3 s, so that requests overlap even when a loaded machine is slow
    # to hand them out (peak_in_flight >= 2 below).
    faults.latency(0.3, method="GET", path=WSJF_GET)
    code, summary, stderr = export(wats, "--to", str(tmp_path / "out"), "-j", "3")
    assert code == 0, stderr
    assert summary["written"] == 10
    assert 2 <= faults.peak_in_flight <= 3


def test_export_usage_errors(wats: Any, online: Emulator, tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    assert wats("report", "export", "--to", out, "--format", "csv").exit_code == 2
    assert wats("report", "export", "--to", out, "-j", "0").exit_code == 2
    assert wats("report", "export").exit_code == 2  # --to is required
    (tmp_path / "file").write_text("x")
    result = wats("report", "export", "--to", str(tmp_path / "file"))
    assert result.exit_code == 1
    assert "not a folder" in result.stderr


def test_submit_many_files_concurrently_keeps_rows_in_order(
    wats: Any, online: Emulator, faults: Faults, tmp_path: Path
) -> None:
    files = [str(make_report(tmp_path / f"r{i}.json", sn=f"SN-{i}")) for i in range(8)]
    files.insert(3, str(make_broken(tmp_path / "bad.json")))
    files.insert(5, str(tmp_path / "missing.json"))
    faults.latency(0.3, method="POST", path="/api/Report/WSJF")  # requests overlap (see above)
    result = wats("report", "submit", *files, "-j", "3")
    assert result.exit_code == 7, result.stderr
    rows = json.loads(result.stdout)
    assert [r["file"] for r in rows] == files
    statuses = [r["status"] for r in rows]
    assert (
        statuses == ["submitted"] * 3 + ["rejected", "submitted", "unreadable"] + ["submitted"] * 4
    )
    assert {r["id"] for r in rows if r["id"]} == {r["id"] for r in online.reports()}
    assert 2 <= faults.peak_in_flight <= 3
    assert "Submitted 8 of 10 report(s)" in result.stderr


@pytest.mark.parametrize("jobs", ["1", "4"])
def test_submit_stops_at_the_first_report_when_the_server_is_down(
    wats: Any, online: Emulator, faults: Faults, tmp_path: Path, jobs: str
) -> None:
    faults.add("POST", "/api/Report/WSJF", status=503, times=None)
    files = [str(tmp_path / "missing.json")]
    files += [str(make_report(tmp_path / f"r{i}.json", sn=f"S{i}")) for i in range(5)]
    result = wats("--retries", "0", "report", "submit", *files, "-j", jobs)
    assert result.exit_code == 6
    assert faults.hits("POST", "/api/Report/WSJF") == 1  # the first is sent alone
    rows = json.loads(result.stdout)
    assert [r["file"] for r in rows] == files
    assert [r["status"] for r in rows] == ["unreadable"] + ["not sent"] * 5


def test_submit_reads_arrays_and_stdin_as_before(
    wats: Any, online: Emulator, tmp_path: Path
) -> None:
    one = json.loads(make_report(tmp_path / "a.json", sn="A").read_text())
    two = json.loads(make_report(tmp_path / "b.json", sn="B").read_text())
    del one["id"], two["id"]
    (tmp_path / "both.json").write_text(json.dumps([one, two]))
    result = wats("report", "submit", str(tmp_path / "both.json"), "-j", "2")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["file"] for r in rows] == [f"{tmp_path / 'both.json'}[{i}]" for i in (0, 1)]
    piped = wats("report", "submit", "-j", "3", input=json.dumps(one))
    assert piped.exit_code == 0, piped.stderr
    assert json.loads(piped.stdout)[0]["file"] == "<stdin>"
    assert len(online.reports()) == 3


def test_the_in_flight_peak_counts_only_requests_since_clear(online: Emulator) -> None:
    import threading

    import httpx

    faults = online.faults
    faults.latency(0.5, method="GET", path="/api/App/Version")
    slow = threading.Thread(
        target=httpx.get, args=(f"{online.url}/api/App/Version",), kwargs={"timeout": 10}
    )
    slow.start()
    deadline = time.monotonic() + 30
    while faults.peak_in_flight < 1:
        assert time.monotonic() < deadline, "the slow request never reached the emulator"
        time.sleep(0.01)
    faults.clear()  # the slow request is still in the server: a test before this one
    httpx.get(f"{online.url}/api/Product/X", headers=online.auth_headers, timeout=10)
    assert faults.peak_in_flight == 1
    slow.join(10)


def test_export_ordered_stops_leaving_the_oldest_reports(
    wats: Any, online: Emulator, faults: Faults, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    from pywats._sync._client import pyWATS
    from pywats.reports import UUTReport

    ids = []  # in listing order: the export lists oldest first
    with pyWATS(online.url, online.token, rate_limit=None) as api:
        for minute in range(8):
            report = UUTReport(
                pn="PCB-ORD",
                sn=f"ORD-{minute}",
                rev="A",
                process_code=10,
                station_name="ST-01",
                location="Line 1",
                purpose="Production",
                start=datetime(2026, 11, 1, 8, minute, tzinfo=UTC),
            )
            report.root.add_pass_fail_step("LED on", True)
            ids.append(str(api.report.submit(report)))
    faults.clear()
    # The second-oldest answers late, with a failure that stops the run; the others are quick.
    faults.add("GET", f"/api/Report/Wsjf/{ids[1]}", status=503, delay=1.5, times=None)
    out = tmp_path / "out"
    ran = wats(
        "--retries", "0", "report", "export", "--pn", "PCB-ORD", "--to", str(out),
        "-j", "2", "--ordered", "-o", "json",
    )  # fmt: skip
    assert ran.exit_code == 6, ran.stderr
    present = {p.name.removesuffix(".json") for p in out.iterdir()}
    # Never more than 2 x -j past the first report missing; without --ordered all 7 others.
    assert ids[0] in present
    assert present <= set(ids[: 2 + 2 * 2]), (present, ids)

    faults.clear()
    code, summary, stderr = export(wats, "--pn", "PCB-ORD", "--to", str(out), "--ordered")
    assert code == 0, stderr
    assert summary["written"] + summary["present"] == 8
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{i}.json" for i in ids)
