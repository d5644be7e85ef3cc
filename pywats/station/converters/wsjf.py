"""WSJF pass-through: files that already hold WATS Standard JSON Format reports.

A file holds one report object or a non-empty JSON array of them (``*.json``, ``*.wsjf``).
Reports are passed through as they are; the service fills in station identity where it is
missing and derives a stable ``id`` for a report without one, so a re-read file never
duplicates.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from pywats.station.converters._base import ConversionError, Converter, ConverterContext

__all__ = ["WSJFConverter"]


class WSJFConverter(Converter):
    """Read WSJF reports from a JSON file (one object or an array of objects)."""

    name = "wsjf"
    patterns = ("*.json", "*.wsjf")
    parameters: ClassVar[Mapping[str, str] | None] = {}

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ConversionError(f"{path.name}: not UTF-8 text (byte {exc.start})") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConversionError(
                f"{path.name}: not valid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
            ) from None
        except RecursionError:
            raise ConversionError(f"{path.name}: the JSON is nested too deeply to read") from None
        reports = data if isinstance(data, list) else [data]
        if not reports:
            # An empty array is a writer's mistake, not "nothing to do": moving it to Done
            # would hide it, so it goes to Error/ with this reason.
            raise ConversionError(f"{path.name}: the JSON array holds no report")
        for index, report in enumerate(reports):
            where = f"{path.name}" + (f"[{index}]" if isinstance(data, list) else "")
            if not isinstance(report, dict):
                raise ConversionError(f"{where}: a WSJF report must be a JSON object")
            kind = report.get("type")
            if kind not in ("T", "R"):
                raise ConversionError(
                    f"{where}: 'type' is {kind!r}; a WSJF report has type 'T' (test) or"
                    " 'R' (repair)"
                )
            for key in ("pn", "sn"):
                if not isinstance(report.get(key), str) or not report[key]:
                    raise ConversionError(f"{where}: '{key}' is missing or empty")
            header = report.get("uut" if kind == "T" else "uur")
            if context.operator and isinstance(header, dict) and not header.get("user"):
                header["user"] = context.operator  # the operator lives in uut/uur.user
            if context.operation_code is not None and report.get("processCode") is None:
                report["processCode"] = context.operation_code
        return reports
