"""Serial-number files as the server writes them (``Production/SerialNumbers`` and ``/Take``).

XML is ``<SerialNumbers><SN id="..." .../>...</SerialNumbers>``; CSV has a header row whose
first column is the serial number. Parsed with defusedxml: the XML comes from a server.
"""

from __future__ import annotations

import csv
import io
from typing import Literal

__all__ = ["SerialFormat", "parse_serial_numbers"]

SerialFormat = Literal["CSV", "XML"]


def parse_serial_numbers(content: bytes) -> list[str]:
    """The serial numbers in an XML or CSV serial-number file, in file order."""
    text = content.decode("utf-8-sig", errors="replace").strip()
    if not text:
        return []
    if text.startswith("<"):
        from defusedxml import ElementTree

        root = ElementTree.fromstring(text)
        return [sn.get("id", "") or (sn.text or "").strip() for sn in root.iter("SN")]
    rows = list(csv.reader(io.StringIO(text)))
    if rows and rows[0] and rows[0][0].strip().lower() in ("serialnumber", "serial number", "sn"):
        rows = rows[1:]
    return [row[0].strip() for row in rows if row and row[0].strip()]
