"""``wats report validate`` and ``submit --validate-only``: local checks, nothing sent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _cli_helpers import make_broken, make_report


def test_validate_reports_each_file(wats, tmp_path: Path) -> None:
    good = make_report(tmp_path / "good.json")
    bad = make_broken(tmp_path / "bad.json")
    result = wats("report", "validate", str(good), str(bad))
    assert result.exit_code == 7
    rows = json.loads(result.stdout)
    assert [(r["file"], r["valid"]) for r in rows] == [(str(good), True), (str(bad), False)]
    assert rows[1]["problems"]
    assert rows[1]["problems"][0] in result.stderr
    assert "1 of 2 report(s) valid" in result.stderr


def test_validate_all_good_exits_0(wats, tmp_path: Path) -> None:
    good = make_report(tmp_path / "good.json")
    result = wats("report", "validate", str(good), "-o", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["file,valid,problems", f"{good},true,[]"]


def test_validate_unreadable_and_not_json(wats, tmp_path: Path) -> None:
    junk = tmp_path / "junk.json"
    junk.write_text("{not json")
    result = wats("report", "submit", "--validate-only", str(junk), str(tmp_path / "none.json"))
    assert result.exit_code == 7
    rows = json.loads(result.stdout)
    assert rows[0]["problems"][0].startswith("not valid JSON")
    assert rows[1]["problems"][0].startswith("cannot read the file")


def test_real_server_repair_export_is_valid(wats) -> None:
    shared = Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures" / "real-reports"
    if not shared.is_dir():
        pytest.skip("../shared/fixtures/real-reports is not present on this machine")
    result = wats("report", "validate", str(shared / "uur_example.json"))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [
        {"file": str(shared / "uur_example.json"), "valid": True, "problems": []}
    ]
