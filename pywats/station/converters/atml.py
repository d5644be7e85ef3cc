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
from pathlib import Path
from typing import ClassVar
from xml.etree.ElementTree import Element

from pywats.reports import UUTReport
from pywats.reports._limits import clip
from pywats.station.converters._atml_reader import Reader as _Reader
from pywats.station.converters._atml_values import (
    child as _child,
)
from pywats.station.converters._atml_values import (
    number,
)
from pywats.station.converters._base import Converter, ConverterContext
from pywats.station.converters._common import new_uut, stable_id
from pywats.station.converters._xml import local, stream_xml

__all__ = ["ATMLConverter"]


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
