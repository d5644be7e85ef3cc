"""OpenHTF test records written by ``openhtf.output.callbacks.json_factory.OutputToJSON``.

What each part of the record becomes::

    dut_id                              serial number
    metadata.part_number | test_name    part number (parameters.pn wins over test_name)
    metadata.revision                   revision (else parameters.rev, else "1")
    metadata.operator_name              operator
    station_id                          station name, when the folder names none
    start_time_millis/end_time_millis   start and execution time
    outcome PASS/FAIL/ERROR/TIMEOUT/ABORTED   result P/F/E/T/T
    phases[]                            one sequence each (start, time, outcome)
      measurements{} with validators    one step each:
        number (or "nan"/"inf")         numeric limit step; validators "a <= x <= b" -> GELE,
                                        "x >= a" -> GE, "x <= b" -> LE, "x == a" -> EQ,
                                        "'x' is within p% of e" -> GELE around e, none -> LOG
        text                            string step; "'x' is equal to 'v'" or an anchored
                                        literal "/^v$/" -> CASESENSIT v, other regexes -> LOG
        true/false                      pass/fail step
        dimensioned [[x, ..., y], ...]  chart step (WATS_XYGMNLT): one series per value of the
                                        extra dimensions, x = the first dimension
        outcome PASS/FAIL/UNSET         status P/F/S (OpenHTF's verdict is kept)
      attachments{name: {mimetype, data}}  an action step per file carrying it as attachment

NaN: OpenHTF writes NaN as the string ``"nan"``; it becomes a numeric NaN (``"NaN"`` in WSJF).
``outcome_details`` (code: description) become the report's error message. Marginal limits
are not carried (WATS has no marginal band); subtests are flattened into their phases; log
records, diagnoses and code info are not carried. Unparsed validators are kept as the step's
report text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from pywats.reports import Step, UUTReport
from pywats.reports._limits import clip
from pywats.station.converters._base import ConversionError, Converter, ConverterContext
from pywats.station.converters._common import from_timestamp, new_uut, read_bytes
from pywats.station.converters._openhtf_values import (
    as_number as _as_number,
)
from pywats.station.converters._openhtf_values import (
    attachment as _attachment,
)
from pywats.station.converters._openhtf_values import (
    attachment_note as _attachment_note,
)
from pywats.station.converters._openhtf_values import (
    numeric_limits as _numeric_limits,
)
from pywats.station.converters._openhtf_values import (
    phase_exception as _phase_exception,
)
from pywats.station.converters._openhtf_values import (
    string_limit as _string_limit,
)

__all__ = ["OpenHTFConverter", "record_to_report"]

_RESULTS = {"PASS": "P", "FAIL": "F", "ERROR": "E", "TIMEOUT": "T", "ABORTED": "T"}
_PHASE = {"PASS": "P", "FAIL": "F", "SKIP": "S", "ERROR": "E"}
_MEAS = {"PASS": "P", "FAIL": "F", "UNSET": "S", "PARTIALLY_SET": "F"}


class _Record:
    def __init__(self, name: str) -> None:
        self.name = name

    def error(self, where: str, message: str) -> ConversionError:
        return ConversionError(f"{self.name}: {where}: {message}")

    def millis(self, obj: dict[str, Any], key: str, where: str) -> float | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(f"{where}.{key}", f"{value!r} is not a time in milliseconds")
        return float(value)


class OpenHTFConverter(Converter):
    """Read OpenHTF JSON test records (``OutputToJSON``) as UUT reports; see the module."""

    name = "openhtf"
    patterns = ("*.json",)
    parameters: ClassVar[Mapping[str, str] | None] = {
        "sn": "the serial number when the record has no dut_id",
        "pn": "the part number when the metadata names none (else the test name)",
        "rev": 'the revision when the metadata names none (default "1")',
    }

    def convert(self, path: Path, context: ConverterContext) -> list[UUTReport]:
        data = read_bytes(path)
        rec = _Record(path.name)
        try:
            record = json.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise ConversionError(f"{path.name}: byte {exc.start} is not UTF-8") from None
        except json.JSONDecodeError as exc:
            raise ConversionError(
                f"{path.name}: line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"
            ) from None
        records = record if isinstance(record, list) else [record]
        return [
            self._report(rec, r, f"$[{i}]" if isinstance(record, list) else "$", context, data, i)
            for i, r in enumerate(records)
        ]

    def _report(
        self,
        rec: _Record,
        record: Any,
        where: str,
        context: ConverterContext,
        data: bytes,
        index: int,
    ) -> UUTReport:
        if not isinstance(record, dict) or "phases" not in record:
            raise rec.error(where, "is not an OpenHTF test record (no 'phases')")
        params = context.parameters
        raw_meta = record.get("metadata")
        meta: dict[str, Any] = raw_meta if isinstance(raw_meta, dict) else {}
        sn = record.get("dut_id") or params.get("sn")
        if not sn or not isinstance(sn, str):
            raise rec.error(f"{where}.dut_id", "is empty; the record names no unit")
        start_ms = rec.millis(record, "start_time_millis", where)
        end_ms = rec.millis(record, "end_time_millis", where)
        if start_ms is None:
            raise rec.error(f"{where}.start_time_millis", "is missing")
        outcome = str(record.get("outcome") or "")
        result = _RESULTS.get(outcome)
        if result is None:
            raise rec.error(
                f"{where}.outcome", f"{outcome!r} is not PASS, FAIL, ERROR, TIMEOUT or ABORTED"
            )
        report = new_uut(
            context,
            data=data,
            index=index,
            pn=str(
                meta.get("part_number") or params.get("pn") or meta.get("test_name") or "openhtf"
            ),
            sn=sn,
            rev=str(meta.get("revision") or params.get("rev") or "1"),
            start=from_timestamp(start_ms / 1000),
            operator=str(meta["operator_name"]) if meta.get("operator_name") else None,
        )
        station = record.get("station_id")
        if not report.station_name and isinstance(station, str) and station:
            report.station_name = clip(station)
        if end_ms is not None:
            report.exec_time = round((end_ms - start_ms) / 1000, 3)
        details = [
            f"{d.get('code')}: {d.get('description')}" if d.get("description") else str(d["code"])
            for d in record.get("outcome_details") or []
            if isinstance(d, dict) and d.get("code") is not None
        ]
        if details:
            report.error_message = clip("; ".join(details), 1000)
        if meta.get("test_name") and report.root.seq_call is not None:
            report.root.seq_call.name = str(meta["test_name"])
        phases = record["phases"]
        if not isinstance(phases, list):
            raise rec.error(f"{where}.phases", "is not a list")
        for i, phase in enumerate(phases):
            self._phase(rec, phase, f"{where}.phases[{i}]", report)
        report.auto = True
        report.finalize()
        # OpenHTF's verdict is the record's: keep it (an ERROR test may have passing phases).
        report.auto = False
        report.result = result
        return report

    def _phase(self, rec: _Record, phase: Any, where: str, report: UUTReport) -> None:
        if not isinstance(phase, dict) or not isinstance(phase.get("name"), str):
            raise rec.error(where, "is not a phase (an object with a name)")
        status = _PHASE.get(str(phase.get("outcome")))
        if status is None:
            raise rec.error(f"{where}.outcome", f"{phase.get('outcome')!r} is not a phase outcome")
        start = rec.millis(phase, "start_time_millis", where)
        end = rec.millis(phase, "end_time_millis", where)
        seq = report.root.add_sequence(
            phase["name"],
            start=None if start is None else from_timestamp(start / 1000),
            tot_time=None if start is None or end is None else round((end - start) / 1000, 3),
        )
        measurements = phase.get("measurements") or {}
        if not isinstance(measurements, dict):
            raise rec.error(f"{where}.measurements", "is not an object")
        for key, meas in measurements.items():
            self._measurement(rec, meas, f"{where}.measurements.{key}", seq)
        attachments = phase.get("attachments") or {}
        if not isinstance(attachments, dict):
            raise rec.error(f"{where}.attachments", "is not an object")
        for name, item in attachments.items():
            if not isinstance(item, dict):
                raise rec.error(f"{where}.attachments.{name}", "is not an attachment object")
            step = seq.add_action_step(f"Attachment {name}")
            if isinstance(item.get("data"), str):
                step.attachment = _attachment(name, item)
            else:
                # Written with inline_attachments=False: the record names the file only.
                step.report_text = _attachment_note(name, item)
        error = _phase_exception(phase.get("result"))
        if error:
            seq.error_message = clip(error[0], 1000)
            seq.report_text = error[1] or None
        if status != "P" or not seq.steps:
            # Keep OpenHTF's phase verdict (a skipped or errored phase may hold no steps).
            seq.status = status
            seq.auto = False

    def _measurement(self, rec: _Record, meas: Any, where: str, seq: Step) -> None:
        if not isinstance(meas, dict):
            raise rec.error(where, "is not a measurement object")
        name = str(meas.get("name") or where.rsplit(".", 1)[-1])
        status = _MEAS.get(str(meas.get("outcome")))
        if status is None:
            raise rec.error(f"{where}.outcome", f"{meas.get('outcome')!r} is not PASS/FAIL/UNSET")
        validators = [str(v) for v in meas.get("validators") or []]
        raw_units = meas.get("units")
        units: dict[str, Any] = raw_units if isinstance(raw_units, dict) else {}
        unit = units.get("suffix") or units.get("name") or None
        value = meas.get("measured_value")
        if meas.get("dimensions"):
            self._chart(rec, meas, where, seq, name, status, unit)
            return
        if status == "S" and value is None:
            seq.add_generic_step(name, "ET_NLT", status="S")
            return
        number = _as_number(value)
        leftover: list[str] = []
        if isinstance(value, bool):
            step = seq.add_pass_fail_step(name, status=status)
            leftover = validators
        elif number is not None:
            op, low, high, leftover = _numeric_limits(validators)
            step = seq.add_numeric_step(
                name, number, low=low, high=high, comp_op=op, unit=unit, status=status
            )
        elif isinstance(value, str):
            op_s, limit, leftover = _string_limit(validators)
            step = seq.add_string_step(name, value, limit=limit, comp_op=op_s, status=status)
        elif value is None:
            step = seq.add_generic_step(name, "ET_NLT", status=status)
            leftover = validators
        else:
            step = seq.add_string_step(name, clip(json.dumps(value), 1000), status=status)
            leftover = validators
        if leftover:
            step.report_text = "Validators: " + "; ".join(leftover)

    def _chart(
        self,
        rec: _Record,
        meas: dict[str, Any],
        where: str,
        seq: Step,
        name: str,
        status: str,
        unit: str | None,
    ) -> None:
        dims = [d for d in meas["dimensions"] if isinstance(d, dict)]
        rows = meas.get("measured_value") or []
        if not isinstance(rows, list):
            raise rec.error(f"{where}.measured_value", "is not a list of [x, ..., y] rows")
        x_dim = dims[0] if dims else {}
        step = seq.add_chart_step(
            name,
            label=name,
            x_label=clip(str(x_dim.get("name") or "x"), 50),
            x_unit=clip(str(x_dim["suffix"]), 20) if x_dim.get("suffix") else None,
            y_label=clip(name, 50),
            y_unit=clip(str(unit), 20) if unit else None,
            status=status,
        )
        series: dict[str, tuple[list[float], list[float]]] = {}
        for i, row in enumerate(rows):
            if not isinstance(row, list) or len(row) != len(dims) + 1:
                raise rec.error(
                    f"{where}.measured_value[{i}]",
                    f"must be [{len(dims)} coordinate(s), value], not {row!r}",
                )
            coords = [_as_number(v) for v in row]
            if any(c is None for c in coords[:1] + coords[-1:]):
                raise rec.error(f"{where}.measured_value[{i}]", f"{row!r} is not numeric")
            extra = ", ".join(
                f"{d.get('name') or 'dim'}={v}" for d, v in zip(dims[1:], row[1:-1], strict=True)
            )
            xs, ys = series.setdefault(extra or name, ([], []))
            xs.append(coords[0])  # type: ignore[arg-type]
            ys.append(coords[-1])  # type: ignore[arg-type]
        assert step.chart is not None
        for label, (xs, ys) in series.items():
            step.chart.add_series(clip(label), ys, xs)
        step.status = status
        step.auto = False


def record_to_report(
    record: dict[str, Any], context: ConverterContext, *, name: str = "record"
) -> UUTReport:
    """Convert one record already in ``OutputToJSON``'s JSON form (an output callback's).

    The report id derives from the record's JSON, as it would from the file's bytes.

    Raises:
        ConversionError: the record is not a convertible OpenHTF test record.
    """
    data = json.dumps(record, sort_keys=True, default=str).encode()
    return OpenHTFConverter()._report(_Record(name), record, "$", context, data, 0)
