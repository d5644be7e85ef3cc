"""Status logic: every comparison operator against a small independent oracle, and propagation."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pywats.reports import CompOp, UUTReport, numeric_status, string_status

# The oracle: §4.14 written as sets of allowed regions, not as the code's if-chain.
# Each operator maps to the predicates (on x, L, H) whose OR is the pass condition.
ORACLE = {
    "EQ": [lambda x, lo, hi: not (x < lo or x > lo)],
    "NE": [lambda x, lo, hi: x < lo, lambda x, lo, hi: x > lo],
    "GT": [lambda x, lo, hi: not x <= lo],
    "GE": [lambda x, lo, hi: not x < lo],
    "LT": [lambda x, lo, hi: not x >= lo],
    "LE": [lambda x, lo, hi: not x > lo],
    "GTLT": [lambda x, lo, hi: sorted([lo, x, hi]) == [lo, x, hi] and x not in (lo, hi)],
    "GELE": [lambda x, lo, hi: min(max(x, lo), hi) == x and lo <= hi],
    "GELT": [lambda x, lo, hi: lo <= x and not x >= hi],
    "GTLE": [lambda x, lo, hi: not x <= lo and not x > hi],
    "LTGT": [lambda x, lo, hi: x < lo, lambda x, lo, hi: x > hi],
    "LTGE": [lambda x, lo, hi: x < lo, lambda x, lo, hi: x >= hi],
    "LEGT": [lambda x, lo, hi: x <= lo, lambda x, lo, hi: x > hi],
    "LEGE": [lambda x, lo, hi: x <= lo, lambda x, lo, hi: x >= hi],
}
SINGLE = ["EQ", "NE", "GT", "GE", "LT", "LE"]


def oracle(op: str, x: float, lo: float, hi: float) -> str:
    if op == "LOG":
        return "P"
    if math.isnan(x):
        return "F"
    return "P" if any(p(x, lo, hi) for p in ORACLE[op]) else "F"


# Small integers make equal values (the edges) common; floats and infinities cover the rest.
numbers = st.one_of(
    st.integers(-3, 3).map(float),
    st.floats(allow_nan=False, allow_infinity=True, width=32),
)


@settings(max_examples=150, deadline=None)
@given(op=st.sampled_from(sorted(ORACLE)), x=numbers, lo=numbers, hi=numbers)
def test_numeric_operators_match_oracle(op: str, x: float, lo: float, hi: float) -> None:
    if op in SINGLE:
        assert numeric_status(op, x, lo, None) == oracle(op, x, lo, hi)
    else:
        if op in ("GELE", "GTLT") and lo > hi:
            # the oracle's sorted/min-max forms assume an ordered range; check the plain reading
            expected = "P" if (lo <= x <= hi if op == "GELE" else lo < x < hi) else "F"
            assert numeric_status(op, x, lo, hi) == expected
            return
        assert numeric_status(op, x, lo, hi) == oracle(op, x, lo, hi)


@settings(max_examples=60, deadline=None)
@given(op=st.sampled_from(sorted(ORACLE)), lo=numbers, hi=numbers)
def test_nan_fails_every_limit_operator(op: str, lo: float, hi: float) -> None:
    assert numeric_status(op, math.nan, lo, hi) == "F"


@given(x=st.one_of(numbers, st.just(math.nan)))
def test_log_always_passes(x: float) -> None:
    assert numeric_status("LOG", x, None, None) == "P"


@settings(max_examples=100, deadline=None)
@given(
    op=st.sampled_from(sorted(ORACLE)),
    x=st.integers(-3, 3).map(float),
    lo=st.integers(-3, 3).map(float),
    hi=st.integers(-3, 3).map(float),
)
def test_builder_uses_the_same_verdict_and_puts_single_limits_in_low(
    op: str, x: float, lo: float, hi: float
) -> None:
    report = UUTReport(
        pn="P", sn="S", rev="A", process_code=10, station_name="ST", location="L", purpose="T"
    )
    if op in SINGLE:
        # the engineer may write the one limit as high=...; the wire wants lowLimit
        step = report.root.add_numeric_step("s", x, high=lo, comp_op=op)
        expected = numeric_status(op, x, lo, None)
    else:
        step = report.root.add_numeric_step("s", x, low=lo, high=hi, comp_op=op)
        expected = numeric_status(op, x, lo, hi)
    assert step.numeric_meas is not None
    meas = step.numeric_meas[0]
    assert meas.status == expected
    assert step.status == expected
    assert meas.low_limit == lo
    if op in SINGLE:
        assert meas.high_limit is None
    out = report.to_wsjf()["root"]["steps"][0]["numericMeas"][0]
    assert out["lowLimit"] == lo
    assert out["compOp"] == op


@pytest.mark.parametrize(
    ("op", "low", "high"),
    [("GE", None, None), ("GELE", 1.0, None), ("GELE", None, 1.0), ("BETWEEN", 1.0, 2.0)],
)
def test_missing_limits_and_unknown_operators_are_refused(
    op: str, low: float | None, high: float | None
) -> None:
    with pytest.raises(ValueError, match=op):
        numeric_status(op, 1.0, low, high)


def test_operator_defaults_follow_the_limits_given() -> None:
    r = UUTReport(
        pn="P", sn="S", rev="A", process_code=1, station_name="s", location="l", purpose="p"
    )
    cases = [
        ({"low": 1.0, "high": 2.0}, "GELE"),
        ({"low": 1.0}, "GE"),
        ({"high": 2.0}, "LE"),
        ({"limit": 1.5}, "EQ"),
        ({}, "LOG"),
    ]
    for kwargs, op in cases:
        step = r.root.add_numeric_step("s", 1.5, **kwargs)  # type: ignore[arg-type]
        assert step.numeric_meas is not None
        assert step.numeric_meas[0].comp_op == op


strings = st.text(alphabet="aAbBß", max_size=3)


@given(value=strings, limit=strings)
def test_string_operators(value: str, limit: str) -> None:
    assert string_status("CASESENSIT", value, limit) == ("P" if value == limit else "F")
    same = value.casefold() == limit.casefold()
    assert string_status("IGNORECASE", value, limit) == ("P" if same else "F")
    assert string_status("IgnoreCase", value, limit) == (
        "P" if same else "F"
    )  # as exports spell it
    assert string_status("LOG", value, None) == "P"
    assert string_status("EQ", value, limit) == ("P" if value == limit else "F")
    assert string_status("NE", value, limit) == ("P" if value != limit else "F")


def test_string_step_defaults() -> None:
    r = UUTReport(
        pn="P", sn="S", rev="A", process_code=1, station_name="s", location="l", purpose="p"
    )
    exact = r.root.add_string_step("fw", "v1.0", limit="V1.0")
    loose = r.root.add_string_step("fw2", "v1.0", limit="V1.0", comp_op=CompOp.IGNORECASE)
    logged = r.root.add_string_step("mac", "00:11")
    assert (exact.status, loose.status, logged.status) == ("F", "P", "P")
    assert exact.string_meas is not None
    assert exact.string_meas[0].comp_op == "CASESENSIT"


def _report() -> UUTReport:
    return UUTReport(
        pn="P", sn="S", rev="A", process_code=10, station_name="ST", location="L", purpose="T"
    )


def test_failure_propagates_to_sequences_causes_and_result() -> None:
    r = _report()
    setup = r.root.add_sequence("Setup")
    setup.add_action_step("Power on")
    rails = r.root.add_sequence("Rails")
    rails.add_numeric_step("5V", 5.0, low=4.9, high=5.1)
    inner = rails.add_sequence("Inner")
    bad = inner.add_numeric_step("3V3", 3.0, low=3.2, high=3.4)
    later = rails.add_pass_fail_step("later", False)
    d = r.to_wsjf()
    assert d["result"] == "F"
    assert [s.id for s in r.root.walk()] == list(range(1, 9))
    assert bad.id == 7
    assert d["uut"]["stepIdCausedUUTFailure"] == 7
    assert (setup.status, rails.status, inner.status, r.root.status) == ("P", "F", "F", "F")
    caused = [s.name for s in r.root.walk() if s.caused_uut_failure]
    assert caused == ["3V3"]  # exactly one, the first failing leaf; parents keep false
    assert inner.caused_seq_failure is True  # inner failed Rails
    assert bad.caused_seq_failure is True  # 3V3 failed Inner
    assert later.caused_seq_failure is None  # later failed too, but did not cause Rails to fail
    # idempotent, and a fix is picked up by the next finalize
    assert r.to_wsjf() == d
    bad.numeric_meas[0].status = bad.status = "P"  # type: ignore[index]
    later.boolean_meas[0].status = later.status = "P"  # type: ignore[index]
    d2 = r.to_wsjf()
    assert d2["result"] == "P"
    assert d2["uut"]["stepIdCausedUUTFailure"] is None
    assert not any(s.caused_uut_failure for s in r.root.walk())


def test_error_and_terminated_outrank_failed() -> None:
    r = _report()
    seq = r.root.add_sequence("s")
    seq.add_pass_fail_step("f", False)
    err = seq.add_action_step("e", status="E")
    r.finalize()
    assert seq.status == "E"
    assert r.result == "E"
    assert err.caused_uut_failure is True
    seq.add_action_step("t", status="T")
    r.finalize()
    assert r.result == "T"


def test_done_and_skipped_leave_parent_passed() -> None:
    r = _report()
    r.root.add_action_step("a")
    r.root.add_pass_fail_step("skipped", status="S")
    r.finalize()
    assert r.root.status == "P"
    assert r.result == "P"


def test_multi_measurement_step_status() -> None:
    r = _report()
    step = r.root.add_multi_numeric_step("rails")
    step.add_numeric_measurement("a", 1.0, low=0.0, high=2.0)
    assert step.status == "P"
    step.add_numeric_measurement("b", 5.0, low=0.0, high=2.0)
    assert step.status == "F"
    pf = r.root.add_multi_pass_fail_step("conn")
    pf.add_boolean_measurement("J1", True)
    pf.add_boolean_measurement("J2", status="S")
    assert pf.status == "P"
    ms = r.root.add_multi_string_step("ids")
    ms.add_string_measurement("vendor", "ACME", limit="acme", comp_op=CompOp.IGNORECASE)
    assert ms.status == "P"
    r.validate()


def test_explicit_status_wins_and_keeps_step_and_measurement_equal() -> None:
    r = _report()
    step = r.root.add_numeric_step("skipped", None, low=1.0, high=2.0, status="S")
    assert step.status == "S"
    assert step.numeric_meas is not None
    assert step.numeric_meas[0].status == "S"
    r.validate()


def test_loop_summary_counts_iterations() -> None:
    r = _report()
    loop = r.root.add_loop("Retry")
    for v in (0.5, 1.0, 1.05):
        loop.add_numeric_step("Retry", v, low=0.9, high=1.1)
    r.root.add_action_step("after")
    d = r.to_wsjf()
    summary, *iterations, after = d["root"]["steps"]
    assert summary["loop"] == {"idx": None, "num": 3, "endingIndex": 3, "passed": 2, "failed": 1}
    assert summary["status"] == "F"
    assert summary["stepType"] == "ET_NLT"
    assert "numericMeas" not in summary
    assert [it["loop"]["idx"] for it in iterations] == [0, 1, 2]
    assert [it["name"] for it in iterations] == ["Retry"] * 3
    assert after["name"] == "after"
    # the failing iteration, not the summary, is the UUT's failure cause
    assert d["uut"]["stepIdCausedUUTFailure"] == iterations[0]["id"]
    r.validate()


def test_loop_iterations_stay_together_when_steps_follow() -> None:
    r = _report()
    loop = r.root.add_loop("L")
    loop.add_pass_fail_step("L", True)
    r.root.add_action_step("between")
    loop.add_pass_fail_step("L", True)
    names = [s.name for s in r.root.steps or []]
    assert names == ["L", "L", "L", "between"]
    r.finalize()
    assert r.root.steps is not None
    assert r.root.steps[0].loop is not None
    assert r.root.steps[0].loop.num == 2
