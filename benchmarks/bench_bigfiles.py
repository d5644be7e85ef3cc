"""Peak memory and time of one conversion of a large JUnit, WSXF or CSV file.

Each file is written at bench time into a temporary folder (never committed), then converted
in a fresh worker process exactly as the station converts it (``run_job``: digest, convert,
validate, JSON): the figures are that process's peak resident memory (``VmHWM``, else ``ru_maxrss``,
which includes the interpreter's own ~26 MB) and its wall and CPU time.

    python benchmarks/bench_bigfiles.py                      # 2 and 20 MB, a table
    python benchmarks/bench_bigfiles.py --sizes 2 20 100     # also 100 MB (minutes, ~1 GB)
    python benchmarks/bench_bigfiles.py --json

``nox -s bench`` runs it as section 8 (2, 20 and 100 MB; ``--quick``: 1 MB). The ceiling of
issue 16 is a peak of about 10x the file size; "own" is the peak less the process's memory
before the conversion (interpreter, pywats and what converting a first 20 KB file of the kind
loaded, ~30 MB: a worker loads it once for up to 200 files), which dominates the 2 MB figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
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
def peak_mb():
    # VmHWM: this process's own peak (ru_maxrss keeps the parent's across exec on Linux)
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
path, converter, small = sys.argv[1], sys.argv[2], sys.argv[3]
# A small file of the same kind first: a worker imports its modules once for up to 200 files,
# which is not part of one file's cost.
run_job(Job(path=small, converter=converter, station_name="BENCH", location="Lab",
            purpose="Bench", max_bytes=0))
base = peak_mb()
wall, cpu = time.perf_counter(), time.process_time()
outcome = run_job(Job(path=path, converter=converter, station_name="BENCH", location="Lab",
                      purpose="Bench", max_bytes=0))
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
peak = peak_mb()
print(json.dumps({"kind": outcome.kind, "reason": outcome.reason[:300],
                  "reports": len(outcome.reports), "wall": wall, "cpu": cpu,
                  "peak_mb": peak, "base_mb": base}))
"""


def measure(fmt: str, size_mb: float, folder: Path) -> dict[str, Any]:
    writer, ext = WRITERS[fmt]
    path = folder / f"big-{fmt}-{size_mb:g}mb.{ext}"
    items = writer(path, int(size_mb * 1024 * 1024))
    small = folder / f"small-{fmt}.{ext}"
    writer(small, 20_000)
    actual = path.stat().st_size / 1024 / 1024
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), fmt, str(small)],
        capture_output=True,
        text=True,
        check=True,
    )
    path.unlink()
    figures: dict[str, Any] = json.loads(done.stdout)
    figures.update(format=fmt, size_mb=round(actual, 1), items=items)
    figures["ratio"] = round(figures["peak_mb"] / actual, 1)
    figures["own_ratio"] = round((figures["peak_mb"] - figures["base_mb"]) / actual, 1)
    figures["load"] = round(os.getloadavg()[0], 1)
    return figures


def rows(quick: bool = False) -> list[Any]:
    """The section-8 rows of ``benchmarks/run.py``: peak RSS and CPU time per format and size
    (the median of 3 runs at 2 MB, one run at 20 and 100 MB)."""
    from _common import Cell, Row

    out: list[Any] = []
    with tempfile.TemporaryDirectory(prefix="pywats-bench-") as tmp:
        for size in (1.0,) if quick else (2.0, 20.0, 100.0):
            for fmt in WRITERS:
                runs = [measure(fmt, size, Path(tmp)) for _ in range(3 if size == 2 else 1)]
                peak = statistics.median(r["peak_mb"] for r in runs)
                own = statistics.median(r["own_ratio"] for r in runs)
                actual = runs[0]["size_mb"]
                loads = ", ".join(f"{r['load']:g}" for r in runs)
                out.append(
                    Row(
                        "8",
                        f"convert a {actual:g} MB {fmt} file: worker peak RSS",
                        "MB",
                        Cell.of([r["peak_mb"] for r in runs]),
                        target=runs[0]["base_mb"] + 10 * actual,
                        note=f"{peak / actual:.1f}x the file; {own:.1f}x over the"
                        f" {runs[0]['base_mb']:.0f} MB before it (target: 10x); load {loads}",
                    )
                )
                out.append(
                    Row(
                        "8",
                        f"convert a {actual:g} MB {fmt} file: CPU",
                        "s",
                        Cell.of([r["cpu"] for r in runs]),
                        note=f"{runs[0]['items']:,} items, {runs[0]['reports']:,} reports",
                    )
                )
    return out


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
                        f" ({r['ratio']:.1f}x file, own {r['own_ratio']:.1f}x)"
                        f"  load {r['load']:g}",
                        flush=True,
                    )
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
