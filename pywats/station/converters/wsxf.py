"""WSXF (WATS Standard XML Format) to and from WSJF (``reference/wats-api.md`` §6.1).

::

    <Reports xmlns="http://wats.virinco.com/schemas/WATS/Report/wsxf">
      <Report type="UUT" ID Start Start_utc Result SN PN Rev MachineName Location Purpose>
        <UUT UserLoginName ...><Comment>..</Comment></UUT>    (UUR: <UUR ...><Process/></UUR>)
        <Process Code Name/>  <MiscInfo ...>text</MiscInfo>  <ReportUnitHierarchy .../>
        <Asset/> <AdditionalData/> <Failures/> <Binary><Data/></Binary>   (UUR: failures, files)
        <Step Id Group Name StepType Status ...>        the root; nested <Step> children
          <ReportText/> <Loop/> <SequenceCall/> <NumericLimit/> <StringValue/> <PassFail/>
          <MessagePopup/> <Callexe/> <Chart><Series><ydata/><xdata/></Series></Chart>
          <Attachment/> <AdditionalResults/>

Reading maps every element of §6.1 to its WSJF field. Empty attributes read as null (the
server writes ``Units=""`` where WSJF has ``"unit": null``); the report id is lower-cased.

Documented exceptions (not value-carrying in WSJF, so not round-tripped):

- ``StepIndex``, ``MeasIndex``, ``MeasOrderNumber``, MiscInfo ``idx``/``order_no`` and
  ``Chart/@idx`` are positions: ignored on read, regenerated on write (sibling index,
  measurement index within the step, running measurement counter, list index, 0).
- ``SequenceCall/@Filename`` has no WSJF field: written as the last part of ``seqCall.path``.
- The report ``ID`` is written upper-case as the server exports it.
- ``uut.refUURs`` and ``uur.children`` (output only) are not written.
- ``AdditionalData``/``AdditionalResults`` hold free XML in the server's schema; pywats writes
  and reads them as nested ``<Prop Name Type Flags Value NumFormat Comment>`` elements (arrays
  as ``<Array Dimension Type><Index Text Indexes="0,1"><Prop/></Index></Array>``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar

from pywats.station.converters._base import Converter, ConverterContext
from pywats.station.converters._common import read_stream, stable_id
from pywats.station.converters._wsxf_read import iter_wsxf, read_wsxf, wsxf_to_wsjf
from pywats.station.converters._wsxf_tables import NAMESPACE
from pywats.station.converters._wsxf_write import wsjf_to_wsxf

__all__ = ["NAMESPACE", "WSXFConverter", "iter_wsxf", "read_wsxf", "wsjf_to_wsxf", "wsxf_to_wsjf"]


class WSXFConverter(Converter):
    """Read WSXF files (``<Reports>`` of UUT and UUR ``<Report>`` elements) as WSJF reports."""

    name = "wsxf"
    patterns = ("*.wsxf", "*.xml")
    parameters: ClassVar[Mapping[str, str] | None] = {}

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        return list(self.iter_reports(path, context))

    def iter_reports(self, path: Path, context: ConverterContext) -> Iterator[dict[str, Any]]:
        """The reports one by one, as each ``</Report>`` is read."""
        digest = ""
        for index, report in enumerate(iter_wsxf(path)):
            if not report.get("id"):
                # The id derives from the whole file's bytes: read them once, when needed.
                digest = digest or _sha256(path)
                report["id"] = stable_id(b"", index, digest=digest)
            header = report.get("uut" if report["type"] == "T" else "uur")
            if context.operator and isinstance(header, dict) and not header.get("user"):
                header["user"] = context.operator
            if report.get("processCode") is None and context.operation_code is not None:
                report["processCode"] = context.operation_code
            yield report


def _sha256(path: Path) -> str:
    sha = hashlib.sha256()
    with read_stream(path) as handle:
        while block := handle.read(1 << 20):
            sha.update(block)
    return sha.hexdigest()
