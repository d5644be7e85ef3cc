"""JUnit XML (pytest ``--junitxml`` xunit1/xunit2, Robot Framework ``--xunit``, Maven
Surefire, mocha, jest, Catch2, unittest-xml-reporting and most other JUnit writers).

::

    <testsuites timestamp>                      one UUT report per file
      <testsuite name timestamp time hostname>  a sequence per suite; nested suites (Robot
                                                Framework) nest, and their statuses propagate
        <properties><property name value/>     suite properties -> the header or misc infos
        <testcase classname name time>          a sequence per classname, a step per test case
          <failure message>text</failure>       step Failed, errorMessage + reportText
          <error message>text</error>           step Error
          <skipped message/>                    step Skipped (xfail too)
          <properties>...</properties>          (xunit1) -> the step's additionalResults
          <system-out>/<system-err>             -> reportText (after the failure text)
        <system-out>/<system-err>               (suite level) -> the suite's reportText

A test case becomes a pass/fail step (``ET_PFT``) whose one boolean measurement carries the
verdict; error and skipped steps carry no measurement (their status is not P/F). ``time``
becomes ``totTime`` (sequences sum their children), the suites' ``time`` the execution time.
A classname that is the suite's own path (Robot writes ``Board.Sub.Thermal`` in suite
``Thermal``) adds no level.

Header: suite properties (of any suite, the first wins) named like ``sn``/``serial_number``/
``Serial Number``, ``pn``/``part_number``, ``rev``/``revision``, ``operator`` and
``process_code`` (e.g. pytest's ``record_testsuite_property``, Robot's suite metadata) fill
the header; the parameters ``sn_property``, ``pn_property``, ``rev_property`` name other
properties to read first. Then the folder parameters ``sn``, ``pn``, ``rev``; then the
defaults: serial number = the file name without extension, part number = the first suite's
name, revision ``"1"``. The start is ``<testsuites timestamp>`` or the first suite's (ISO 8601
or RFC 1123 ``Thu, 29 Dec 2022 15:34:28 GMT``; naive stamps are local time), else the file's
modification time.

The file is read incrementally: memory holds the report being built and one test case, not
the XML tree.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar, cast
from xml.etree.ElementTree import Element

from pywats.reports import AdditionalData, Step, UUTReport
from pywats.reports._limits import clip
from pywats.reports._parts import BooleanMeasurement
from pywats.station.converters._base import Converter, ConverterContext
from pywats.station.converters._common import from_timestamp, new_uut, parse_time, stable_id
from pywats.station.converters._xml import XmlDoc, XmlStream, local, stream_xml

__all__ = ["JUnitConverter"]

_HEADER_KEYS = {
    "sn": "sn",
    "serial": "sn",
    "serialnumber": "sn",
    "serialno": "sn",
    "pn": "pn",
    "partnumber": "pn",
    "partno": "pn",
    "rev": "rev",
    "revision": "rev",
    "partrevision": "rev",
    "operator": "operator",
    "user": "operator",
    "processcode": "process_code",
    "operationcode": "process_code",
}
_MAX_TEXT = 5000
_MAX_MESSAGE = 200
_OUTCOME = {"failure": "F", "error": "E", "skipped": "S"}
_WORSE = {("S", "F"), ("S", "E"), ("F", "E")}
# A test case's one measurement, shared by every case with that verdict: a file can hold a
# million cases, and a list plus a measurement per case is a quarter of the report's memory.
# Tuples, so that nothing can append to them.
_VERDICT = {
    status: cast(list[BooleanMeasurement], (BooleanMeasurement(name=None, status=status),))
    for status in ("P", "F")
}
_TIMES_CACHED = 4096  # distinct time="..." texts whose number is kept (one float object each)


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-.]", "", name).lower()


class _Build:
    """The report being built while the file streams past."""

    def __init__(self, stream: XmlStream, context: ConverterContext, path: Path) -> None:
        self.doc: XmlDoc = stream
        self.context = context
        self.path = path
        params = context.parameters
        self.keys = dict(_HEADER_KEYS)
        self.wanted: dict[str, str] = {}
        for role in ("sn", "pn", "rev"):
            named = params.get(f"{role}_property")
            if named:
                self.wanted[_norm(str(named))] = role
        self.header: dict[str, str] = {}
        self.misc: list[tuple[str, str]] = []
        self.report: UUTReport | None = None
        self.first_suite: Element | None = None
        self.first_name = ""
        self.stamp: tuple[str, Element] | None = None
        self.top_time: float | None = None
        self.suites: list[tuple[Step, dict[str, Step], str, float]] = []
        self.top_total = 0.0
        self.top_count = 0
        self.times: dict[str, float | None] = {}

    def start_report(self) -> UUTReport:
        if self.report is None:
            # Identity and id are placeholders until the whole file (and its properties) is read.
            self.report = new_uut(
                self.context, data=b"", pn="-", sn="-", rev="1", start=from_timestamp(0)
            )
        return self.report

    def top(self, el: Element) -> None:
        stamp = el.get("timestamp")
        if stamp:
            self.stamp = (stamp, el)
        self.top_time = _seconds(self.doc, el, "time")

    def open_suite(self, el: Element) -> None:
        report = self.start_report()
        if self.first_suite is None:
            self.first_suite = el
            self.first_name = el.get("name") or ""
            if self.stamp is None and el.get("timestamp"):
                self.stamp = (el.get("timestamp") or "", el)
            host = el.get("hostname")
            if not report.station_name and host:
                report.station_name = clip(host)
        parent = self.suites[-1][0] if self.suites else report.root
        seq = parent.add_sequence(el.get("name") or "testsuite")
        path = el.get("name") or ""
        if self.suites:
            path = f"{self.suites[-1][2]}.{path}"
        self.suites.append((seq, {}, path, 0.0))

    def close_suite(self, el: Element) -> None:
        seq, _, _, total = self.suites.pop()
        seconds = _seconds(self.doc, el, "time")
        seq.tot_time = seconds if seconds is not None else total
        if self.suites:
            outer = self.suites[-1]
            self.suites[-1] = (outer[0], outer[1], outer[2], outer[3] + (seq.tot_time or 0.0))
        else:
            self.top_total += seq.tot_time or 0.0
            self.top_count += 1

    def properties(self, block: Element) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for prop in block:
            if local(prop.tag) != "property":
                continue
            name = prop.get("name")
            if not name:
                raise self.doc.error(prop, "has no name attribute")
            value = prop.get("value")
            out.append((name, value if value is not None else (prop.text or "")))
        return out

    def suite_properties(self, block: Element) -> None:
        for name, value in self.properties(block):
            key = _norm(name)
            role = self.wanted.get(key) or self.keys.get(key)
            if role is not None and role not in self.header and value.strip():
                self.header[role] = value.strip()
            else:
                self.misc.append((name, value))

    def suite_output(self, tag: str, el: Element) -> None:
        text = (el.text or "").strip()
        if not text or not self.suites:
            return
        seq = self.suites[-1][0]
        block = f"[{tag}]\n{text}"
        seq.report_text = clip(
            f"{seq.report_text}\n\n{block}" if seq.report_text else block, _MAX_TEXT
        )

    def case(self, case: Element) -> None:
        seq, classes, path, total = self.suites[-1]
        classname = case.get("classname") or ""
        parent = seq
        suite_name = (seq.name or "").rstrip("…")
        # Robot Framework and others write the suite's own path as the classname.
        # mocha writes the test's own title (the end of its name) as the classname.
        own = (
            classname in ("", seq.name, path)
            or classname.endswith("." + suite_name)
            or (case.get("name") or "").endswith(" " + classname)
        )
        if not own:
            if classname not in classes:
                classes[classname] = seq.add_sequence(classname, tot_time=0.0)
            parent = classes[classname]
        text = case.get("time") or ""
        seconds = self.times.get(text)
        if seconds is None:
            seconds = _seconds(self.doc, case, "time") or 0.0
            if len(self.times) < _TIMES_CACHED:
                self.times[text] = seconds
        self.suites[-1] = (seq, classes, path, total + seconds)
        if parent is not seq and parent.tot_time is not None:
            parent.tot_time += seconds
        self.step(case, parent, seconds)

    def step(self, case: Element, parent: Step, seconds: float) -> None:
        doc = self.doc
        name = case.get("name")
        if not name:
            raise doc.error(case, "has no name attribute")
        outcome = "P"
        message: str | None = None
        texts: list[str] = []
        for child in case:
            tag = local(child.tag)
            if tag in _OUTCOME:
                status = _OUTCOME[tag]
                # A test can fail and then error in teardown: keep the worst.
                if outcome == "P" or (outcome, status) in _WORSE:
                    outcome = status
                    message = child.get("message") or child.get("type") or message
                if child.text and child.text.strip():
                    texts.append(child.text.strip())
            elif tag in ("system-out", "system-err") and child.text and child.text.strip():
                texts.append(f"[{tag}]\n{child.text.strip()}")
        if outcome in ("P", "F"):
            step = parent.add_pass_fail_step(name, outcome == "P", tot_time=seconds)
            step.boolean_meas = _VERDICT[outcome]
        else:
            step = parent.add_generic_step(name, "ET_PFT", status=outcome, tot_time=seconds)
        if message:
            step.error_message = clip(message.strip(), _MAX_MESSAGE)
        if texts:
            body = "\n\n".join(texts)
            # The builder put a clipped name's full text there first: keep it.
            step.report_text = clip(
                f"{step.report_text}\n{body}" if step.report_text else body, _MAX_TEXT
            )
        props = [
            p for block in case if local(block.tag) == "properties" for p in self.properties(block)
        ]
        if props:
            data = AdditionalData(name="properties")
            for key, value in props:
                data.add_property(clip(key, 200), value, type="String")
            step.additional_results = [data]

    def finish(self, digest: str) -> UUTReport:
        report = self.start_report()
        params = self.context.parameters
        doc = self.doc
        header = self.header
        where = self.first_suite if self.first_suite is not None else doc.root
        if self.stamp is not None:
            text, el = self.stamp
            report.start = parse_time(text, f"{doc.where(el)}: timestamp")
        else:
            report.start = from_timestamp(self.path.stat().st_mtime)
        code_text = header.get("process_code")
        if code_text:
            try:
                report.process_code = int(code_text)
            except ValueError:
                raise doc.error(
                    where, f"property process_code={code_text!r} is not an integer"
                ) from None
        if header.get("operator"):
            report.operator = header["operator"]
        sn = header.get("sn") or str(params.get("sn") or "")
        # A serial number taken from the file name must reach the id too, or identical files
        # for two units would share one id (and one would replace the other).
        report.id = stable_id(
            b"", digest=digest if sn else f"{digest}\0{os.fsdecode(self.path.name)}"
        )
        report.sn = sn or self.path.stem
        report.pn = header.get("pn") or str(params.get("pn") or self.first_name or "junit")
        report.rev = header.get("rev") or str(params.get("rev") or "1")
        for name, value in self.misc:
            report.add_misc_info(name, value)
        if self.top_time is not None:
            report.exec_time = self.top_time
        else:
            report.exec_time = self.top_total
        return report


class JUnitConverter(Converter):
    """Read JUnit XML test results as one UUT report per file; see the module."""

    name = "junit"
    patterns = ("TEST-*.xml", "junit*.xml", "*.junit.xml", "*.xml")
    parameters: ClassVar[Mapping[str, str] | None] = {
        "sn": "the serial number when no suite property gives one (else the file name)",
        "pn": "the part number when no suite property gives one (else the first suite's name)",
        "rev": 'the revision when no suite property gives one (else "1")',
        "sn_property": "the suite property holding the serial number",
        "pn_property": "the suite property holding the part number",
        "rev_property": "the suite property holding the revision",
    }

    def convert(self, path: Path, context: ConverterContext) -> list[UUTReport]:
        stream = stream_xml(path, roots=("testsuites", "testsuite"), kind="a JUnit document")
        build = _Build(stream, context, path)
        stack: list[Element] = []
        for event, el in stream.events():
            tag = local(el.tag)
            if event == "start":
                stack.append(el)
                if tag == "testsuite" and _under_suites(stack):
                    build.open_suite(el)
                elif tag == "testsuites" and len(stack) == 1:
                    build.top(el)
                continue
            stack.pop()
            parent = stack[-1] if stack else None
            parent_tag = local(parent.tag) if parent is not None else ""
            if tag == "testcase" and parent_tag == "testsuite":
                build.case(el)
            elif tag == "properties" and parent_tag in ("testsuite", "testsuites"):
                build.suite_properties(el)
            elif tag in ("system-out", "system-err") and parent_tag == "testsuite":
                build.suite_output(tag, el)
            elif tag == "testsuite" and _under_suites([*stack, el]):
                build.close_suite(el)
            else:
                continue
            if parent is not None:
                stream.drop(parent, el)
        if build.first_suite is None:
            raise stream.error(stream.root, "holds no <testsuite>")
        return [build.finish(stream.sha256.hexdigest())]


def _seconds(doc: XmlDoc, el: Element, name: str) -> float | None:
    """A ``time`` attribute: ``1.5``, or written with a decimal comma (``0,015``, Maven
    Surefire in some locales) or thousands separators (``1,234.5``)."""
    text = (el.get(name) or "").strip()
    if "," in text:
        fixed = text.replace(",", "") if "." in text else text.replace(",", ".")
        try:
            return float(fixed)
        except ValueError:
            pass
    return doc.attr_float(el, name)


def _under_suites(stack: list[Element]) -> bool:
    """True when every element on ``stack`` is a testsuites/testsuite element."""
    return all(local(e.tag) in ("testsuites", "testsuite") for e in stack)
