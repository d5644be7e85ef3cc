"""The benchmark workload done with the anchor, ``pywats-api==0.6.0rc1``.

Run by ``bench_reports.py`` with the anchor's own virtual environment's Python (never import
this from the project): ``python anchor_reports.py build|parse ...``; prints one JSON line.
The workload mirrors ``bench_reports.build_ours`` step for step.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import Any

# The anchor's report API, driven as its documentation shows (Active mode computes statuses).
# mypy sees our pywats under the same name: the anchor's modules are not in it.
from pywats.domains.report.enums import ImportMode  # type: ignore[import-not-found]
from pywats.domains.report.import_mode import set_import_mode  # type: ignore[import-not-found]
from pywats.domains.report.report_models import UUTReport  # type: ignore[import-not-found]
from pywats.domains.report.report_models.uut.uut_info import (  # type: ignore[import-not-found]
    UUTInfo,
)
from pywats.shared.enums import CompOp  # type: ignore[import-not-found]
from worker_common import measure, parse_args

set_import_mode(ImportMode.Active)


def build(n: int) -> Any:
    report = UUTReport(
        pn="PCB-1001",
        sn="SN-000123",
        rev="A",
        process_code=10,
        station_name="STATION-01",
        location="Line 1",
        purpose="Production",
        result="P",
        start=datetime.now().astimezone(),
    )
    report.info = UUTInfo(operator="operator1")
    root = report.get_root_sequence_call()
    per = 100
    for s in range(max(1, n // per)):
        seq = root.add_sequence_call(name=f"Sequence {s}")
        for i in range(min(per, n)):
            value = 3.0 + (i % 7) * 0.1 if (s * per + i) % 1000 else 9.9
            seq.add_numeric_step(
                name=f"Step {i}",
                value=value,
                unit="V",
                comp_op=CompOp.GELE,
                low_limit=3.0,
                high_limit=3.6,
            )
    return report


def serialise(report: Any) -> str:
    data = report.model_dump(mode="json", by_alias=True, exclude_none=True)
    return json.dumps(data)


def parse(text: str) -> Any:
    return UUTReport.model_validate(json.loads(text))


if __name__ == "__main__":
    args = parse_args(sys.argv[1:])
    print(json.dumps(measure(args, build, serialise, parse)))
