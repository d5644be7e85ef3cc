"""Reading ATML ``TestResults`` elements into report steps (for ``atml``; the mapping is
in its docstring)."""

from __future__ import annotations

from datetime import datetime
from xml.etree.ElementTree import Element

from pywats.reports import Step
from pywats.reports._status import numeric_status
from pywats.station.converters._atml_values import (
    child as _child,
)
from pywats.station.converters._atml_values import (
    children as _children,
)
from pywats.station.converters._atml_values import (
    datum_kind,
    is_log,
    kinds_of,
    limits,
    number,
    text,
)
from pywats.station.converters._common import parse_time
from pywats.station.converters._xml import XmlDoc, local

__all__ = ["Reader"]

_OUTCOMES = {
    "passed": "P",
    "failed": "F",
    "done": "D",
    "skipped": "S",
    "notstarted": "S",
    "error": "E",
    "errored": "E",
    "terminated": "T",
    "aborted": "T",
    "running": "U",
    "userdefined": "D",
}
# Step types whose WATS name follows the data (single/multiple, numeric/string/boolean).
_MEASURING = {
    "NumericLimitTest",
    "NI_MultipleNumericLimitTest",
    "MultipleNumericLimitTest",
    "StringValueTest",
    "NI_MultipleStringValueTest",
    "PassFailTest",
    "NI_MultiplePassFailTest",
    "ET_NLT",
    "ET_MNLT",
    "ET_SVT",
    "ET_MSVT",
    "ET_PFT",
    "ET_MPFT",
}
_WATS_TYPE = {
    ("numeric", False): "ET_NLT",
    ("numeric", True): "ET_MNLT",
    ("string", False): "ET_SVT",
    ("string", True): "ET_MSVT",
    ("boolean", False): "ET_PFT",
    ("boolean", True): "ET_MPFT",
}
_GROUPS = {"setup": "S", "main": "M", "cleanup": "C"}


def _settle_single(step: Step) -> None:
    """Make a one-measurement step agree with its measurement, as the server requires.

    A Done step takes its measurement's verdict (TestStand marks log-only steps Done); an
    Error or Terminated step keeps its status and drops the measurement, whose value was
    never judged.
    """
    groups = [g for g in (step.numeric_meas, step.string_meas, step.boolean_meas) if g]
    if sum(len(g) for g in groups) != 1 or step.status in ("P", "F", "S"):
        return
    if step.status == "D":
        step.status = groups[0][0].status
    else:
        step.numeric_meas = step.string_meas = step.boolean_meas = None


class _Entry:
    """One measurement: its name, datum, limits and the result element it came from."""

    __slots__ = ("datum", "kind", "limits", "name", "result")

    def __init__(
        self, name: str, datum: Element | None, limits: Element | None, result: Element
    ) -> None:
        self.name = name
        self.datum = datum
        self.limits = limits
        self.result = result
        self.kind = datum_kind(datum)


class Reader:
    def __init__(self, doc: XmlDoc) -> None:
        self.doc = doc

    @staticmethod
    def outcome(el: Element | None, default: str = "D") -> str:
        """The WATS status of a ``tr:Outcome``; a custom qualifier or value never refuses."""
        if el is None:
            return default
        value = (el.get("value") or "").strip().lower()
        qualifier = (el.get("qualifier") or "").strip().lower()
        if value in ("userdefined", "aborted") and qualifier in _OUTCOMES:
            return _OUTCOMES[qualifier]
        return _OUTCOMES.get(value, "D")

    @staticmethod
    def outcome_note(el: Element | None) -> str | None:
        """``Outcome: Aborted (Operator stop)`` when the outcome says more than its status."""
        if el is None:
            return None
        value = (el.get("value") or "").strip()
        qualifier = (el.get("qualifier") or "").strip()
        if qualifier and qualifier.lower() not in _OUTCOMES:
            return f"Outcome: {value} ({qualifier})"
        if value and value.lower() not in _OUTCOMES:
            return f"Outcome: {value}"
        return None

    def time(self, el: Element, attr: str) -> datetime | None:
        text = el.get(attr)
        if not text:
            return None
        return parse_time(text, f"{self.doc.where(el)}: {attr}")

    def props(self, el: Element) -> Element | None:
        return _child(el, "Extension", "TSStepProperties")

    def common(self, el: Element, step: Step) -> None:
        props = self.props(el)
        if props is not None:
            group = _child(props, "StepGroup")
            if group is not None and group.text:
                step.group = _GROUPS.get(group.text.strip().lower(), "M")
            total = _child(props, "TotalTime")
            if total is not None:
                step.tot_time = number(self.doc, total)
        step.start = self.time(el, "startDateTime")
        if step.tot_time is None and step.start is not None:
            # ATML 2.02 has no TotalTime: the step's own start and end say it.
            end = self.time(el, "endDateTime")
            if end is not None:
                step.tot_time = round((end - step.start).total_seconds(), 6)
        notes: list[str] = []
        for item in _children(_child(el, "Data", "Collection"), "Item"):
            datum = _child(item, "Datum")
            if item.get("name") == "ReportText":
                notes.append(text(datum) or "")
            elif datum is not None:
                # Values TestStand logged on the step (action steps too) are kept.
                block = step.add_additional_result(item.get("name") or "Data")
                block.add_property(
                    "value",
                    text(datum) or "",
                    type="Number" if datum_kind(datum) == "numeric" else "String",
                )
        for outcome in (_child(el, "Outcome"), _child(el, "ActionOutcome")):
            note = self.outcome_note(outcome)
            if note:
                notes.append(note)
        notes = [n for n in notes if n]
        if notes:
            joined = "\n".join(notes)
            step.report_text = f"{step.report_text}\n{joined}" if step.report_text else joined

    def group(self, el: Element, sequence: Step, depth: int) -> None:
        if depth > 200:
            raise self.doc.error(el, "is nested more than 200 levels deep")
        for child in el:
            tag = local(child.tag)
            if tag not in ("TestGroup", "Test", "SessionAction"):
                continue
            name = child.get("callerName") if tag == "TestGroup" else child.get("name")
            step_type = self.step_type(child)
            if tag == "TestGroup":
                path, _, seq_name = (child.get("name") or "").partition("#")
                sub = sequence.add_sequence(
                    name or seq_name or path or "Sequence",
                    path=path or None,
                    sequence_name=seq_name or path or None,
                    status=self.outcome(_child(child, "Outcome"), "P"),
                )
                sub.auto = False
                self.common(child, sub)
                self.group(child, sub, depth + 1)
            elif tag == "SessionAction":
                if not name:
                    raise self.doc.error(child, "has no name attribute")
                step = sequence.add_generic_step(
                    name,
                    step_type or "Action",
                    status=self.outcome(_child(child, "ActionOutcome")),
                )
                self.common(child, step)
            else:
                if not name:
                    raise self.doc.error(child, "has no name attribute")
                self.test(child, sequence, name, step_type)

    def step_type(self, el: Element) -> str | None:
        kind = _child(self.props(el), "StepType")
        return kind.text.strip() if kind is not None and kind.text else None

    def entries(self, el: Element, measuring: bool) -> list[_Entry]:
        """The measurements of a test: results with limits (or log-only ones), each
        ``c:Collection`` item of a multi-measurement result as its own measurement."""
        results = _children(el, "TestResult")
        judged = [r for r in results if _child(r, "TestLimits") is not None or is_log(r)]
        if not judged and measuring:
            judged = [r for r in results if _child(r, "TestData") is not None][:1]
        out: list[_Entry] = []
        for result in judged:
            name = result.get("name") or result.get("ID") or ""
            limits_el = _child(result, "TestLimits", "Limits")
            collection = _child(result, "TestData", "Collection")
            if collection is None:
                datum = _child(result, "TestData", "Datum")
                data = _child(result, "TestData")
                if datum is None and data is not None and len(data):
                    continue  # an array or other structure: kept as an additional result
                out.append(_Entry(name, datum, limits_el, result))
                continue
            limit_items = {
                i.get("name"): i for i in _children(_child(limits_el, "Collection"), "Item")
            }
            for item in _children(collection, "Item"):
                item_name = item.get("name") or f"{name}[{len(out)}]"
                own = _child(limit_items.get(item_name), "Limits") or _child(item, "Limits")
                out.append(_Entry(item_name, _child(item, "Datum"), own, result))
        return out

    def test(self, el: Element, sequence: Step, name: str, step_type: str | None) -> None:
        status = self.outcome(_child(el, "Outcome"))
        kind = step_type or ""
        entries = self.entries(el, kind in _MEASURING or kind.startswith("ET_"))
        main = kinds_of([e.kind for e in entries]) if entries else ""
        used = [e for e in entries if e.kind == main]
        multi = len(used) > 1
        wats_type = kind or "ET_NLT"
        if kind in _MEASURING or not kind:
            wats_type = _WATS_TYPE[(main or "boolean", multi)]
        # A measurement's status is P, F or S; a Done/Error/... step keeps its own status.
        meas_status = status if status in ("P", "F", "S") else "P"
        if not used or (main == "boolean" and not multi):
            if status in ("P", "F") and (used or kind in ("PassFailTest", "ET_PFT")):
                step = sequence.add_pass_fail_step(name, status == "P", step_type=wats_type)
            else:
                step = sequence.add_generic_step(name, wats_type, status=status)
        elif main == "boolean":
            step = sequence.add_multi_pass_fail_step(name, status=status, step_type=wats_type)
            for entry in used:
                own = self._meas(entry.result, meas_status) if len(entries) == 1 else None
                value = (text(entry.datum) or "").strip().lower()
                step.add_boolean_measurement(
                    entry.name, status=own or ("P" if value in ("true", "1") else "F")
                )
        elif main == "string":
            step = sequence.add_multi_string_step(name, status=status, step_type=wats_type)
            for entry in used:
                self.string(entry, step, multi, meas_status)
        else:
            step = sequence.add_multi_numeric_step(name, status=status, step_type=wats_type)
            for entry in used:
                self.numeric(entry, step, multi, meas_status)
        step.auto = False
        _settle_single(step)
        self.common(el, step)
        # Results TestStand records beside the measurements (additional results) are kept.
        taken = {id(e.result) for e in used}
        if kind in ("PassFailTest", "ET_PFT") or (main == "boolean" and not multi):
            taken.update(id(r) for r in _children(el, "TestResult"))
        for extra in _children(el, "TestResult"):
            if id(extra) in taken:
                continue
            datum = _child(extra, "TestData", "Datum")
            block = step.add_additional_result(extra.get("name") or extra.get("ID") or "Result")
            block.add_property(
                "value",
                text(datum) or "",
                type="Number" if datum is not None and datum_kind(datum) == "numeric" else "String",
            )

    def _meas(self, result: Element, default: str) -> str:
        own = _child(result, "Outcome")
        if own is None:
            return default
        status = self.outcome(own)
        return status if status in ("P", "F", "S") else default

    def string(self, entry: _Entry, step: Step, multi: bool, default: str) -> None:
        expected = _child(entry.limits, "Expected")
        if expected is None:
            op, limit = "LOG", None
        else:
            op = "IGNORECASE" if expected.get("comparator") == "CIEQ" else "CASESENSIT"
            limit = text(_child(expected, "Datum"))
        step.add_string_measurement(
            entry.name if multi else None,  # type: ignore[arg-type]
            text(entry.datum) or "",
            limit=limit,
            comp_op=op,
            status=self._meas(entry.result, default),
        )

    def numeric(self, entry: _Entry, step: Step, multi: bool, default: str) -> None:
        datum = entry.datum
        value = number(self.doc, datum)
        unit = None if datum is None else (datum.get("nonStandardUnit") or datum.get("unit"))
        op, low, high = (
            ("LOG", None, None)
            if is_log(entry.result) and entry.limits is None
            else (limits(self.doc, entry.limits))
        )
        status = self._meas(entry.result, default)
        if _child(entry.result, "Outcome") is None and value is not None and multi:
            # Multi-measurement steps carry one outcome for all: judge each from its limits.
            status = numeric_status(op, value, low, high)
        step.add_numeric_measurement(
            entry.name if multi else None,  # type: ignore[arg-type]
            value,
            low=low,
            high=high,
            comp_op=op,
            unit=unit or None,
            status=status,
        )
