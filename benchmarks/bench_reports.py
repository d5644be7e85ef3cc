"""Reports benchmark: pywats.reports against the anchor ``pywats-api==0.6.0rc1``, side by side.

Work measured, the same for both (see ``build_ours`` and ``anchor_reports.build``):

* build a UUT report of N numeric limit steps (GELE, in sequences of 100, one in 1,000
  failing) and serialise it to WSJF JSON text;
* parse a server export (``json.loads`` + read into the model).

Each job runs in its own fresh process (ours with this interpreter, the anchor with the
Python of its own virtual environment, ``benchmarks/.work/anchor-venv``, created here with pip
on first use), REPEAT times; the table shows the median, and the peak traced memory of one
more build+serialise run (tracemalloc) plus the process's max RSS.

    python benchmarks/bench_reports.py                 # 2,000 and 20,000 steps, anchor too
    python benchmarks/bench_reports.py --sizes 200 --no-anchor --repeat 3

``run(...)`` and ``to_markdown(...)`` are what ``nox -s bench`` calls.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import venv
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ANCHOR_REQUIREMENT = "pywats-api==0.6.0rc1"
DEFAULT_ANCHOR_VENV = HERE / ".work" / "anchor-venv"
DEFAULT_EXPORT = REPO / ".." / "shared" / "fixtures" / "real-reports" / "new_report_example.json"
WORKER_TIMEOUT_S = 900


# ------------------------------------------------------------------------------- our worker


def build_ours(n: int) -> Any:
    """The benchmark report, built with pywats.reports."""
    from pywats.reports import CompOp, UUTReport

    report = UUTReport(
        pn="PCB-1001",
        sn="SN-000123",
        rev="A",
        process_code=10,
        station_name="STATION-01",
        location="Line 1",
        purpose="Production",
        operator="operator1",
        start=datetime.now().astimezone(),
    )
    per = 100
    for s in range(max(1, n // per)):
        seq = report.root.add_sequence(f"Sequence {s}")
        for i in range(min(per, n)):
            value = 3.0 + (i % 7) * 0.1 if (s * per + i) % 1000 else 9.9
            seq.add_numeric_step(
                f"Step {i}", value, low=3.0, high=3.6, comp_op=CompOp.GELE, unit="V"
            )
    return report


def _serialise_ours(report: Any) -> str:
    text: str = report.to_json()
    return text


def _parse_ours(text: str) -> Any:
    from pywats.reports import Report

    return Report.from_wsjf(json.loads(text))


# ----------------------------------------------------------------------------------- driver


@dataclass
class Row:
    """One line of the table."""

    job: str
    impl: str
    median_s: float | None
    cpu_s: float | None = None  # CPU seconds (process_time), steadier on a shared machine
    peak_mb: float | None = None
    maxrss_mb: float | None = None
    note: str = ""


@dataclass
class BenchResult:
    rows: list[Row] = field(default_factory=list)
    anchor_note: str = ""

    def ratio(self, job: str) -> float | None:
        """Anchor median / our median for ``job`` (above 1: we are faster)."""
        ours = next((r for r in self.rows if r.job == job and r.impl == "pywats"), None)
        theirs = next((r for r in self.rows if r.job == job and r.impl != "pywats"), None)
        if ours is None or theirs is None or not ours.median_s or theirs.median_s is None:
            return None
        return theirs.median_s / ours.median_s


def ensure_anchor_venv(path: Path = DEFAULT_ANCHOR_VENV) -> tuple[Path | None, str]:
    """Return the anchor venv's Python (creating the venv with pip if needed), or a reason."""
    python = path / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    # -I: run from the repo, a plain -c would find our pywats (same name) and fail the probe
    probe = [str(python), "-I", "-c", "import pywats.domains.report.report_models"]
    if python.exists() and subprocess.run(probe, capture_output=True, timeout=120).returncode == 0:
        return python, ""
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(path)
        install = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", ANCHOR_REQUIREMENT],
            capture_output=True,
            text=True,
            timeout=WORKER_TIMEOUT_S,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"anchor venv could not be created: {exc}"
    if install.returncode != 0:
        tail = (install.stderr or install.stdout).strip().splitlines()[-1:]
        return None, f"pip install {ANCHOR_REQUIREMENT} failed: {' '.join(tail)}"
    return python, ""


def _worker(python: Path, script: Path, args: list[str]) -> dict[str, Any]:
    env = dict(os.environ)
    # The anchor's package is also called "pywats": keep ours off its path.
    env.pop("PYTHONPATH", None)
    proc = subprocess.run(
        [str(python), str(script), *args],
        capture_output=True,
        text=True,
        timeout=WORKER_TIMEOUT_S,
        cwd=str(HERE),
        env=env,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{script.name} {' '.join(args)} failed:\n{proc.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _rows_for(
    impl: str, python: Path, script: Path, sizes: Sequence[int], repeat: int, export: Path | None
) -> list[Row]:
    rows = []
    for n in sizes:
        res = _worker(python, script, ["build", str(n), str(repeat)])
        rows.append(
            Row(
                job=f"build + serialise {n:,} steps",
                impl=impl,
                median_s=statistics.median(res["total_s"]),
                cpu_s=statistics.median(res["total_cpu_s"]) if "total_cpu_s" in res else None,
                peak_mb=res["peak_bytes"] / 1e6,
                maxrss_mb=res["maxrss_bytes"] / 1e6,
                note=f"build alone {statistics.median(res['build_s']) * 1e3:.1f} ms",
            )
        )
    if export is not None:
        res = _worker(python, script, ["parse", str(export), str(repeat)])
        rows.append(
            Row(
                job=f"parse {export.name}",
                impl=impl,
                median_s=statistics.median(res["parse_s"]),
                maxrss_mb=res["maxrss_bytes"] / 1e6,
            )
        )
    return rows


def run(
    sizes: Sequence[int] = (2_000, 20_000),
    *,
    repeat: int = 5,
    anchor: bool = True,
    anchor_venv: Path = DEFAULT_ANCHOR_VENV,
    export: Path | None = None,
) -> BenchResult:
    """Run the benchmark and return its rows (ours, then the anchor's when ``anchor``).

    ``export`` is the WSJF file to parse; by default the largest real export in ``../shared``
    when present, else a 2,000-step report written by us.
    """
    result = BenchResult()
    with tempfile.TemporaryDirectory() as tmp:
        if export is None:
            if DEFAULT_EXPORT.is_file():
                export = DEFAULT_EXPORT.resolve()
            else:
                sys.path.insert(0, str(REPO))
                export = Path(tmp) / "generated-2000.json"
                export.write_text(_serialise_ours(build_ours(2_000)), encoding="utf-8")
        me = Path(__file__).resolve()
        result.rows += _rows_for("pywats", Path(sys.executable), me, sizes, repeat, export)
        if anchor:
            python, why = ensure_anchor_venv(anchor_venv)
            if python is None:
                result.anchor_note = why
            else:
                result.rows += _rows_for(
                    ANCHOR_REQUIREMENT, python, HERE / "anchor_reports.py", sizes, repeat, export
                )
    return result


def to_markdown(result: BenchResult) -> str:
    """The result as a Markdown table (plus speed-up lines when the anchor ran)."""
    lines = [
        "| job | implementation | median | peak traced memory | max RSS | note |",
        "|---|---|---:|---:|---:|---|",
    ]
    for r in sorted(result.rows, key=lambda r: (r.job, r.impl != "pywats")):
        median = "n/a" if r.median_s is None else f"{r.median_s * 1e3:,.1f} ms"
        peak = "" if r.peak_mb is None else f"{r.peak_mb:,.1f} MB"
        rss = "" if r.maxrss_mb is None else f"{r.maxrss_mb:,.1f} MB"
        lines.append(f"| {r.job} | {r.impl} | {median} | {peak} | {rss} | {r.note} |")
    jobs = list(dict.fromkeys(r.job for r in result.rows))
    extra = []
    for job in jobs:
        ratio = result.ratio(job)
        if ratio is not None:
            extra.append(f"- {job}: pywats is {ratio:.1f}x faster than {ANCHOR_REQUIREMENT}")
    if result.anchor_note:
        extra.append(f"- anchor not run: {result.anchor_note}")
    return "\n".join(lines + (["", *extra] if extra else [])) + "\n"


def table_rows(results: Sequence[BenchResult], anchor_note: str = "") -> list[Any]:
    """Section 3's rows of ``nox -s bench`` from several runs (each a fresh process per job
    reporting the median of its repetitions): the figure is the median over runs, the
    spread theirs. Rows are ``_common.Row``; ``benchmarks/`` must be on ``sys.path``."""
    from _rows import Cell
    from _rows import Row as TableRow

    rows: list[Any] = []
    jobs = list(dict.fromkeys(r.job for result in results for r in result.rows))
    note = next((r.anchor_note for r in results if r.anchor_note), "") or anchor_note

    def cell(job: str, ours: bool, attr: str) -> Cell | None:
        values = [
            getattr(r, attr)
            for result in results
            for r in result.rows
            if r.job == job and (r.impl == "pywats") == ours and getattr(r, attr) is not None
        ]
        if values:
            return Cell.of(values)
        return None if ours else (Cell(None, note) if note else None)

    for job in jobs:
        mine = cell(job, True, "median_s")
        if mine is None:
            continue
        first = next(r for result in results for r in result.rows if r.job == job)
        goal = 3.0 if job == "build + serialise 20,000 steps" else None  # issue 22
        rows.append(
            TableRow(
                "3",
                job,
                "s",
                Cell(mine.stats, first.note),
                cell(job, False, "median_s"),
                anchor_target=goal,
            )
        )
        cpu = cell(job, True, "cpu_s")
        if cpu is not None:
            rows.append(
                TableRow(
                    "3", f"{job}: CPU", "s", cpu, cell(job, False, "cpu_s"), anchor_target=goal
                )
            )
        peak = cell(job, True, "peak_mb")
        if peak is not None:
            rows.append(
                TableRow("3", f"{job}: peak traced memory", "MB", peak, cell(job, False, "peak_mb"))
            )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 20_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-anchor", action="store_true", help="time pywats only")
    parser.add_argument("--export", type=Path, default=None, help="WSJF file to parse")
    parser.add_argument("--output", type=Path, default=None, help="also write the table here")
    args = parser.parse_args(argv)
    result = run(args.sizes, repeat=args.repeat, anchor=not args.no_anchor, export=args.export)
    table = to_markdown(result)
    print(table, end="")
    if args.output is not None:
        args.output.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("build", "parse"):
        # Worker mode: one job in this fresh process, one JSON line out.
        sys.path.insert(0, str(REPO))
        from worker_common import measure, parse_args

        print(
            json.dumps(measure(parse_args(sys.argv[1:]), build_ours, _serialise_ours, _parse_ours))
        )
    else:
        sys.exit(main())
