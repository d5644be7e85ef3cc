"""Property: any report the builder makes survives serialise -> parse -> serialise unchanged."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pywats.reports import ChartType, CompOp, Report, Step, UURReport, UUTReport, check

NUMERIC_OPS = [op for op in CompOp if op not in (CompOp.CASESENSIT, CompOp.IGNORECASE)]

names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFF),
    min_size=1,
    max_size=12,
).filter(str.strip)  # pn/sn/rev must not be blank
ids = names.filter(lambda s: "\x00" not in s)  # the validator refuses NUL in pn/sn/rev
values = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-1000, 1000)
finite = st.floats(allow_nan=False, allow_infinity=False, width=32)
zones = st.sampled_from(
    [UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-9, minutes=-30))]
)
starts = st.builds(
    lambda dt, tz: dt.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1)),
    zones,
)


@st.composite
def numeric_step(draw: st.DrawFn, parent: Step) -> None:
    op = draw(st.sampled_from(NUMERIC_OPS))
    lo, hi = sorted([draw(finite), draw(finite)])
    parent.add_numeric_step(
        draw(names), draw(values), low=lo, high=hi, comp_op=op, unit=draw(st.none() | names)
    )


@st.composite
def leaf(draw: st.DrawFn, parent: Step) -> None:
    kind = draw(st.integers(0, 9))
    name = draw(names)
    if kind == 0:
        draw(numeric_step(parent))
    elif kind == 1:
        step = parent.add_multi_numeric_step(name)
        for i in range(draw(st.integers(1, 3))):
            step.add_numeric_measurement(f"m{i}", draw(values), low=draw(finite))
    elif kind == 2:
        parent.add_pass_fail_step(name, draw(st.booleans()))
    elif kind == 3:
        step = parent.add_multi_pass_fail_step(name)
        for i in range(draw(st.integers(1, 3))):
            step.add_boolean_measurement(f"b{i}", draw(st.booleans()))
    elif kind == 4:
        parent.add_string_step(
            name,
            draw(names),
            limit=draw(names),
            comp_op=draw(st.sampled_from([CompOp.CASESENSIT, CompOp.IGNORECASE, CompOp.LOG])),
        )
    elif kind == 5:
        parent.add_call_exe_step(name, exit_code=draw(st.integers(-5, 5)))
    elif kind == 6:
        parent.add_message_popup_step(name, response=draw(names), button=draw(st.integers(0, 3)))
    elif kind == 7:
        step = parent.add_chart_step(name, chart_type=draw(st.sampled_from(list(ChartType))))
        ys = draw(st.lists(finite, max_size=5))
        assert step.chart is not None
        step.chart.add_series(draw(names), ys, list(range(len(ys))))
    elif kind == 8:
        loop = parent.add_loop(name)
        for _ in range(draw(st.integers(1, 3))):
            loop.add_pass_fail_step(name, draw(st.booleans()))
    else:
        step = parent.add_generic_step(
            name,
            draw(st.sampled_from(["Label", "NI_Wait", "Goto"])),
            start=draw(st.none() | starts),
        )
        if draw(st.booleans()):
            step.attach(draw(names), draw(st.binary(max_size=20)), "application/octet-stream")


@st.composite
def sequence(draw: st.DrawFn, parent: Step, depth: int) -> None:
    seq = parent.add_sequence(draw(names), path=draw(st.none() | names))
    for _ in range(draw(st.integers(0, 4))):
        if depth < 2 and draw(st.integers(0, 4)) == 0:
            draw(sequence(seq, depth + 1))
        else:
            draw(leaf(seq))


@st.composite
def uut_reports(draw: st.DrawFn) -> UUTReport:
    r = UUTReport(
        pn=draw(ids),
        sn=draw(ids),
        rev=draw(ids),
        process_code=draw(st.integers(0, 2**31 - 1)),
        station_name=draw(names),
        location=draw(names),
        purpose=draw(names),
        operator=draw(st.none() | names),
        start=draw(starts),
        exec_time=draw(st.none() | finite),
    )
    for _ in range(draw(st.integers(0, 2))):
        r.add_misc_info(draw(names), draw(st.none() | names))
    if draw(st.booleans()):
        r.add_sub_unit(draw(names), draw(ids), draw(ids), draw(ids))
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            draw(sequence(r.root, 0))
        else:
            draw(leaf(r.root))
    return r


@st.composite
def uur_reports(draw: st.DrawFn) -> UURReport:
    r = UURReport(
        pn=draw(ids),
        sn=draw(ids),
        rev=draw(ids),
        process_code=500,
        test_process_code=draw(st.integers(1, 100)),
        station_name=draw(names),
        location=draw(names),
        start=draw(starts),
        confirm_date=draw(st.none() | starts),
    )
    for _ in range(draw(st.integers(0, 3))):
        unit = r.add_sub_unit(draw(names), draw(ids), draw(ids), draw(ids))
        if draw(st.booleans()):
            unit.add_failure(draw(names), draw(names), ref_step_id=draw(st.integers(0, 50)))
    r.add_failure("Component", draw(names))
    return r


def _round_trip(report: Report) -> None:
    first: dict[str, Any] = report.to_wsjf()
    text = report.to_json()
    assert json.loads(text) == first  # to_json is to_wsjf as strict JSON
    again = Report.from_wsjf(json.loads(text))
    assert type(again) is type(report)
    assert again.to_wsjf() == first


@settings(max_examples=60, deadline=None)
@given(report=uut_reports())
def test_uut_round_trip(report: UUTReport) -> None:
    _round_trip(report)
    # what the builder makes is what the server accepts (names within limits)
    lines = check(report.to_wsjf())
    assert lines == []


@settings(max_examples=40, deadline=None)
@given(report=uur_reports())
def test_uur_round_trip(report: UURReport) -> None:
    _round_trip(report)
    assert check(report.to_wsjf()) == []


@settings(max_examples=40, deadline=None)
@given(report=uut_reports())
def test_builder_invariants(report: UUTReport) -> None:
    d = report.to_wsjf()
    steps = list(report.root.walk())
    assert [s.id for s in steps] == list(range(1, len(steps) + 1))
    causes = [s for s in steps if s.caused_uut_failure]
    if d["result"] == "P":
        assert causes == []
        assert d["uut"]["stepIdCausedUUTFailure"] is None
    else:
        assert len(causes) == 1
        assert causes[0].id == d["uut"]["stepIdCausedUUTFailure"]
        assert causes[0].status == d["result"]
        assert report.root.status == d["result"]
