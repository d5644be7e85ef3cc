"""WSXF (WATS Standard XML Format) to and from WSJF (``reference/wats-api.md`` §6.1).

::

    <Reports xmlns="http://wats.virinco.com/schemas/WATS/Report/wsxf">
      <Report type="UUT" ID Start Start_utc Result SN PN Rev MachineName Location Purpose>
        <UUT UserLoginName ...><Comment>..</Comment></UUT>    (UUR: <UUR ...><Process/></UUR>)
        <Process Code Name/>  <MiscInfo ...>text</MiscInfo>  <ReportUnitHierarchy .../>
        <Asset/> <AdditionalData/> <Failures/> <Binary><Data/></Binary>   (UUR: failures, files)
        <Step Id Group Name StepType Status ...>        the root; nested <Step> children
          <ReportText/> <Loop/> <SequenceCall/> <NumericLimit/> <StringValue/> <PassFail/>
          <MessagePopup/> <Callexe/> <Chart><Series><ydata/><xdata/></Series></Chart>
          <Attachment/> <AdditionalResults/>

Reading maps every element of §6.1 to its WSJF field. Empty attributes read as null (the
server writes ``Units=""`` where WSJF has ``"unit": null``); the report id is lower-cased.

Documented exceptions (not value-carrying in WSJF, so not round-tripped):

- ``StepIndex``, ``MeasIndex``, ``MeasOrderNumber``, MiscInfo ``idx``/``order_no`` and
  ``Chart/@idx`` are positions: ignored on read, regenerated on write (sibling index,
  measurement index within the step, running measurement counter, list index, 0).
- ``SequenceCall/@Filename`` has no WSJF field: written as the last part of ``seqCall.path``.
- The report ``ID`` is written upper-case as the server exports it.
- ``uut.refUURs`` and ``uur.children`` (output only) are not written.
- ``AdditionalData``/``AdditionalResults`` hold free XML in the server's schema; pywats writes
  and reads them as nested ``<Prop Name Type Flags Value NumFormat Comment>`` elements (arrays
  as ``<Array Dimension Type><Index Text Indexes="0,1"><Prop/></Index></Array>``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import UTC
from pathlib import Path
from typing import Any, ClassVar
from xml.etree.ElementTree import Element, SubElement, register_namespace, tostring

from pywats.station.converters._base import Converter, ConverterContext
from pywats.station.converters._common import stable_id
from pywats.station.converters._xml import XmlDoc, format_number, local, parse_xml, stream_xml

__all__ = ["NAMESPACE", "WSXFConverter", "read_wsxf", "wsjf_to_wsxf", "wsxf_to_wsjf"]

NAMESPACE = "http://wats.virinco.com/schemas/WATS/Report/wsxf"
_NS = "{" + NAMESPACE + "}"

_RESULT_IN = {"passed": "P", "failed": "F", "error": "E", "terminated": "T", "done": "D"}
_RESULT_OUT = {"P": "Passed", "F": "Failed", "E": "Error", "T": "Terminated", "D": "Done"}
_STATUS_IN = {
    "passed": "P",
    "failed": "F",
    "done": "D",
    "skipped": "S",
    "error": "E",
    "terminated": "T",
    "unknown": "U",
}
_STATUS_OUT = {v: k.capitalize() for k, v in _STATUS_IN.items()}
_GROUP_IN = {"setup": "S", "main": "M", "cleanup": "C"}
_GROUP_OUT = {"S": "Setup", "M": "Main", "C": "Cleanup"}

# (WSXF attribute, WSJF key, kind) for the flat parts; kind: s text, i int, f float, b bool.
_UUT_ATTRS = (
    ("UserLoginName", "user", "s"),
    ("BatchSN", "batchSN", "s"),
    ("TestSocketIndex", "testSocketIndex", "i"),
    ("TestSocketIndexFormat", "testSocketIndexFormat", "s"),
    ("ExecutionTime", "execTime", "f"),
    ("ExecutionTimeFormat", "execTimeFormat", "s"),
    ("FixtureId", "fixtureId", "s"),
    ("ErrorCode", "errorCode", "i"),
    ("ErrorCodeFormat", "errorCodeFormat", "s"),
    ("ErrorMessage", "errorMessage", "s"),
    ("BatchFailCount", "batchFailCount", "i"),
    ("BatchFailCountFormat", "batchFailCountFormat", "s"),
    ("BatchLoopIndex", "batchLoopIndex", "i"),
    ("BatchLoopIndexFormat", "batchLoopIndexFormat", "s"),
    ("StepIdCausedUUTFailure", "stepIdCausedUUTFailure", "i"),
)
_UUR_ATTRS = (
    ("UserLoginName", "user", "s"),
    ("ReferencedUUT", "refUUT", "s"),
    ("ConfirmDate", "confirmDate", "s"),
    ("FinalizeDate", "finalizeDate", "s"),
    ("ExecutionTime", "execTime", "f"),
    ("Parent", "parent", "s"),
)
_MISC_ATTRS = (
    ("Typedef", "typedef", "s"),
    ("Description", "description", "s"),
    ("Numeric", "numeric", "i"),
    ("NumericFormat", "numericFormat", "s"),
    ("Id", "id", "s"),
)
_UNIT_ATTRS = (
    ("PartType", "partType", "s"),
    ("PN", "pn", "s"),
    ("SN", "sn", "s"),
    ("Rev", "rev", "s"),
    ("Position", "position", "i"),
    ("Idx", "idx", "i"),
    ("ParentIDX", "parentIdx", "i"),
    ("ReplacedIDX", "replacedIdx", "i"),
)
_FAILURE_ATTRS = (
    ("Category", "category", "s"),
    ("Code", "code", "s"),
    ("CompRef", "comRef", "s"),
    ("FunctionBlock", "funcBlock", "s"),
    ("StepID", "refStepId", "i"),
    ("StepName", "refStepName", "s"),
    ("ArticleNumber", "artNumber", "s"),
    ("ArticleRevision", "artRev", "s"),
    ("ArticleVendor", "artVendor", "s"),
    ("ArticleDescription", "artDescription", "s"),
)
_ASSET_ATTRS = (
    ("AssetSN", "assetSN", "s"),
    ("UsageCount", "usageCount", "i"),
    ("UsageCountFormat", "usageCountFormat", "s"),
)
_ASSET_STATS_ATTRS = (
    ("AssetSN", "assetSN", "s"),
    ("RunningCount", "runningCount", "i"),
    ("RunningCountExceeded", "runningCountExceeded", "i"),
    ("TotalCount", "totalCount", "i"),
    ("TotalCountExceeded", "totalCountExceeded", "i"),
    ("DaysSinceCalibration", "daysSinceCalibration", "f"),
    ("IsDaysSinceCalibrationUnknown", "isDaysSinceCalibrationUnknown", "b"),
    ("CalibrationDaysOverdue", "calibrationDaysOverdue", "f"),
    ("DaysSinceMaintenance", "daysSinceMaintenance", "f"),
    ("IsDaysSinceMaintenanceUnknown", "isDaysSinceMaintenanceUnknown", "b"),
    ("MaintenanceDaysOverdue", "maintenanceDaysOverdue", "f"),
    ("Message", "message", "s"),
)
_STEP_ATTRS = (
    ("Start", "start", "s"),
    ("total_time", "totTime", "f"),
    ("total_timeFormat", "totTimeFormat", "s"),
    ("StepErrorCode", "errorCode", "i"),
    ("StepErrorCodeFormat", "errorCodeFormat", "s"),
    ("StepErrorMessage", "errorMessage", "s"),
    ("TSGuid", "tsGuid", "s"),
    ("InteractiveExeNum", "interactiveExeNum", "i"),
    ("InteractiveExeNumFormat", "interactiveExeNumFormat", "s"),
    ("StepCausedSequenceFailure", "causedSeqFailure", "b"),
    ("StepCausedUUTFailure", "causedUUTFailure", "b"),
)
_NUMERIC_ATTRS = (
    ("Name", "name", "s"),
    ("NumericValue", "value", "f"),
    ("NumericValueFormat", "valueFormat", "s"),
    ("Units", "unit", "s"),
    ("CompOperator", "compOp", "s"),
    ("LowLimit", "lowLimit", "f"),
    ("LowLimitFormat", "lowLimitFormat", "s"),
    ("HighLimit", "highLimit", "f"),
    ("HighLimitFormat", "highLimitFormat", "s"),
)
_CHART_ATTRS = (
    ("ChartType", "chartType", "s"),
    ("Label", "label", "s"),
    ("XLabel", "xLabel", "s"),
    ("XUnit", "xUnit", "s"),
    ("YLabel", "yLabel", "s"),
    ("YUnit", "yUnit", "s"),
)


# ---------------------------------------------------------------------------- reading


def _json_number(value: float | None) -> Any:
    # WSJF cannot carry NaN/Infinity as numbers; pywats writes them as Json.NET's strings.
    if value is None or math.isfinite(value):
        return value
    if math.isnan(value):
        return "NaN"
    return "Infinity" if value > 0 else "-Infinity"


class _Reader:
    def __init__(self, doc: XmlDoc) -> None:
        self.doc = doc

    def attrs(self, el: Element, table: Sequence[tuple[str, str, str]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        doc = self.doc
        for attr, key, kind in table:
            if kind == "s":
                text = el.get(attr)
                out[key] = text if text else None
            elif kind == "i":
                out[key] = doc.attr_int(el, attr)
            elif kind == "f":
                out[key] = _json_number(doc.attr_float(el, attr))
            else:
                out[key] = doc.attr_bool(el, attr)
        return out

    def word(self, el: Element, attr: str, table: Mapping[str, str], *, required: bool) -> Any:
        text = el.get(attr)
        if text is None or text == "":
            if required:
                raise self.doc.error(el, f"has no {attr} attribute")
            return None
        code = table.get(text.strip().lower())
        if code is None:
            # Accept the WSJF letter too (P, F, ...), which hand-written files often use.
            letters = set(table.values())
            if text.strip().upper() in letters:
                return text.strip().upper()
            words = ", ".join(sorted({w.capitalize() for w in table}))
            raise self.doc.error(el, f"{attr}={text!r} is not one of {words}")
        return code

    def report(self, el: Element) -> dict[str, Any]:
        doc = self.doc
        kind = (el.get("type") or "").strip().upper()
        if kind not in ("UUT", "UUR"):
            raise doc.error(el, f"type={el.get('type')!r}: must be UUT or UUR")
        report_id = el.get("ID")
        out: dict[str, Any] = {
            "type": "T" if kind == "UUT" else "R",
            "id": report_id.strip().lower() if report_id else None,
            "pn": el.get("PN"),
            "sn": el.get("SN"),
            "rev": el.get("Rev"),
            "productName": el.get("ProductName") or None,
            "result": self.word(el, "Result", _RESULT_IN, required=True),
            "machineName": el.get("MachineName"),
            "location": el.get("Location"),
            "purpose": el.get("Purpose"),
            "origin": el.get("origin") or None,
            "start": el.get("Start"),
            "startUTC": el.get("Start_utc") or None,
        }
        for attr in ("PN", "SN"):
            if not el.get(attr):
                raise doc.error(el, f"has no {attr} attribute (the unit's {attr})")
        misc: list[dict[str, Any]] = []
        units: list[dict[str, Any]] = []
        assets: list[dict[str, Any]] = []
        stats: list[dict[str, Any]] = []
        extra: list[dict[str, Any]] = []
        failures: list[tuple[Element, dict[str, Any]]] = []
        binaries: list[Element] = []
        roots: list[Element] = []
        process: Element | None = None
        header: Element | None = None
        for child in el:
            name = local(child.tag)
            if name == "Process":
                process = child
            elif name in ("UUT", "UUR"):
                header = child
            elif name == "MiscInfo":
                item = self.attrs(child, _MISC_ATTRS)
                item["text"] = child.text if child.text else None
                if item["description"] is None:
                    raise doc.error(child, "has no Description")
                misc.append({k: v for k, v in item.items() if v is not None or k != "id"})
            elif name == "ReportUnitHierarchy":
                units.append(self.attrs(child, _UNIT_ATTRS))
            elif name in ("Asset", "Assets"):
                assets.extend(self.attrs(a, _ASSET_ATTRS) for a in self._flat(child, "Asset"))
            elif name in ("AssetStats", "AssetStat"):
                stats.append(self.attrs(child, _ASSET_STATS_ATTRS))
            elif name == "AdditionalData":
                extra.append(self.additional(child))
            elif name == "Failures":
                failures.append((child, self.failure(child)))
            elif name == "Binary":
                binaries.append(child)
            elif name == "Step":
                roots.append(child)
        if process is None and kind == "UUT":
            raise doc.error(el, "has no <Process Code=...> element (the test operation)")
        if process is not None:
            out["processCode"] = doc.attr_int(process, "Code")
            out["processCodeFormat"] = process.get("CodeFormat") or None
            out["processName"] = process.get("Name") or None
        if kind == "UUT":
            if header is None or local(header.tag) != "UUT":
                raise doc.error(el, "type UUT has no <UUT> element")
            uut = self.attrs(header, _UUT_ATTRS)
            uut["comment"] = self._child_text(header, "Comment")
            out["uut"] = uut
            if len(roots) > 1:
                raise doc.error(roots[1], "is a second root step; a report has one root step")
            if roots:
                out["root"] = self.step(roots[0], depth=0)
        else:
            out.update(self.uur(el, header, failures, binaries, units))
        out["miscInfos"] = misc
        out["subUnits"] = units
        out["assets"] = assets
        if stats:
            out["assetStats"] = stats
        out["additionalData"] = extra
        return out

    def uur(
        self,
        report: Element,
        header: Element | None,
        failures: list[tuple[Element, dict[str, Any]]],
        binaries: list[Element],
        units: list[dict[str, Any]],
    ) -> dict[str, Any]:
        doc = self.doc
        if header is None or local(header.tag) != "UUR":
            raise doc.error(report, "type UUR has no <UUR> element")
        uur = self.attrs(header, _UUR_ATTRS)
        if uur["refUUT"]:
            uur["refUUT"] = uur["refUUT"].lower()
        uur["comment"] = self._child_text(header, "Comment")
        for child in header:
            if local(child.tag) == "Process":
                uur["processCode"] = doc.attr_int(child, "Code")
                uur["processCodeFormat"] = child.get("CodeFormat") or None
                uur["processName"] = child.get("Name") or None
        by_idx: dict[int, dict[str, Any]] = {}
        for element, failure in failures:
            part = doc.attr_int(element, "PartIdx") or 0
            unit = next((u for u in units if (u.get("idx") or 0) == part), None)
            if unit is None:
                raise doc.error(element, f"PartIdx={part} names no <ReportUnitHierarchy Idx>")
            unit.setdefault("failures", []).append(failure)
            idx = doc.attr_int(element, "Idx")
            if idx is not None:
                by_idx[idx] = failure
        out: dict[str, Any] = {"uur": uur}
        report_files: list[dict[str, Any]] = []
        for element in binaries:
            item = self.binary(element)
            fail_idx = doc.attr_int(element, "FailIdx")
            if fail_idx is None:
                report_files.append(item)
            elif fail_idx in by_idx:
                by_idx[fail_idx].setdefault("attachments", []).append(item)
            else:
                raise doc.error(element, f"FailIdx={fail_idx} names no <Failures Idx>")
        if report_files:
            out["binaryData"] = report_files
        return out

    def failure(self, el: Element) -> dict[str, Any]:
        item = self.attrs(el, _FAILURE_ATTRS)
        item["comment"] = self._child_text(el, "Comment") or el.get("Comment") or None
        return {k: v for k, v in item.items() if v is not None or k in ("category", "code")}

    def binary(self, el: Element) -> dict[str, Any]:
        data = next((c for c in el if local(c.tag) == "Data"), None)
        if data is None:
            raise self.doc.error(el, "has no <Data> element")
        item = {
            "name": data.get("FileName") or None,
            "contentType": data.get("ContentType") or None,
            "data": (data.text or "").strip(),
        }
        guid = data.get("BinaryDataGUID")
        if guid:
            item["id"] = guid.lower()
        return item

    def additional(self, el: Element) -> dict[str, Any]:
        return {
            "name": el.get("Name"),
            "props": [self.prop(p) for p in el if local(p.tag) == "Prop"],
        }

    def prop(self, el: Element) -> dict[str, Any]:
        doc = self.doc
        out: dict[str, Any] = {
            "name": el.get("Name"),
            "type": el.get("Type"),
            "flags": doc.attr_int(el, "Flags"),
            "value": el.get("Value"),
            "numFormat": el.get("NumFormat"),
            "comment": el.get("Comment"),
        }
        props = [self.prop(p) for p in el if local(p.tag) == "Prop"]
        if props:
            out["props"] = props
        array = next((a for a in el if local(a.tag) == "Array"), None)
        if array is not None:
            indexes = []
            for index in array:
                if local(index.tag) != "Index":
                    continue
                raw = index.get("Indexes") or ""
                try:
                    numbers = [int(x) for x in raw.split(",") if x.strip()]
                except ValueError:
                    raise doc.error(index, f"Indexes={raw!r} is not a list of integers") from None
                value = next((p for p in index if local(p.tag) == "Prop"), None)
                indexes.append(
                    {
                        "text": index.get("Text"),
                        "indexes": numbers,
                        "value": None if value is None else self.prop(value),
                    }
                )
            out["array"] = {
                "dimension": doc.attr_int(array, "Dimension"),
                "type": array.get("Type"),
                "indexes": indexes,
            }
        return {k: v for k, v in out.items() if v is not None}

    def step(self, el: Element, depth: int) -> dict[str, Any]:
        doc = self.doc
        if depth > 200:
            raise doc.error(el, "is nested more than 200 levels deep")
        out: dict[str, Any] = {
            "id": doc.attr_int(el, "Id"),
            "group": self.word(el, "Group", _GROUP_IN, required=False) or "M",
            "stepType": el.get("StepType") or None,
            "name": el.get("Name") or "",
            "status": self.word(el, "Status", _STATUS_IN, required=True),
        }
        out.update(self.attrs(el, _STEP_ATTRS))
        numeric: list[dict[str, Any]] = []
        strings: list[dict[str, Any]] = []
        booleans: list[dict[str, Any]] = []
        children: list[dict[str, Any]] = []
        results: list[dict[str, Any]] = []
        for child in el:
            name = local(child.tag)
            if name == "Step":
                children.append(self.step(child, depth + 1))
            elif name == "ReportText":
                out["reportText"] = child.text or None
            elif name == "SequenceCall":
                out["seqCall"] = {
                    "path": child.get("Filepath") or None,
                    "name": child.get("Name") or None,
                    "version": child.get("Version") or None,
                }
            elif name == "NumericLimit":
                meas = self.attrs(child, _NUMERIC_ATTRS)
                meas["compOp"] = meas["compOp"] or "LOG"
                meas["status"] = self.word(child, "Status", _STATUS_IN, required=True)
                numeric.append(meas)
            elif name == "StringValue":
                strings.append(
                    {
                        "name": child.get("Name") or None,
                        "compOp": child.get("CompOperator") or "LOG",
                        "value": child.get("StringValue"),
                        "limit": child.get("StringLimit") or None,
                        "status": self.word(child, "Status", _STATUS_IN, required=True),
                    }
                )
            elif name == "PassFail":
                booleans.append(
                    {
                        "name": child.get("Name") or None,
                        "status": self.word(child, "Status", _STATUS_IN, required=True),
                    }
                )
            elif name == "Loop":
                out["loop"] = {
                    "idx": doc.attr_int(child, "index"),
                    "num": doc.attr_int(child, "num"),
                    "endingIndex": doc.attr_int(child, "ending_index"),
                    "passed": doc.attr_int(child, "passed"),
                    "failed": doc.attr_int(child, "failed"),
                }
            elif name == "MessagePopup":
                out["messagePopup"] = {
                    "response": child.get("Response") or None,
                    "button": doc.attr_int(child, "Button"),
                    "buttonFormat": child.get("ButtonFormat") or None,
                }
            elif name == "Callexe":
                out["callExe"] = {
                    "exitCode": _json_number(doc.attr_float(child, "ExitCode")),
                    "exitCodeFormat": child.get("ExitCodeFormat") or None,
                }
            elif name == "Chart":
                chart = self.attrs(child, _CHART_ATTRS)
                chart["chartType"] = chart["chartType"] or "Line"
                chart["series"] = [self.series(s) for s in child if local(s.tag) == "Series"]
                out["chart"] = chart
            elif name == "Attachment":
                out["attachment"] = {
                    "name": child.get("Name") or None,
                    "contentType": child.get("ContentType") or None,
                    "data": (child.text or "").strip(),
                }
            elif name == "AdditionalResults":
                results.append(self.additional(child))
        if numeric:
            out["numericMeas"] = numeric
        if strings:
            out["stringMeas"] = strings
        if booleans:
            out["booleanMeas"] = booleans
        if results:
            out["additionalResults"] = results
        if children or "seqCall" in out:
            out["steps"] = children
        return out

    def series(self, el: Element) -> dict[str, Any]:
        return {
            "dataType": el.get("DataType") or "XYG",
            "name": el.get("Name") or None,
            "xdata": self._child_text(el, "xdata"),
            "ydata": self._child_text(el, "ydata"),
        }

    @staticmethod
    def _flat(el: Element, name: str) -> list[Element]:
        return [el] if local(el.tag) == name else [c for c in el if local(c.tag) == name]

    @staticmethod
    def _child_text(el: Element, name: str) -> str | None:
        for child in el:
            if local(child.tag) == name:
                return child.text or None
        return None


def wsxf_to_wsjf(data: bytes, *, source: str = "<wsxf>") -> list[dict[str, Any]]:
    """Read a WSXF document (``<Reports>`` or a single ``<Report>``) into WSJF dicts.

    Args:
        data: the XML bytes.
        source: the name errors start with (the file name).

    Raises:
        ConversionError: malformed or unsafe XML, or a report missing what WSJF requires;
            the message names ``source``, line and column.
    """
    doc = parse_xml(data, source, roots=_ROOTS, kind="a WSXF document")
    root = doc.root
    elements = [root] if local(root.tag) == "Report" else _reports_in(doc, root)
    reader = _Reader(doc)
    return [_finish(reader.report(el)) for el in elements]


_ROOTS = ("Reports", "Report")


def _reports_in(doc: XmlDoc, root: Element) -> list[Element]:
    elements = [c for c in root if local(c.tag) == "Report"]
    if not elements:
        raise doc.error(root, "holds no <Report> element")
    return elements


def _finish(report: dict[str, Any]) -> dict[str, Any]:
    _fill_step_ids(report.get("root"))
    if not report.get("startUTC") and report.get("start"):
        report["startUTC"] = _utc_text(report["start"])
    return report


def read_wsxf(path: Path) -> tuple[list[dict[str, Any]], str]:
    """Read a WSXF file report by report (memory holds one ``<Report>`` element at a time).

    Returns the WSJF dicts and the file's SHA-256 (hex).
    """
    stream = stream_xml(path, roots=_ROOTS, kind="a WSXF document")
    reader = _Reader(stream)
    reports: list[dict[str, Any]] = []
    stack: list[Element] = []
    for event, el in stream.events():
        if event == "start":
            stack.append(el)
            continue
        stack.pop()
        if local(el.tag) == "Report" and len(stack) <= 1:
            reports.append(_finish(reader.report(el)))
            if stack:
                stream.drop(stack[0], el)
    if not reports:
        raise stream.error(stream.root, "holds no <Report> element")
    return reports, stream.sha256.hexdigest()


def _fill_step_ids(root: Any) -> None:
    """Number the steps a hand-written file left without ``Id`` (pre-order, after the rest)."""
    if not isinstance(root, dict):
        return
    order: list[dict[str, Any]] = []
    stack = [root]
    while stack:
        step = stack.pop()
        order.append(step)
        stack.extend(reversed(step.get("steps") or []))
    next_id = max((s["id"] for s in order if isinstance(s.get("id"), int)), default=0) + 1
    for step in order:
        if step.get("id") is None:
            step["id"] = next_id
            next_id += 1


def _utc_text(start: str) -> str | None:
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(start.replace("Z", "+00:00"))
    except ValueError:
        return None  # the validator names the bad start
    if moment.tzinfo is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# ---------------------------------------------------------------------------- writing


def _set(el: Element, attr: str, value: Any) -> None:
    if value is None:
        return
    el.set(attr, format_number(value) if not isinstance(value, str) else value)


def _set_attrs(el: Element, data: Mapping[str, Any], table: Sequence[tuple[str, str, str]]) -> None:
    for attr, key, _kind in table:
        _set(el, attr, data.get(key))


def _text_child(parent: Element, name: str, text: Any) -> None:
    if text is not None:
        SubElement(parent, _NS + name).text = str(text)


class _Writer:
    def __init__(self) -> None:
        self.order = 0

    def report(self, parent: Element, data: Mapping[str, Any]) -> None:
        kind = data.get("type")
        if kind not in ("T", "R"):
            raise ValueError(f"type is {kind!r}; a WSJF report has type 'T' or 'R'")
        el = SubElement(parent, _NS + "Report")
        el.set("type", "UUT" if kind == "T" else "UUR")
        _set(el, "ID", str(data["id"]).upper() if data.get("id") else None)
        _set(el, "Start", data.get("start"))
        _set(el, "Start_utc", data.get("startUTC"))
        result = data.get("result")
        _set(el, "Result", _RESULT_OUT.get(str(result), result))
        for attr, key in (
            ("SN", "sn"),
            ("PN", "pn"),
            ("Rev", "rev"),
            ("origin", "origin"),
            ("MachineName", "machineName"),
            ("Location", "location"),
            ("Purpose", "purpose"),
            ("ProductName", "productName"),
        ):
            _set(el, attr, data.get(key))
        if kind == "T":
            uut = data.get("uut") or {}
            header = SubElement(el, _NS + "UUT")
            _set_attrs(header, uut, _UUT_ATTRS)
            _text_child(header, "Comment", uut.get("comment"))
        else:
            self.uur_header(el, data.get("uur") or {})
        process = SubElement(el, _NS + "Process")
        _set(process, "Code", data.get("processCode"))
        _set(process, "CodeFormat", data.get("processCodeFormat"))
        _set(process, "Name", data.get("processName"))
        for i, misc in enumerate(data.get("miscInfos") or []):
            item = SubElement(el, _NS + "MiscInfo")
            _set_attrs(item, misc, _MISC_ATTRS)
            item.set("idx", str(i))
            item.set("order_no", str(i))
            if misc.get("text") is not None:
                item.text = str(misc["text"])
        units = data.get("subUnits") or []
        for unit in units:
            _set_attrs(SubElement(el, _NS + "ReportUnitHierarchy"), unit, _UNIT_ATTRS)
        for asset in data.get("assets") or []:
            _set_attrs(SubElement(el, _NS + "Asset"), asset, _ASSET_ATTRS)
        for stats in data.get("assetStats") or []:
            _set_attrs(SubElement(el, _NS + "AssetStats"), stats, _ASSET_STATS_ATTRS)
        for extra in data.get("additionalData") or []:
            self.additional(el, "AdditionalData", extra)
        if kind == "R":
            self.uur_parts(el, units, data.get("binaryData") or [])
        root = data.get("root")
        if kind == "T" and isinstance(root, Mapping):
            self.step(el, root, 0)

    def uur_header(self, el: Element, uur: Mapping[str, Any]) -> None:
        header = SubElement(el, _NS + "UUR")
        _set_attrs(header, uur, _UUR_ATTRS)
        if uur.get("refUUT"):
            header.set("ReferencedUUT", str(uur["refUUT"]).upper())
        _text_child(header, "Comment", uur.get("comment"))
        if uur.get("processCode") is not None or uur.get("processName"):
            process = SubElement(header, _NS + "Process")
            _set(process, "Code", uur.get("processCode"))
            _set(process, "CodeFormat", uur.get("processCodeFormat"))
            _set(process, "Name", uur.get("processName"))

    def uur_parts(
        self, el: Element, units: Sequence[Mapping[str, Any]], files: Sequence[Mapping[str, Any]]
    ) -> None:
        fail_idx = 0
        owned: list[tuple[int | None, Mapping[str, Any]]] = [(None, f) for f in files]
        for unit in units:
            for failure in unit.get("failures") or []:
                item = SubElement(el, _NS + "Failures")
                item.set("Idx", str(fail_idx))
                item.set("PartIdx", str(unit.get("idx") or 0))
                _set_attrs(item, failure, _FAILURE_ATTRS)
                _text_child(item, "Comment", failure.get("comment"))
                owned.extend((fail_idx, a) for a in failure.get("attachments") or [])
                fail_idx += 1
        for file_idx, (owner, attached) in enumerate(owned):
            binary = SubElement(el, _NS + "Binary")
            binary.set("BinaryDataIndex", str(file_idx))
            _set(binary, "FailIdx", owner)
            payload = SubElement(binary, _NS + "Data")
            _set(
                payload,
                "BinaryDataGUID",
                str(attached["id"]).upper() if attached.get("id") else None,
            )
            _set(payload, "ContentType", attached.get("contentType"))
            _set(payload, "FileName", attached.get("name"))
            payload.text = attached.get("data") or ""

    def additional(self, parent: Element, tag: str, data: Mapping[str, Any]) -> None:
        el = SubElement(parent, _NS + tag)
        _set(el, "Name", data.get("name"))
        for prop in data.get("props") or []:
            self.prop(el, prop)

    def prop(self, parent: Element, prop: Mapping[str, Any]) -> None:
        el = SubElement(parent, _NS + "Prop")
        for attr, key in (
            ("Name", "name"),
            ("Type", "type"),
            ("Flags", "flags"),
            ("Value", "value"),
            ("NumFormat", "numFormat"),
            ("Comment", "comment"),
        ):
            _set(el, attr, prop.get(key))
        for child in prop.get("props") or []:
            self.prop(el, child)
        array = prop.get("array")
        if isinstance(array, Mapping):
            arr = SubElement(el, _NS + "Array")
            _set(arr, "Dimension", array.get("dimension"))
            _set(arr, "Type", array.get("type"))
            for index in array.get("indexes") or []:
                item = SubElement(arr, _NS + "Index")
                _set(item, "Text", index.get("text"))
                item.set("Indexes", ",".join(str(i) for i in index.get("indexes") or []))
                if isinstance(index.get("value"), Mapping):
                    self.prop(item, index["value"])

    def step(self, parent: Element, step: Mapping[str, Any], index: int) -> None:
        el = SubElement(parent, _NS + "Step")
        _set(el, "Id", step.get("id"))
        group = step.get("group") or "M"
        el.set("Group", _GROUP_OUT.get(str(group), str(group)))
        _set(el, "Name", step.get("name") or "")
        _set(el, "StepType", step.get("stepType"))
        status = step.get("status")
        _set(el, "Status", _STATUS_OUT.get(str(status), status))
        el.set("StepIndex", str(index))
        _set_attrs(el, step, _STEP_ATTRS)
        _text_child(el, "ReportText", step.get("reportText"))
        loop = step.get("loop")
        if isinstance(loop, Mapping):
            item = SubElement(el, _NS + "Loop")
            _set(item, "num", loop.get("num"))
            _set(item, "passed", loop.get("passed"))
            _set(item, "failed", loop.get("failed"))
            _set(item, "ending_index", loop.get("endingIndex"))
            _set(item, "index", loop.get("idx"))
        seq = step.get("seqCall")
        if isinstance(seq, Mapping):
            item = SubElement(el, _NS + "SequenceCall")
            _set(item, "Name", seq.get("name"))
            _set(item, "Version", seq.get("version"))
            path = seq.get("path")
            if path:
                item.set("Filename", str(path).replace("\\", "/").rsplit("/", 1)[-1])
            _set(item, "Filepath", path)
            item.set("MeasIndex", "0")
        for i, meas in enumerate(step.get("numericMeas") or []):
            item = SubElement(el, _NS + "NumericLimit")
            _set_attrs(item, meas, _NUMERIC_ATTRS)
            self.meas_index(item, meas, i)
        for i, meas in enumerate(step.get("stringMeas") or []):
            item = SubElement(el, _NS + "StringValue")
            _set(item, "Name", meas.get("name"))
            _set(item, "CompOperator", meas.get("compOp"))
            _set(item, "StringValue", meas.get("value"))
            _set(item, "StringLimit", meas.get("limit"))
            self.meas_index(item, meas, i)
        for i, meas in enumerate(step.get("booleanMeas") or []):
            item = SubElement(el, _NS + "PassFail")
            _set(item, "Name", meas.get("name"))
            self.meas_index(item, meas, i)
        popup = step.get("messagePopup")
        if isinstance(popup, Mapping):
            item = SubElement(el, _NS + "MessagePopup")
            _set(item, "Button", popup.get("button"))
            _set(item, "ButtonFormat", popup.get("buttonFormat"))
            _set(item, "Response", popup.get("response"))
            item.set("MeasIndex", "0")
        call = step.get("callExe")
        if isinstance(call, Mapping):
            item = SubElement(el, _NS + "Callexe")
            _set(item, "ExitCode", call.get("exitCode"))
            _set(item, "ExitCodeFormat", call.get("exitCodeFormat"))
            item.set("MeasIndex", "0")
        chart = step.get("chart")
        if isinstance(chart, Mapping):
            item = SubElement(el, _NS + "Chart")
            item.set("idx", "0")
            _set_attrs(item, chart, _CHART_ATTRS)
            for series in chart.get("series") or []:
                s = SubElement(item, _NS + "Series")
                _set(s, "Name", series.get("name"))
                _set(s, "DataType", series.get("dataType") or "XYG")
                _text_child(s, "ydata", series.get("ydata"))
                _text_child(s, "xdata", series.get("xdata"))
        attachment = step.get("attachment")
        if isinstance(attachment, Mapping):
            item = SubElement(el, _NS + "Attachment")
            _set(item, "Name", attachment.get("name"))
            _set(item, "ContentType", attachment.get("contentType"))
            item.text = attachment.get("data") or ""
        for extra in step.get("additionalResults") or []:
            self.additional(el, "AdditionalResults", extra)
        for i, child in enumerate(step.get("steps") or []):
            self.step(el, child, i)

    def meas_index(self, item: Element, meas: Mapping[str, Any], index: int) -> None:
        status = meas.get("status")
        _set(item, "Status", _STATUS_OUT.get(str(status), status))
        item.set("MeasIndex", str(index))
        item.set("MeasOrderNumber", str(self.order))
        self.order += 1


def wsjf_to_wsxf(reports: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> bytes:
    """Write one WSJF report dict (or several) as a WSXF ``<Reports>`` document (UTF-8 bytes).

    Raises:
        ValueError: a report has no valid ``type``.
    """
    items = [reports] if isinstance(reports, Mapping) else list(reports)
    register_namespace("", NAMESPACE)
    root = Element(_NS + "Reports")
    for data in items:
        _Writer().report(root, data)
    document: bytes = tostring(root, encoding="utf-8", xml_declaration=True)
    return document


class WSXFConverter(Converter):
    """Read WSXF files (``<Reports>`` of UUT and UUR ``<Report>`` elements) as WSJF reports."""

    name = "wsxf"
    patterns = ("*.wsxf", "*.xml")
    parameters: ClassVar[Mapping[str, str] | None] = {}

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        reports, digest = read_wsxf(path)
        for index, report in enumerate(reports):
            if not report.get("id"):
                report["id"] = stable_id(b"", index, digest=digest)
            header = report.get("uut" if report["type"] == "T" else "uur")
            if context.operator and isinstance(header, dict) and not header.get("user"):
                header["user"] = context.operator
            if report.get("processCode") is None and context.operation_code is not None:
                report["processCode"] = context.operation_code
        return reports
