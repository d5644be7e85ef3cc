"""The active half of the pytest plugin (registered by :mod:`pywats.pytest` when asked for).

::

    session (or each value of the DUT parameter)   one UUT report
      tests/test_power.py                          a sequence
        TestRails                                  a sequence inside it
          test_3v3[...]                            a step: pass/fail, or a sequence of the
                                                   measurements the test recorded

Outcomes: passed P; failed F; setup or teardown failed E; skipped S; xfail S (its reason as
the step's text); xpass P ("XPASS" in the text; a strict xpass fails in pytest, so F). A
collection error is an E step named after the file. The reports are built and committed at
session end, then delivered by one bounded pass; the terminal summary says where they went.
"""

from __future__ import annotations

import getpass
import socket
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from pywats.integrations._build import Case, Recorder, Run, build_report

if TYPE_CHECKING:
    from pywats.integrations._delivery import Delivery

__all__ = ["WatsPlugin"]


def _text(report: pytest.TestReport | pytest.CollectReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")  # (file, line, reason)
    crash = getattr(longrepr, "reprcrash", None)
    if crash is not None:
        return str(crash.message)
    return str(longrepr or "")[-1000:]


def _dut_serial(value: Any) -> str:
    for attr in ("serial_number", "sn"):
        found = getattr(value, attr, None)
        if isinstance(found, str) and found:
            return found
    return str(value)


class WatsPlugin:
    """Collects outcomes and measurements per test; commits the report(s) at session end."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.instance = self._setting("wats_instance")
        self.pn = self._setting("wats_pn") or Path(str(config.rootpath)).name
        self.sn = self._setting("wats_sn")
        self.rev = self._setting("wats_rev")
        code, timeout = self._setting("wats_process_code"), self._setting("wats_timeout")
        try:
            self.process_code = int(code) if code else None
            self.timeout = float(timeout or 10)
        except ValueError:
            raise pytest.UsageError(
                f"wats_process_code = {code!r} must be a whole number and wats_timeout ="
                f" {timeout!r} a number of seconds"
            ) from None
        self.dut_param = str(config.getini("wats_dut_param") or "dut")
        self.started = time.time()
        self.runs: dict[str | None, Run] = {}
        self.cases: dict[str, Case] = {}
        self.case_runs: dict[str, Run] = {}
        self.deliveries: list[Delivery] = []
        self.problems: list[str] = []
        self.finish_ms = 0.0

    def _setting(self, name: str) -> str | None:
        value = self.config.getoption(name)
        if value is None:
            value = self.config.getini(name) or None
        return None if value is None else str(value)

    def _run(self, dut: str | None) -> Run:
        run = self.runs.get(dut)
        if run is None:
            run = Run(
                sn=dut if dut is not None else (self.sn or ""),
                pn=self.pn,
                rev=self.rev or "",
                process_code=self.process_code,
                operator=getpass.getuser(),
                start=self.started,
            )
            self.runs[dut] = run
        return run

    def _case(self, item: pytest.Item) -> Case:
        case = self.cases.get(item.nodeid)
        if case is None:
            parts = item.nodeid.split("::")
            callspec = getattr(item, "callspec", None)
            params = getattr(callspec, "params", {})
            dut = _dut_serial(params[self.dut_param]) if self.dut_param in params else None
            case = Case(path=tuple(parts[:-1]), name=parts[-1])
            run = self._run(dut)
            run.cases.append(case)
            self.cases[item.nodeid] = case
            self.case_runs[item.nodeid] = run
        return case

    def recorder(self, item: pytest.Item) -> Recorder:
        case = self._case(item)
        return Recorder(self.case_runs[item.nodeid], case)

    # -- hooks ----------------------------------------------------------------------------

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        self._case(item)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        case = self.cases.get(report.nodeid)
        if case is None:  # setup never ran for it (e.g. a plugin skipped it before)
            parts = report.nodeid.split("::")
            case = Case(path=tuple(parts[:-1]), name=parts[-1])
            self.case_runs[report.nodeid] = run = self._run(None)
            run.cases.append(case)
            self.cases[report.nodeid] = case
        if case.start is None:
            case.start = getattr(report, "start", None) or time.time()
        case.duration += report.duration
        xfail = getattr(report, "wasxfail", None)
        if report.when == "setup":
            if report.failed:
                case.status, case.message = "E", f"setup failed: {_text(report)}"
            elif report.skipped:
                case.status = "S"
                case.message = f"xfail: {xfail}" if xfail is not None else _text(report)
        elif report.when == "call":
            if report.failed:
                case.status, case.message = "F", _text(report)
            elif report.skipped:
                case.status = "S"
                case.message = f"xfail: {xfail}" if xfail is not None else _text(report)
            elif xfail is not None:
                case.status, case.message = "P", f"XPASS: {xfail}".rstrip(": ")
        elif report.when == "teardown" and report.failed and case.status == "P":
            case.status, case.message = "E", f"teardown failed: {_text(report)}"

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            case = Case(path=(), name=report.nodeid or "collection", status="E")
            case.message = f"collection failed: {_text(report)}"
            case.start = time.time()
            self._run(None).cases.append(case)

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        from pywats.integrations._delivery import commit, instance_settings

        started = time.perf_counter()
        end = time.time()
        settings = None
        for dut, run in self.runs.items():
            if not run.cases:
                continue
            run.end = end
            default_sn = "PYTEST-{}-{}".format(
                socket.gethostname()[:40],
                datetime.fromtimestamp(self.started, UTC).strftime("%Y%m%dT%H%M%SZ"),
            )
            if not run.sn:
                self.problems.append(f"no serial number given (--wats-sn): used {default_sn}")
            try:
                report = build_report(run, default_sn=default_sn, default_pn=self.pn)
            except Exception as exc:  # a measurement the model refuses: say so, loudly
                self.problems.append(f"the report for {dut or 'the session'} failed: {exc}")
                continue
            if settings is None:
                settings = instance_settings(self.instance)
            self.deliveries.append(
                commit(
                    report,
                    settings=settings,
                    timeout=self.timeout,
                    source=f"pytest:{self.config.rootpath}",
                    converter="pytest",
                )
            )
        self.finish_ms = (time.perf_counter() - started) * 1000

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self.deliveries and not self.problems:
            return
        terminalreporter.write_sep("-", "WATS")
        for line in self.problems:
            terminalreporter.write_line(f"WATS: {line}", yellow=True)
        for delivery in self.deliveries:
            terminalreporter.write_line(
                f"WATS: {delivery.summary()}", red=not delivery.safe, bold=not delivery.safe
            )
        terminalreporter.write_line(f"WATS: session end took {self.finish_ms:.0f} ms")
