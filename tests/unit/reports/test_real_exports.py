"""Every real server export reads, writes back equal, and passes the validator's judgement."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from pywats.reports import Report, UURReport, UUTReport, check, load

from .conftest import REAL_REPORTS, load_json, real_report_paths

PATHS = real_report_paths()

pytestmark = pytest.mark.skipif(
    not PATHS, reason=f"real server exports not found at {REAL_REPORTS} (../shared is absent)"
)

# What the 2026.1 server said when this very export was posted back (reference §1.4 [B]), and
# the one other step in it with the same inconsistency (step F, its only measurement P).
KNOWN_SERVER_REJECTIONS = {
    "uut-wsjf-export.json": [
        "root -> step Pass/Fail tests -> step SinglePassDone: "
        "Status cannot be different from measurement status.",
        "root -> step Loops -> step SequenceCallLoopSequence -> step SequenceCallLoop2 "
        "-> step PassFailStep: Status cannot be different from measurement status.",
    ],
}


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_export_round_trips_value_equal(path: Path) -> None:
    data = load_json(path)
    original = copy.deepcopy(data)
    report = Report.from_wsjf(data)
    assert isinstance(report, UUTReport if data["type"] == "T" else UURReport)
    assert report.to_wsjf() == original
    assert data == original  # reading does not touch the input


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_load_then_save_then_load(path: Path, tmp_path: Path) -> None:
    first = load(path)
    out = tmp_path / "copy.json"
    first.save(out)
    assert load(out) == first
    assert load_json(out) == load_json(path)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_validator_accepts_exports_except_known_server_rejections(path: Path) -> None:
    assert check(load_json(path)) == KNOWN_SERVER_REJECTIONS.get(path.name, [])


def test_seven_digit_fractions_come_back_exactly(real_uut_export: dict[str, Any]) -> None:
    report = Report.from_wsjf(real_uut_export)
    assert real_uut_export["start"] == "2026-01-30T22:01:41.4707353+01:00"
    assert report.start.microsecond == 470735
    assert report.start.utcoffset() is not None
    out = report.to_wsjf()
    assert out["start"] == real_uut_export["start"]
    assert out["startUTC"] == real_uut_export["startUTC"]


def test_changed_start_is_written_fresh(real_uut_export: dict[str, Any]) -> None:
    report = Report.from_wsjf(real_uut_export)
    report.start = report.start.replace(second=0)
    out = report.to_wsjf()
    assert out["start"] == "2026-01-30T22:01:00.470735+01:00"
    assert out["startUTC"] == "2026-01-30T21:01:00.470735Z"


def test_parsed_report_is_kept_as_read(real_uut_export: dict[str, Any]) -> None:
    report = Report.from_wsjf(real_uut_export)
    assert isinstance(report, UUTReport)
    assert report.auto is False
    failing = report.find_step(5)
    assert failing is not None
    assert failing.caused_uut_failure is True
    assert report.step_id_caused_uut_failure == 5
    assert report.result == "F"
