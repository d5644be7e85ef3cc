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

from collections.abc import Mapping
from typing import Any

from pywats._exceptions import ReportValidationError
from pywats.reports._validate_fast import _MAX_DEPTH as _MAX_DEPTH  # for converters' streaming
from pywats.reports._validate_fast import _RESULTS, _is_guid, _short
from pywats.reports._validate_fast import _plain_measurements as _plain_measurements
from pywats.reports._validate_fast import _plain_step_fields as _plain_step_fields
from pywats.reports._validate_steps import _StepChecks

__all__ = ["check", "validate"]


class _Checker(_StepChecks):
    """Every check of a report: its header and units here, fields and steps in the bases."""

    __slots__ = ()

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
