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

from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from pywats.reports import Step, UUTReport
from pywats.reports._status import numeric_status
from pywats.station.converters._base import Converter, ConverterContext
from pywats.station.converters._common import new_uut, parse_time, read_bytes
from pywats.station.converters._xml import XmlDoc, local, parse_xml

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
}
_STEP_TYPES = {
    "NumericLimitTest": "ET_NLT",
    "NI_MultipleNumericLimitTest": "ET_MNLT",
    "MultipleNumericLimitTest": "ET_MNLT",
    "PassFailTest": "ET_PFT",
    "StringValueTest": "ET_SVT",
    "NI_MultipleStringValueTest": "ET_MSVT",
}
_NUMERIC_OPS = {
    "LOG",
    "EQ",
    "NE",
    "GT",
    "GE",
    "LT",
    "LE",
    "GTLT",
    "GTLE",
    "GELT",
    "GELE",
    "LTGT",
    "LTGE",
    "LEGT",
    "LEGE",
}
_GROUPS = {"setup": "S", "main": "M", "cleanup": "C"}
_XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
_NUMBER_TYPES = {"double", "TS_double", "integer", "int", "long", "unsignedInteger"}


def _child(el: Element | None, *path: str) -> Element | None:
    """The first descendant along ``path`` of local names (namespaces ignored)."""
    node = el
    for name in path:
        if node is None:
            return None
        node = next((c for c in node if local(c.tag) == name), None)
    return node


def _children(el: Element | None, name: str) -> list[Element]:
    return [] if el is None else [c for c in el if local(c.tag) == name]


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


class _Reader:
    def __init__(self, doc: XmlDoc) -> None:
        self.doc = doc

    def outcome(self, el: Element | None, default: str = "D") -> str:
        if el is None:
            return default
        value = (el.get("value") or "").strip()
        if value.lower() in ("userdefined", "aborted") and el.get("qualifier"):
            value = el.get("qualifier") or value
        status = _OUTCOMES.get(value.lower())
        if status is None:
            raise self.doc.error(el, f"value={value!r} is not an outcome TestStand writes")
        return status

    def time(self, el: Element, attr: str) -> datetime | None:
        text = el.get(attr)
        if not text:
            return None
        return parse_time(text, f"{self.doc.where(el)}: {attr}")

    def number(self, datum: Element | None) -> float | None:
        if datum is None:
            return None
        text = datum.get("value")
        if text is None:
            value = _child(datum, "Value")
            text = value.text if value is not None else None
        if text is None or not text.strip():
            return None
        word = text.strip().lower()
        if word in ("inf", "+inf", "infinity", "+infinity", "positiveinfinity"):
            return float("inf")
        if word in ("-inf", "-infinity", "negativeinfinity"):
            return float("-inf")
        if word in ("nan", "ind"):
            return float("nan")
        try:
            return float(int(word, 16)) if word.startswith("0x") else float(word)
        except ValueError:
            raise self.doc.error(datum, f"value={text!r} is not a number") from None

    @staticmethod
    def text(datum: Element | None) -> str | None:
        if datum is None:
            return None
        value = _child(datum, "Value")
        if value is not None:
            return value.text or ""
        return datum.get("value")

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
                step.tot_time = self.number(total)
        step.start = self.time(el, "startDateTime")
        for item in _children(_child(el, "Data", "Collection"), "Item"):
            if item.get("name") == "ReportText":
                text = self.text(_child(item, "Datum"))
                step.report_text = text or None

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

    def test(self, el: Element, sequence: Step, name: str, step_type: str | None) -> None:
        status = self.outcome(_child(el, "Outcome"))
        results = [
            r
            for r in _children(el, "TestResult")
            if _child(r, "TestLimits") is not None
            or _child(r, "Extension", "TSLimitProperties", "IsComparisonTypeLog") is not None
        ]
        kind = step_type or ""
        wats_type = _STEP_TYPES.get(kind, kind or "ET_NLT")
        # A measurement's status is P, F or S; a Done/Error/... step keeps its own status.
        meas_status = status if status in ("P", "F", "S") else "P"
        if kind == "PassFailTest" or (not results and kind not in ("StringValueTest",)):
            if kind == "PassFailTest" and status in ("P", "F"):
                step = sequence.add_pass_fail_step(name, status == "P", step_type=wats_type)
            else:
                step = sequence.add_generic_step(name, wats_type, status=status)
        elif kind in ("StringValueTest", "NI_MultipleStringValueTest"):
            step = sequence.add_multi_string_step(name, status=status, step_type=wats_type)
            candidates = results or _children(el, "TestResult")[:1]
            for result in candidates:
                value = self.text(_child(result, "TestData", "Datum")) or ""
                expected = _child(result, "TestLimits", "Limits", "Expected")
                if expected is None:
                    op, limit = "LOG", None
                else:
                    op = "IGNORECASE" if expected.get("comparator") == "CIEQ" else "CASESENSIT"
                    limit = self.text(_child(expected, "Datum"))
                meas_name = result.get("name") if len(candidates) > 1 else None
                step.add_string_measurement(
                    meas_name,  # type: ignore[arg-type]
                    value,
                    limit=limit,
                    comp_op=op,
                    status=self._meas(result, meas_status),
                )
        else:
            multi = len(results) > 1
            if multi and wats_type == "ET_NLT":
                wats_type = "ET_MNLT"
            step = sequence.add_multi_numeric_step(name, status=status, step_type=wats_type)
            for result in results:
                self.numeric(result, step, multi, meas_status)
        step.auto = False
        _settle_single(step)
        self.common(el, step)
        # Results TestStand records beside the measurements (additional results) are kept.
        used = {id(r) for r in results}
        if kind == "PassFailTest":
            used.update(id(r) for r in _children(el, "TestResult"))
        elif kind in ("StringValueTest", "NI_MultipleStringValueTest") and not results:
            used.update(id(r) for r in _children(el, "TestResult")[:1])
        for extra in _children(el, "TestResult"):
            if id(extra) in used:
                continue
            datum = _child(extra, "TestData", "Datum")
            block = step.add_additional_result(extra.get("name") or extra.get("ID") or "Result")
            kind_name = (datum.get(_XSI_TYPE) or "") if datum is not None else ""
            block.add_property(
                "value",
                self.text(datum) or "",
                type="Number" if kind_name.rpartition(":")[2] in _NUMBER_TYPES else "String",
            )

    def _meas(self, result: Element, default: str) -> str:
        own = _child(result, "Outcome")
        if own is None:
            return default
        status = self.outcome(own)
        return status if status in ("P", "F", "S") else default

    def numeric(self, result: Element, step: Step, multi: bool, default: str) -> None:
        datum = _child(result, "TestData", "Datum")
        value = self.number(datum)
        unit = None if datum is None else (datum.get("nonStandardUnit") or datum.get("unit"))
        limits = _child(result, "TestLimits", "Limits")
        low = high = None
        op = "LOG"
        if limits is not None:
            pair = _child(limits, "LimitPair")
            single = _child(limits, "SingleLimit")
            expected = _child(limits, "Expected")
            if pair is not None:
                both = _children(pair, "Limit")
                if len(both) != 2:
                    raise self.doc.error(pair, f"holds {len(both)} <Limit> elements, not 2")
                op = (both[0].get("comparator") or "") + (both[1].get("comparator") or "")
                low = self.number(_child(both[0], "Datum"))
                high = self.number(_child(both[1], "Datum"))
                where = pair
            elif single is not None:
                op = single.get("comparator") or ""
                low = self.number(_child(single, "Datum"))
                where = single
            elif expected is not None:
                op = expected.get("comparator") or "EQ"
                low = self.number(_child(expected, "Datum"))
                where = expected
            else:
                raise self.doc.error(limits, "holds no LimitPair, SingleLimit or Expected")
            op = op.upper()
            if op not in _NUMERIC_OPS:
                raise self.doc.error(where, f"comparator {op!r} has no WATS equivalent")
        status = self._meas(result, default)
        if _child(result, "Outcome") is None and value is not None:
            # Multi-measurement steps carry one outcome for all: judge each from its limits.
            status = numeric_status(op, value, low, high) if multi else default
        step.add_numeric_measurement(
            (result.get("name") or result.get("ID") or "") if multi else None,  # type: ignore[arg-type]
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

    def convert(self, path: Path, context: ConverterContext) -> list[UUTReport]:
        data = read_bytes(path)
        doc = parse_xml(data, path.name)
        root = doc.root
        if local(root.tag) == "TestResultsCollection":
            sets = _children(root, "TestResults")
            if not sets:
                raise doc.error(root, "holds no <TestResults>")
        elif local(root.tag) == "TestResults":
            sets = [root]
        else:
            raise doc.error(
                root, "is not an ATML document (expected <TestResultsCollection> or <TestResults>)"
            )
        reader = _Reader(doc)
        return [self._report(reader, el, context, data, i) for i, el in enumerate(sets)]

    def _report(
        self, reader: _Reader, el: Element, context: ConverterContext, data: bytes, index: int
    ) -> UUTReport:
        doc = reader.doc
        params = context.parameters
        result_set = _child(el, "ResultSet")
        if result_set is None:
            raise doc.error(el, "has no <ResultSet>")
        uut = _child(el, "UUT")
        ident = _child(uut, "Definition", "Identification")
        number = _child(ident, "IdentificationNumbers", "IdentificationNumber")
        model = _child(ident, "ModelName")
        version = _child(ident, "Version")
        serial = _child(uut, "SerialNumber")
        sn = (serial.text or "").strip() if serial is not None else ""
        sn = sn or str(params.get("sn") or "")
        if not sn:
            raise doc.error(el, "has no <UUT><c:SerialNumber> and parameters.sn is not set")
        pn = (number.get("number") if number is not None else None) or (
            model.text.strip() if model is not None and model.text else None
        )
        pn = pn or str(params.get("pn") or "")
        if not pn:
            raise doc.error(el, "names no part number (UUT Identification) and no parameters.pn")
        rev = (version.text or "").strip() if version is not None and version.text else ""
        operator = _child(el, "Personnel", "SystemOperator")
        start = reader.time(result_set, "startDateTime")
        if start is None:
            raise doc.error(result_set, "has no startDateTime")
        end = reader.time(result_set, "endDateTime")
        report = new_uut(
            context,
            data=data,
            index=index,
            pn=pn,
            sn=sn,
            rev=rev or str(params.get("rev") or "1"),
            start=start,
            operator=(operator.get("name") or operator.get("ID")) if operator is not None else None,
        )
        station = _child(el, "TestStation", "SerialNumber")
        if not report.station_name and station is not None and station.text:
            report.station_name = station.text.strip()[:100]
        rs_props = _child(el, "Extension", "TSResultSetProperties")
        socket = _child(rs_props, "TestSocketIndex")
        if socket is not None:
            value = reader.number(socket)
            report.test_socket_index = None if value is None else int(value)
        batch = _child(rs_props, "BatchSerialNumber")
        if batch is not None:
            report.batch_sn = (batch.text or batch.get("value") or "").strip() or None
        if end is not None:
            report.exec_time = round((end - start).total_seconds(), 6)
        root = report.root
        path, _, seq_name = (result_set.get("name") or "").partition("#")
        if root.seq_call is not None:
            root.seq_call.path = path or None
            root.seq_call.name = seq_name or "MainSequence"
        root.status = reader.outcome(_child(result_set, "Outcome"), "P")
        root.auto = False
        report.auto = False
        reader.group(result_set, root, 0)
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
