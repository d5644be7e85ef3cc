"""TestStand XML step results (``<Prop Type='TEResult'>``) as WATS steps; see ``teststand_xml``.

What a result's properties become, decided by what the result holds (not by its step type's
name, so NI types, the WATS add-on's ET_* types and custom types derived from them read alike)::

    TS.SequenceCall.ResultList           a sequence call (SequenceFile, Sequence, version)
    Measurement[] (array of objects)     multiple numeric / string / pass-fail by each
                                         element's value type: Data|Numeric (Number),
                                         String|Data (String), PassFail (Boolean)
    Numeric + Limits.Low/High + Comp     numeric limit (Comp GELE, GTLT, EQ, LOG, ...; a
                                         single-limit comparison takes Limits.Low, else High)
    String (+ Limits.String + Comp)      string value (IgnoreCase -> IGNORECASE, else
                                         CASESENSIT; no expected string -> LOG)
    a comparison WATS lacks, or limits the report left out   LOG, with a note as report text
    AdditionalResults                    additional results, one block per property
    PassFail                             pass/fail
    anything else                        a step of its own type (Action, NI_Flow_If, ...)
    Status                               P, F, D, S, E, T (Passed, Failed, Done, Skipped,
                                         Error, Terminated); other words by their meaning
    Error.Occurred/Code/Msg              errorCode, errorMessage
    ReportText                           reportText
    TS.StartTime/TotalTime               start (relative to the engine), totTime
    TS.StepGroup                         group (Setup/Main/Cleanup)
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from xml.etree.ElementTree import Element

from pywats.reports import Step
from pywats.reports._status import NUMERIC_OPS, SINGLE_OPS, numeric_status
from pywats.station.converters._xml import XmlDoc

__all__ = ["StepReader", "children", "status_of", "value_of"]

_STATUS = {
    "passed": "P",
    "failed": "F",
    "done": "D",
    "skipped": "S",
    "error": "E",
    "terminated": "T",
    "running": "D",
    "looping": "D",
}
_GROUPS = {"setup": "S", "main": "M", "cleanup": "C"}


def children(el: Element | None) -> dict[str, Element]:
    """The named ``<Prop>`` children of ``el``, by name (the first of each name)."""
    found: dict[str, Element] = {}
    if el is not None:
        for child in el:
            if child.tag == "Prop":
                found.setdefault(child.get("Name") or "", child)
    return found


def value_of(prop: Element | None) -> str | None:
    """The text of a ``<Prop>``'s ``<Value>`` (None when absent)."""
    if prop is None:
        return None
    value = prop.find("Value")
    return None if value is None else (value.text or "")


def status_of(word: str | None) -> tuple[str, str]:
    """(WATS status, note) for a TestStand status word; a custom word keeps a note."""
    text = (word or "").strip()
    key = text.lower()
    if key in _STATUS:
        return _STATUS[key], ""
    for part, status in (("fail", "F"), ("error", "E"), ("terminat", "T"), ("abort", "T")):
        if part in key:
            return status, f"TestStand status {text!r}"
    if "skip" in key:
        return "S", f"TestStand status {text!r}"
    return ("D", f"TestStand status {text!r}") if text else ("D", "")


def _element_name(value: Element) -> str:
    """An array element's own name: ``Name='V1'`` or ``ID="['V1']"``; "" for a bare ``[0]``."""
    if value.get("Name"):
        return value.get("Name") or ""
    ident = (value.get("ID") or "").strip().strip("[]").strip("'\"")
    return "" if ident.isdigit() or not ident else ident


class StepReader:
    """Turns TEResult properties into steps; times are ``base + (StartTime - base_seconds)``."""

    def __init__(self, doc: XmlDoc, base: datetime | None, base_seconds: float) -> None:
        self.doc = doc
        self.base = base
        self.base_seconds = base_seconds

    def number(self, prop: Element | None) -> float | None:
        text = value_of(prop)
        if text is None or not text.strip():
            return None
        word = text.strip().lower().replace("infinity", "inf")
        if "," in word and "." not in word:  # ReportOptions.UseLocalizedDecimalPoint
            word = word.replace(",", ".")
        if "#" in word:  # the C runtime's 1.#INF, -1.#IND, 1.#QNAN
            sign = -1.0 if word.startswith("-") else 1.0
            return sign * math.inf if "#inf" in word else math.nan
        try:
            return float(int(word, 16)) if word.startswith("0x") else float(word)
        except ValueError:
            raise self.doc.error(prop, f"{text!r} is not a number") from None  # type: ignore[arg-type]

    def results(self, parent: Step, sequence_call: Element, depth: int) -> None:
        """Add a step for every result in a ``SequenceCall``'s ``ResultList``."""
        if depth > 200:
            raise self.doc.error(sequence_call, "is nested more than 200 levels deep")
        result_list = children(sequence_call).get("ResultList")
        if result_list is None:
            return
        for value in result_list.findall("Value"):
            for prop in value.findall("Prop"):
                if prop.get("Type") == "TEResult":
                    self.add(parent, prop, depth)

    def add(self, parent: Step, result: Element, depth: int) -> Step:
        p = children(result)
        ts = children(p.get("TS"))
        name = (value_of(ts.get("StepName")) or "").strip() or "Step"
        step_type = (value_of(ts.get("StepType")) or "").strip()
        status, note = status_of(value_of(p.get("Status")))
        call = ts.get("SequenceCall")
        if call is not None:
            c = children(call)
            step = parent.add_sequence(
                name,
                path=value_of(c.get("SequenceFile")) or None,
                sequence_name=value_of(c.get("Sequence")) or None,
                version=value_of(c.get("SequenceFileVersion")) or None,
                status=status,
                step_type=step_type or "SequenceCall",
            )
            self.results(step, call, depth + 1)
        elif p.get("Measurement") is not None and p["Measurement"].get("Type") == "Array":
            step = self.multi(parent, name, step_type, status, p["Measurement"])
        elif p.get("Numeric") is not None:
            step = self.numeric(parent, name, step_type, status, p)
        elif p.get("String") is not None and p["String"].get("Type") == "String":
            step = self.string(parent, name, step_type, status, p)
        elif p.get("PassFail") is not None and status in ("P", "F", "S"):
            step = parent.add_pass_fail_step(name, status=status, step_type=step_type or "ET_PFT")
        else:
            step = parent.add_generic_step(name, step_type or "Action", status=status)
        self.common(step, p, ts, note)
        extra = p.get("AdditionalResults")
        if extra is not None:
            for prop in extra.findall("Prop"):
                block = step.add_additional_result(prop.get("Name") or "Result")
                kind = prop.get("Type") or ""
                block.add_property(
                    "value",
                    value_of(prop) or "",
                    type=kind if kind in ("Number", "Boolean") else "String",
                )
        return step

    def common(self, step: Step, p: dict[str, Element], ts: dict[str, Element], note: str) -> None:
        step.group = _GROUPS.get((value_of(ts.get("StepGroup")) or "").strip().lower(), "M")
        started = self.number(ts.get("StartTime"))
        if started is not None and self.base is not None:
            step.start = self.base + timedelta(seconds=started - self.base_seconds)
        step.tot_time = self.number(ts.get("TotalTime"))
        texts = [t for t in ((value_of(p.get("ReportText")) or "").strip(), note) if t]
        if step.report_text:
            texts.append(step.report_text)
        step.report_text = "\n".join(texts) or None
        error = children(p.get("Error"))
        if (value_of(error.get("Occurred")) or "").strip().lower() == "true":
            code = self.number(error.get("Code"))
            step.error_code = None if code is None or math.isnan(code) else int(code)
            step.error_message = (value_of(error.get("Msg")) or "").strip() or None

    def limits(self, p: dict[str, Element]) -> tuple[str, float | None, float | None, str]:
        """(compOp, low, high, note); a comparison WATS lacks, or one whose limits the report
        left out (ReportOptions.IncludeLimits off), is logged with a note instead."""
        lim = children(p.get("Limits"))
        low, high = self.number(lim.get("Low")), self.number(lim.get("High"))
        op = (value_of(p.get("Comp")) or "").strip().upper()
        if not op:
            op = "GELE" if low is not None and high is not None else "LOG"
            if op == "LOG" and (low is not None or high is not None):
                op = "GE" if low is not None else "LE"
        if op not in NUMERIC_OPS:
            return "LOG", None, None, f"comparison {op!r} has no WATS equivalent; logged"
        if op in SINGLE_OPS:
            low, high = (low if low is not None else high), None
        if op == "LOG":
            return "LOG", None, None, ""
        if low is None or (op not in SINGLE_OPS and high is None):
            return "LOG", None, None, f"comparison {op} without its limits in the report; logged"
        return op, low, high, ""

    def numeric(
        self, parent: Step, name: str, step_type: str, status: str, p: dict[str, Element]
    ) -> Step:
        value = self.number(p["Numeric"])
        op, low, high, note = self.limits(p)
        unit = (value_of(p.get("Units")) or "").strip() or None
        if status in ("P", "F", "S") or (status == "D" and value is not None):
            meas = status if status in ("P", "F", "S") else numeric_status(op, value, low, high)
            step = parent.add_numeric_step(
                name,
                value,
                low=low,
                high=high,
                comp_op=op,
                unit=unit,
                status=meas,
                step_type=step_type or "ET_NLT",
            )
            step.report_text = note or None
            return step
        # An errored or terminated step was never judged: keep what it read as text.
        step = parent.add_generic_step(name, step_type or "ET_NLT", status=status)
        step.report_text = f"value {value} {unit or ''}".strip() if value is not None else None
        return step

    def string(
        self, parent: Step, name: str, step_type: str, status: str, p: dict[str, Element]
    ) -> Step:
        value = value_of(p["String"]) or ""
        expected = value_of(children(p.get("Limits")).get("String"))
        comp = (value_of(p.get("Comp")) or "").strip().lower()
        op = "LOG" if expected is None else ("IGNORECASE" if "ignore" in comp else "CASESENSIT")
        if status in ("P", "F", "S") or status == "D":
            return parent.add_string_step(
                name,
                value,
                limit=expected,
                comp_op=op,
                status=status if status in ("P", "F", "S") else "P",
                step_type=step_type or "ET_SVT",
            )
        step = parent.add_generic_step(name, step_type or "ET_SVT", status=status)
        step.report_text = f"value {value!r}"
        return step

    def multi(self, parent: Step, name: str, step_type: str, status: str, array: Element) -> Step:
        items = [
            (_element_name(value), prop)
            for value in array.findall("Value")
            for prop in value.findall("Prop")[:1]
        ]
        kinds = set()
        for _, prop in items:
            c = children(prop)
            data = c.get("Data") or c.get("Numeric") or c.get("String") or c.get("PassFail")
            kinds.add(data.get("Type") if data is not None else "")
        step_status = status if status != "D" else None
        if kinds <= {"Number"}:
            step = parent.add_multi_numeric_step(
                name, status=step_status, step_type=step_type or "ET_MNLT"
            )
        elif kinds <= {"String"}:
            step = parent.add_multi_string_step(
                name, status=step_status, step_type=step_type or "ET_MSVT"
            )
        else:
            step = parent.add_multi_pass_fail_step(
                name, status=step_status, step_type=step_type or "ET_MPFT"
            )
        notes: list[str] = []
        used: set[str] = set()
        for index, (ident, prop) in enumerate(items):
            c = children(prop)
            label = prop.get("Name") or value_of(c.get("Name")) or ident or f"Measurement {index}"
            if label in used:  # the server wants the names of one step's measurements unique
                label = f"{label} [{index}]"
            used.add(label)
            meas_status, _ = status_of(value_of(c.get("Status")))
            own = meas_status if meas_status in ("P", "F", "S") else None
            if step.numeric_meas is not None:
                data = c.get("Data") or c.get("Numeric")
                value = self.number(data)
                op, low, high, note = self.limits(c)
                if note:
                    notes.append(f"{label}: {note}")
                if own is None:
                    own = "P" if value is None else numeric_status(op, value, low, high)
                unit = (value_of(c.get("Units")) or "").strip() or None
                step.add_numeric_measurement(
                    label, value, low=low, high=high, comp_op=op, unit=unit, status=own
                )
            elif step.string_meas is not None:
                text = value_of(c.get("Data") or c.get("String")) or ""
                expected = value_of(children(c.get("Limits")).get("String"))
                comp = (value_of(c.get("Comp")) or "").lower()
                op = (
                    "LOG"
                    if expected is None
                    else "IGNORECASE"
                    if "ignore" in comp
                    else "CASESENSIT"
                )
                step.add_string_measurement(
                    label, text, limit=expected, comp_op=op, status=own or "P"
                )
            else:
                passed = (value_of(c.get("PassFail") or c.get("Data")) or "").strip().lower()
                step.add_boolean_measurement(
                    label, status=own or ("P" if passed == "true" else "F")
                )
        step.report_text = "; ".join(notes) or None
        return step
