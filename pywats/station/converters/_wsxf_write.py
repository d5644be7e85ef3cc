"""Writing WSJF reports as WSXF (see ``wsxf`` for the mapping)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from xml.etree.ElementTree import Element, SubElement, register_namespace, tostring

from pywats.station.converters._wsxf_tables import (
    ASSET_ATTRS,
    ASSET_STATS_ATTRS,
    CHART_ATTRS,
    FAILURE_ATTRS,
    GROUP_OUT,
    MISC_ATTRS,
    NAMESPACE,
    NS,
    NUMERIC_ATTRS,
    RESULT_OUT,
    STATUS_OUT,
    STEP_ATTRS,
    UNIT_ATTRS,
    UUR_ATTRS,
    UUT_ATTRS,
)
from pywats.station.converters._xml import format_number

__all__ = ["wsjf_to_wsxf"]


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
        SubElement(parent, NS + name).text = str(text)


class _Writer:
    def __init__(self) -> None:
        self.order = 0

    def report(self, parent: Element, data: Mapping[str, Any]) -> None:
        kind = data.get("type")
        if kind not in ("T", "R"):
            raise ValueError(f"type is {kind!r}; a WSJF report has type 'T' or 'R'")
        el = SubElement(parent, NS + "Report")
        el.set("type", "UUT" if kind == "T" else "UUR")
        _set(el, "ID", str(data["id"]).upper() if data.get("id") else None)
        _set(el, "Start", data.get("start"))
        _set(el, "Start_utc", data.get("startUTC"))
        result = data.get("result")
        _set(el, "Result", RESULT_OUT.get(str(result), result))
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
            header = SubElement(el, NS + "UUT")
            _set_attrs(header, uut, UUT_ATTRS)
            _text_child(header, "Comment", uut.get("comment"))
        else:
            self.uur_header(el, data.get("uur") or {})
        process = SubElement(el, NS + "Process")
        _set(process, "Code", data.get("processCode"))
        _set(process, "CodeFormat", data.get("processCodeFormat"))
        _set(process, "Name", data.get("processName"))
        for i, misc in enumerate(data.get("miscInfos") or []):
            item = SubElement(el, NS + "MiscInfo")
            _set_attrs(item, misc, MISC_ATTRS)
            item.set("idx", str(i))
            item.set("order_no", str(i))
            if misc.get("text") is not None:
                item.text = str(misc["text"])
        units = data.get("subUnits") or []
        for unit in units:
            _set_attrs(SubElement(el, NS + "ReportUnitHierarchy"), unit, UNIT_ATTRS)
        for asset in data.get("assets") or []:
            _set_attrs(SubElement(el, NS + "Asset"), asset, ASSET_ATTRS)
        for stats in data.get("assetStats") or []:
            _set_attrs(SubElement(el, NS + "AssetStats"), stats, ASSET_STATS_ATTRS)
        for extra in data.get("additionalData") or []:
            self.additional(el, "AdditionalData", extra)
        if kind == "R":
            self.uur_parts(el, units, data.get("binaryData") or [])
        root = data.get("root")
        if kind == "T" and isinstance(root, Mapping):
            self.step(el, root, 0)

    def uur_header(self, el: Element, uur: Mapping[str, Any]) -> None:
        header = SubElement(el, NS + "UUR")
        _set_attrs(header, uur, UUR_ATTRS)
        if uur.get("refUUT"):
            header.set("ReferencedUUT", str(uur["refUUT"]).upper())
        _text_child(header, "Comment", uur.get("comment"))
        if uur.get("processCode") is not None or uur.get("processName"):
            process = SubElement(header, NS + "Process")
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
                item = SubElement(el, NS + "Failures")
                item.set("Idx", str(fail_idx))
                item.set("PartIdx", str(unit.get("idx") or 0))
                _set_attrs(item, failure, FAILURE_ATTRS)
                _text_child(item, "Comment", failure.get("comment"))
                owned.extend((fail_idx, a) for a in failure.get("attachments") or [])
                fail_idx += 1
        for file_idx, (owner, attached) in enumerate(owned):
            binary = SubElement(el, NS + "Binary")
            binary.set("BinaryDataIndex", str(file_idx))
            _set(binary, "FailIdx", owner)
            payload = SubElement(binary, NS + "Data")
            _set(
                payload,
                "BinaryDataGUID",
                str(attached["id"]).upper() if attached.get("id") else None,
            )
            _set(payload, "ContentType", attached.get("contentType"))
            _set(payload, "FileName", attached.get("name"))
            payload.text = attached.get("data") or ""

    def additional(self, parent: Element, tag: str, data: Mapping[str, Any]) -> None:
        el = SubElement(parent, NS + tag)
        _set(el, "Name", data.get("name"))
        for prop in data.get("props") or []:
            self.prop(el, prop)

    def prop(self, parent: Element, prop: Mapping[str, Any]) -> None:
        el = SubElement(parent, NS + "Prop")
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
            arr = SubElement(el, NS + "Array")
            _set(arr, "Dimension", array.get("dimension"))
            _set(arr, "Type", array.get("type"))
            for index in array.get("indexes") or []:
                item = SubElement(arr, NS + "Index")
                _set(item, "Text", index.get("text"))
                item.set("Indexes", ",".join(str(i) for i in index.get("indexes") or []))
                if isinstance(index.get("value"), Mapping):
                    self.prop(item, index["value"])

    def step(self, parent: Element, step: Mapping[str, Any], index: int) -> None:
        el = SubElement(parent, NS + "Step")
        _set(el, "Id", step.get("id"))
        group = step.get("group") or "M"
        el.set("Group", GROUP_OUT.get(str(group), str(group)))
        _set(el, "Name", step.get("name") or "")
        _set(el, "StepType", step.get("stepType"))
        status = step.get("status")
        _set(el, "Status", STATUS_OUT.get(str(status), status))
        el.set("StepIndex", str(index))
        _set_attrs(el, step, STEP_ATTRS)
        _text_child(el, "ReportText", step.get("reportText"))
        loop = step.get("loop")
        if isinstance(loop, Mapping):
            item = SubElement(el, NS + "Loop")
            _set(item, "num", loop.get("num"))
            _set(item, "passed", loop.get("passed"))
            _set(item, "failed", loop.get("failed"))
            _set(item, "ending_index", loop.get("endingIndex"))
            _set(item, "index", loop.get("idx"))
        seq = step.get("seqCall")
        if isinstance(seq, Mapping):
            item = SubElement(el, NS + "SequenceCall")
            _set(item, "Name", seq.get("name"))
            _set(item, "Version", seq.get("version"))
            path = seq.get("path")
            if path:
                item.set("Filename", str(path).replace("\\", "/").rsplit("/", 1)[-1])
            _set(item, "Filepath", path)
            item.set("MeasIndex", "0")
        for i, meas in enumerate(step.get("numericMeas") or []):
            item = SubElement(el, NS + "NumericLimit")
            _set_attrs(item, meas, NUMERIC_ATTRS)
            self.meas_index(item, meas, i)
        for i, meas in enumerate(step.get("stringMeas") or []):
            item = SubElement(el, NS + "StringValue")
            _set(item, "Name", meas.get("name"))
            _set(item, "CompOperator", meas.get("compOp"))
            _set(item, "StringValue", meas.get("value"))
            _set(item, "StringLimit", meas.get("limit"))
            self.meas_index(item, meas, i)
        for i, meas in enumerate(step.get("booleanMeas") or []):
            item = SubElement(el, NS + "PassFail")
            _set(item, "Name", meas.get("name"))
            self.meas_index(item, meas, i)
        popup = step.get("messagePopup")
        if isinstance(popup, Mapping):
            item = SubElement(el, NS + "MessagePopup")
            _set(item, "Button", popup.get("button"))
            _set(item, "ButtonFormat", popup.get("buttonFormat"))
            _set(item, "Response", popup.get("response"))
            item.set("MeasIndex", "0")
        call = step.get("callExe")
        if isinstance(call, Mapping):
            item = SubElement(el, NS + "Callexe")
            _set(item, "ExitCode", call.get("exitCode"))
            _set(item, "ExitCodeFormat", call.get("exitCodeFormat"))
            item.set("MeasIndex", "0")
        chart = step.get("chart")
        if isinstance(chart, Mapping):
            item = SubElement(el, NS + "Chart")
            item.set("idx", "0")
            _set_attrs(item, chart, CHART_ATTRS)
            for series in chart.get("series") or []:
                s = SubElement(item, NS + "Series")
                _set(s, "Name", series.get("name"))
                _set(s, "DataType", series.get("dataType") or "XYG")
                _text_child(s, "ydata", series.get("ydata"))
                _text_child(s, "xdata", series.get("xdata"))
        attachment = step.get("attachment")
        if isinstance(attachment, Mapping):
            item = SubElement(el, NS + "Attachment")
            _set(item, "Name", attachment.get("name"))
            _set(item, "ContentType", attachment.get("contentType"))
            item.text = attachment.get("data") or ""
        for extra in step.get("additionalResults") or []:
            self.additional(el, "AdditionalResults", extra)
        for i, child in enumerate(step.get("steps") or []):
            self.step(el, child, i)

    def meas_index(self, item: Element, meas: Mapping[str, Any], index: int) -> None:
        status = meas.get("status")
        _set(item, "Status", STATUS_OUT.get(str(status), status))
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
    root = Element(NS + "Reports")
    for data in items:
        _Writer().report(root, data)
    document: bytes = tostring(root, encoding="utf-8", xml_declaration=True)
    return document
