"""Reject locally what ``POST /api/Report/WSJF`` rejects with 400 (``reference/wats-api.md`` §8.3).

Works on the raw WSJF dict, so the emulator can answer with the same lines the server would,
and so anything (wrong types, missing keys, a list instead of an object) gives lines, never an
exception. Each line names where the problem is, in the server's style::

    root -> step Power -> step 3V3 rail: Status cannot be different from measurement status.
    root -> step Loops -> loop Retry: passed and failed together cannot be more than num.
    report -> subUnits[1]: pn cannot be longer than 100 characters (it has 120).

Rules (all of them, so a failing report shows every problem at once):

* header: ``type`` T/R, ``id`` a GUID, ``pn``/``sn``/``rev`` non-empty, ``machineName``,
  ``location``, ``purpose`` present, ``processCode`` an integer, ``result`` P/F/E/T, ``start`` a
  date-time; T needs ``root`` and ``uut``, R needs ``uur`` and ``subUnits`` with the main unit
  (``idx`` 0);
* lengths of §4.17; types of every known field; enum codes of §7;
* steps: ``name``, ``status`` (P/F/D/S/E/T/U), ``group`` (S/M/C), unique ``id``; measurement
  ``status`` P/F/S and ``compOp`` from §4.14; a single-measurement step has its measurement's
  status; items of a multi-measurement step have unique names;
* loops: counters are non-negative integers, a summary has ``num``, no more iterations follow
  it than ``num``, iteration indexes are unique;
* charts: series ``xdata``/``ydata`` are ``;``-separated numbers with the same count.

Loop counter rules beyond those are left out on purpose: servers disagree with their own
exports (§10.3), and the real exports must pass.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from typing import Any

from pywats._exceptions import ReportValidationError
from pywats.reports._dates import parse_dt
from pywats.reports._status import NUMERIC_OPS, STRING_OPS

__all__ = ["check", "validate"]

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


class _Checker:
    __slots__ = ("lines", "step_ids")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.step_ids: dict[int, str] = {}

    def add(self, path: str, message: str) -> None:
        line = f"{path}: {message}"
        if not line.isascii() and not _is_text(line):
            line = line.encode("utf-8", "backslashreplace").decode("utf-8")  # printable
        self.lines.append(line)

    # -- field helpers: each returns the value when it is usable, else None

    def text(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        *,
        required: bool = False,
        nonempty: bool = False,
        max_len: int | None = None,
    ) -> str | None:
        value = obj.get(key)
        if value is None:
            if required:
                self.add(path, f"{key} is required.")
            return None
        if not isinstance(value, str):
            self.add(path, f"{key} must be a string, not {_short(value)}.")
            return None
        if nonempty and not value.strip():
            self.add(path, f"{key} cannot be empty.")
        if not value.isascii() or (key in _IDENTIFIERS and "\x00" in value):
            self._check_characters(key, value, path)
        if max_len is not None and len(value) > max_len:
            self.add(
                path, f"{key} cannot be longer than {max_len} characters (it has {len(value)})."
            )
        return value

    def _check_characters(self, key: str, value: str, path: str) -> None:
        if key in _IDENTIFIERS and "\x00" in value:
            # Databases and C tools cut a string at NUL: two serial numbers would become one.
            self.add(path, f"{key} contains a NUL character (\\x00).")
        if not _is_text(value):
            # JSON "\\ud800" without its pair: it cannot even be sent as UTF-8.
            self.add(path, f"{key} contains a lone surrogate (\\ud800-\\udfff): not valid text.")

    def integer(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        *,
        required: bool = False,
        minimum: int | None = None,
    ) -> int | None:
        value = obj.get(key)
        if value is None:
            if required:
                self.add(path, f"{key} is required.")
            return None
        number: int | None = None
        if isinstance(value, bool):
            number = None
        elif isinstance(value, int):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str):
            # Json.NET converts numeric strings for int fields
            try:
                number = int(value.strip())
            except ValueError:
                number = None
        if number is None:
            self.add(path, f"{key} must be an integer, not {_short(value)}.")
            return None
        if not _INT32[0] <= number <= _INT32[1]:
            self.add(path, f"{key} {number} is out of range for a 32-bit integer.")
            return None
        if minimum is not None and number < minimum:
            self.add(path, f"{key} cannot be less than {minimum} (it is {number}).")
        return number

    def number(self, obj: Mapping[str, Any], key: str, path: str) -> float | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool):
            self.add(path, f"{key} must be a number, not {_short(value)}.")
            return None
        if isinstance(value, int | float):
            return float(value)
        if isinstance(value, str):
            if value in _NONFINITE:
                return _NONFINITE[value]
            try:
                return float(value)
            except ValueError:
                pass
        self.add(path, f"{key} must be a number, not {_short(value)}.")
        return None

    def boolean(self, obj: Mapping[str, Any], key: str, path: str) -> None:
        value = obj.get(key)
        if value is not None and not isinstance(value, bool):
            self.add(path, f"{key} must be true or false, not {_short(value)}.")

    def code(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        allowed: tuple[str, ...] | frozenset[str],
        *,
        required: bool = False,
        fold: bool = False,
    ) -> str | None:
        value = self.text(obj, key, path, required=required)
        if value is None:
            return None
        probe = value.upper() if fold else value
        if probe not in allowed:
            options = (
                ", ".join(sorted(allowed)) if isinstance(allowed, frozenset) else ", ".join(allowed)
            )
            self.add(path, f"{key} {value!r} is not valid; use one of {options}.")
            return None
        return value

    def date(self, obj: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> None:
        value = self.text(obj, key, path, required=required)
        if value is None:
            return
        try:
            parse_dt(value)
        except (ValueError, OverflowError):
            self.add(path, f"{key} {value!r} is not a date-time.")

    def guid(self, obj: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> None:
        value = self.text(obj, key, path, required=required)
        if value is not None and not _is_guid(value):
            self.add(path, f"{key} {value!r} is not a GUID.")

    def items(
        self, obj: Mapping[str, Any], key: str, path: str
    ) -> list[tuple[str, dict[str, Any]]]:
        """The dict items of list ``key``, each with its path ``path -> key[i]``."""
        value = obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(path, f"{key} must be a list, not {_short(value)}.")
            return []
        out = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                out.append((f"{path} -> {key}[{i}]", item))
            else:
                self.add(path, f"{key}[{i}] must be an object, not {_short(item)}.")
        return out

    def obj(self, parent: Mapping[str, Any], key: str, path: str) -> dict[str, Any] | None:
        value = parent.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.add(path, f"{key} must be an object, not {_short(value)}.")
            return None
        return value

    # -- report parts

    def binary(self, item: Mapping[str, Any], path: str) -> None:
        self.text(item, "name", path, max_len=256)
        self.text(item, "contentType", path, max_len=100)
        data = self.text(item, "data", path)
        if data is not None:
            try:
                base64.b64decode(data, validate=True)
            except (binascii.Error, ValueError):
                self.add(path, "data must be Base64 text.")
        self.guid(item, "id", path)

    def additional(self, item: Mapping[str, Any], path: str, depth: int = 0) -> None:
        self.text(item, "name", path, max_len=200)
        for p_path, prop in self.items(item, "props", path):
            self.prop(prop, p_path, depth + 1)

    def prop(self, prop: Mapping[str, Any], path: str, depth: int) -> None:
        if depth > _MAX_DEPTH:
            self.add(path, f"nesting is deeper than {_MAX_DEPTH} levels.")
            return
        for key in ("name", "type", "value", "numFormat", "comment"):
            self.text(prop, key, path)
        self.integer(prop, "flags", path)
        for p_path, sub in self.items(prop, "props", path):
            self.prop(sub, p_path, depth + 1)
        arr = self.obj(prop, "array", path)
        if arr is not None:
            a_path = f"{path} -> array"
            self.integer(arr, "dimension", a_path, minimum=0)
            self.text(arr, "type", a_path)
            for i_path, idx in self.items(arr, "indexes", a_path):
                self.text(idx, "text", i_path)
                indexes = idx.get("indexes")
                if indexes is not None and not (
                    isinstance(indexes, list)
                    and all(isinstance(n, int) and not isinstance(n, bool) for n in indexes)
                ):
                    self.add(i_path, "indexes must be a list of integers.")
                value = self.obj(idx, "value", i_path)
                if value is not None:
                    self.prop(value, f"{i_path} -> value", depth + 1)

    def header(self, data: Mapping[str, Any]) -> str | None:
        p = "report"
        kind = self.code(data, "type", p, ("T", "R"), required=True)
        self.guid(data, "id", p, required=True)
        for key in ("pn", "sn", "rev"):
            self.text(data, key, p, required=True, nonempty=True, max_len=100)
        for key in ("machineName", "location", "purpose"):
            self.text(data, key, p, required=True, max_len=100)
        self.integer(data, "processCode", p, required=True)
        for key in ("processCodeFormat", "processName", "productName", "origin"):
            self.text(data, key, p)
        self.code(data, "result", p, _RESULTS, required=True)
        self.date(data, "start", p, required=True)
        self.date(data, "startUTC", p)
        for m_path, misc in self.items(data, "miscInfos", p):
            self.text(misc, "description", m_path, required=True, max_len=100)
            self.text(misc, "text", m_path, max_len=100)
            self.text(misc, "typedef", m_path, max_len=30)
            self.text(misc, "numericFormat", m_path)
            self.integer(misc, "numeric", m_path)
            self.guid(misc, "id", m_path)
        for a_path, asset in self.items(data, "assets", p):
            self.text(asset, "assetSN", a_path, required=True, max_len=100)
            self.integer(asset, "usageCount", a_path)
            self.text(asset, "usageCountFormat", a_path)
        for s_path, stats in self.items(data, "assetStats", p):
            self.text(stats, "assetSN", s_path)
            self.text(stats, "message", s_path)
        for b_path, item in self.items(data, "binaryData", p):
            self.binary(item, b_path)
        for d_path, item in self.items(data, "additionalData", p):
            self.additional(item, d_path)
        return kind

    def sub_units(self, data: Mapping[str, Any], repair: bool) -> None:
        p = "report"
        if repair and data.get("subUnits") is None:
            self.add(p, "subUnits is required for a repair report (with the main unit, idx 0).")
        units = self.items(data, "subUnits", p)
        seen: dict[int, str] = {}
        parents: list[tuple[str, str, int]] = []
        for u_path, unit in units:
            self.text(unit, "partType", u_path, max_len=50)
            for key in ("pn", "sn", "rev"):
                self.text(unit, key, u_path, max_len=100)
            idx = self.integer(unit, "idx", u_path, minimum=0)
            if idx is not None:
                if idx in seen:
                    self.add(u_path, f"idx {idx} is used by more than one sub-unit.")
                seen[idx] = u_path
            for key in ("parentIdx", "replacedIdx"):
                ref = self.integer(unit, key, u_path, minimum=0)
                if ref is not None:
                    parents.append((u_path, key, ref))
            self.integer(unit, "position", u_path)
            for f_path, failure in self.items(unit, "failures", u_path):
                for key in ("category", "code", "comment", "refStepName"):
                    self.text(failure, key, f_path)
                self.text(failure, "comRef", f_path, max_len=50)
                for key in ("funcBlock", "artNumber", "artRev", "artVendor", "artDescription"):
                    self.text(failure, key, f_path, max_len=100)
                self.integer(failure, "refStepId", f_path, minimum=0)
                for b_path, item in self.items(failure, "attachments", f_path):
                    self.binary(item, b_path)
        if repair and isinstance(data.get("subUnits"), list) and 0 not in seen:
            self.add(p, "subUnits must hold the main unit (idx 0).")
        for u_path, key, ref in parents:
            if seen and ref not in seen:
                self.add(u_path, f"{key} {ref} does not match the idx of any sub-unit.")

    def uut(self, data: Mapping[str, Any]) -> None:
        p = "report"
        if data.get("root") is None:
            self.add(p, "root is required for a test report.")
        uut = self.obj(data, "uut", p)
        if uut is None:
            if data.get("uut") is None:
                self.add(p, "uut is required for a test report.")
        else:
            u = "report -> uut"
            self.text(uut, "user", u, max_len=100)
            self.text(uut, "comment", u, max_len=5000)
            self.text(uut, "batchSN", u, max_len=100)
            self.text(uut, "fixtureId", u, max_len=100)
            self.text(uut, "errorMessage", u)
            self.number(uut, "execTime", u)
            for key in (
                "testSocketIndex",
                "errorCode",
                "batchFailCount",
                "batchLoopIndex",
                "stepIdCausedUUTFailure",
            ):
                self.integer(uut, key, u)
            for r_path, ref in self.items(uut, "refUURs", u):
                self.guid(ref, "id", r_path)
                self.date(ref, "start", r_path)
        root = self.obj(data, "root", p)
        if root is not None:
            self.step(root, "root", 0)

    def uur(self, data: Mapping[str, Any]) -> None:
        p = "report"
        uur = self.obj(data, "uur", p)
        if uur is None:
            if data.get("uur") is None:
                self.add(p, "uur is required for a repair report.")
            return
        u = "report -> uur"
        self.text(uur, "user", u, max_len=100)
        self.text(uur, "comment", u, max_len=5000)
        self.integer(uur, "processCode", u)
        self.text(uur, "processName", u)
        self.guid(uur, "refUUT", u)
        self.guid(uur, "parent", u)
        self.date(uur, "confirmDate", u)
        self.date(uur, "finalizeDate", u)
        self.number(uur, "execTime", u)
        children = uur.get("children")
        if children is not None:
            if not isinstance(children, list):
                self.add(u, f"children must be a list, not {_short(children)}.")
            else:
                for child in children:
                    if not _is_guid(child):
                        self.add(u, f"children item {_short(child)} is not a GUID.")

    # -- steps

    def step(self, step: Mapping[str, Any], path: str, depth: int) -> None:
        if depth > _MAX_DEPTH:
            self.add(path, f"steps are nested deeper than {_MAX_DEPTH} levels.")
            return
        if _plain_step_fields(step):
            status: str | None = step["status"]
            sid = step.get("id")
            if sid is not None:
                if sid in self.step_ids:
                    self.step_id(sid, path)  # adds the line
                else:
                    self.step_ids[sid] = path
        else:
            status = self.step_fields(step, path)

        statuses = _plain_measurements(step)
        if statuses is None:
            statuses = self.measurements(step, path)
        if len(statuses) == 1 and status is not None and statuses[0] not in (None, status):
            self.add(path, "Status cannot be different from measurement status.")

        if not _STEP_PARTS.isdisjoint(step):
            self.step_parts(step, path)

        children = step.get("steps")
        if children is None:
            return
        if not isinstance(children, list):
            self.add(path, f"steps must be a list, not {_short(children)}.")
            return
        named: list[tuple[str, dict[str, Any]]] = []
        for i, child in enumerate(children):
            if not isinstance(child, dict):
                self.add(path, f"steps[{i}] must be an object, not {_short(child)}.")
                continue
            name = child.get("name")
            label = name if isinstance(name, str) else f"[{i}]"
            c_path = f"{path} -> step {label}"
            named.append((c_path, child))
            self.step(child, c_path, depth + 1)
        self.loops(named, path)

    def step_id(self, sid: int, path: str) -> None:
        if sid in self.step_ids:
            self.add(path, f"id {sid} is already used by {self.step_ids[sid]}.")
        else:
            self.step_ids[sid] = path

    def step_fields(self, step: Mapping[str, Any], path: str) -> str | None:
        """Check a step's own fields; return its status when that is usable."""
        sid = self.integer(step, "id", path)
        if sid is not None:
            self.step_id(sid, path)
        self.code(step, "group", path, _GROUPS)
        self.text(step, "stepType", path)
        self.text(step, "name", path, required=True, max_len=100)
        status = self.code(step, "status", path, _STEP_STATUS, required=True)
        self.date(step, "start", path)
        self.number(step, "totTime", path)
        self.integer(step, "errorCode", path)
        self.integer(step, "interactiveExeNum", path)
        for key in ("errorMessage", "reportText", "tsGuid"):
            self.text(step, key, path)
        self.boolean(step, "causedSeqFailure", path)
        self.boolean(step, "causedUUTFailure", path)
        return status

    def step_parts(self, step: Mapping[str, Any], path: str) -> None:
        """Check the objects a step may carry (sequence call, chart, loop, ...)."""
        seq = self.obj(step, "seqCall", path)
        if seq is not None:
            s_path = f"{path} -> seqCall"
            self.text(seq, "path", s_path, max_len=500)
            self.text(seq, "name", s_path, max_len=200)
            self.text(seq, "version", s_path, max_len=30)
        exe = self.obj(step, "callExe", path)
        if exe is not None:
            self.number(exe, "exitCode", f"{path} -> callExe")
        popup = self.obj(step, "messagePopup", path)
        if popup is not None:
            m_path = f"{path} -> messagePopup"
            self.text(popup, "response", m_path, max_len=100)
            self.integer(popup, "button", m_path)
        chart = self.obj(step, "chart", path)
        if chart is not None:
            self.chart(chart, f"{path} -> chart")
        att = self.obj(step, "attachment", path)
        if att is not None:
            self.binary(att, f"{path} -> attachment")
        for r_path, item in self.items(step, "additionalResults", path):
            self.additional(item, r_path)
        loop = self.obj(step, "loop", path)
        if loop is not None:
            self.loop_fields(loop, step, path)

    def measurements(self, step: Mapping[str, Any], path: str) -> list[str | None]:
        statuses: list[str | None] = []
        for key, ops in (
            ("numericMeas", NUMERIC_OPS),
            ("stringMeas", STRING_OPS),
            ("booleanMeas", None),
        ):
            value = step.get(key)
            if value is None:
                continue
            if not isinstance(value, list):
                self.add(path, f"{key} must be a list, not {_short(value)}.")
                continue
            many = len(value) > 1
            names: set[str] = set()
            for i, meas in enumerate(value):
                if not isinstance(meas, dict):
                    self.add(path, f"{key}[{i}] must be an object, not {_short(meas)}.")
                    continue
                name = meas.get("name")
                if isinstance(name, str) and many:
                    m_path = f"{path} -> {key} {name}"
                elif many:
                    m_path = f"{path} -> {key}[{i}]"
                else:
                    m_path = f"{path} -> {key}"
                self.text(meas, "name", m_path, max_len=100)
                if many:
                    if name is None or name == "":
                        self.add(
                            m_path, "name is required when a step has more than one measurement."
                        )
                    elif isinstance(name, str):
                        if name in names:
                            self.add(m_path, f"name {name!r} is used by more than one measurement.")
                        names.add(name)
                statuses.append(self.code(meas, "status", m_path, _MEAS_STATUS, required=True))
                if ops is not None:
                    self.code(meas, "compOp", m_path, ops, required=True, fold=key == "stringMeas")
                if key == "numericMeas":
                    self.text(meas, "unit", m_path)
                    for num_key in ("value", "lowLimit", "highLimit"):
                        self.number(meas, num_key, m_path)
                elif key == "stringMeas":
                    self.text(meas, "value", m_path)
                    self.text(meas, "limit", m_path)
        return statuses

    def chart(self, chart: Mapping[str, Any], path: str) -> None:
        self.code(chart, "chartType", path, _CHART_TYPES)
        self.text(chart, "label", path, max_len=100)
        self.text(chart, "xLabel", path, max_len=50)
        self.text(chart, "yLabel", path, max_len=50)
        self.text(chart, "xUnit", path, max_len=20)
        self.text(chart, "yUnit", path, max_len=20)
        for s_path, series in self.items(chart, "series", path):
            name = series.get("name")
            if isinstance(name, str):
                s_path = f"{path} -> series {name}"
            self.text(series, "name", s_path, max_len=100)
            self.code(series, "dataType", s_path, ("XYG",))
            x = self.values(series, "xdata", s_path)
            y = self.values(series, "ydata", s_path)
            if x is not None and y is not None and x != y:
                self.add(
                    s_path,
                    f"xdata and ydata must hold the same number of values ({x} and {y}).",
                )

    def values(self, series: Mapping[str, Any], key: str, path: str) -> int | None:
        text = self.text(series, key, path)
        if text is None:
            return None
        if not text.strip():
            return 0
        parts = text.split(";")
        if parts[-1].strip() == "":
            parts.pop()  # a trailing separator is harmless
        for part in parts:
            try:
                float(part)
            except ValueError:
                self.add(path, f"{key} must be ';'-separated numbers; {part!r} is not a number.")
                return None
        return len(parts)

    def loop_fields(self, loop: Mapping[str, Any], step: Mapping[str, Any], path: str) -> None:
        name = step.get("name")
        l_path = f"{path.rsplit(' -> ', 1)[0]} -> loop {name}" if " -> " in path else f"loop {name}"
        idx = self.integer(loop, "idx", l_path, minimum=0)
        num = self.integer(loop, "num", l_path, minimum=0)
        self.integer(loop, "endingIndex", l_path, minimum=0)
        self.integer(loop, "passed", l_path, minimum=0)
        self.integer(loop, "failed", l_path, minimum=0)
        # passed + failed <= num is NOT checked: a real export has a skipped loop with
        # num 0 and passed 1.
        if idx is None and loop.get("idx") is None and num is None and loop.get("num") is None:
            self.add(l_path, "num is required on a loop summary step (idx null).")

    def loops(self, children: list[tuple[str, dict[str, Any]]], path: str) -> None:
        i = 0
        n = len(children)
        while i < n:
            _, child = children[i]
            loop = child.get("loop")
            if not (isinstance(loop, dict) and loop.get("idx") is None and "num" in loop):
                i += 1
                continue
            name = child.get("name")
            num = loop.get("num")
            seen: set[Any] = set()
            j = i + 1
            while j < n:
                _, it = children[j]
                it_loop = it.get("loop")
                if not isinstance(it_loop, dict) or it_loop.get("idx") is None:
                    break
                if it.get("name") != name:
                    break
                idx = it_loop.get("idx")
                if isinstance(idx, int) and not isinstance(idx, bool):
                    if idx in seen:
                        self.add(f"{path} -> loop {name}", f"iteration idx {idx} appears twice.")
                    seen.add(idx)
                j += 1
            count = j - i - 1
            if isinstance(num, int) and not isinstance(num, bool) and count > num:
                self.add(
                    f"{path} -> loop {name}",
                    f"has {count} iterations but num is {num}.",
                )
            i = j


def check(data: Any) -> list[str]:
    """Return every problem with a WSJF report dict (an empty list when it is valid)."""
    checker = _Checker()
    if not isinstance(data, Mapping):
        checker.add("report", f"must be a JSON object, not {type(data).__name__}.")
        return checker.lines
    try:
        kind = checker.header(data)
        if kind == "T":
            checker.uut(data)
            checker.sub_units(data, repair=False)
        elif kind == "R":
            checker.uur(data)
            checker.sub_units(data, repair=True)
    except RecursionError:
        checker.add("report", "is nested too deeply to check.")
    return checker.lines


def validate(data: Any) -> None:
    """Check a WSJF report dict as the server does.

    Raises:
        ReportValidationError: with one line per problem, each prefixed by its path.
    """
    lines = check(data)
    if lines:
        raise ReportValidationError(lines)
