"""The validator's vocabulary (codes, field sets) and its fast path.

A 20,000-step report is mostly plain steps and measurements: the ``_plain_*`` functions
answer "would the full checks add no line here?" with a few set look-ups, and only what is
not plain goes through the full checks (``_validate_steps.py``), which give the lines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pywats.reports._dates import parse_dt
from pywats.reports._status import NUMERIC_OPS, STRING_OPS

__all__: list[str] = []

_STEP_STATUS = ("P", "F", "D", "S", "E", "T", "U")
_MEAS_STATUS = ("P", "F", "S")
_GROUPS = ("S", "M", "C")
_RESULTS = ("P", "F", "E", "T")
_CHART_TYPES = ("Line", "LineLogXY", "LineLogX", "LineLogY")
_NONFINITE = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}
_MAX_DEPTH = 200
_IDENTIFIERS = frozenset(("pn", "sn", "rev"))  # part and serial numbers refuse NUL
_INT32 = (-(2**31), 2**31 - 1)


# The forms .NET's Guid.Parse reads: 32 digits, hyphenated, in braces or in parentheses.
_HEX = "[0-9a-fA-F]"
_DASHED = f"{_HEX}{{8}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{4}}-{_HEX}{{12}}"
_GUID_RE = re.compile(rf"^(?:{_DASHED}|\{{{_DASHED}\}}|\({_DASHED}\)|{_HEX}{{32}})$")


def _is_guid(value: Any) -> bool:
    return isinstance(value, str) and _GUID_RE.match(value.strip()) is not None


# -- the fast path -------------------------------------------------------------------------
# A report's steps are almost always well-formed, and calling a checker method per field is
# most of the time validation takes. These predicates answer "would the checker add no line
# here?" with inline type tests; only when one says no does the checker run, so every
# message (and its order) comes from the checker alone. Each predicate must be at least as
# strict as the checks it stands for (tests/unit/reports/test_validate_fast_path.py holds
# them to it).

_STEP_STATUS_SET = frozenset(_STEP_STATUS)
_MEAS_STATUS_SET = frozenset(_MEAS_STATUS)
_GROUP_SET = frozenset(_GROUPS)
# A step's own scalar fields (what ``_Checker.step_fields`` checks), by the type they take.
_STEP_ANY_TEXT = frozenset(("stepType", "errorMessage", "reportText", "tsGuid", "name", "status"))
_STEP_INT_KEYS = frozenset(("id", "errorCode", "interactiveExeNum"))
_STEP_BOOL_KEYS = frozenset(("causedSeqFailure", "causedUUTFailure"))
_STEP_FIELDS = _STEP_ANY_TEXT | _STEP_INT_KEYS | _STEP_BOOL_KEYS | {"group", "start", "totTime"}
_STEP_PARTS = frozenset(
    ("seqCall", "callExe", "messagePopup", "chart", "attachment", "additionalResults", "loop")
)


def _is_text(value: str) -> bool:
    """Whether ``value`` is real text: a lone surrogate (JSON ``"\\ud800"``) is not."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _plain_step_fields(step: Mapping[str, Any]) -> bool:
    """Whether ``_Checker.step_fields`` would add no line for ``step``."""
    name = step.get("name")
    status = step.get("status")
    if type(name) is not str or len(name) > 100:
        return False
    if type(status) is not str or status not in _STEP_STATUS_SET:
        return False
    # By the value's type first: a plain step's values are str, int, float, bool or None.
    kinds = _STEP_FIELDS
    for key, value in step.items():
        cls = type(value)
        if cls is str:
            if not value.isascii() and not _is_text(value):
                return False  # step_fields says where
            if key in _STEP_ANY_TEXT or key not in kinds:
                continue
            if key == "group":
                if value not in _GROUP_SET:
                    return False
            elif key == "start":
                try:
                    parse_dt(value)
                except (ValueError, OverflowError):
                    return False
            else:
                return False
        elif cls is int:
            if key in _STEP_INT_KEYS:
                if not _INT32[0] <= value <= _INT32[1]:
                    return False
            elif key != "totTime" and key in kinds:
                return False
        elif cls is float:
            if key != "totTime" and key in kinds:
                return False
        elif cls is bool:
            if key not in _STEP_BOOL_KEYS and key in kinds:
                return False
        elif value is not None and key in kinds:
            return False
    return True


def _plain_measurements(step: Mapping[str, Any]) -> list[str | None] | None:
    """The statuses ``_Checker.measurements`` returns, or None when it might add a line."""
    statuses: list[str | None] = []
    for key, ops in _MEAS_KINDS:
        value = step.get(key)
        if value is not None and not _plain_meas_list(key, value, ops, statuses):
            return None
    return statuses


_MEAS_KINDS = (("numericMeas", NUMERIC_OPS), ("stringMeas", STRING_OPS), ("booleanMeas", None))


def _plain_meas_list(
    key: str, value: Any, ops: frozenset[str] | None, statuses: list[str | None]
) -> bool:
    if type(value) is not list:
        return False
    many = len(value) > 1
    names: set[str] | None = set() if many else None
    for meas in value:
        if type(meas) is not dict:
            return False
        get = meas.get
        name = get("name")
        if name is None:
            if many:
                return False
        elif type(name) is not str or len(name) > 100:
            return False
        elif names is not None:
            if name == "" or name in names:
                return False
            names.add(name)
        status = get("status")
        if type(status) is not str or status not in _MEAS_STATUS_SET:
            return False
        if ops is not None:
            op = get("compOp")
            if type(op) is not str or (op.upper() if key == "stringMeas" else op) not in ops:
                return False
        if key == "numericMeas":
            unit = get("unit")
            if unit is not None and type(unit) is not str:
                return False
            for number in (get("value"), get("lowLimit"), get("highLimit")):
                if number is not None and type(number) is not float and type(number) is not int:
                    return False
        elif key == "stringMeas":
            for text_key in ("value", "limit"):
                text = get(text_key)
                if text is not None and type(text) is not str:
                    return False
        statuses.append(status)
    return True


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
