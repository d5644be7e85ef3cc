"""Reading WSXF steps, measurements, charts and additional data (for ``_wsxf_read``).

Names longer than the server takes are clipped by the shared rule (``reports/_limits.py``),
as every converter does; a clipped step name is kept whole in the step's ``reportText``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any
from xml.etree.ElementTree import Element

from pywats.reports._limits import NAME_MAX, SEQ_NAME_MAX, SEQ_PATH_MAX, clip
from pywats.station.converters._wsxf_tables import (
    CHART_ATTRS,
    GROUP_IN,
    NUMERIC_ATTRS,
    STATUS_IN,
    STEP_ATTRS,
)
from pywats.station.converters._xml import XmlDoc, local

__all__ = ["PartReader", "clipped"]

# Chart texts and their limits (the validator's, from reports/_limits.py).
_CHART_LIMITS = (("label", NAME_MAX), ("xLabel", 50), ("yLabel", 50), ("xUnit", 20), ("yUnit", 20))


def clipped(text: str | None, limit: int = NAME_MAX) -> str | None:
    """``text`` clipped by the shared rule (None stays None)."""
    return text if text is None or len(text) <= limit else clip(text, limit)


def _json_number(value: float | None) -> Any:
    # WSJF cannot carry NaN/Infinity as numbers; pywats writes them as Json.NET's strings.
    if value is None or math.isfinite(value):
        return value
    if math.isnan(value):
        return "NaN"
    return "Infinity" if value > 0 else "-Infinity"


class PartReader:
    """The parts of a report below its header: steps (with what they hold), binary and
    additional data; subclassed by the report reader."""

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
            "name": clipped(el.get("Name"), SEQ_NAME_MAX),
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
            "group": self.word(el, "Group", GROUP_IN, required=False) or "M",
            "stepType": el.get("StepType") or None,
            "name": el.get("Name") or "",
            "status": self.word(el, "Status", STATUS_IN, required=True),
        }
        out.update(self.attrs(el, STEP_ATTRS))
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
                    "path": clipped(child.get("Filepath") or None, SEQ_PATH_MAX),
                    "name": clipped(child.get("Name") or None, SEQ_NAME_MAX),
                    "version": child.get("Version") or None,
                }
            elif name == "NumericLimit":
                meas = self.attrs(child, NUMERIC_ATTRS)
                meas["name"] = clipped(meas["name"])
                meas["compOp"] = meas["compOp"] or "LOG"
                meas["status"] = self.word(child, "Status", STATUS_IN, required=True)
                numeric.append(meas)
            elif name == "StringValue":
                strings.append(
                    {
                        "name": clipped(child.get("Name") or None),
                        "compOp": child.get("CompOperator") or "LOG",
                        "value": child.get("StringValue"),
                        "limit": child.get("StringLimit") or None,
                        "status": self.word(child, "Status", STATUS_IN, required=True),
                    }
                )
            elif name == "PassFail":
                booleans.append(
                    {
                        "name": clipped(child.get("Name") or None),
                        "status": self.word(child, "Status", STATUS_IN, required=True),
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
                chart = self.attrs(child, CHART_ATTRS)
                chart["chartType"] = chart["chartType"] or "Line"
                for key, limit in _CHART_LIMITS:
                    chart[key] = clipped(chart[key], limit)
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
        name = out["name"]
        if len(name) > NAME_MAX:  # the whole name goes to reportText, as the builder does
            text = out.get("reportText")
            out["reportText"] = name if not text else f"{name}\n{text}"
            out["name"] = clip(name)
        return out

    def series(self, el: Element) -> dict[str, Any]:
        return {
            "dataType": el.get("DataType") or "XYG",
            "name": clipped(el.get("Name") or None),
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
