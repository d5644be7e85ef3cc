"""Robot Framework → WATS: a listener (API v3) and a keyword library for measurements.

::

    robot --listener pywats.integrations.robot:Wats:instance=ict:sn=SN-42 tests/

    *** Settings ***
    Library     pywats.integrations.robot.WatsLibrary
    Metadata    Part Number    PCB-1001

    *** Test Cases ***
    Rail 3V3
        Record Numeric    3V3    3.31    low=3.2    high=3.4    unit=V

One run becomes one UUT report: suites become sequences, each test a step (a pass/fail step,
or a sequence of the measurements it recorded; with ``keywords=true`` each top-level keyword
of a test is a pass/fail measurement in it too). PASS → P, FAIL → F, a failed setup → E, SKIP
and NOT RUN → S. Listener arguments (``name=value``, separated by ``:`` or ``;``): ``instance``,
``sn``, ``pn``, ``rev``, ``process_code``, ``timeout`` (seconds for delivery, default 10),
``keywords``. The top suite's metadata ``Serial Number``, ``Part Number`` and ``Revision`` win
over them. At the end of the run the report is committed to the instance's queue, then
delivered (:mod:`pywats.integrations._delivery`); the console says where it went.
"""

from __future__ import annotations

import getpass
import sys
import time
from typing import Any

from pywats.integrations._build import Case, Recorder, Run, build_report
from pywats.integrations._delivery import Delivery

__all__ = ["Wats", "WatsLibrary"]

_STATUS = {"PASS": "P", "FAIL": "F", "SKIP": "S", "NOT RUN": "S", "NOT SET": "S"}
_META = {"serial number": "sn", "part number": "pn", "revision": "rev"}
_ACTIVE: list[Wats] = []  # the listener of this run, for WatsLibrary's keywords


def _true(value: str | bool) -> bool:
    return value if isinstance(value, bool) else value.strip().lower() in ("1", "true", "yes")


def _seconds(when: Any) -> float | None:
    stamp = getattr(when, "timestamp", None)  # RF 7 gives naive local datetimes
    return float(stamp()) if callable(stamp) else None


class Wats:
    """The Robot Framework listener (API v3); see the module for its arguments."""

    ROBOT_LISTENER_API_VERSION = 3

    def __init__(
        self,
        instance: str | None = None,
        sn: str = "",
        pn: str = "",
        rev: str = "",
        process_code: str = "",
        timeout: str = "10",
        keywords: str = "false",
    ) -> None:
        self.instance = instance or None
        self.run = Run(
            sn=sn,
            pn=pn,
            rev=rev,
            process_code=int(process_code) if process_code else None,
            operator=getpass.getuser(),
            start=time.time(),
        )
        self.timeout = float(timeout)
        self.keywords = _true(keywords)
        self.suites: list[str] = []
        self.case: Case | None = None
        self._depth = 0
        self.delivery: Delivery | None = None
        self.finish_ms = 0.0
        _ACTIVE[:] = [self]

    def recorder(self) -> Recorder:
        return Recorder(self.run, self.case)

    def start_suite(self, data: Any, result: Any) -> None:
        if not self.suites:
            for key, value in dict(result.metadata).items():
                field = _META.get(str(key).strip().lower())
                if field and str(value).strip():
                    setattr(self.run, field, str(value).strip())
        self.suites.append(str(data.name))

    def start_test(self, data: Any, result: Any) -> None:
        self.case = Case(path=tuple(self.suites), name=str(data.name), start=time.time())
        self._depth = 0

    def start_keyword(self, data: Any, result: Any) -> None:
        self._depth += 1

    def end_keyword(self, data: Any, result: Any) -> None:
        self._depth -= 1
        if self.keywords and self.case is not None and self._depth == 0:
            from pywats.integrations._build import Measurement

            name = str(getattr(result, "full_name", None) or getattr(data, "name", "keyword"))
            passed = str(result.status) in ("PASS", "NOT RUN", "SKIP")
            self.case.measurements.append(Measurement(kind="passfail", name=name, value=passed))

    def end_test(self, data: Any, result: Any) -> None:
        case = self.case or Case(path=tuple(self.suites), name=str(data.name))
        self.case = None
        status = _STATUS.get(str(result.status), "F")
        message = str(result.message or "")
        if status == "F" and message.startswith("Setup failed"):
            status = "E"
        case.status, case.message = status, message
        case.start = _seconds(getattr(result, "start_time", None)) or case.start
        elapsed = getattr(result, "elapsed_time", None)
        case.duration = elapsed.total_seconds() if elapsed is not None else 0.0
        self.run.cases.append(case)

    def end_suite(self, data: Any, result: Any) -> None:
        self.suites.pop()
        if self.suites:
            return
        started = time.perf_counter()
        self.run.end = time.time()
        self.delivery = self._commit(str(data.name))
        self.finish_ms = (time.perf_counter() - started) * 1000
        line = self.delivery.summary() if self.delivery else "no report (the run had no tests)"
        stream = sys.__stdout__ or sys.stdout  # Robot captures sys.stdout during a run
        stream.write(f"WATS: {line} ({self.finish_ms:.0f} ms)\n")
        stream.flush()

    def _commit(self, suite: str) -> Delivery | None:
        from pywats.integrations._delivery import commit

        if not self.run.cases:
            return None
        default_sn = "ROBOT-" + time.strftime("%Y%m%dT%H%M%S", time.gmtime(self.run.start))
        try:
            report = build_report(self.run, default_sn=default_sn, default_pn=suite)
        except Exception as exc:  # never into Robot: log loudly, the run's own output stays
            import logging

            logging.getLogger("pywats.integrations").exception("no WATS report: %s", exc)
            return None
        return commit(
            report,
            instance=self.instance,
            timeout=self.timeout,
            source=f"robot:{suite}",
            converter="robot",
        )

    def close(self) -> None:
        if _ACTIVE and _ACTIVE[0] is self:
            _ACTIVE.clear()


class WatsLibrary:
    """Keywords that record measurements into the current test's WATS step.

    A measurement outside its limits fails the keyword (and so the test), the Robot way;
    without the listener the keywords check limits and record nothing.
    """

    ROBOT_LIBRARY_SCOPE = "GLOBAL"

    def _recorder(self) -> Recorder:
        return _ACTIVE[0].recorder() if _ACTIVE else Recorder(None, None)

    def record_numeric(
        self,
        name: str,
        value: float,
        low: float | None = None,
        high: float | None = None,
        unit: str | None = None,
        comp_op: str | None = None,
    ) -> None:
        """Record a number with its limits; fail when it is outside them."""
        rec = self._recorder()
        if not rec.numeric(name, value, low=low, high=high, unit=unit, comp_op=comp_op):
            raise AssertionError(f"{name} = {value} is outside its limits ({low}, {high})")

    def record_string(self, name: str, value: str, expected: str | None = None) -> None:
        """Record a text value; fail when it differs from ``expected``."""
        if not self._recorder().string(name, value, expected=expected):
            raise AssertionError(f"{name} = {value!r}, expected {expected!r}")

    def record_pass_fail(self, name: str, passed: bool) -> None:
        """Record a pass/fail verdict; fail when it did not pass."""
        if not self._recorder().passfail(name, passed):
            raise AssertionError(f"{name} did not pass")

    def set_serial_number(self, serial_number: str) -> None:
        """Name the unit under test (the whole report's serial number)."""
        self._recorder().serial_number = serial_number

    def set_part_number(self, part_number: str) -> None:
        """Set the unit's part number."""
        self._recorder().part_number = part_number
