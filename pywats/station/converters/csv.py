"""CSV result files from in-house rigs, mapped by configuration.

A CSV file holds a table with a header row. Each data row is a step (``layout = "step"``,
the default) or one measurement (``layout = "measurement"``: consecutive rows naming the same
step become one multi-measurement step). Rows are grouped into one report per serial number.

Defaults (columns matched case-insensitively, spaces and underscores ignored)::

    role          column names tried                    meaning
    sn            SerialNumber, Serial, SN              unit serial number        (header)
    pn            PartNumber, PN, Part                  part number               (header)
    rev           Revision, Rev                         part revision             (header)
    operator      Operator, User                        operator                  (header)
    start         Start, Timestamp, DateTime, TestDate  start of the test         (header)
    process_code  ProcessCode, OperationCode            test operation code       (header)
    batch_sn      BatchSN, Batch                        batch serial number       (header)
    fixture_id    FixtureId, Fixture                    fixture                   (header)
    sequence      Sequence, Group                       sequence the step is in
    step          Step, StepName, TestName, Test, Name  step name
    measurement   Measurement, MeasurementName          measurement name (layout measurement)
    value         Value, Measured, Reading              measured value
    low           Low, LowLimit, Min                    low limit
    high          High, HighLimit, Max                  high limit
    limit         Limit, Expected                       expected text (string steps)
    unit          Unit, Units                           unit
    comp_op       CompOp, Comparison, CompOperator      WATS comparison operator (GELE, LT, ...)
    status        Status, Verdict, PassFail, Result     P/F/Passed/Failed/PASS/FAIL/Skipped/...

Status words (case-insensitive): P/pass/passed/ok/true, F/fail/failed/nok/false,
S/skip/skipped/xfail/xfailed/notrun, D/done, E/error/errored, T/terminated/aborted/timeout,
xpass/xpassed -> P; ``status_words`` adds or overrides words. A row whose status is not
P/F/S (error...) and that has no value becomes a step with that status and no measurement.

A value that parses as a number makes a numeric limit step (operator from ``comp_op``, else
from the limits given: both → GELE, low → GE, high → LE, none → LOG); PASS/FAIL/TRUE/FALSE
without limits makes a pass/fail step; any other text makes a string step (compared with
``limit`` when given). A ``status`` cell overrides the computed verdict.

Parameters (the folder's ``[folders.parameters]`` table in the instance file)::

    delimiter = ";"            # default: sniffed from , ; TAB |
    encoding = "utf-8-sig"     # default
    layout = "measurement"     # default "step"
    time_format = "%d.%m.%Y %H:%M:%S"   # default: ISO 8601 and common layouts
    misc = ["Fixture slot", "Firmware"]  # columns copied to misc infos (first row of a unit)
    operation_code = 10        # the test operation when no column gives it (default 10)
    operator = "op1"           # the operator when no column gives it
    [folders.parameters.columns]   # role -> column name, overriding the defaults
    value = "Meas"
    [folders.parameters.header]    # fixed header values; they win over columns
    pn = "PCB-1001"
    rev = "A"
    [folders.parameters.status_words]  # extra status words
    flaky = "P"

``pn`` and ``sn`` are required: from a column or a fixed value; the revision defaults to
``"1"`` as in the other converters. A missing start takes the file's modification time. Rows
with more cells than the header are converted and reported as a warning (the extra cells are
not read). See ``examples/converters/rig.csv``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from pywats.reports import Step, UUTReport
from pywats.station.converters._base import ConversionError, Converter, ConverterContext
from pywats.station.converters._common import from_timestamp, new_uut, parse_time
from pywats.station.converters._csv_table import (
    _BOOL_WORDS,
    _HEADER_ROLES,
    DEFAULT_COLUMNS,
    Rows,
    Table,
)
from pywats.station.converters._csv_table import number as _number

__all__ = ["DEFAULT_COLUMNS", "CSVConverter"]


class CSVConverter(Converter):
    """Read CSV tables (one row per step or per measurement) as UUT reports; see the module."""

    name = "csv"
    patterns = ("*.csv",)
    parameters: ClassVar[Mapping[str, str] | None] = {
        "delimiter": "the cell separator (default: sniffed from , ; TAB |)",
        "encoding": "the text encoding (default utf-8-sig)",
        "layout": '"step" (a row per step, the default) or "measurement"',
        "time_format": "the strptime format of the start column",
        "misc": "columns copied to misc infos",
        "columns": "a table of role = column name, overriding the defaults",
        "header": "a table of fixed header values (pn, rev, sn...)",
        "status_words": 'a table of status word = P/F/S/D/E/T (e.g. xfailed = "S")',
    }

    def convert(self, path: Path, context: ConverterContext) -> list[UUTReport]:
        return list(self.iter_reports(path, context))

    def iter_reports(self, path: Path, context: ConverterContext) -> Iterator[UUTReport]:
        """The reports one by one: the station writes each before the next is built."""
        params = context.parameters
        table = Table(path, params)
        if "step" not in table.index:
            raise ConversionError(
                f"{path.name}: line {table.header_line}: no step-name column (tried"
                f" {', '.join(DEFAULT_COLUMNS['step'])}); set parameters.columns.step"
            )
        if not table.cells:
            raise ConversionError(f"{path.name}: has a header row but no data rows")
        if table.extra:
            lines = ", ".join(str(n) for n in table.extra[:10])
            more = f" and {len(table.extra) - 10} more" if len(table.extra) > 10 else ""
            context.warn(
                f"{path.name}: {'lines' if len(table.extra) > 1 else 'line'} {lines}{more}"
                f" {'hold' if len(table.extra) > 1 else 'holds'} more"
                f" cells than the header's {len(table.header)} columns; the extra cells were"
                " not read (add a header for them, or map them with parameters.columns)"
            )
        fixed = params.get("header") or {}
        if not isinstance(fixed, Mapping):
            raise ConversionError(f"{path.name}: parameters.header must be a table")

        def sn_of(line: int, cells: Sequence[str]) -> str:
            sn = str(fixed["sn"]) if "sn" in fixed else table.cell(cells, "sn")
            if not sn:
                raise ConversionError(
                    f"{table.where(line, 'sn')}: no serial number; add a SerialNumber column"
                    " or set parameters.header.sn"
                )
            return sn

        groups = table.group(sn_of)
        mtime = from_timestamp(path.stat().st_mtime)
        groups.reverse()
        index = 0
        while groups:
            rows = table.take(groups.pop())
            yield self._report(table, rows, fixed, context, table.sha256, index, mtime)
            index += 1

    def _header(
        self, table: Table, rows: Rows, fixed: Mapping[str, Any], role: str
    ) -> tuple[str, int]:
        if role in fixed:
            return str(fixed[role]), rows[0][0]
        for line, cells in rows:
            value = table.cell(cells, role)
            if value:
                return value, line
        return "", rows[0][0]

    def _report(
        self,
        table: Table,
        rows: Rows,
        fixed: Mapping[str, Any],
        context: ConverterContext,
        digest: str,
        index: int,
        mtime: datetime,
    ) -> UUTReport:
        params = context.parameters
        values = {role: self._header(table, rows, fixed, role) for role in _HEADER_ROLES}
        if not values["rev"][0]:
            values["rev"] = ("1", rows[0][0])  # as the other converters: revision "1"
        for role, label in (("pn", "PartNumber"),):
            if not values[role][0]:
                raise ConversionError(
                    f"{table.where(rows[0][0])}: no {label}; add a {label} column or set"
                    f" parameters.header.{role}"
                )
        start_text, start_line = values["start"]
        start = (
            parse_time(start_text, table.where(start_line, "start"), params.get("time_format"))
            if start_text
            else mtime
        )
        code_text, code_line = values["process_code"]
        code: int | None = None
        if code_text:
            try:
                code = int(float(code_text))
            except ValueError:
                raise ConversionError(
                    f"{table.where(code_line, 'process_code')}: {code_text!r} is not an"
                    " operation code"
                ) from None
        report = new_uut(
            context,
            data=b"",
            digest=digest,
            index=index,
            pn=values["pn"][0],
            sn=values["sn"][0],
            rev=values["rev"][0],
            start=start,
            process_code=code,
            operator=values["operator"][0] or None,
            batch_sn=values["batch_sn"][0] or None,
            fixture_id=values["fixture_id"][0] or None,
        )
        first = rows[0][1]
        for misc, i in table.misc_index.items():
            text = first[i].strip() if i < len(first) else ""
            if text:
                report.add_misc_info(misc, text)
        sequences: dict[str, Step] = {}
        layout = str(params.get("layout", "step"))
        if layout not in ("step", "measurement"):
            raise ConversionError(f"parameters.layout = {layout!r}: use 'step' or 'measurement'")
        current: Step | None = None
        current_key: tuple[str, str] | None = None
        for line, cells in rows:
            seq_name = table.cell(cells, "sequence")
            parent = report.root
            if seq_name:
                if seq_name not in sequences:
                    sequences[seq_name] = report.root.add_sequence(seq_name)
                parent = sequences[seq_name]
            step_name = table.cell(cells, "step")
            if not step_name:
                raise ConversionError(f"{table.where(line, 'step')}: the step name is empty")
            if layout == "measurement" and table.cell(cells, "measurement"):
                key = (seq_name, step_name)
                if current is None or current_key != key:
                    current = self._multi_step(table, line, cells, parent, step_name)
                    current_key = key
                self._add_measurement(table, line, cells, current)
            else:
                current, current_key = None, None
                self._add_step(table, line, cells, parent, step_name)
        return report

    @staticmethod
    def _status(table: Table, line: int, cells: Sequence[str]) -> str | None:
        text = table.cell(cells, "status")
        if not text:
            return None
        status = table.status_words.get(text.lower())
        if status is None:
            raise ConversionError(
                f"{table.where(line, 'status')}: {text!r} is not a status"
                " (use P/F/S, Passed/Failed/Skipped, PASS/FAIL, OK/NOK, or map it with"
                f' parameters.status_words.{text.lower().replace(" ", "_")} = "S")'
            )
        return status

    @staticmethod
    def _limits(
        table: Table, line: int, cells: Sequence[str]
    ) -> tuple[float | None, float | None, str | None]:
        out: list[float | None] = []
        for role in ("low", "high"):
            text = table.cell(cells, role)
            value = _number(text)
            if text and value is None:
                raise ConversionError(f"{table.where(line, role)}: {text!r} is not a number")
            out.append(value)
        op = table.cell(cells, "comp_op").upper() or None
        return out[0], out[1], op

    def _kind(self, table: Table, line: int, cells: Sequence[str]) -> tuple[str, Any]:
        text = table.cell(cells, "value")
        low, high, _ = self._limits(table, line, cells)
        number = _number(text)
        if number is not None:
            return "numeric", number
        if text.lower() in ("nan", "inf", "-inf"):
            return "numeric", float(text)
        if text.lower() in _BOOL_WORDS and low is None and high is None:
            return "bool", _BOOL_WORDS[text.lower()]
        if not text and (low is not None or high is not None):
            raise ConversionError(f"{table.where(line, 'value')}: the value is empty")
        if not text and table.cell(cells, "status"):
            status = self._status(table, line, cells)
            # Error/Terminated/Done rows without a value carry no measurement: a measurement's
            # status is P, F or S, and there is nothing to measure.
            return ("bool", None) if status in ("P", "F", "S") else ("none", None)
        return "string", text

    def _add_step(
        self, table: Table, line: int, cells: Sequence[str], parent: Step, name: str
    ) -> None:
        kind, value = self._kind(table, line, cells)
        status = self._status(table, line, cells)
        low, high, op = self._limits(table, line, cells)
        try:
            if kind == "numeric":
                parent.add_numeric_step(
                    name,
                    value,
                    low=low,
                    high=high,
                    comp_op=op,
                    unit=table.cell(cells, "unit") or None,
                    status=status,
                )
            elif kind == "bool":
                parent.add_pass_fail_step(name, value, status=status)
            elif kind == "none":
                parent.add_generic_step(name, "ET_PFT", status=status or "D")
            else:
                parent.add_string_step(
                    name,
                    value,
                    limit=table.cell(cells, "limit") or None,
                    comp_op=op,
                    status=status,
                )
        except ValueError as exc:
            raise ConversionError(f"{table.where(line)}: step {name!r}: {exc}") from None

    def _multi_step(
        self, table: Table, line: int, cells: Sequence[str], parent: Step, name: str
    ) -> Step:
        kind, _ = self._kind(table, line, cells)
        if kind == "numeric":
            return parent.add_multi_numeric_step(name)
        if kind == "bool":
            return parent.add_multi_pass_fail_step(name)
        return parent.add_multi_string_step(name)

    def _add_measurement(self, table: Table, line: int, cells: Sequence[str], step: Step) -> None:
        kind, value = self._kind(table, line, cells)
        meas_name = table.cell(cells, "measurement")
        status = self._status(table, line, cells)
        if kind == "none":
            # An errored measurement with no value: the step carries the error, not a value.
            step.status = status
            step.auto = False
            return
        if status is not None and status not in ("P", "F", "S"):
            raise ConversionError(
                f"{table.where(line, 'status')}: a measurement's status is P, F or S"
            )
        low, high, op = self._limits(table, line, cells)
        try:
            if kind == "numeric" and step.numeric_meas is not None:
                step.add_numeric_measurement(
                    meas_name,
                    value,
                    low=low,
                    high=high,
                    comp_op=op,
                    unit=table.cell(cells, "unit") or None,
                    status=status,
                )
            elif kind == "bool" and step.boolean_meas is not None:
                step.add_boolean_measurement(meas_name, value, status=status)
            elif kind == "string" and step.string_meas is not None:
                step.add_string_measurement(
                    meas_name,
                    value,
                    limit=table.cell(cells, "limit") or None,
                    comp_op=op,
                    status=status,
                )
            else:
                raise ConversionError(
                    f"{table.where(line, 'value')}: measurement {meas_name!r} is {kind}, but the"
                    f" earlier measurements of step {step.name!r} are not; a step holds one kind"
                )
        except ValueError as exc:
            raise ConversionError(
                f"{table.where(line)}: measurement {meas_name!r}: {exc}"
            ) from None
