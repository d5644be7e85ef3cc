"""ATML Test Results (IEEE 1636.1) as NI TestStand writes them: 2.02, 5.0 and 6.01.

Namespaces (matched by local name, so all three versions read the same way)::

    2.02  tr  http://www.ieee.org/ATML/2007/TestResults         ts .../ATMLTestResults/1.0
    5.0   trc urn:IEEE-1636.1:2011:01:TestResultsCollection     ts .../ATMLTestResults/2.0
    6.01  trc urn:IEEE-1636.1:2013:TestResultsCollection        ts .../ATMLTestResults/3.0

The shape, and what each part becomes::

    trc:TestResultsCollection / trc:TestResults   one UUT report each
      tr:Personnel/tr:SystemOperator @ID|@name    operator
      tr:UUT/c:SerialNumber                       serial number
      tr:UUT/c:Definition/c:Identification        part number (IdentificationNumber@number,
                                                  else ModelName), revision (Version)
      tr:TestStation/c:SerialNumber               station name (when the folder names none)
      tr:Extension/ts:TSResultSetProperties       TestSocketIndex, BatchSerialNumber
      tr:ResultSet @name="file.seq#Main" @startDateTime @endDateTime, tr:Outcome
        tr:TestGroup @callerName @name="file.seq#Sub"   a sequence call (path, name)
        tr:Test @name + ts:TSStepProperties/ts:StepType  a test step:
          NumericLimitTest / NI_MultipleNumericLimitTest -> ET_NLT / ET_MNLT: one measurement
            per tr:TestResult with tr:TestLimits (c:SingleLimit, c:LimitPair of two
            c:Limit comparators, or c:Expected) or ts:IsComparisonTypeLog; c:Datum@value,
            @nonStandardUnit. Comparators combine: GE+LE -> GELE, LT+GT (OR) -> LTGT, ...
          StringValueTest -> ET_SVT: c:Datum/c:Value against c:Expected (EQ -> CASESENSIT,
            CIEQ -> IGNORECASE; none -> LOG)
          PassFailTest -> ET_PFT: the outcome is the verdict
          other tr:TestResult (no limits)          -> the step's additionalResults
        tr:SessionAction + tr:ActionOutcome        an action (or flow-control) step
        every step: ts:StepGroup (Setup/Main/Cleanup), ts:TotalTime, @startDateTime,
                    tr:Data/c:Collection/c:Item[@name=ReportText] -> reportText

Outcomes: Passed, Failed, Done, Skipped, Error, Terminated; NotStarted reads as Skipped;
UserDefined and Aborted use their ``qualifier``. Time stamps without an offset are the station's
local time. Missing identity falls back to the folder parameters ``pn``, ``sn``, ``rev``
(revision default ``"1"``); the operation code to ``operation_code`` (default 10).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import ClassVar
from xml.etree.ElementTree import Element

from pywats.reports import Step, UUTReport
from pywats.reports._limits import clip
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
from pywats.station.converters._base import Converter, ConverterContext
from pywats.station.converters._common import new_uut, parse_time, stable_id
from pywats.station.converters._xml import XmlDoc, local, stream_xml

__all__ = ["ATMLConverter"]

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


class _Reader:
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


class ATMLConverter(Converter):
    """Read TestStand ATML Test Results (2.02, 5.0, 6.01) as UUT reports; see the module."""

    name = "atml"
    patterns = ("*.atml", "*.xml")
    parameters: ClassVar[Mapping[str, str] | None] = {
        "sn": "the serial number when the file names none",
        "pn": "the part number when the file names none (TestStand writes none by default)",
        "rev": 'the revision when the file names none (default "1")',
    }

    def convert(self, path: Path, context: ConverterContext) -> list[UUTReport]:
        stream = stream_xml(
            path, roots=("TestResultsCollection", "TestResults"), kind="an ATML document"
        )
        reader = _Reader(stream)
        reports: list[UUTReport] = []
        stack: list[Element] = []
        for event, el in stream.events():
            if event == "start":
                stack.append(el)
                continue
            stack.pop()
            if local(el.tag) == "TestResults" and len(stack) <= 1:
                # One run at a time: converted, then dropped from memory.
                reports.append(self._report(reader, el, context))
                if stack:
                    stream.drop(stack[0], el)
        if not reports:
            raise stream.error(stream.root, "holds no <TestResults>")
        digest = stream.sha256.hexdigest()
        for index, report in enumerate(reports):
            report.id = stable_id(b"", index, digest=digest)
        return reports

    def _report(self, reader: _Reader, el: Element, context: ConverterContext) -> UUTReport:
        doc = reader.doc
        params = context.parameters
        result_set = _child(el, "ResultSet")
        if result_set is None:
            raise doc.error(el, "has no <ResultSet>")
        uut = _child(el, "UUT")
        ident = _child(uut, "Definition", "Identification")
        ident_no = _child(ident, "IdentificationNumbers", "IdentificationNumber")
        model = _child(ident, "ModelName")
        version = _child(ident, "Version")
        serial = _child(uut, "SerialNumber")
        sn = (serial.text or "").strip() if serial is not None else ""
        sn = sn or str(params.get("sn") or "")
        if not sn:
            raise doc.error(el, "has no <UUT><c:SerialNumber> and parameters.sn is not set")
        model_name = (model.text or "").strip() if model is not None else ""
        if model_name.upper() == "UNKNOWN":  # TestStand's placeholder when none was set
            model_name = ""
        pn = (ident_no.get("number") if ident_no is not None else None) or model_name
        pn = pn or str(params.get("pn") or "")
        if not pn:
            raise doc.error(
                el,
                "names no part number (TestStand writes none by default); set the UUT's"
                " part number in the sequence, or give one with parameters.pn"
                " (wats report convert FILE -p pn=PART)",
            )
        rev = (version.text or "").strip() if version is not None and version.text else ""
        operator = _child(el, "Personnel", "SystemOperator")
        start = reader.time(result_set, "startDateTime")
        if start is None:
            raise doc.error(result_set, "has no startDateTime")
        end = reader.time(result_set, "endDateTime")
        report = new_uut(
            context,
            data=b"",  # the id is set from the whole file's digest once it is read
            pn=pn,
            sn=sn,
            rev=rev or str(params.get("rev") or "1"),
            start=start,
            operator=(operator.get("name") or operator.get("ID")) if operator is not None else None,
        )
        station = _child(el, "TestStation", "SerialNumber")
        if not report.station_name and station is not None and station.text:
            report.station_name = clip(station.text.strip())
        rs_props = _child(el, "Extension", "TSResultSetProperties")
        socket = _child(rs_props, "TestSocketIndex")
        if socket is not None:
            value = number(doc, socket)
            report.test_socket_index = None if value is None else int(value)
        batch = _child(rs_props, "BatchSerialNumber")
        if batch is not None:
            report.batch_sn = (batch.text or batch.get("value") or "").strip() or None
        if end is not None:
            report.exec_time = round((end - start).total_seconds(), 6)
        root = report.root
        path, _, seq_name = (result_set.get("name") or "").partition("#")
        body = result_set
        groups = [c for c in result_set if local(c.tag) in ("TestGroup", "Test", "SessionAction")]
        if (
            not seq_name
            and len(groups) == 1
            and local(groups[0].tag) == "TestGroup"
            and (groups[0].get("name") or "").partition("#")[0] == path
        ):
            # ATML 2.02 wraps the run in one more TestGroup (the MainSequence call) that
            # 5.00 and 6.01 of the same run do not have: read through it.
            body = groups[0]
            seq_name = (body.get("name") or "").partition("#")[2]
        if root.seq_call is not None:
            root.seq_call.path = path or None
            root.seq_call.name = seq_name or "MainSequence"
        root.status = reader.outcome(_child(result_set, "Outcome"), "P")
        root.auto = False
        report.auto = False
        reader.group(body, root, 0)
        report.result = root.status if root.status in ("P", "F", "E", "T") else "P"
        report.finalize()  # ids, in pre-order
        # The first failing leaf caused the failure, as TestStand and the server see it.
        if report.result != "P":
            for step in root.walk():
                if not step.steps and step.status in ("F", "E", "T"):
                    step.caused_uut_failure = True
                    report.step_id_caused_uut_failure = step.id
                    break
        return report
