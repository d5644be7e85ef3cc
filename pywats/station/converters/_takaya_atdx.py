"""Reading TAKAYA ``.atdx`` files: ``"Main header"``/``"Group header"`` blocks, ``;`` rows."""

from __future__ import annotations

import re

from pywats.station.converters._takaya_layouts import (
    Group,
    Panel,
    Row,
    error,
    key_value,
    odd_readings,
    panel_header,
    split_reading,
)

__all__ = ["ATDX_BLOCK", "read_atdx"]

ATDX_BLOCK = re.compile(r'^#+\s*"(Main|Group) header"\s*#+$', re.IGNORECASE)
_ATDX_GROUP = re.compile(r"^Group No\.:\s*(\S+)(?:\s+Side:\s*(\S+))?\s*(.*)$", re.IGNORECASE)
_ATDX_COLUMNS = {
    "Order": "step",
    "Parts": "part",
    "Value": "value",
    "Comment": "comment",
    "Loc.": "location",
    "EL": "element",
    "Reference": "reference",
    "Func": "function",
    "+%": "tol_plus",
    "-%": "tol_minus",
    "Judge": "judgement",
}


def _atdx_row(
    name: str, number: int, header: list[str], first: dict[str, int], cells: list[str]
) -> Row:
    if len(cells) < len(header):
        raise error(
            name, number, f"has {len(cells)} fields, the header has {len(header)} (truncated?)"
        )
    values = [c.strip() for c in cells]
    row = Row(line=number, step="", part="")
    for column, attr in _ATDX_COLUMNS.items():
        if column in first:
            setattr(row, attr, values[first[column]])
    row.unit = values[first["Value"] + 1] if "Value" in first else ""
    row.ref_unit = values[first["Reference"] + 1] if "Reference" in first else ""
    for column in ("Test.Base(Test1)", "Test.Base(Test2)"):
        if column in first and split_reading(values[first[column]])[0]:
            row.readings.append((values[first[column]], values[first[column] + 1]))
        elif column in first:
            row.details.extend(odd_readings([values[first[column]]]))
    for role, column in (("H", "H-pin"), ("L", "L-pin"), ("G1", "G-P1"), ("G2", "G-P2")):
        if column in first and values[first[column]] not in ("", "0", "----"):
            row.pins.append((role, values[first[column]], values[first[column] + 1]))
    for i in (1, 2, 3):
        column = f"BU{i}"
        if column in first and values[first[column]] not in ("", "0", "----"):
            row.pins.append((column, values[first[column]], values[first[column] + 1]))
    for column in ("Aux", "M.Aux"):
        if column in first and values[first[column]]:
            row.details.append((column, values[first[column]]))
    if len(values) > len(header) and any(values[len(header) :]):
        row.details.append(("extra cells", ";".join(values[len(header) :])))
    return row


def read_atdx(name: str, lines: list[str]) -> list[Panel]:
    """The ``.atdx`` layout: ``"Main header"``/``"Group header"`` blocks, ``;``-separated rows."""
    panels: list[Panel] = []
    group: Group | None = None
    header: list[str] | None = None
    block = ""
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        match = ATDX_BLOCK.match(line)
        if match:
            block = match.group(1).lower()
            if block == "main":
                panels.append(Panel(layout="ATDX", line=number))
                group = None
            elif not panels:
                raise error(name, number, "a Group header before any Main header")
            continue
        if line.startswith("---"):
            block = ""
            continue
        if block == "main":
            key, value = key_value(line)
            panel = panels[-1]
            if key == "serial number":
                panel.serial = value
            elif key == "test date":
                panel.date, panel.date_line = value, number
            else:
                panel_header(panel, line, number)
            continue
        if block == "group":
            gm = _ATDX_GROUP.match(line)
            if gm is None:
                raise error(name, number, f"{line[:60]!r} is not a 'Group No.: N' line")
            group = Group(line=number, number=gm.group(1), side=gm.group(2) or "")
            group.verdict = gm.group(3).strip()
            panels[-1].groups.append(group)
            continue
        if group is None:
            raise error(name, number, "a row outside a Group header block")
        cells = line.split(";")
        if cells[0].strip() == "Order":
            header = [c.strip() for c in cells]
            first = {h: i for i, h in reversed(list(enumerate(header)))}
            missing = [c for c in ("Parts", "Judge", "Test.Base(Test1)") if c not in header]
            if missing:
                raise error(name, number, f"the column header lacks {', '.join(missing)}")
            continue
        if header is None:
            raise error(name, number, "a row before the 'Order;...' column header")
        if len(cells) == 1:
            group.unknown.append((number, line))
            continue
        group.rows.append(_atdx_row(name, number, header, first, cells))
    return panels
