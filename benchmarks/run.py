"""``nox -s bench``: every benchmark, ours beside the anchor and the raw-httpx floor, in one run.

1. ``import pywats``: time and memory                       (bench_import.py)
2. CLI cold start: ``--version``, ``--help``, ``product get`` (bench_cli.py)
3. report build + serialise, parse a server export         (bench_reports.py)
4. requests against one emulator: sync, async, submissions (bench_requests.py)
5. station pipeline                                         (bench_station.py, when present)
6. bulk export and submit of many reports                  (bench_bulk.py)
7. converter throughput, files per CPU second                (bench_converters.py)
8. converting 2, 20 and 100 MB JUnit/WSXF/CSV files: peak RSS and CPU (bench_bigfiles.py)

The anchor, ``pywats-api==0.6.0rc1``, lives in its own virtual environment under
``benchmarks/.work/`` (its import name is also ``pywats``), created with pip on first use;
raw httpx runs from ours. One emulator (``pywats.testing.Emulator``, 127.0.0.1, a free port)
serves sections 2 and 4 while every client runs in its own process. The table is printed and
written to ``benchmarks/results.md`` with the machine description.

    python benchmarks/run.py                   # the full run (a few minutes)
    python benchmarks/run.py --quick --no-anchor --output /tmp/results.md
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_bigfiles
import bench_bulk
import bench_cli
import bench_converters
import bench_import
import bench_reports
import bench_requests
from _common import (
    ANCHOR,
    HERE,
    Cell,
    RequestSizes,
    Row,
    fmt_overhead,
    fmt_value,
    machine_description,
    markdown_table,
)

RESULTS = HERE / "results.md"


@dataclass(frozen=True)
class Plan:
    """Sizes and repetition counts of one run."""

    import_repeat: int = 10
    cli_repeat: int = 10
    request_repeat: int = 7
    request_sizes: RequestSizes = field(default_factory=RequestSizes)
    report_sizes: tuple[int, ...] = (2_000, 20_000)
    report_repeat: int = 3  # repetitions inside one bench_reports process
    report_runs: int = 3  # fresh bench_reports runs (the spread is across these)
    bulk_reports: int = 2_000  # reports exported (100 steps each)
    bulk_files: int = 1_000  # report files submitted
    bulk_repeat: int = 3


FULL = Plan()
# A smoke run: every code path, tiny sizes (the tests and `--quick`).
QUICK = Plan(
    import_repeat=1,
    cli_repeat=1,
    request_repeat=1,
    request_sizes=RequestSizes(
        gets=5, async_gets=6, concurrency=3, submits=2, steps=10, warmup=1, rounds=2, mock_gets=6
    ),
    report_sizes=(50,),
    report_repeat=1,
    report_runs=1,
    bulk_reports=6,
    bulk_files=4,
    bulk_repeat=1,
)


# ----------------------------------------------------------------------------- sections


def report_rows(results: Sequence[bench_reports.BenchResult], anchor_note: str = "") -> list[Row]:
    """Section 3 from several ``bench_reports`` runs (each a fresh process per job reporting
    the median of its repetitions): the figure is the median over runs, the spread theirs."""
    rows: list[Row] = []
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
            Row(
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
                Row("3", f"{job}: CPU", "s", cpu, cell(job, False, "cpu_s"), anchor_target=goal)
            )
        peak = cell(job, True, "peak_mb")
        if peak is not None:
            rows.append(
                Row("3", f"{job}: peak traced memory", "MB", peak, cell(job, False, "peak_mb"))
            )
    return rows


def station_rows(quick: bool, notes: list[str]) -> list[Row]:
    """Section 5 from ``bench_station`` (its ``rows()``) when it exists; else a note."""
    try:
        module = importlib.import_module("bench_station")
    except ModuleNotFoundError as exc:
        if exc.name != "bench_station":
            raise
        notes.append("station rows: benchmarks/bench_station.py has not landed yet")
        return []
    rows: list[Row] = module.rows(quick=quick)
    return rows


def _safely(section: str, what: str, call: Callable[[], list[Row]], notes: list[str]) -> list[Row]:
    """One section's rows; a crash becomes a note and a failed row, not a lost run."""
    try:
        return call()
    except Exception as exc:  # a benchmark bug must not throw away the other sections
        notes.append(f"section {section} ({what}) failed: {type(exc).__name__}: {exc}")
        return [Row(section, what, "s", Cell.failed(f"{type(exc).__name__}: {exc}"))]


# ------------------------------------------------------------------------------- output


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _anchor_version(anchor_python: Path | None) -> str:
    if anchor_python is None:
        return "not installed"
    probe = subprocess.run(
        [str(anchor_python), "-I", "-c", "import importlib.metadata as m; "
         "print(m.version('pywats-api'), m.version('httpx'), m.version('pydantic'))"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    if probe.returncode != 0:
        return "?"
    api, httpx, pydantic = probe.stdout.split()
    return f"pywats-api {api} (httpx {httpx}, pydantic {pydantic})"


def headline(rows: Sequence[Row]) -> list[str]:
    """One line per ratio: what the README's Performance section quotes."""
    lines = []
    for row in rows:
        ratio = row.vs_anchor()
        if ratio is not None:
            what = "less memory" if row.unit == "MB" else "faster"
            if ratio < 1:
                what = "more memory" if row.unit == "MB" else "slower"
                ratio = 1 / ratio
            lines.append(f"- {row.name}: pywats {ratio:.1f}x {what} than {ANCHOR}")
        overhead = row.overhead_vs_floor()
        if overhead is not None:
            lines.append(f"- {row.name}: pywats {fmt_overhead(row)} against raw httpx")
    return lines


def render(
    rows: Sequence[Row], machine: dict[str, str], notes: Sequence[str], elapsed_s: float
) -> str:
    parts = [
        "# pywats benchmarks",
        "",
        f"Written by `nox -s bench` (`python benchmarks/run.py`) in {fmt_value(elapsed_s, 's')}.",
        "Figures are medians of several repetitions; ±x% is half the min-max range relative",
        "to the median. Ratios are computed pair by pair from the medians of the same run",
        "(absolute numbers move with the machine; the ratios are what carries over).",
        "",
        "## Machine",
        "",
        *(f"- {key}: {value}" for key, value in machine.items()),
        "",
        "## Results",
        "",
        markdown_table(rows).rstrip("\n"),
        "",
        *(["## Ratios", "", *headline(rows), ""] if headline(rows) else []),
        "## How each figure is taken",
        "",
        "1. Fresh `python -I` processes run outside the repository, so each Python imports only",
        "   its own `pywats`. RSS is the process's peak (`VmHWM`) right after the import.",
        "2. Wall time from spawn to exit, stdout piped; one untimed run first (byte-compiling).",
        "   `wats product get` talks to the emulator with `PYWATS_SERVER_URL`/`PYWATS_API_TOKEN`.",
        "3. `benchmarks/bench_reports.py`, run 3 times: each run is one fresh process per",
        "   implementation and size giving the median of its repetitions after a warm-up; the",
        '   figure is the median of the runs. Same report shape on both sides; "build alone" is',
        "   from the first run.",
        "4. `benchmarks/bench_requests.py`: one fresh worker process per implementation and",
        "   repetition, interleaved; medians of per-request latency (sequential) and throughput",
        "   (async, one client). Client-side rate limits and the anchor's GET cache are off on",
        "   every side (they would measure a sleep or memory, not a request); retries and our",
        "   circuit breaker stay on. The raw-httpx floor sends the same requests with the auth",
        "   header, checks the status and decodes the JSON, nothing else. The rows marked",
        '   "alternating in one process" come from a pair worker running our async client and',
        "   raw httpx by turns (ABBA) in one process; their overhead is the median of the",
        "   per-pair ratios (± half their range), so load that comes and goes hits both sides",
        "   of each pair alike; the MockTransport rows measure the clients with no server.",
        "5. `benchmarks/bench_station.py`: `wats watch` as its own process against the emulator;",
        "   WSJF files dropped at once (burst) and at 20 files/s (paced); latency is the",
        "   service's own queue time from file found complete to server acknowledgement",
        "   (p50/p95/max within a run, then the median and spread over 5 burst runs, 3 paced,",
        "   each with a fresh emulator and service; the load average at each run's start is",
        "   noted); written → ack counts from the rename into the folder (stability wait",
        "   included); RSS sampled every 50 ms, of the service alone and with its converter",
        "   workers. The queue rows time",
        "   `ReportQueue.add`/`add_batch` alone on the repository's disk with the production",
        "   PRAGMAs (WAL, synchronous=FULL: an fsync per commit), 50-step UUT reports built",
        "   before the clock starts, one report per file, 5 runs alternating the two modes.",
        "6. `benchmarks/bench_bulk.py`: its own emulator loaded with 100-step reports; each",
        "   client in a fresh process, interleaved; reports (files) per second from the job's",
        "   start to its end, imports done before, and the process's peak RSS.",
        "7. `benchmarks/bench_converters.py`: each converter's test input converted to WSJF",
        "   dicts in a loop for 1 s, 3 times; files per CPU second (process time).",
        "8. `benchmarks/bench_bigfiles.py`: each file written at bench time, converted once in",
        "   a fresh process as the station's worker does (`run_job`); peak = `VmHWM`",
        "   (interpreter included); target = the memory before the file + 10x its size.",
        "",
    ]
    if notes:
        parts += ["## Notes", "", *(f"- {note}" for note in notes), ""]
    return "\n".join(parts)


# --------------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one repetition")
    parser.add_argument("--no-anchor", action="store_true", help="ours and httpx only")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the table")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=["1", "2", "3", "4", "5", "6", "7", "8"],
        default=["1", "2", "3", "4", "5", "6", "7", "8"],
        help="run only these sections",
    )
    args = parser.parse_args(argv)
    only = set(args.only)
    plan = QUICK if args.quick else FULL
    started = time.perf_counter()
    notes: list[str] = []
    if args.quick:
        notes.append("--quick: smoke-run sizes, one repetition; not a measurement")

    anchor_python: Path | None = None
    why = "not run (--no-anchor)"
    if not args.no_anchor:
        print(f"preparing {ANCHOR} in {bench_reports.DEFAULT_ANCHOR_VENV} ...", file=sys.stderr)
        anchor_python, why = bench_reports.ensure_anchor_venv()
        if anchor_python is None:
            notes.append(f"{ANCHOR} not measured: {why}")

    machine = machine_description()
    machine["pywats"] = f"{_version('pywats')} (httpx {_version('httpx')})"
    machine["anchor"] = _anchor_version(anchor_python)

    from pywats.testing import Emulator

    rows: list[Row] = []

    def progress(text: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s] {text}", file=sys.stderr)

    if "1" in only:
        progress("1. import pywats")
        rows += _safely(
            "1",
            "import pywats",
            lambda: bench_import.run(
                plan.import_repeat, anchor_python=anchor_python, anchor_note=why
            ),
            notes,
        )
    with Emulator() as emu:
        bench_requests.create_bench_product(emu.url, emu.token)
        part = bench_requests.BENCH_PART
        if "2" in only:
            progress("2. CLI cold start")
            rows += _safely(
                "2",
                "CLI cold start",
                lambda: bench_cli.run(
                    emu.url,
                    emu.token,
                    part,
                    repeat=plan.cli_repeat,
                    anchor_python=anchor_python,
                    anchor_note=why,
                ),
                notes,
            )
        if "3" in only:
            progress("3. reports")
            rows += _safely(
                "3",
                "reports",
                lambda: report_rows(
                    [
                        bench_reports.run(
                            plan.report_sizes,
                            repeat=plan.report_repeat,
                            anchor=anchor_python is not None,
                        )
                        for _ in range(plan.report_runs)
                    ],
                    anchor_note="" if anchor_python is not None else why,
                ),
                notes,
            )
        if "4" in only:
            progress("4. requests")
            rows += _safely(
                "4",
                "requests",
                lambda: bench_requests.run(
                    emu.url,
                    emu.token,
                    part_number=part,
                    repeat=plan.request_repeat,
                    sizes=plan.request_sizes,
                    anchor_python=anchor_python,
                    anchor_note=why,
                ),
                notes,
            )
    if "5" in only:
        # the station benchmark starts its own emulator and `wats watch` process
        progress("5. station")
        rows += _safely("5", "station", lambda: station_rows(args.quick, notes), notes)
    if "6" in only:
        # the bulk benchmark loads its own emulator with thousands of reports
        progress("6. bulk export and submit")
        rows += _safely(
            "6",
            "bulk transfers",
            lambda: bench_bulk.rows(
                reports=plan.bulk_reports,
                files=plan.bulk_files,
                repeat=plan.bulk_repeat,
                anchor_python=anchor_python,
                anchor_note=why,
            ),
            notes,
        )
    if "7" in only:
        progress("7. converters")
        rows += _safely("7", "converters", lambda: bench_converters.rows(args.quick), notes)
    if "8" in only:
        progress("8. large files (minutes: 100 MB files are converted)")
        rows += _safely("8", "large files", lambda: bench_bigfiles.rows(args.quick), notes)

    elapsed = time.perf_counter() - started
    text = render(rows, machine, notes, elapsed)
    print(text)
    args.output.write_text(text, encoding="utf-8")
    progress(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
