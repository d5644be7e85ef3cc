"""Reading WSXF into WSJF dicts (see ``wsxf`` for the mapping)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from pywats.station.converters._wsxf_steps import PartReader, clipped
from pywats.station.converters._wsxf_tables import (
    ASSET_ATTRS,
    ASSET_STATS_ATTRS,
    FAILURE_ATTRS,
    MISC_ATTRS,
    RESULT_IN,
    UNIT_ATTRS,
    UUR_ATTRS,
    UUT_ATTRS,
)
from pywats.station.converters._xml import XmlDoc, XmlStream, local, parse_xml, stream_xml

__all__ = ["iter_wsxf", "read_wsxf", "wsxf_to_wsjf"]


class _Reader(PartReader):
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
            "result": self.word(el, "Result", RESULT_IN, required=True),
            "machineName": clipped(el.get("MachineName")),
            "location": clipped(el.get("Location")),
            "purpose": clipped(el.get("Purpose")),
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
                item = self.attrs(child, MISC_ATTRS)
                item["text"] = clipped(child.text if child.text else None)
                if item["description"] is None:
                    raise doc.error(child, "has no Description")
                item["description"] = clipped(item["description"])
                misc.append({k: v for k, v in item.items() if v is not None or k != "id"})
            elif name == "ReportUnitHierarchy":
                units.append(self.attrs(child, UNIT_ATTRS))
            elif name in ("Asset", "Assets"):
                assets.extend(self.attrs(a, ASSET_ATTRS) for a in self._flat(child, "Asset"))
            elif name in ("AssetStats", "AssetStat"):
                stats.append(self.attrs(child, ASSET_STATS_ATTRS))
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
            uut = self.attrs(header, UUT_ATTRS)
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
        uur = self.attrs(header, UUR_ATTRS)
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
        item = self.attrs(el, FAILURE_ATTRS)
        item["comment"] = self._child_text(el, "Comment") or el.get("Comment") or None
        return {k: v for k, v in item.items() if v is not None or k in ("category", "code")}


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
    reports = list(_iter(stream))
    return reports, stream.sha256.hexdigest()


def iter_wsxf(path: Path) -> Iterator[dict[str, Any]]:
    """Read a WSXF file lazily: each report is yielded as its ``</Report>`` is read, so a
    caller that writes and drops each one never holds more than one."""
    return _iter(stream_xml(path, roots=_ROOTS, kind="a WSXF document"))


def _iter(stream: XmlStream) -> Iterator[dict[str, Any]]:
    reader = _Reader(stream)
    found = False
    stack: list[Element] = []
    for event, el in stream.events():
        if event == "start":
            stack.append(el)
            continue
        stack.pop()
        if local(el.tag) == "Report" and len(stack) <= 1:
            report: dict[str, Any] | None = _finish(reader.report(el))
            if stack:
                stream.drop(stack[0], el)
            found = True
            yield report  # type: ignore[misc]
            report = None  # not kept alive while the next one is read
    if not found:
        raise stream.error(stream.root, "holds no <Report> element")


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
