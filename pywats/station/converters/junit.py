"""JUnit XML (pytest ``--junitxml``, xunit1 and xunit2 families, and most other JUnit writers).

::

    <testsuites>                                one UUT report per file
      <testsuite name timestamp time hostname>  a sequence per suite
        <properties><property name value/>     suite properties -> misc infos (or the header)
        <testcase classname name time>          a sequence per classname, a step per test case
          <failure message>text</failure>       step Failed, errorMessage + reportText
          <error message>text</error>           step Error
          <skipped message/>                    step Skipped (xfail too)
          <properties>...</properties>          (xunit1) -> the step's additionalResults
          <system-out>/<system-err>             -> reportText (after the failure text)

A test case becomes a pass/fail step (``ET_PFT``) whose one boolean measurement carries the
verdict; error and skipped steps carry no measurement (their status is not P/F). ``time``
becomes ``totTime`` (sequences sum their children), the suite's ``time`` the execution time.

Header: suite properties named ``sn``/``serial_number``, ``pn``/``part_number``,
``rev``/``revision``, ``operator`` and ``process_code`` (e.g. set with pytest's
``record_testsuite_property``) fill the header; otherwise the folder parameters ``sn``, ``pn``,
``rev`` do, else the defaults: serial number = the file name without extension, part number =
the first suite's name, revision ``"1"``. The start is the first suite's ``timestamp`` (naive
stamps are local time), else the file's modification time.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from xml.etree.ElementTree import Element

from pywats.reports import AdditionalData, Step, UUTReport
from pywats.station.converters._base import Converter, ConverterContext
from pywats.station.converters._common import from_timestamp, new_uut, parse_time, read_bytes
from pywats.station.converters._xml import XmlDoc, local, parse_xml

__all__ = ["JUnitConverter"]

_HEADER_KEYS = {
    "sn": "sn",
    "serial": "sn",
    "serialnumber": "sn",
    "pn": "pn",
    "partnumber": "pn",
    "rev": "rev",
    "revision": "rev",
    "operator": "operator",
    "user": "operator",
    "processcode": "process_code",
    "operationcode": "process_code",
}
_MAX_TEXT = 5000
_MAX_NAME = 100
_MAX_MISC = 100


def _clip(text: str, limit: int, *, keep_end: bool = False) -> str:
    if len(text) <= limit:
        return text
    return "…" + text[-(limit - 1) :] if keep_end else text[: limit - 1] + "…"


class JUnitConverter(Converter):
    """Read JUnit XML test results as one UUT report per file; see the module."""

    name = "junit"
    patterns = ("TEST-*.xml", "junit*.xml", "*.junit.xml", "*.xml")

    def convert(self, path: Path, context: ConverterContext) -> list[UUTReport]:
        data = read_bytes(path)
        doc = parse_xml(data, path.name)
        root = doc.root
        if local(root.tag) == "testsuite":
            suites = [root]
        elif local(root.tag) == "testsuites":
            suites = [s for s in root if local(s.tag) == "testsuite"]
        else:
            raise doc.error(root, "is not a JUnit document (expected <testsuites> or <testsuite>)")
        if not suites:
            raise doc.error(root, "holds no <testsuite>")
        header: dict[str, str] = {}
        misc: list[tuple[str, str]] = []
        for suite in suites:
            for prop in self._properties(doc, suite):
                key = _HEADER_KEYS.get(re.sub(r"[\s_\-]", "", prop[0]).lower())
                if key is not None and key not in header:
                    header[key] = prop[1]
                else:
                    misc.append(prop)
        params = context.parameters
        first = suites[0]
        stamp = first.get("timestamp")
        start = (
            parse_time(stamp, f"{doc.where(first)}: timestamp")
            if stamp
            else from_timestamp(path.stat().st_mtime)
        )
        code_text = header.get("process_code")
        code: int | None = None
        if code_text:
            try:
                code = int(code_text)
            except ValueError:
                raise doc.error(
                    first, f"property process_code={code_text!r} is not an integer"
                ) from None
        sn = header.get("sn") or str(params.get("sn") or "")
        report = new_uut(
            context,
            # A serial number taken from the file name must reach the id too, or identical
            # files for two units would share one id (and one would replace the other).
            data=data if sn else data + b"\0" + os.fsencode(path.name),
            pn=header.get("pn") or str(params.get("pn") or first.get("name") or "junit"),
            sn=sn or path.stem,
            rev=header.get("rev") or str(params.get("rev") or "1"),
            start=start,
            process_code=code,
            operator=header.get("operator"),
        )
        if not report.station_name and first.get("hostname"):
            report.station_name = _clip(str(first.get("hostname")), _MAX_NAME)
        for name, value in misc:
            report.add_misc_info(_clip(name, _MAX_MISC), _clip(value, _MAX_MISC))
        total = 0.0
        for suite in suites:
            total += self._suite(doc, suite, report)
        report.exec_time = doc.attr_float(first, "time") if len(suites) == 1 else total
        return [report]

    @staticmethod
    def _properties(doc: XmlDoc, parent: Element) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for block in parent:
            if local(block.tag) != "properties":
                continue
            for prop in block:
                if local(prop.tag) != "property":
                    continue
                name = prop.get("name")
                if not name:
                    raise doc.error(prop, "has no name attribute")
                value = prop.get("value")
                out.append((name, value if value is not None else (prop.text or "")))
        return out

    def _suite(self, doc: XmlDoc, suite: Element, report: UUTReport) -> float:
        seq = report.root.add_sequence(_clip(suite.get("name") or "testsuite", _MAX_NAME))
        classes: dict[str, Step] = {}
        total = 0.0
        for case in suite:
            tag = local(case.tag)
            if tag == "testsuite":  # nested suites (some writers)
                total += self._suite(doc, case, report)
                continue
            if tag != "testcase":
                continue
            classname = case.get("classname") or ""
            parent = seq
            if classname:
                if classname not in classes:
                    classes[classname] = seq.add_sequence(
                        _clip(classname, _MAX_NAME, keep_end=True), tot_time=0.0
                    )
                parent = classes[classname]
            seconds = doc.attr_float(case, "time") or 0.0
            total += seconds
            if parent is not seq and parent.tot_time is not None:
                parent.tot_time += seconds
            self._case(doc, case, parent, seconds)
        seq.tot_time = doc.attr_float(suite, "time")
        if seq.tot_time is None:
            seq.tot_time = total
        return total

    def _case(self, doc: XmlDoc, case: Element, parent: Step, seconds: float) -> None:
        name = case.get("name")
        if not name:
            raise doc.error(case, "has no name attribute")
        outcome = "P"
        message: str | None = None
        texts: list[str] = []
        for child in case:
            tag = local(child.tag)
            if tag in ("failure", "error", "skipped"):
                status = {"failure": "F", "error": "E", "skipped": "S"}[tag]
                # A test can fail and then error in teardown: keep the worst.
                if outcome == "P" or (outcome, status) in (("S", "F"), ("S", "E"), ("F", "E")):
                    outcome = status
                    message = child.get("message") or child.get("type") or message
                if child.text and child.text.strip():
                    texts.append(child.text.strip())
            elif tag in ("system-out", "system-err") and child.text and child.text.strip():
                texts.append(f"[{tag}]\n{child.text.strip()}")
        step_name = _clip(name, _MAX_NAME)
        if outcome in ("P", "F"):
            step = parent.add_pass_fail_step(step_name, outcome == "P", tot_time=seconds)
        else:
            step = parent.add_generic_step(step_name, "ET_PFT", status=outcome, tot_time=seconds)
        if message:
            step.error_message = _clip(message.strip(), 200)
        if texts:
            step.report_text = _clip("\n\n".join(texts), _MAX_TEXT)
        props = self._properties(doc, case)
        if props:
            block = AdditionalData(name="properties")
            for key, value in props:
                block.add_property(_clip(key, 200), value, type="String")
            step.additional_results = [block]
