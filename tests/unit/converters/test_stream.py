"""The worker writes a converted report to queue JSON step by step (issue 16, memory): the
text and the validator's lines must be exactly those of to_wsjf() + check() + json.dumps."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from pywats.reports import Step, UUTReport, check
from pywats.station.converters import Converter, ConverterContext
from pywats.station.converters._job import Job, run_job

START = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def _report(sn: str = "SN-1") -> UUTReport:
    return UUTReport(
        id=_id(sn),
        pn="PCB-1",
        sn=sn,
        rev="A",
        process_code=10,
        station_name="S",
        location="L",
        purpose="P",
        start=START,
    )


def _id(sn: str) -> str:
    import uuid

    return str(uuid.uuid5(uuid.NAMESPACE_OID, sn))


def _steps_last(node: Any) -> Any:
    """The queue's key order: a step's ``steps`` member written last."""
    if isinstance(node, dict):
        out = {k: _steps_last(v) for k, v in node.items() if k != "steps"}
        if "steps" in node:
            out["steps"] = [_steps_last(s) for s in node["steps"]]
        return out
    if isinstance(node, list):
        return [_steps_last(v) for v in node]
    return node


class _Given(Converter):
    name = "given"

    def __init__(self, build: str) -> None:
        self.build = build

    def convert(self, path: Path, context: ConverterContext) -> list[Any]:
        return BUILDS[self.build]()


def _nested() -> list[Any]:
    report = _report()
    seq = report.root.add_sequence("Power")
    seq.add_numeric_step("3V3 rail", 3.31, low=3.2, high=3.4, unit="V")
    inner = seq.add_sequence("Inner")
    inner.add_pass_fail_step("LED", False)
    inner.add_sequence("Empty")
    loop = report.root.add_loop("Retry")
    loop.add_numeric_step("Try", 1.0, low=0.0, high=2.0)
    loop.add_numeric_step("Try", 3.0, low=0.0, high=2.0)
    report.root.add_string_step("Fw", "1.2.3", limit="1.2.3")
    report.root.add_generic_step("note", "Action", status="D")
    return [report]


def _invalid() -> list[Any]:
    report = _report()
    step = report.root.add_numeric_step("rail", 3.3, low=3.2, high=3.4)
    step.status = "F"  # differs from its measurement's status
    report.root.add_step(Step(name="hand made", step_type="Action", status="Q", id=2))
    seq = report.root.add_sequence("Deep")
    for _ in range(205):  # deeper than the validator goes
        seq = seq.add_sequence("d")
    seq.add_pass_fail_step("bottom", True)
    report.root.add_step(Step(name="", step_type="Action", status="P"))
    other = _report("SN-2")
    other.root.add_step(Step(name="x" * 101, step_type="Action", status="P"))
    return [report, other, _report("SN-2")]


def _dicts() -> list[Any]:
    report = _report()
    report.root.add_pass_fail_step("ok", True)
    as_dict = report.to_wsjf()
    del as_dict["id"]  # the station gives it a stable one
    return [as_dict]


BUILDS = {"nested": _nested, "invalid": _invalid, "dicts": _dicts}


def _expected(build: str) -> tuple[list[str], list[str]]:
    texts, lines = [], []
    reports = BUILDS[build]()
    for index, report in enumerate(reports):
        data = report.to_wsjf() if isinstance(report, UUTReport) else report
        texts.append(json.dumps(_steps_last(data), separators=(",", ":"), ensure_ascii=False))
        prefix = f"report {index} (id {data.get('id')}): " if len(reports) > 1 else ""
        lines.extend(prefix + line for line in check(data))
    return texts, lines


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "in.txt"
    path.write_text("x")
    return path


def test_a_valid_report_is_written_exactly_as_json_dumps_would(source: Path) -> None:
    texts, lines = _expected("nested")
    assert lines == []
    outcome = run_job(Job(path=str(source), converter=_Given("nested")))
    assert outcome.kind == "ok", outcome.reason
    assert [r.payload for r in outcome.reports] == texts
    assert dict(outcome.reports[0]) == {"id": _id("SN-1"), "sn": "SN-1", "pn": "PCB-1"}


def test_the_validator_lines_are_the_same_and_in_the_same_order(source: Path) -> None:
    _, lines = _expected("invalid")
    assert any("deeper than 200" in line for line in lines)
    assert any("different from measurement status" in line for line in lines)
    outcome = run_job(Job(path=str(source), converter=_Given("invalid")))
    assert outcome.kind == "invalid"
    # Two reports under one id: refused as before, after the lines of the reports before it.
    dup = f"report 2 has the same id {_id('SN-2')} as report 1"
    assert outcome.reason.splitlines() == [*lines, dup]


def test_a_step_id_used_twice_is_refused(source: Path) -> None:
    report = _report()
    report.root.add_pass_fail_step("one", True)
    report.root.add_pass_fail_step("two", True)
    data = report.to_wsjf()
    data["root"]["steps"][1]["id"] = 2  # a file that numbers its steps itself, twice 2
    BUILDS["dup"] = lambda: [UUTReport.from_wsjf(data)]
    outcome = run_job(Job(path=str(source), converter=_Given("dup")))
    assert outcome.reason == "root -> step two: id 2 is already used by an earlier step."
    assert check(data) == ["root -> step two: id 2 is already used by root -> step one."]


def test_dict_reports_keep_their_path(source: Path) -> None:
    outcome = run_job(Job(path=str(source), converter=_Given("dicts"), station_name="S"))
    assert outcome.kind == "ok", outcome.reason
    data = outcome.reports[0].to_dict()
    assert data["id"]
    assert data["root"]["steps"][0]["name"] == "ok"
