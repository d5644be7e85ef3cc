"""Peak memory and time of one conversion of a large JUnit, WSXF or CSV file.

Each file is written at bench time into a temporary folder (never committed), then converted
in a fresh worker process exactly as the station converts it (``run_job``: digest, convert,
validate, JSON): the figures are that process's peak resident memory (``ru_maxrss``, which
includes the interpreter's own ~30 MB) and its wall and CPU time.

    python benchmarks/bench_bigfiles.py                      # 2 and 20 MB, a table
    python benchmarks/bench_bigfiles.py --sizes 2 20 100     # also 100 MB (minutes, ~1 GB)
    python benchmarks/bench_bigfiles.py --json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bigfiles import WRITERS

_CHILD = """
import json, resource, sys, time
from pywats.station.converters._job import Job, run_job
path, converter = sys.argv[1], sys.argv[2]
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
wall, cpu = time.perf_counter(), time.process_time()
outcome = run_job(Job(path=path, converter=converter, station_name="BENCH", location="Lab",
                      purpose="Bench", max_bytes=0))
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"kind": outcome.kind, "reason": outcome.reason[:300],
                  "reports": len(outcome.reports), "wall": wall, "cpu": cpu,
                  "peak_mb": peak / 1024, "base_mb": base / 1024}))
"""


def measure(fmt: str, size_mb: float, folder: Path) -> dict[str, Any]:
    writer, ext = WRITERS[fmt]
    path = folder / f"big-{fmt}-{size_mb:g}mb.{ext}"
    items = writer(path, int(size_mb * 1024 * 1024))
    actual = path.stat().st_size / 1024 / 1024
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), fmt],
        capture_output=True,
        text=True,
        check=True,
    )
    path.unlink()
    figures: dict[str, Any] = json.loads(done.stdout)
    figures.update(format=fmt, size_mb=round(actual, 1), items=items)
    figures["ratio"] = round(figures["peak_mb"] / actual, 1)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[2, 20])
    parser.add_argument("--formats", nargs="+", default=list(WRITERS))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="pywats-bench-") as tmp:
        for size in args.sizes:
            for fmt in args.formats:
                rows.append(measure(fmt, size, Path(tmp)))
                if not args.json:
                    r = rows[-1]
                    print(
                        f"{r['format']:6} {r['size_mb']:6.1f} MB  {r['items']:>9} items"
                        f"  {r['kind']:7} {r['reports']:>5} reports  wall {r['wall']:7.1f} s"
                        f"  cpu {r['cpu']:7.1f} s  peak {r['peak_mb']:7.1f} MB"
                        f" ({r['ratio']:.1f}x file)",
                        flush=True,
                    )
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
