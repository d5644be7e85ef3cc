"""Converter throughput: files per second for a typical file of each built-in format.

Each converter converts its golden input (tests/data/converters/) repeatedly for ``--seconds``
in this process, and the reports are turned into WSJF dicts (what the station queues), so a
figure is the conversion cost per file on one core. The real WSXF export from ``../shared``
is included when it is present.

    python benchmarks/bench_converters.py              # a table
    python benchmarks/bench_converters.py --json       # the figures as JSON
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from pywats.station.converters import Converter, ConverterContext, report_to_dict
from pywats.station.converters.atml import ATMLConverter
from pywats.station.converters.csv import CSVConverter
from pywats.station.converters.junit import JUnitConverter
from pywats.station.converters.openhtf import OpenHTFConverter
from pywats.station.converters.wsxf import WSXFConverter, wsjf_to_wsxf

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "converters"
SHARED = ROOT / ".." / "shared" / "fixtures" / "real-reports"


def _cases() -> list[tuple[str, Converter, Path, dict[str, Any]]]:
    cases: list[tuple[str, Converter, Path, dict[str, Any]]] = [
        ("wsxf: UUT + UUR, every element", WSXFConverter(), DATA / "wsxf" / "full.wsxf", {}),
        (
            "csv: 2 units, 12 measurement rows",
            CSVConverter(),
            DATA / "csv" / "measurements.csv",
            {"layout": "measurement", "misc": ["Firmware"]},
        ),
        (
            "junit: pytest xunit1, 9 cases",
            JUnitConverter(),
            DATA / "junit" / "pytest-xunit1.xml",
            {},
        ),
        (
            "atml: TestStand 5.0, 11 steps",
            ATMLConverter(),
            DATA / "atml" / "teststand-atml5.xml",
            {},
        ),
        (
            "openhtf: 3 phases, 7 measurements",
            OpenHTFConverter(),
            DATA / "openhtf" / "board.json",
            {},
        ),
    ]
    real = SHARED / "uut-wsxf-export.xml"
    if real.exists():
        cases.insert(0, ("wsxf: real server export, 186 steps", WSXFConverter(), real, {}))
    return cases


def measure(seconds: float) -> list[dict[str, Any]]:
    rows = []
    for label, converter, path, params in _cases():
        context = ConverterContext(station_name="S", location="L", purpose="P", parameters=params)
        count = 0
        start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            [report_to_dict(r) for r in converter.convert(path, context)]
            count += 1
        elapsed = time.perf_counter() - start
        rows.append(
            {
                "case": label,
                "bytes": path.stat().st_size,
                "files_per_s": round(count / elapsed, 1),
                "ms_per_file": round(1000 * elapsed / count, 3),
            }
        )
    export = SHARED / "uut-wsjf-export.json"
    if export.exists():
        data = json.loads(export.read_text(encoding="utf-8"))
        count = 0
        start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            wsjf_to_wsxf(data)
            count += 1
        elapsed = time.perf_counter() - start
        rows.append(
            {
                "case": "wsjf -> wsxf: real server export",
                "bytes": export.stat().st_size,
                "files_per_s": round(count / elapsed, 1),
                "ms_per_file": round(1000 * elapsed / count, 3),
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per case")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    rows = measure(args.seconds)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'case':40s} {'bytes':>7s} {'files/s':>9s} {'ms/file':>8s}")
    for row in rows:
        print(
            f"{row['case']:40s} {row['bytes']:7d} {row['files_per_s']:9.1f}"
            f" {row['ms_per_file']:8.3f}"
        )


if __name__ == "__main__":
    main()
