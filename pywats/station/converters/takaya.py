"""TAKAYA flying-probe results: the CA-series and APT-94xx ``.ATD`` and the ``.atdx`` layouts.

The layouts (read by ``_takaya_layouts``)::

    .ATD CA-series     @ / * PASS * / D.T:.. G.F:.. counts / Model: / DATE d/m/Y H:M:S /
                       Test time: / Test ID : / @, then per board "* GROUP No.n *", its
                       verdict, counts, "Serial No.:", a tab-separated "Group_No." header row
                       and one tab-separated row per test; a closing "@"
    .ATD APT-94xx      the same frame; rows of 19 space-separated fields, text quoted:
                       step "part" "value" "comment" H-pin L-pin "reference" "reading 1"
                       "reading 2" +tol% -tol% "judgement" "mode" "range" "time" "probes"
                       G-P1 G-P2 "function"
    .atdx              #"Main header"# (Tester ID, Model, Serial number, Test Date), then
                       #"Group header"# ("Group No.: n Side: A FAIL") and an "Order;..."
                       semicolon-separated header row with one row per test

What each part becomes (one UUT report per group, i.e. per board of a panel)::

    Model (directory and .SWX extension removed)  part number (parameters.pn wins;
                                parameters.pn_pattern, a regex with groups pn and rev,
                                picks them out of the model name)
    group "Serial No."          serial number; .atdx: the main header's serial number, with
                                "-<group>" appended when the file holds several group numbers
                                (parameters.serial_format, e.g. "{serial}-{side}{group}")
    DATE / Test Date            start (day first: d/m/Y, d/m/y; parameters.date_format)
    Test time                   execution time (of the whole panel)
    Test ID / Tester ID         station name when the folder names none; misc info "Tester"
    Model, group, side, counts  misc infos
    each test row               a numeric limit step named after the part (with its value
                                when the part repeats in the group, e.g. "U1 P1-G"):
      last reading (Test value 2 when the tester re-measured, else 1)  the value, in the
                                reference's unit (readings in another prefix are rescaled)
      reference, tolerance +/- %  limits: GELE reference*(1-tol-%) .. reference*(1+tol+%);
                                without a tolerance, function GE or OP (open) -> GE reference,
                                LE or SH (short) -> LE reference; else (or 0%/0%) LOG
      judgement                 the status: PASS -> P; "......", SKIP, UnTested -> S; FAIL,
                                UPPER, LOWER, OPEN, UNMEASURED, NG and any other word -> F
      nominal value, part number (comment), location, pins and nets, mode, range,
                                time, probes, earlier reading, judgement word  report text
    a row without a reading     a pass/fail step with the judgement as status
    a line no layout knows      an action step "Unrecognised line N" holding the text

The tester's judgement always wins: when the limits computed from the row disagree with it,
the measurement is logged (LOG) with the limits in the text, never given a verdict the
tester did not give. Revision: the pattern, else parameters.rev, else "1". Operation code:
parameters.operation_code, else 10.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, ClassVar

from pywats.reports import Step, UUTReport
from pywats.reports._status import numeric_status
from pywats.station.converters._base import ConversionError, Converter, ConverterContext
from pywats.station.converters._common import new_uut, read_bytes
from pywats.station.converters._ict import (
    display_unit,
    identity_from_program,
    judge,
    parse_local_time,
    rescale,
    sig,
)
from pywats.station.converters._takaya_atdx import ATDX_BLOCK, read_atdx
from pywats.station.converters._takaya_layouts import (
    Group,
    Panel,
    Row,
    error,
    read_at_layout,
    split_reading,
)

__all__ = ["TakayaConverter"]


_DATE_FORMATS = ("%d/%m/%Y %H:%M:%S", "%d/%m/%y %H:%M:%S", "%Y/%m/%d %H:%M:%S")
_MODEL_EXT = re.compile(r"\.swx\d*$", re.IGNORECASE)
_PERCENT = re.compile(r"^[+-]?\s*(\d+(?:\.\d*)?|\.\d+)\s*%?$")
_BLANK = ("", "*", "**", "---")


def _decode(data: bytes, encoding: object, name: str) -> str:
    if encoding:
        try:
            return data.decode(str(encoding))
        except (LookupError, UnicodeDecodeError) as exc:
            raise ConversionError(
                f"{name}: cannot be read as parameters.encoding = {encoding!r} ({exc})"
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _model_name(model: str) -> str:
    return _MODEL_EXT.sub("", re.split(r"[\\/]", model.strip())[-1]).strip()


def _percent(text: str) -> float | None:
    match = _PERCENT.match(text.strip())
    return float(match.group(1)) if match else None


def _number(text: str) -> float | None:
    value, _ = split_reading(text)
    return float(value) if value else None


def _step_names(rows: list[Row]) -> list[str]:
    """Step names: the part, with its value when the part repeats, numbered when still equal."""
    parts = [r.part if r.part not in _BLANK else f"Step {r.step}" for r in rows]
    repeats = Counter(parts)
    names = [
        f"{p} {r.value}" if repeats[p] > 1 and r.value not in _BLANK else p
        for p, r in zip(parts, rows, strict=True)
    ]
    seen: Counter[str] = Counter()
    unique = []
    for n in names:
        seen[n] += 1
        unique.append(n if seen[n] == 1 else f"{n} #{seen[n]}")
    return unique


def _limits(row: Row, value: float, status: str) -> tuple[str, float | None, float | None, str]:
    """(compOp, low, high, note) for ``row``; LOG with a note when they contradict the verdict."""
    ref = _number(row.reference)
    if ref is None:
        return "LOG", None, None, ""
    function = row.function.upper()
    plus, minus = _percent(row.tol_plus), _percent(row.tol_minus)
    low: float | None
    high: float | None = None
    if plus is not None and minus is not None and (plus or minus):
        op, low, high = "GELE", sig(ref - abs(ref) * minus / 100), sig(ref + abs(ref) * plus / 100)
    elif function in ("GE", "OP"):
        op, low = "GE", ref
    elif function in ("LE", "SH"):
        op, low = "LE", ref
    else:
        return "LOG", None, None, ""
    if status in ("P", "F") and numeric_status(op, value, low, high) != status:
        span = f"{low}" if high is None else f"{low} .. {high}"
        return "LOG", None, None, f"limits {op} {span} disagree with the tester's verdict"
    return op, low, high, ""


def _text(row: Row, status: str, note: str) -> str:
    parts: list[str] = []
    if row.value not in _BLANK:
        parts.append(f"nominal {row.value} {row.unit}".strip())
    if row.comment not in _BLANK:
        parts.append(f"part {row.comment}")
    if row.location not in _BLANK:
        parts.append(f"location {row.location}")
    if row.element not in _BLANK:
        parts.append(f"element {row.element}")
    if row.reference and _number(row.reference) is not None:
        parts.append(f"reference {row.reference} {row.ref_unit}".strip())
    if _percent(row.tol_plus) is not None or _percent(row.tol_minus) is not None:
        parts.append(f"tolerance {row.tol_plus}/{row.tol_minus}")
    if row.function not in _BLANK:
        parts.append(f"function {row.function}")
    for role, pin, net in row.pins:
        parts.append(f"{role}-pin {pin} {net}".strip())
    for earlier, unit in row.readings[:-1]:
        parts.append(f"earlier reading {earlier} {unit}".strip())
    if status != "P" and row.judgement:
        parts.append(f"judgement {row.judgement}")
    parts.extend(f"{label} {text}" for label, text in row.details)
    if note:
        parts.append(note)
    parts.append(f"step {row.step}")
    return "; ".join(parts)


def _add_row(root: Step, row: Row, name: str) -> None:
    status = judge(row.judgement)
    reading = next(((v, u) for v, u in reversed(row.readings) if _number(v) is not None), None)
    if reading is None:
        step = root.add_pass_fail_step(name, status=status)
        step.report_text = _text(row, status, "")
        return
    value = float(split_reading(reading[0])[0])
    unit = row.ref_unit or reading[1]
    in_ref = rescale(value, reading[1], unit) if reading[1] and unit else value
    note = ""
    if in_ref is None:  # a reading in another kind of unit than the reference: log it as read
        op, low, high, unit = "LOG", None, None, reading[1]
        note = f"reading unit {reading[1]} does not match the reference unit {row.ref_unit}"
    else:
        value = in_ref
        op, low, high, note = _limits(row, value, status)
    step = root.add_numeric_step(
        name,
        value,
        low=low,
        high=high,
        comp_op=op,
        unit=display_unit(unit) or None,
        status=status,
    )
    step.report_text = _text(row, status, note)


def _read_panels(name: str, text: str) -> list[Panel]:
    """Read a TAKAYA file of any of the three layouts.

    Raises:
        ConversionError: not a TAKAYA layout, or a line that breaks it (file and line).
    """
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise ConversionError(f"{name}: the file is empty")
    head = lines[first].strip()
    reader: Callable[[str, list[str]], list[Panel]]
    if head == "@":
        reader = read_at_layout
    elif ATDX_BLOCK.match(head):
        reader = read_atdx
    else:
        raise error(
            name,
            first + 1,
            f"{head[:60]!r}: not a TAKAYA result (an .ATD starts with '@', an .atdx with"
            ' a "Main header" block)',
        )
    panels = reader(name, lines)
    for panel in panels:
        if not panel.groups:
            raise error(name, panel.line, "holds no '* GROUP No.' block (truncated?)")
        for group in panel.groups:
            if not group.rows:
                raise error(
                    name, group.line, f"group {group.number} holds no test rows (truncated?)"
                )
    return panels


class TakayaConverter(Converter):
    """Read TAKAYA flying-probe ``.ATD``/``.atdx`` files: one UUT report per board (group)."""

    name = "takaya"
    patterns = ("*.ATD", "*.atd", "*.atdx", "*.ATDX")
    parameters: ClassVar[Mapping[str, str]] = {
        "pn": "the part number (instead of the model name)",
        "rev": "the revision when the pattern gives none (default 1)",
        "pn_pattern": "a regex with groups pn (and rev) matched against the model name",
        "serial_format": "the board serial from {serial}, {group}, {side}",
        "date_format": "the header date's strptime format (default day first)",
        "encoding": "the file's text encoding (default UTF-8, else cp1252)",
    }
    """The folder parameters it reads besides ``operator`` and ``operation_code``."""

    def convert(self, path: Path, context: ConverterContext) -> list[UUTReport]:
        data = read_bytes(path)
        params = context.parameters
        panels = _read_panels(path.name, _decode(data, params.get("encoding"), path.name))
        numbers = {g.number for p in panels for g in p.groups}
        reports: list[UUTReport] = []
        for panel in panels:
            for group in panel.groups:
                report = self._report(
                    path.name, panel, group, context, data, len(reports), len(numbers) > 1
                )
                reports.append(report)
        return reports

    def _report(
        self,
        name: str,
        panel: Panel,
        group: Group,
        context: ConverterContext,
        data: bytes,
        index: int,
        several: bool,
    ) -> UUTReport:
        params = context.parameters
        if not panel.date:
            raise ConversionError(f"{name}: line {panel.line}: the header has no test date")
        start = parse_local_time(
            panel.date, f"{name}: line {panel.date_line}", _DATE_FORMATS, params.get("date_format")
        )
        pn, rev = identity_from_program(
            _model_name(panel.model), params, f"{name}: line {panel.line}", "model (program)"
        )
        report = new_uut(
            context,
            data=data,
            index=index,
            pn=pn,
            sn=self._serial(name, panel, group, params, several),
            rev=rev,
            start=start,
        )
        if not report.station_name and panel.tester:
            report.station_name = panel.tester[:100]
        seconds = _number(panel.test_time.rstrip("sS "))
        report.exec_time = seconds
        for label, value in (
            ("Model", panel.model),
            ("Group", group.number),
            ("Side", group.side),
            ("Tester", panel.tester),
            ("Counts", group.counts or panel.counts),
            *panel.extra,
        ):
            if value:
                report.add_misc_info(label[:100], value[:100])
        root = report.root
        for row, step_name in zip(group.rows, _step_names(group.rows), strict=True):
            _add_row(root, row, step_name)
        for number, text in group.unknown:
            root.add_action_step(f"Unrecognised line {number}", report_text=text)
        if judge(group.verdict) == "F" and not any(judge(r.judgement) == "F" for r in group.rows):
            step = root.add_pass_fail_step("Board verdict", status="F")
            step.report_text = f"the group header says {group.verdict!r}; no row failed"
        return report

    @staticmethod
    def _serial(name: str, panel: Panel, group: Group, params: Any, several: bool) -> str:
        serial = group.serial or panel.serial
        if not serial:
            raise ConversionError(
                f"{name}: line {group.line}: group {group.number} has no serial number"
                " (no 'Serial No.:' line)"
            )
        fmt = params.get("serial_format")
        if fmt:
            try:
                return str(fmt).format(serial=serial, group=group.number, side=group.side)
            except (KeyError, IndexError, ValueError) as exc:
                raise ConversionError(
                    f"{name}: parameters.serial_format {fmt!r} is not a format of"
                    f" {{serial}}, {{group}}, {{side}} ({exc})"
                ) from None
        if not group.serial and several:
            return f"{serial}-{group.number}"
        return serial
