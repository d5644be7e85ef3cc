"""Reading the three TAKAYA result layouts into groups of rows (see ``takaya.py``).

Each layout is read into the same shape: a :class:`Panel` header (model, date, tester,
verdict) and its :class:`Group` blocks (one board each: number, serial, verdict, rows). A
:class:`Row` is one test line with its position in the file, so every error names the line.
"""

from __future__ import annotations

import re

import attrs

from pywats.station.converters._base import ConversionError

__all__ = [
    "Group",
    "Panel",
    "Row",
    "error",
    "key_value",
    "odd_readings",
    "panel_header",
    "read_at_layout",
    "split_reading",
]


@attrs.define(kw_only=True)
class Row:
    """One test line of any layout, in the layout-neutral form the report builder reads."""

    line: int
    step: str
    part: str
    value: str = ""
    unit: str = ""
    comment: str = ""
    location: str = ""
    element: str = ""
    reference: str = ""
    ref_unit: str = ""
    readings: list[tuple[str, str]] = attrs.Factory(list)
    tol_plus: str = ""
    tol_minus: str = ""
    function: str = ""
    judgement: str = ""
    pins: list[tuple[str, str, str]] = attrs.Factory(list)
    """(role, pin, net name) for each probe that touched the board."""
    details: list[tuple[str, str]] = attrs.Factory(list)
    """(label, text) kept as the step's text: mode, range, time, probes, aux columns."""


@attrs.define(kw_only=True)
class Group:
    """One board of a panel: its rows and what its header says."""

    line: int
    number: str = ""
    serial: str = ""
    verdict: str = ""
    counts: str = ""
    side: str = ""
    rows: list[Row] = attrs.Factory(list)
    unknown: list[tuple[int, str]] = attrs.Factory(list)
    """Lines that are not rows of the layout, kept as text (line, text)."""


@attrs.define(kw_only=True)
class Panel:
    """The file (or ``.atdx`` main header) level: program, date, tester, panel verdict."""

    layout: str
    line: int = 1
    model: str = ""
    date: str = ""
    date_line: int = 0
    test_time: str = ""
    tester: str = ""
    serial: str = ""
    verdict: str = ""
    counts: str = ""
    extra: list[tuple[str, str]] = attrs.Factory(list)
    """Header lines this reader does not know, kept as (key, value)."""
    groups: list[Group] = attrs.Factory(list)


_GROUP = re.compile(r"^\*\s*GROUP\s+No\.\s*(\S+)\s*\*$", re.IGNORECASE)
_VERDICT = re.compile(r"^\*\s*(\S.*?)\s*\*$")
_COUNTS = re.compile(r"^D\.T:")
_APT_ROW = re.compile(r'^\d+\s+"')
_APT_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_READING = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(\S*)\s*$")


def error(name: str, line: int, message: str) -> ConversionError:
    return ConversionError(f"{name}: line {line}: {message}")


def odd_readings(texts: list[str]) -> list[tuple[str, str]]:
    """Reading cells that hold text, not a number or a placeholder ("OVER"), kept as details."""
    return [
        ("reading", t.strip())
        for t in texts
        if t.strip() and not split_reading(t)[0] and set(t.strip()) - set(".*-_ ")
    ]


def split_reading(text: str) -> tuple[str, str]:
    """``"409.5 O "`` -> ``("409.5", "O")``; no number (``"........"``) -> ``("", "")``."""
    match = _READING.match(text)
    return (match.group(1), match.group(2)) if match else ("", "")


def key_value(line: str) -> tuple[str, str]:
    key, _, value = line.partition(":")
    return key.strip().lower(), value.strip()


def panel_header(panel: Panel, line: str, number: int) -> None:
    """Read one header line into ``panel`` (unknown lines are kept in ``panel.extra``)."""
    key, value = key_value(line)
    if _COUNTS.match(line):
        panel.counts = " ".join(line.split())
    elif line.upper().startswith("DATE "):
        panel.date, panel.date_line = line[5:].strip(), number
    elif key == "model":
        panel.model = value
    elif key == "test time":
        panel.test_time = value
    elif key in ("test id", "tester id"):
        panel.tester = value
    elif _VERDICT.match(line):
        panel.verdict = _VERDICT.match(line).group(1)  # type: ignore[union-attr]
    else:
        key, _, value = line.partition(":")
        panel.extra.append((key.strip(), value.strip()))


class _CaColumns:
    """The CA layout's tab-separated header: where each column is (names repeat: Unit, Net_name)."""

    REQUIRED = ("Step_number", "Parts", "Judgement", "Test_Value_1_(Char)")

    def __init__(self, name: str, number: int, cells: list[str]) -> None:
        self.names = [c.strip() for c in cells]
        self.width = len(cells)
        self.index: dict[str, int] = {}
        for i, column in enumerate(self.names):
            self.index.setdefault(column, i)
        missing = [c for c in self.REQUIRED if c not in self.names]
        if missing:
            raise error(name, number, f"the column header lacks {', '.join(missing)}")

    def at(self, cells: list[str], column: str, after: int = 0) -> str:
        """The cell of ``column`` (or the one ``after`` places to its right); "" when absent."""
        index = self.index.get(column, -1)
        if index < 0:
            return ""
        index += after
        return cells[index].strip() if index < len(cells) else ""

    def row(self, cells: list[str], number: int) -> Row:
        at = self.at
        readings = [
            (at(cells, f"Test_Value_{i}_(Char)"), at(cells, f"Test_Value_{i}_(Char)", 1))
            for i in (1, 2)
        ]
        pins = [
            (role, at(cells, column), at(cells, column, 1))
            for role, column in (("H", "H-pin"), ("L", "L-pin"), ("G1", "G-P1"), ("G2", "G-P2"))
        ]
        details = [
            (label, at(cells, column))
            for label, column in (
                ("mode", "Measuring_mode"),
                ("range", "Measuring_range"),
                ("time", "Measuring_time"),
                ("probes", "Access_probe"),
                ("debug", "Debug_status(Comment)"),
                ("aux", "Aux."),
            )
        ]
        return Row(
            line=number,
            step=at(cells, "Step_number"),
            part=at(cells, "Parts"),
            value=at(cells, "Value"),
            unit=at(cells, "Unit"),
            comment=at(cells, "Comment"),
            location=at(cells, "Location"),
            element=at(cells, "Ref._Value_(EL)"),
            reference=at(cells, "Ref._Value_(Char)"),
            ref_unit=at(cells, "Ref._Value_(Char)", 1),
            readings=[(v, u) for v, u in readings if split_reading(v)[0]],
            tol_plus=at(cells, "Tolerance_(+)%"),
            tol_minus=at(cells, "Tolerance_(-)%"),
            function=at(cells, "Function"),
            judgement=at(cells, "Judgement"),
            pins=[p for p in pins if p[1] not in ("", "0")],
            details=[d for d in details if d[1] not in ("", "*", "---")]
            + odd_readings([v for v, _ in readings]),
        )


def _apt_row(name: str, number: int, text: str) -> Row:
    tokens = [
        m.group(1) if m.group(1) is not None else m.group(2) for m in _APT_TOKEN.finditer(text)
    ]
    if len(tokens) < 19:
        raise error(
            name,
            number,
            f"an APT-94xx row has 19 fields, this one has {len(tokens)} (truncated or another"
            " layout)",
        )
    t = [x.strip() for x in tokens]
    ref, ref_unit = split_reading(t[6])
    readings = [split_reading(v) for v in (t[7], t[8])]
    return Row(
        line=number,
        step=t[0],
        part=t[1],
        value=t[2],
        comment=t[3],
        reference=ref,
        ref_unit=ref_unit,
        readings=[r for r in readings if r[0]],
        tol_plus=t[9],
        tol_minus=t[10],
        judgement=t[11],
        function=t[18],
        pins=[
            p
            for p in (("H", t[4], ""), ("L", t[5], ""), ("G1", t[16], ""), ("G2", t[17], ""))
            if p[1] not in ("", "0")
        ],
        details=[
            (label, v)
            for label, v in (
                ("mode", t[12]),
                ("range", t[13]),
                ("time", t[14]),
                ("probes", t[15]),
                ("more fields", " ".join(t[19:])),  # a firmware that writes more than 19
            )
            if v not in ("", "*")
        ]
        + odd_readings([t[7], t[8]]),
    )


def read_at_layout(name: str, lines: list[str]) -> list[Panel]:
    """The ``@``-framed layouts: CA-series (tab-separated rows) and APT-94xx (quoted fields)."""
    panel = Panel(layout="ATD")
    group: Group | None = None
    columns: _CaColumns | None = None
    opened = closed_header = False
    end_line = 0
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        stripped = line.strip()
        if not stripped:
            continue
        if end_line:
            raise error(name, number, "text after the closing '@' line")
        if stripped == "@":
            if not opened:
                opened = True
                continue
            if not closed_header:
                closed_header = True
                continue
            end_line = number
            continue
        if not closed_header:
            panel_header(panel, stripped, number)
            continue
        match = _GROUP.match(stripped)
        if match:
            group = Group(line=number, number=match.group(1))
            panel.groups.append(group)
            columns = None
            continue
        if group is None:
            raise error(name, number, "a line before the first '* GROUP No.' header")
        if "\t" in line:
            cells = line.split("\t")
            if cells[0].strip() == "Group_No.":
                columns = _CaColumns(name, number, cells)
                panel.layout = "ATD (CA)"
                continue
            if columns is None:
                raise error(name, number, "a tab-separated row before its 'Group_No.' header row")
            if len(cells) < columns.width:
                raise error(
                    name,
                    number,
                    f"has {len(cells)} columns, the header has {columns.width} (truncated?)",
                )
            group.rows.append(columns.row(cells, number))
        elif _APT_ROW.match(stripped):
            panel.layout = "ATD (APT-94xx)"
            group.rows.append(_apt_row(name, number, stripped))
        elif _COUNTS.match(stripped):
            group.counts = " ".join(stripped.split())
        elif stripped.lower().startswith("serial no"):
            group.serial = key_value(stripped)[1]
        elif _VERDICT.match(stripped) and not group.rows:
            group.verdict = _VERDICT.match(stripped).group(1)  # type: ignore[union-attr]
        else:
            group.unknown.append((number, stripped))
    if not end_line:
        raise error(
            name, len(lines), "the file ends before its closing '@' line (truncated while written?)"
        )
    return [panel]
