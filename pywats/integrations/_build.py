"""The run model the pytest plugin and the Robot listener fill, and the UUT report built from it.

::

    Run (one per unit: the session, or each DUT)     -> UUTReport (pn, sn, rev, process code)
      Case path ("test_power.py", "TestRails")       -> nested sequences under the root
        Case (one test)                              -> a pass/fail step, or, when it
          Measurement (numeric, string, pass/fail)      recorded measurements, a sequence
                                                        holding one step per measurement

Statuses: P passed, F failed, E error (setup/teardown failed, keyword error), S skipped
(skip, xfail). A case that passed in the framework but has a measurement outside its limits
is failed: the step takes the measurement's verdict, as WATS does.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import attrs

__all__ = ["Case", "Measurement", "Recorder", "Run", "build_report"]

_NAME = 100  # WATS step names hold at most 100 characters


@attrs.define(kw_only=True)
class Measurement:
    kind: str
    """``numeric``, ``string`` or ``passfail``."""
    name: str
    value: Any
    low: float | None = None
    high: float | None = None
    comp_op: str | None = None
    unit: str | None = None
    expected: str | None = None

    def passed(self) -> bool:
        if self.kind == "passfail":
            return bool(self.value)
        if self.kind == "string":
            return self.expected is None or self.value == self.expected
        from pywats.reports._model import _make_numeric  # the same verdict the step gets

        meas = _make_numeric(
            None,
            float(self.value),
            low=self.low,
            high=self.high,
            limit=None,
            comp_op=self.comp_op,
            unit=self.unit,
            status=None,
        )
        return meas.status != "F"


@attrs.define(kw_only=True)
class Case:
    path: tuple[str, ...]
    name: str
    status: str = "P"
    start: float | None = None
    """Unix time the case started."""
    duration: float = 0.0
    message: str = ""
    measurements: list[Measurement] = attrs.Factory(list)


@attrs.define(kw_only=True)
class Run:
    """One unit's results: becomes one UUT report."""

    sn: str = ""
    pn: str = ""
    rev: str = ""
    process_code: int | None = None
    operator: str | None = None
    start: float = attrs.Factory(lambda: datetime.now(UTC).timestamp())
    end: float | None = None
    cases: list[Case] = attrs.Factory(list)
    misc: dict[str, str] = attrs.Factory(dict)


class Recorder:
    """What a test uses to record measurements and name the unit (pytest's ``wats`` fixture).

    Each ``numeric``/``string``/``passfail`` call returns whether the measurement passed, so a
    test can ``assert wats.numeric("3V3", v, low=3.2, high=3.4, unit="V")``.
    """

    def __init__(self, run: Run | None, case: Case | None) -> None:
        self._run = run
        self._case = case

    @property
    def active(self) -> bool:
        """False when results go nowhere (the plugin is not switched on)."""
        return self._run is not None

    def _add(self, measurement: Measurement) -> bool:
        passed = measurement.passed()  # a bad operator or limit raises here, in the test
        if self._case is not None:
            self._case.measurements.append(measurement)
        return passed

    def numeric(
        self,
        name: str,
        value: float,
        *,
        low: float | None = None,
        high: float | None = None,
        unit: str | None = None,
        comp_op: str | None = None,
    ) -> bool:
        """Record a number with its limits (low/high → GELE, low → GE, high → LE, none → LOG)."""
        return self._add(
            Measurement(
                kind="numeric",
                name=name,
                value=float(value),
                low=low,
                high=high,
                unit=unit,
                comp_op=comp_op,
            )
        )

    def string(self, name: str, value: str, *, expected: str | None = None) -> bool:
        """Record a text value, compared case-sensitively with ``expected`` when given."""
        return self._add(Measurement(kind="string", name=name, value=str(value), expected=expected))

    def passfail(self, name: str, passed: bool) -> bool:
        """Record a pass/fail verdict."""
        return self._add(Measurement(kind="passfail", name=name, value=bool(passed)))

    def misc(self, name: str, value: str) -> None:
        """Add a searchable key/value to the report header (misc info)."""
        if self._run is not None:
            self._run.misc[name] = str(value)

    def _set(self, field: str, value: str) -> None:
        if self._run is not None:
            setattr(self._run, field, value)

    serial_number = property(
        lambda self: self._run.sn if self._run else "",
        lambda self, value: self._set("sn", str(value)),
        doc="The unit's serial number (sets the whole report's).",
    )
    part_number = property(
        lambda self: self._run.pn if self._run else "",
        lambda self, value: self._set("pn", str(value)),
        doc="The unit's part number.",
    )
    revision = property(
        lambda self: self._run.rev if self._run else "",
        lambda self, value: self._set("rev", str(value)),
        doc="The unit's revision.",
    )


def _when(seconds: float | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, UTC).astimezone()


def build_report(run: Run, *, default_sn: str, default_pn: str) -> dict[str, Any]:
    """The run as a WSJF UUT report (station identity is filled in at commit)."""
    from pywats.reports import UUTReport

    report = UUTReport(
        pn=(run.pn or default_pn)[:100],
        sn=(run.sn or default_sn)[:100],
        rev=run.rev or "1",
        process_code=10 if run.process_code is None else run.process_code,
        station_name="",
        location="",
        purpose="",
        operator=run.operator,
        start=_when(run.start) or datetime.now(UTC).astimezone(),
    )
    if run.end is not None:
        report.exec_time = round(max(0.0, run.end - run.start), 3)
    for label, value in run.misc.items():
        report.add_misc_info(label[:100], value[:100])
    sequences: dict[tuple[str, ...], Any] = {(): report.root}
    for case in run.cases:
        parent = report.root
        for depth in range(1, len(case.path) + 1):
            key = case.path[:depth]
            if key not in sequences:
                sequences[key] = sequences[key[:-1]].add_sequence(key[-1][:_NAME])
            parent = sequences[key]
        _add_case(parent, case)
    return report.to_wsjf()


def _add_case(parent: Any, case: Case) -> None:
    start, took = _when(case.start), round(case.duration, 3)
    name = case.name[:_NAME]
    if not case.measurements:
        if case.status in ("P", "F", "S"):
            step = parent.add_pass_fail_step(name, status=case.status, start=start, tot_time=took)
        else:  # a measurement is only P, F or S: an error is an action step's status
            step = parent.add_action_step(name, status=case.status, start=start, tot_time=took)
    else:
        step = parent.add_sequence(name, start=start, tot_time=took)
        for m in case.measurements:
            _add_measurement(step, m)
        if case.status != "P":
            step.status = case.status  # the framework's verdict (failed, error, skipped)
            step.auto = False
    if case.message:
        step.report_text = case.message[:1000]


def _add_measurement(seq: Any, m: Measurement) -> None:
    name = m.name[:_NAME]
    if m.kind == "numeric":
        seq.add_numeric_step(name, m.value, low=m.low, high=m.high, comp_op=m.comp_op, unit=m.unit)
    elif m.kind == "string":
        op = "LOG" if m.expected is None else "CASESENSIT"
        seq.add_string_step(name, m.value, limit=m.expected, comp_op=op)
    else:
        seq.add_pass_fail_step(name, bool(m.value))
