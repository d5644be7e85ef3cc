"""The validator's fast path never hides a problem and never changes a line.

``pywats.reports._validate`` skips its per-field checks for steps and measurements that
inline type tests find plain. Here every report is checked twice, with the fast path and
with it turned off, over a base report whose fields are replaced with awkward values: the
lines (text and order) must be identical.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from pywats.reports import _validate, check

Data = dict[str, Any]


def _report() -> Data:
    def meas(**extra: Any) -> Data:
        return {"compOp": "GELE", "name": None, "status": "P", "unit": "V", "value": 5.0,
                "lowLimit": 4.5, "highLimit": 5.5, **extra}  # fmt: skip

    return {
        "type": "T",
        "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        "pn": "PCB-1001",
        "sn": "SN-1",
        "rev": "A",
        "processCode": 10,
        "result": "P",
        "machineName": "ST",
        "location": "L",
        "purpose": "P",
        "start": "2026-03-02T10:15:30.000+01:00",
        "uut": {"user": "op"},
        "root": {
            "id": 1,
            "group": "M",
            "stepType": "SequenceCall",
            "name": "Main",
            "status": "P",
            "steps": [
                {"id": 2, "group": "M", "stepType": "ET_NLT", "name": "one", "status": "P",
                 "totTime": 0.1, "causedSeqFailure": False, "numericMeas": [meas()]},
                {"id": 3, "group": "M", "stepType": "ET_MNLT", "name": "many", "status": "P",
                 "numericMeas": [meas(name="a"), meas(name="b")]},
                {"id": 4, "group": "M", "stepType": "ET_SVT", "name": "text", "status": "P",
                 "stringMeas": [{"compOp": "IGNORECASE", "name": None, "status": "P",
                                 "value": "x", "limit": "x"}]},
                {"id": 5, "group": "M", "stepType": "ET_PFT", "name": "flag", "status": "P",
                 "start": "2026-03-02T10:15:31.000+01:00",
                 "booleanMeas": [{"name": None, "status": "P"}]},
            ],
        },
    }  # fmt: skip


@contextmanager
def _slow_path_only() -> Iterator[None]:
    with (
        mock.patch.object(_validate, "_plain_step_fields", return_value=False),
        mock.patch.object(_validate, "_plain_measurements", return_value=None),
    ):
        yield


def _both(data: Data) -> tuple[list[str], list[str]]:
    fast = check(data)
    with _slow_path_only():
        slow = check(data)
    return fast, slow


AWKWARD: list[Any] = [
    None, "", " ", "P", "F", "S", "D", "Z", "M", "C", "GELE", "gele", "LOG", "IGNORECASE",
    "ignorecase", "x" * 100, "x" * 101, "NaN", "Infinity", "1.5", "12", "2026-03-02T10:15:31Z",
    "not a date", 0, 1, -1, 3, 2**31, 2**40, 1.0, 1.5, float("nan"), True, False, [], {}, [1],
    {"a": 1},
]  # fmt: skip
STEP_KEYS = [
    "id", "group", "stepType", "name", "status", "start", "totTime", "errorCode",
    "interactiveExeNum", "errorMessage", "reportText", "tsGuid", "causedSeqFailure",
    "causedUUTFailure", "numericMeas", "stringMeas", "booleanMeas", "loop", "chart",
]  # fmt: skip
MEAS_KEYS = ["compOp", "name", "status", "unit", "value", "lowLimit", "highLimit", "limit"]


def test_the_base_report_is_valid_and_takes_the_fast_path() -> None:
    data = _report()
    assert _both(data) == ([], [])
    for step in data["root"]["steps"]:
        assert _validate._plain_step_fields(step)
        assert _validate._plain_measurements(step) is not None


def _edit(data: Data, index: int, key: str, value: Any, which: int) -> None:
    step = data["root"]["steps"][index]
    value = copy.deepcopy(value)
    if key.startswith("meas."):
        for kind in ("numericMeas", "stringMeas", "booleanMeas"):
            items = step.get(kind)
            if isinstance(items, list) and items and isinstance(items[-1], dict):
                items[min(which, len(items) - 1)][key[5:]] = value
    elif value is None and which:
        step.pop(key, None)
    else:
        step[key] = value


def test_every_single_awkward_field_gives_the_same_lines() -> None:
    cases = 0
    for index in range(4):
        for key in STEP_KEYS + [f"meas.{k}" for k in MEAS_KEYS]:
            for value in AWKWARD:
                for which in (0, 1):
                    data = _report()
                    _edit(data, index, key, value, which)
                    fast, slow = _both(data)
                    assert fast == slow, (index, key, value, which)
                    cases += 1
    assert cases > 4000


@settings(max_examples=200, deadline=None)
@given(
    edits=st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=3),
            st.sampled_from(STEP_KEYS + [f"meas.{k}" for k in MEAS_KEYS]),
            st.sampled_from(AWKWARD),
            st.integers(min_value=0, max_value=1),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_fast_and_slow_paths_give_the_same_lines(edits: list[tuple[int, str, Any, int]]) -> None:
    data = _report()
    for index, key, value, which in edits:
        _edit(data, index, key, value, which)
    fast, slow = _both(data)
    assert fast == slow


def test_duplicate_step_ids_and_measurement_names_are_still_found() -> None:
    data = _report()
    steps = data["root"]["steps"]
    steps[1]["id"] = 2
    steps[1]["numericMeas"][1]["name"] = "a"
    lines = check(data)
    assert "root -> step many: id 2 is already used by root -> step one." in lines
    assert (
        "root -> step many -> numericMeas a: name 'a' is used by more than one measurement."
        in lines
    )
