"""A step keeps its twelve rare fields in one object: small leaf steps, the same behaviour.

JUnit's 238,000 cases of a 20 MB file held 64 MB in 31-slot ``Step`` objects; with the rare
fields behind one slot a plain step is 192 bytes instead of 280, and nothing a user or the
wire sees changes (the writer's output is compared byte for byte by test_roundtrip and
test_real_exports, and every converter's golden files).
"""

from __future__ import annotations

import pickle
import sys

import pytest

from pywats.reports import Report, UUTReport
from pywats.reports._parts import Chart, LoopInfo, SeqCall
from pywats.reports._step_more import RARE
from pywats.reports._steps import Step


def test_a_plain_step_is_small() -> None:
    assert sys.getsizeof(Step(name="leaf")) <= 200
    assert Step(name="leaf")._more is None
    assert not hasattr(Step(name="leaf"), "__dict__")


@pytest.mark.parametrize("field", RARE)
def test_each_rare_field_reads_writes_and_compares_as_a_field(field: str) -> None:
    value = {
        "loop": LoopInfo(idx=1),
        "seq_call": SeqCall(name="Power"),
        "chart": Chart(label="sweep"),
        "additional_results": [],
        "interactive_exe_num": 3,
    }.get(field, "text")
    made = Step(name="s", **{field: value})
    assert getattr(made, field) == value
    assert made != Step(name="s")
    later = Step(name="s")
    setattr(later, field, value)
    assert later == made
    setattr(later, field, None)  # back to nothing: equal to a step that never had it
    assert later == Step(name="s")
    assert getattr(later, field) is None
    assert pickle.loads(pickle.dumps(made)) == made


def test_a_report_with_rare_fields_round_trips_through_wsjf() -> None:
    report = UUTReport(
        pn="P", sn="S", rev="A", process_code=10, station_name="st", location="l", purpose="p"
    )
    seq = report.root.add_sequence("Power", path="power.seq", version="1.0")
    step = seq.add_numeric_step("3V3", 3.3, low=3.2, high=3.4)
    step.tot_time_format = "0.000"
    step.ts_guid = "ID#:abc"
    seq.add_chart_step("sweep", label="gain", x_label="f", y_label="dB").chart.add_series(  # type: ignore[union-attr]
        "g", [1.0, 2.0], [10.0, 100.0]
    )
    text = report.to_json()
    back = Report.from_wsjf(report.to_wsjf())
    assert back.to_json() == text
    assert back.root.steps[0].seq_call == SeqCall(path="power.seq", name="Power", version="1.0")  # type: ignore[index]
