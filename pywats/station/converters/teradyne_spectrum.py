"""Teradyne Spectrum ICT logs: parenthesised records, one UUT report per board.

The records (read by ``_spectrum_parse``) and what each becomes::

    (PROGRAM_NAME: "PB3187900")      part number (parameters.pn wins; parameters.pn_pattern,
                                     a regex with groups pn and rev, picks them out of it)
    (SUBPROGRAM_NAME: ...)           misc info "Subprogram"
    (SECTION_NAME: "CAPACITORS")     a sequence holding the steps that follow it
    (USER: Serialnumber:1111)        serial number (parameters.serial_key names another key)
    (USER: Operator:1234567)         operator
    (USER: Date:02/09/2023) + (USER: StartTime:16:44:27:988)   start (day first, as the
                                     samples; parameters.date_format, e.g. "%m/%d/%Y")
    (USER: EndTime:...)              execution time (EndTime - StartTime); a log with a
                                     StartTime and no EndTime is refused as truncated
                                     (parameters.require_end = false to accept it)
    (USER: other:value)              misc info (CustomerSerialnumber, OrderNumber, version...)
    (STEP: (TIME: ...) (SNAME: "CAP[C1]") (DESC: "...") (PAGE: ...) ... (STAT: PASS))
        one page                     one step named SNAME
        several pages, all measured  a multiple numeric step, one measurement per PAGE_NAME
        several pages, otherwise     a sequence SNAME with a step per page
    (PAGE: (TYPE: CAP) (PAGE_NAME: ..) (COMMENT: ..) (STAT: PASS) (ANA:|INTC: ...))
        MEASVAL (VAL, SCALE, UNIT)   the measured value, in its own unit ("nF", "kOhm"); a
                                     VAL that is not a number (an overrange word) is text
        LOLIM / HILIM                limits (rescaled to the value's unit): both -> GELE,
                                     low only -> GE, high only -> LE, none -> LOG
        STAT                         status: PASS -> P, FAIL -> F, SKIP -> S, others -> F
        no MEASVAL                   a pass/fail step with the page's status (limits as text)
        NOMVAL, DESC, COMMENT, FAIL_MSG, test points (MEAS, GUARD, STIM, LOWR_FROM_NODES...),
        any other record             the step's report text
    (USER: STATUS: BOARD FAILED)     a failing "Board verdict" step when no step failed
    an unknown top-level record      an action step named after its key, holding its text

A second PROGRAM_NAME after steps starts the next board's report. The tester's status always
wins: limits that contradict it are logged (LOG) and kept in the text. Revision: the pattern,
else parameters.rev, else "1"; operation code: parameters.operation_code, else 10.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import attrs

from pywats.reports import Step, UUTReport
from pywats.reports._status import numeric_status
from pywats.station.converters._base import ConversionError, Converter, ConverterContext
from pywats.station.converters._common import new_uut, parse_time, read_bytes
from pywats.station.converters._ict import (
    display_unit,
    identity_from_program,
    judge,
    parse_local_time,
    rescale,
)
from pywats.station.converters._spectrum_parse import Record, parse_records

__all__ = ["TeradyneSpectrumConverter"]


_DAY_FIRST = ("%d/%m/%Y %H:%M:%S:%f", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M")
_MONTH_FIRST = ("%m/%d/%Y %H:%M:%S:%f", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M")
_SERIAL_KEYS = ("serialnumber", "serial number", "serial", "sn", "boardserial")
_USED = {"operator", "date", "starttime", "endtime"}
_TEXT_KEYS = ("DESC", "COMMENT", "FAIL_MSG")
_SKIP = {"TYPE", "STAT", "PAGE_NAME", "LOLIM", "HILIM", "MEASVAL", "NOMVAL", "INTC_RESULT"}


@attrs.define
class _Board:
    program: str = ""
    line: int = 1
    users: list[tuple[str, str, int]] = attrs.Factory(list)
    items: list[tuple[str, Record]] = attrs.Factory(list)
    """(section, record): steps and unknown records in file order."""
    subprogram: str = ""


def _flag(value: object) -> bool:
    return str(value).strip().lower() not in ("false", "0", "no", "off")


def _quantity(record: Record | None) -> tuple[float, str] | None:
    """``(VAL: 3.64) (SCALE: n) (UNIT: F)`` -> ``(3.64, "nF")`` (None when absent)."""
    if record is None or not record.value("VAL"):
        return None
    text = record.value("VAL")
    try:
        value = float(text)
    except ValueError:
        raise ConversionError(
            f"line {record.line}: ({record.key}: (VAL: {text!r})) is not a number"
        ) from None
    return value, record.value("SCALE") + record.value("UNIT")


def _lenient(record: Record | None, page: _Page) -> tuple[float, str] | None:
    """:func:`_quantity`, but a value that is not a number (an overrange word) becomes text."""
    if record is None:
        return None
    try:
        return _quantity(record)
    except ConversionError:
        unit = display_unit(record.value("SCALE") + record.value("UNIT"))
        page.text.append(f"{record.key} {record.value('VAL')} {unit}".strip())
        return None


def _show(q: tuple[float, str]) -> str:
    return f"{q[0]:g} {display_unit(q[1])}".strip()


def _describe(record: Record) -> list[str]:
    """The text of a record's children that are not measurements: test points, limits..."""
    parts: list[str] = []
    for child in record.children:
        if child.key in _SKIP or child.key in _TEXT_KEYS:
            continue
        if child.first("TPNUM") is not None:
            parts.append(f"{child.key} {child.value('TPNUM')} {child.value('TPNAME')}".strip())
        elif child.first("VAL") is not None:
            quantity = _quantity(child)
            parts.append(f"{child.key} {_show(quantity)}" if quantity else child.key)
        elif child.children:
            parts.extend(_describe(child))
        else:
            parts.append(f"{child.key} {child.text}".strip())
    return parts


@attrs.define
class _Page:
    name: str
    status: str
    measured: list[tuple[float, str, str, float | None, float | None]] = attrs.Factory(list)
    """(value, unit, compOp, low, high) per measured block."""
    text: list[str] = attrs.Factory(list)


def _read_page(page: Record) -> _Page:
    word = page.value("STAT")
    out = _Page(name=page.value("PAGE_NAME") or page.value("TYPE") or "Page", status=judge(word))
    out.text.extend(f"{k.lower()} {page.value(k)}" for k in _TEXT_KEYS if page.value(k))
    if out.status != "P" and word:
        out.text.append(f"status {word}")
    if page.value("TYPE"):
        out.text.append(f"type {page.value('TYPE')}")
    for block in page.children:
        if not block.children or block.key in _SKIP or block.key in _TEXT_KEYS:
            continue
        result = block.first("INTC_RESULT")
        meas = block.first("MEASVAL") or (result.first("MEASVAL") if result else None)
        measured, lo, hi, nom = (
            _lenient(meas, out),
            _lenient(block.first("LOLIM"), out),
            _lenient(block.first("HILIM"), out),
            _lenient(block.first("NOMVAL"), out),
        )
        if nom:
            out.text.append(f"nominal {_show(nom)}")
        out.text.extend(_describe(block))
        if measured is None:
            out.text.extend(f"{k} {_show(q)}" for k, q in (("low", lo), ("high", hi)) if q)
            continue
        value, unit = measured
        low = rescale(lo[0], lo[1], unit) if lo else None
        high = rescale(hi[0], hi[1], unit) if hi else None
        op = "GELE" if lo and hi else "GE" if lo else "LE" if hi else "LOG"
        unusable = bool((lo and low is None) or (hi and high is None))
        if op == "LE":  # a single limit travels as lowLimit
            low, high = high, None
        if unusable or (
            out.status in ("P", "F") and numeric_status(op, value, low, high) != out.status
        ):
            limits = ", ".join(f"{k} {_show(q)}" for k, q in (("low", lo), ("high", hi)) if q)
            out.text.append(f"limits {limits} disagree with the tester's status; logged")
            op, low, high = "LOG", None, None
        out.measured.append((value, display_unit(unit), op, low, high))
    return out


def _add_page(parent: Step, name: str, page: _Page, start: datetime | None) -> Step:
    if len(page.measured) == 1:
        value, unit, op, low, high = page.measured[0]
        step = parent.add_numeric_step(
            name, value, low=low, high=high, comp_op=op, unit=unit or None, status=page.status
        )
    elif page.measured:
        step = parent.add_multi_numeric_step(name, status=page.status)
        for i, (value, unit, op, low, high) in enumerate(page.measured, 1):
            step.add_numeric_measurement(
                f"{page.name} {i}",
                value,
                low=low,
                high=high,
                comp_op=op,
                unit=unit or None,
                status=page.status if page.status in ("P", "F", "S") else "F",
            )
    else:
        step = parent.add_pass_fail_step(name, status=page.status)
    step.start = start
    step.report_text = "; ".join(page.text) or None
    return step


class TeradyneSpectrumConverter(Converter):
    """Read Teradyne Spectrum ICT logs (parenthesised records) as UUT reports; see the module."""

    name = "teradyne_spectrum"
    patterns = ("*.txt", "*.log")
    parameters: ClassVar[Mapping[str, str]] = {
        "pn": "the part number (instead of PROGRAM_NAME)",
        "rev": "the revision when the pattern gives none (default 1)",
        "pn_pattern": "a regex with groups pn (and rev) matched against PROGRAM_NAME",
        "serial_key": "the USER key holding the serial number (default Serialnumber)",
        "require_end": "false: accept a log with a StartTime but no EndTime",
        "date_format": "the strptime format of Date + time (default day first)",
        "encoding": "the file's text encoding (default UTF-8, else cp1252)",
    }
    """The folder parameters it reads besides ``operator`` and ``operation_code``."""

    def convert(self, path: Path, context: ConverterContext) -> list[UUTReport]:
        data = read_bytes(path)
        encoding = context.parameters.get("encoding") or "utf-8"
        try:
            text = data.decode(str(encoding))
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
        except LookupError:
            raise ConversionError(
                f"{path.name}: parameters.encoding = {encoding!r} is not an encoding"
            ) from None
        records = parse_records(text, path.name)
        if not records or records[0].key != "PROGRAM_NAME":
            first = records[0].key if records else "nothing"
            raise ConversionError(
                f"{path.name}: line {records[0].line if records else 1}: starts with {first},"
                " not (PROGRAM_NAME: ...); not a Teradyne Spectrum log"
            )
        boards: list[_Board] = []
        section = ""
        for record in records:
            if record.key == "PROGRAM_NAME":
                if not boards or boards[-1].items:
                    boards.append(_Board(line=record.line))
                boards[-1].program = record.text
            elif record.key == "SUBPROGRAM_NAME":
                boards[-1].subprogram = record.text
            elif record.key == "SECTION_NAME":
                section = record.text
            elif record.key == "USER":
                key, _, value = record.text.partition(":")
                boards[-1].users.append((key.strip(), value.strip(), record.line))
            else:
                boards[-1].items.append((section, record))
        return [self._report(path.name, board, context, data, i) for i, board in enumerate(boards)]

    def _report(
        self, name: str, board: _Board, context: ConverterContext, data: bytes, index: int
    ) -> UUTReport:
        params = context.parameters
        users = {k.lower(): (v, line) for k, v, line in reversed(board.users)}
        keys = (str(params["serial_key"]).lower(),) if params.get("serial_key") else _SERIAL_KEYS
        serial_key = next((k for k in keys if users.get(k, ("", 0))[0]), None)
        if serial_key is None:
            raise ConversionError(
                f"{name}: line {board.line}: the board has no (USER: Serialnumber:...) line, so"
                " no serial number (parameters.serial_key names the USER key that holds it)"
            )
        pn, rev = identity_from_program(
            board.program, params, f"{name}: line {board.line}", "PROGRAM_NAME"
        )
        start = self._time(name, users, "starttime", params)
        if start is None:
            first = next((r for _, r in board.items if r.value("TIME")), None)
            if first is None:
                raise ConversionError(f"{name}: line {board.line}: the log has no start time")
            start = self._stamp(name, first.value("TIME"), first.line, params)
        if start is None:
            raise ConversionError(f"{name}: line {board.line}: the log has no start time")
        report = new_uut(
            context,
            data=data,
            index=index,
            pn=pn,
            sn=users[serial_key][0],
            rev=rev,
            start=start,
            operator=users.get("operator", ("", 0))[0] or None,
        )
        end = self._time(name, users, "endtime", params)
        if end is None and "starttime" in users and _flag(params.get("require_end", True)):
            raise ConversionError(
                f"{name}: line {users['starttime'][1]}: the log has a StartTime but no"
                " (USER: EndTime:...) line: it looks truncated (set parameters.require_end ="
                " false if this test program writes no EndTime)"
            )
        if end is not None:
            report.exec_time = round((end - start) % timedelta(days=1) / timedelta(seconds=1), 3)
        if board.subprogram:
            report.add_misc_info("Subprogram", board.subprogram[:100])
        for key, value, _ in board.users:
            if key.lower() not in _USED and key.lower() != serial_key and value:
                report.add_misc_info(key[:100], value[:100])
        current: Step | None = None
        current_section: str | None = None
        for section, record in board.items:
            if section != current_section:  # a section that returns later is a new sequence
                current_section = section
                current = report.root.add_sequence(section) if section else None
            self._step(name, current or report.root, record, params)
        status = users.get("status", ("", 0))[0]
        if "FAIL" in status.upper() and not any(
            s.status == "F" for s in report.root.walk() if not s.steps
        ):
            step = report.root.add_pass_fail_step("Board verdict", status="F")
            step.report_text = f"the log says {status!r}; no step failed"
        return report

    def _step(self, name: str, parent: Step, record: Record, params: Any) -> None:
        if record.key != "STEP":
            step = parent.add_action_step(record.key, report_text=record.text or None)
            step.report_text = "; ".join([record.text, *_describe(record)]).strip("; ") or None
            return
        title = record.value("SNAME") or "Step"
        start = self._stamp(name, record.value("TIME"), record.line, params)
        pages = [_read_page(p) for p in record.all("PAGE")]
        desc = record.value("DESC")
        if not pages:
            step = parent.add_pass_fail_step(title, status=judge(record.value("STAT")))
            step.start, step.report_text = start, desc or None
        elif len(pages) == 1:
            if desc:
                pages[0].text.insert(0, f"desc {desc}")
            _add_page(parent, title, pages[0], start)
        elif all(len(p.measured) == 1 for p in pages):
            step = parent.add_multi_numeric_step(title, start=start)
            seen: set[str] = set()
            for page in pages:
                value, unit, op, low, high = page.measured[0]
                label = page.name if page.name not in seen else f"{page.name} #{len(seen)}"
                seen.add(label)
                step.add_numeric_measurement(
                    label,
                    value,
                    low=low,
                    high=high,
                    comp_op=op,
                    unit=unit or None,
                    status=page.status if page.status in ("P", "F", "S") else "F",
                )
            step.report_text = (
                "; ".join(
                    [f"desc {desc}"] * bool(desc)
                    + [f"{p.name}: {', '.join(p.text)}" for p in pages]
                )
                or None
            )
        else:
            sequence = parent.add_sequence(title, start=start)
            sequence.report_text = desc or None
            for page in pages:
                _add_page(sequence, page.name, page, start)

    def _time(
        self, name: str, users: dict[str, tuple[str, int]], key: str, params: Any
    ) -> datetime | None:
        clock, line = users.get(key, ("", 0))
        date = users.get("date", ("", 0))[0]
        if not clock or not date:
            return None
        return self._stamp(name, f"{date} {clock}", line, params)

    @staticmethod
    def _stamp(name: str, text: str, line: int, params: Any) -> datetime | None:
        if not text.strip():
            return None
        where = f"{name}: line {line}"
        try:
            return parse_local_time(text, where, _DAY_FIRST, params.get("date_format"))
        except ConversionError:
            if params.get("date_format"):
                raise
        try:
            return parse_local_time(text, where, _MONTH_FIRST)
        except ConversionError:
            return parse_time(text, where)  # ISO 8601 and the other common layouts
