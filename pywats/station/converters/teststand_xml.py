"""NI TestStand's own XML report, with or without the WATS TestStand add-on.

Two shapes are read, both trees of ``<Prop Name=... Type=...>`` elements::

    <Reports><Report Type='UUT' UUTResult='Passed'>     TestStand's XML report (one UUT each;
        Prop UUT (SerialNumber, PartNumber, BatchSerialNumber, TestSocketIndex)
        Prop StartTime (Hours..Milliseconds), Prop StartDate (Year, Month, MonthDay)
        Prop StationInfo (StationID, LoginName)
        Prop Type='TEResult' (no name)                  the main sequence's result
    <TSReport>                                          the WATS add-on's report
        <ReportInfo key='ID|Start|EngineStarted|SN|PN|Rev|PCode' value=...>
        Prop UUT TypeName='ET_UUT' (SerialNumber, UUTPartNumber, UUTPartRevisionNumber,
             UUTOperationType, BatchSerialNumber, TestSocketIndex, Comment, UUT_Fixture_ID)
        Prop StationInfo (StationID, LoginName, Location, Purpose)
        Prop MainSequenceResults                        the main sequence's result

What becomes what::

    UUT serial / part number / revision     sn / pn / rev (parameters.sn, pn, rev fill in
                                            what the file leaves out; revision default "1")
    UUTOperationType, ReportInfo PCode      operation code (else parameters.operation_code,
                                            else 10)
    ReportInfo Start, else StartDate+StartTime   start (no offset: the station's local time)
    main result TS.TotalTime                execution time
    StationInfo StationID                   station name when the folder names none
    StationInfo LoginName                   operator
    UUTResult / the main result's Status    result; main Error -> errorCode/errorMessage
    main result TS.SequenceCall             the root sequence call (file, sequence, version)
    each result in a ResultList             a step (see ``_teststand_steps``)
    MiscUUTResult.Misc_UUT_Info[]           misc infos (a description field and a value field)
    MiscUUTResult.UUT_Part_Info[]           sub units (part type, part number, serial, revision)

Reports of other types (a batch summary) are not UUT reports and are skipped; a file with no
UUT report is refused. ReportOptions, Common, CriticalFailureStack and other properties with
no WATS counterpart are not carried. The add-on's misc-info and part arrays are read by field
names (a field containing "description"/"name" and one containing "string"/"value"/"data"; for
parts "parttype", "partnumber", "serialnumber", "revision"), as no sample fills them.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import ClassVar
from xml.etree.ElementTree import Element

from pywats.reports import UUTReport
from pywats.station.converters._base import ConversionError, Converter, ConverterContext
from pywats.station.converters._common import new_uut, parse_time, read_bytes
from pywats.station.converters._teststand_steps import StepReader, children, status_of, value_of
from pywats.station.converters._xml import XmlDoc, parse_xml

__all__ = ["TestStandXMLConverter"]


def _text(props: dict[str, Element], *names: str) -> str:
    for name in names:
        value = (value_of(props.get(name)) or "").strip()
        if value:
            return value
    return ""


class _Header:
    """The header facts of one report, from either shape."""

    def __init__(self, doc: XmlDoc, report: Element) -> None:
        self.doc = doc
        self.element = report
        self.info = {
            (el.get("key") or ""): (el.get("value") or "") for el in report.findall("ReportInfo")
        }
        props = children(report)
        self.uut = children(props.get("UUT"))
        self.station = children(props.get("StationInfo"))
        self.main = props.get("MainSequenceResults")
        if self.main is None:
            self.main = next(
                (p for p in report.findall("Prop") if p.get("Type") == "TEResult"), None
            )
        self.start_time = children(props.get("StartTime"))
        self.start_date = children(props.get("StartDate"))

    def start(self, reader: StepReader) -> datetime:
        if self.info.get("Start"):
            return parse_time(self.info["Start"], f"{self.doc.where(self.element)}: Start")
        date, clock = self.start_date, self.start_time
        numbers = [
            reader.number(date.get("Year")),
            reader.number(date.get("Month")),
            reader.number(date.get("MonthDay")),
            reader.number(clock.get("Hours")),
            reader.number(clock.get("Minutes")),
            reader.number(clock.get("Seconds")),
        ]
        if any(n is None for n in numbers):
            raise self.doc.error(self.element, "has no start date and time (StartDate/StartTime)")
        y, mo, d, h, mi, s = (int(n) for n in numbers)  # type: ignore[arg-type]
        ms = reader.number(clock.get("Milliseconds")) or 0.0
        try:
            naive = datetime(y, mo, d, h, mi, s) + timedelta(milliseconds=ms)
        except ValueError as exc:
            raise self.doc.error(self.element, f"has an impossible start time ({exc})") from None
        return naive.astimezone()


def _elements(array: Element | None) -> list[dict[str, str]]:
    """The object elements of an array property as {property name: text} (lower-case names)."""
    if array is None:
        return []
    return [
        {k.lower(): (value_of(v) or "").strip() for k, v in children(prop).items()}
        for value in array.findall("Value")
        for prop in value.findall("Prop")[:1]
    ]


def _pick(fields: dict[str, str], *hints: str) -> str:
    """The first non-empty field whose name contains one of ``hints`` (in their order)."""
    for hint in hints:
        for key, text in fields.items():
            if hint in key and text:
                return text
    return ""


def _misc_and_parts(report: UUTReport, uut: dict[str, Element]) -> None:
    """The WATS add-on's MiscUUTResult: Misc_UUT_Info -> misc infos, UUT_Part_Info -> sub units."""
    misc = children(uut.get("MiscUUTResult"))
    for fields in _elements(misc.get("Misc_UUT_Info")):
        description = _pick(fields, "description", "name")
        text = _pick(fields, "string", "value", "data", "numeric")
        if description:
            report.add_misc_info(description[:100], text[:100] or None)
    for fields in _elements(misc.get("UUT_Part_Info")):
        sn = _pick(fields, "serialnumber", "serial", "sn")
        pn = _pick(fields, "partnumber", "part_number", "pn")
        if sn and pn:
            report.add_sub_unit(
                _pick(fields, "parttype", "type") or "Part",
                sn,
                pn,
                _pick(fields, "revision", "rev") or "1",
            )


class TestStandXMLConverter(Converter):
    """Read NI TestStand XML reports (plain or with the WATS add-on); see the module."""

    name = "teststand_xml"
    patterns = ("*.xml",)
    parameters: ClassVar[Mapping[str, str]] = {
        "pn": "the part number when the report names none",
        "sn": "the serial number when the report names none",
        "rev": "the revision when the report names none (default 1)",
    }
    """The folder parameters it reads besides ``operator`` and ``operation_code``."""

    def convert(self, path: Path, context: ConverterContext) -> list[UUTReport]:
        data = read_bytes(path)
        doc = parse_xml(data, path.name)
        root = doc.root
        if root.tag == "TSReport":
            reports = [root]
        elif root.tag == "Reports":
            # a batch file may hold the UUT reports beside (or inside) its batch summary
            reports = [r for r in root.iter("Report") if (r.get("Type") or "UUT") == "UUT"]
            if not reports:
                raise doc.error(root, "holds no <Report Type='UUT'>")
        else:
            raise doc.error(
                root, "is not a TestStand XML report (expected <Reports> or <TSReport>)"
            )
        return [self._report(doc, el, context, data, i) for i, el in enumerate(reports)]

    def _report(
        self, doc: XmlDoc, element: Element, context: ConverterContext, data: bytes, index: int
    ) -> UUTReport:
        params = context.parameters
        head = _Header(doc, element)
        if head.main is None:
            raise doc.error(element, "has no main sequence result (MainSequenceResults)")
        main = children(head.main)
        main_ts = children(main.get("TS"))
        reader = StepReader(doc, None, 0.0)
        start = head.start(reader)
        if head.info.get("EngineStarted"):
            engine = parse_time(head.info["EngineStarted"], f"{doc.where(element)}: EngineStarted")
            reader.base, reader.base_seconds = engine, 0.0
        else:
            reader.base = start
            reader.base_seconds = reader.number(main_ts.get("StartTime")) or 0.0
        where = doc.where(element)
        sn = (
            _text(head.uut, "SerialNumber")
            or head.info.get("SN", "")
            or str(params.get("sn") or "")
        )
        if not sn:
            raise ConversionError(
                f"{where}: the report has no UUT serial number; set parameters.sn"
            )
        pn = (
            _text(head.uut, "UUTPartNumber", "PartNumber")
            or head.info.get("PN", "")
            or str(params.get("pn") or "")
        )
        if not pn:
            raise ConversionError(
                f"{where}: the report names no part number (TestStand writes none unless the"
                " sequence sets UUT.PartNumber); set the folder parameter pn (-p pn=PCB-1001)"
            )
        rev = _text(head.uut, "UUTPartRevisionNumber") or head.info.get("Rev", "")
        code_text = _text(head.uut, "UUTOperationType") or head.info.get("PCode", "")
        code = None
        if code_text:
            try:
                code = int(float(code_text))
            except ValueError:
                raise doc.error(element, f"operation type {code_text!r} is not a number") from None
        report = new_uut(
            context,
            data=data,
            index=index,
            pn=pn,
            sn=sn,
            rev=rev or str(params.get("rev") or "1"),
            start=start,
            process_code=code if code else None,
            operator=_text(head.station, "LoginName") or None,
        )
        with contextlib.suppress(ValueError):  # the add-on's own report id, when it wrote one
            report.id = str(uuid.UUID(head.info.get("ID", "")))
        if not report.station_name:
            report.station_name = _text(head.station, "StationID")[:100]
        report.location = report.location or _text(head.station, "Location")
        report.purpose = report.purpose or _text(head.station, "Purpose")
        report.batch_sn = _text(head.uut, "BatchSerialNumber") or None
        report.fixture_id = _text(head.uut, "UUT_Fixture_ID") or None
        report.comment = _text(head.uut, "Comment") or None
        socket = reader.number(head.uut.get("TestSocketIndex"))
        if socket is not None and socket >= 0:
            report.test_socket_index = int(socket)
        _misc_and_parts(report, head.uut)
        report.exec_time = reader.number(main_ts.get("TotalTime"))
        root = report.root
        root.start, root.tot_time = start, report.exec_time
        call = main_ts.get("SequenceCall")
        if call is not None:
            c = children(call)
            if root.seq_call is not None:
                root.seq_call.path = value_of(c.get("SequenceFile")) or None
                root.seq_call.name = value_of(c.get("Sequence")) or "MainSequence"
                root.seq_call.version = value_of(c.get("SequenceFileVersion")) or None
            root.name = _text(main_ts, "StepName") or root.name
            reader.results(root, call, 0)
        word = element.get("UUTResult") or value_of(main.get("Status"))
        status, _ = status_of(word)
        root.status = status if status in ("P", "F", "E", "T") else "P"
        root.auto = False
        error = children(main.get("Error"))
        if (value_of(error.get("Occurred")) or "").strip().lower() == "true":
            code_value = reader.number(error.get("Code"))
            report.error_code = None if code_value is None else int(code_value)
            report.error_message = (value_of(error.get("Msg")) or "").strip() or None
        return report
