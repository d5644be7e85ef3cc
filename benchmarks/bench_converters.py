"""Converter throughput: files per second for a typical file of each built-in format.

Each converter converts its golden input (tests/data/converters/) repeatedly for ``--seconds``
in this process, and the reports are turned into WSJF dicts (what the station queues), so a
figure is the conversion cost per file on one core. Wall-clock figures move with the load of
the machine; the CPU columns (process time) do not, or much less. The real files in
``../shared`` (the WSXF export, TestStand XML, TAKAYA, Spectrum) are included when present.

    python benchmarks/bench_converters.py              # a table
    python benchmarks/bench_converters.py --json       # the figures as JSON

``nox -s bench`` runs it as section 7 (files per CPU second, the median of 3 runs).
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
from pywats.station.converters.takaya import TakayaConverter
from pywats.station.converters.teradyne_spectrum import TeradyneSpectrumConverter
from pywats.station.converters.teststand_xml import TestStandXMLConverter
from pywats.station.converters.wsxf import WSXFConverter, wsjf_to_wsxf

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "converters"
SHARED = ROOT / ".." / "shared" / "fixtures" / "real-reports"
REAL_INPUTS = ROOT / ".." / "shared" / "fixtures" / "real-inputs"


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
    cases += [
        (
            "teststand_xml: own sample, 10 steps",
            TestStandXMLConverter(),
            DATA / "teststand_xml" / "board-run.xml",
            {},
        ),
        ("takaya: own CA .ATD, 2 boards", TakayaConverter(), DATA / "takaya" / "panel-ca.ATD", {}),
        (
            "teradyne_spectrum: own log, 5 steps",
            TeradyneSpectrumConverter(),
            DATA / "teradyne_spectrum" / "board-fail.txt",
            {},
        ),
    ]
    real = SHARED / "uut-wsxf-export.xml"
    if real.exists():
        cases.insert(0, ("wsxf: real server export, 186 steps", WSXFConverter(), real, {}))
    for label, converter, name, params in (
        (
            "teststand_xml: real, 17 steps",
            TestStandXMLConverter(),
            "teststand_xml/TsWithoutWats.xml",
            {"pn": "X"},
        ),
        (
            "takaya: real CA .ATD, 1 board 1094 rows",
            TakayaConverter(),
            "takaya/ATD/V682589_K_TOP-20230504130808.ATD",
            {},
        ),
        (
            "takaya: real .atdx, 20 boards 31k rows",
            TakayaConverter(),
            "takaya/ATDX/WO250319-0162__20250525_122655.atdx",
            {},
        ),
        (
            "teradyne_spectrum: real log, 508 steps",
            TeradyneSpectrumConverter(),
            "teradyne_spectrum/sample_ict_data.txt",
            {},
        ),
    ):
        if (REAL_INPUTS / name).exists():
            cases.append((label, converter, REAL_INPUTS / name, params))
    return cases


def measure(seconds: float) -> list[dict[str, Any]]:
    rows = []
    for label, converter, path, params in _cases():
        context = ConverterContext(station_name="S", location="L", purpose="P", parameters=params)
        count = 0
        start, cpu_start = time.perf_counter(), time.process_time()
        while time.perf_counter() - start < seconds or count == 0:
            [report_to_dict(r) for r in converter.convert(path, context)]
            count += 1
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu_start  # what the machine's other load does not inflate
        size = path.stat().st_size
        rows.append(
            {
                "case": label,
                "bytes": size,
                "files_per_s": round(count / elapsed, 1),
                "mb_per_s": round(count * size / elapsed / 1e6, 2),
                "ms_per_file": round(1000 * elapsed / count, 3),
                "cpu_files_per_s": round(count / cpu, 1),
                "cpu_mb_per_s": round(count * size / cpu / 1e6, 2),
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


def rows(quick: bool = False) -> list[Any]:
    """The section-7 rows of ``benchmarks/run.py``: files converted per CPU second."""
    from _common import Cell, Row

    runs = [measure(0.1 if quick else 1.0) for _ in range(1 if quick else 3)]
    out: list[Any] = []
    for index, first in enumerate(runs[0]):
        if "cpu_files_per_s" not in first:
            continue  # the WSJF -> WSXF writer: wall-clock only
        samples = [run[index]["cpu_files_per_s"] for run in runs]
        out.append(
            Row(
                "7",
                f"convert {first['case']} ({first['bytes'] / 1024:,.1f} KB)",
                "per_s",
                Cell.of(samples),
                note="files per CPU second",
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per case")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    rows = measure(args.seconds)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(
        f"{'case':42s} {'bytes':>8s} {'files/s':>9s} {'MB/s':>6s} {'ms/file':>9s}"
        f" {'CPU files/s':>11s} {'CPU MB/s':>8s}"
    )
    for row in rows:
        mb, cpu, cpu_mb = row.get("mb_per_s"), row.get("cpu_files_per_s"), row.get("cpu_mb_per_s")
        print(
            f"{row['case']:42s} {row['bytes']:8d} {row['files_per_s']:9.1f}"
            f" {'' if mb is None else f'{mb:.2f}':>6s} {row['ms_per_file']:9.3f}"
            f" {'' if cpu is None else f'{cpu:.1f}':>11s}"
            f" {'' if cpu_mb is None else f'{cpu_mb:.2f}':>8s}"
        )


if __name__ == "__main__":
    main()
