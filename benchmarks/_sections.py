"""The sections of ``nox -s bench``: for each, its title, how it measures, and which benchmark
module gives its rows.

A :class:`Spec` is wired here; the measuring is the module's (``bench_import.run``,
``bench_station.rows``, ...). ``run.py`` runs the specs asked for, one :class:`Context` each,
and writes every section's block into ``results.md`` (``_results.py``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _rows import Row
from _workload import RequestSizes

__all__ = ["FULL", "QUICK", "SPECS", "Context", "Plan", "Spec"]


def _see(what: str, anchor: str) -> str:
    """A note line linking to a part of NOTES.md (the hand-written history of each issue's
    changes, beside results.md)."""
    return f"{what}: [NOTES.md](NOTES.md#{anchor})."


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
    bulk_latency_reports: int = 300  # exported with 20 ms of server latency


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
    bulk_latency_reports=4,
)


@dataclass
class Context:
    """What a section's benchmark gets: the plan, the anchor (or why not), a shared emulator."""

    plan: Plan
    quick: bool
    anchor_python: Path | None
    anchor_note: str  # why the anchor has no figures ("" when it ran)
    notes: list[str] = field(default_factory=list)  # the section's notes, filled as it runs
    _stack: ExitStack = field(default_factory=ExitStack)
    _server: tuple[str, str, str] | None = None

    def server(self) -> tuple[str, str, str]:
        """``(url, token, part number)`` of an emulator holding the benchmark product, started
        on first use and shared by the sections of this run."""
        if self._server is None:
            import bench_requests

            from pywats.testing import Emulator

            emu = self._stack.enter_context(Emulator())
            bench_requests.create_bench_product(emu.url, emu.token)
            self._server = (emu.url, emu.token, bench_requests.BENCH_PART)
        return self._server

    def close(self) -> None:
        self._stack.close()


@dataclass(frozen=True)
class Spec:
    """One section: ``produce`` measures and returns its rows."""

    key: str
    title: str
    method: str
    produce: Callable[[Context], list[Row]]
    anchor: bool = True  # the anchor is measured beside us here
    notes: tuple[str, ...] = ()  # fixed lines under the table (links to the notes)


# ---------------------------------------------------------------------------- producers


def _import(ctx: Context) -> list[Row]:
    import bench_import

    rows: list[Row] = bench_import.run(
        ctx.plan.import_repeat, anchor_python=ctx.anchor_python, anchor_note=ctx.anchor_note
    )
    return rows


def _cli(ctx: Context) -> list[Row]:
    import bench_cli

    url, token, part = ctx.server()
    rows: list[Row] = bench_cli.run(
        url,
        token,
        part,
        repeat=ctx.plan.cli_repeat,
        anchor_python=ctx.anchor_python,
        anchor_note=ctx.anchor_note,
    )
    return rows


def _reports(ctx: Context) -> list[Row]:
    import bench_reports

    results = [
        bench_reports.run(
            ctx.plan.report_sizes,
            repeat=ctx.plan.report_repeat,
            anchor=ctx.anchor_python is not None,
        )
        for _ in range(ctx.plan.report_runs)
    ]
    rows: list[Row] = bench_reports.table_rows(results, anchor_note=ctx.anchor_note)
    return rows


def _requests(ctx: Context) -> list[Row]:
    import bench_requests

    url, token, part = ctx.server()
    rows: list[Row] = bench_requests.run(
        url,
        token,
        part_number=part,
        repeat=ctx.plan.request_repeat,
        sizes=ctx.plan.request_sizes,
        anchor_python=ctx.anchor_python,
        anchor_note=ctx.anchor_note,
    )
    return rows


def _station(ctx: Context) -> list[Row]:
    try:
        module: Any = importlib.import_module("bench_station")
    except ModuleNotFoundError as exc:
        if exc.name != "bench_station":
            raise
        ctx.notes.append("benchmarks/bench_station.py is missing")
        return []
    rows: list[Row] = module.rows(quick=ctx.quick)
    return rows


def _bulk(ctx: Context) -> list[Row]:
    import bench_bulk

    plan = ctx.plan
    rows: list[Row] = bench_bulk.rows(
        reports=plan.bulk_reports,
        files=plan.bulk_files,
        repeat=plan.bulk_repeat,
        latency_reports=plan.bulk_latency_reports,
        anchor_python=ctx.anchor_python,
        anchor_note=ctx.anchor_note,
    )
    return rows


def _converters(ctx: Context) -> list[Row]:
    import bench_converters

    rows: list[Row] = bench_converters.rows(ctx.quick)
    return rows


def _bigfiles(ctx: Context) -> list[Row]:
    import bench_bigfiles

    rows: list[Row] = bench_bigfiles.rows(ctx.quick)
    return rows


# -------------------------------------------------------------------------------- specs


def _specs() -> Iterator[Spec]:
    yield Spec(
        "1",
        "`import pywats`: time and memory",
        "`benchmarks/bench_import.py`. Fresh `python -I` processes run outside the repository,"
        " so each Python imports only its own `pywats`, ours and the anchor's alternating."
        " RSS is the process's peak (`VmHWM`) right after the import.",
        _import,
    )
    yield Spec(
        "2",
        "CLI cold start",
        "`benchmarks/bench_cli.py`. Wall time from spawn to exit and the child's CPU time,"
        " stdout piped, one untimed run of each command first (byte-compiling), then"
        " interleaved rounds; the data commands talk to the emulator (sample data) with"
        " `PYWATS_SERVER_URL`/`PYWATS_API_TOKEN`. Targets (issue 18) are CPU ratios of the same"
        " run: a data command ≤ 2.5x `wats --version`, `wats --help` < 2x `import typer`.",
        _cli,
        notes=(_see("Issue 18's changes and before/after figures", "cli-cold-start-issue-18"),),
    )
    yield Spec(
        "3",
        "Report build + serialise, parse",
        "`benchmarks/bench_reports.py`, run 3 times: each run is one fresh process per"
        " implementation and size giving the median of its repetitions after a warm-up; the"
        " figure is the median of the runs. Same report shape on both sides (numeric GELE steps"
        ' in sequences of 100); "build alone" is from the first run. CPU = `process_time`.',
        _reports,
        notes=(
            _see("What made it faster (issue 22)", "async-throughput-and-report-building-issue-22"),
        ),
    )
    yield Spec(
        "4",
        "Requests: sync, async, submissions",
        "`benchmarks/bench_requests.py`: one fresh worker process per implementation and"
        " repetition, interleaved, against one emulator; medians of per-request latency"
        " (sequential) and throughput (async, one client), client CPU per request"
        " (`process_time`). Client-side rate limits and the anchor's GET cache are off on every"
        " side; retries and our circuit breaker stay on. The raw-httpx floor sends the same"
        " requests with the auth header, checks the status and decodes the JSON, nothing else."
        ' The rows marked "alternating in one process" come from a pair worker running our'
        " async client and raw httpx by turns (ABBA) in one process; their overhead is the"
        " median of the per-pair ratios (± half their range), so load that comes and goes hits"
        " both sides of each pair alike; the MockTransport rows measure the clients with no"
        " server.",
        _requests,
        notes=(
            _see(
                "Where the client's CPU went (issue 22)",
                "async-throughput-and-report-building-issue-22",
            ),
        ),
    )
    yield Spec(
        "5",
        "Station service and its durable queue",
        "`benchmarks/bench_station.py`: `wats watch` as its own process against the emulator"
        " (a process of its own too);"
        " WSJF files dropped at once (burst) and at 20 files/s (paced); latency is the"
        " service's own queue time from file found complete to server acknowledgement"
        " (p50/p95/max within a run, then the median and spread over the runs, each with a"
        " fresh emulator and service); written → ack counts from the rename into the folder;"
        " RSS sampled every 50 ms. The queue rows time `ReportQueue.add`/`add_batch` alone on"
        " the repository's disk with the production PRAGMAs (WAL, synchronous=FULL), 50-step"
        " reports built before the clock starts, the two modes alternating.",
        _station,
        anchor=False,
        notes=(
            _see("Why p95 < 2 s is missed and what changed (issue 22)", "station-bursts-issue-22"),
        ),
    )
    yield Spec(
        "6",
        "Bulk export and submit",
        "`benchmarks/bench_bulk.py`: its own emulator loaded with 100-step reports; each"
        " client in a fresh process, interleaved; reports (files) per second from the job's"
        " start to its end, imports done before, and the process's peak RSS. The"
        " server-latency rows add 20 ms to every answer (the emulator's fault injection), so"
        " the emulator's CPU on these shared cores is not what bounds the clients.",
        _bulk,
        notes=(_see("What the figures say (issue 22)", "bulk-transfers-issue-22"),),
    )
    yield Spec(
        "7",
        "Converter throughput",
        "`benchmarks/bench_converters.py`: each converter's input (the test inputs, and the"
        " real files of `../shared` when present) converted to WSJF dicts in a loop for 1 s,"
        " 3 times, in one process; files per CPU second (`process_time`, which the machine's"
        " other load inflates far less than wall time).",
        _converters,
        anchor=False,
    )
    yield Spec(
        "8",
        "Converting large files: peak memory and CPU",
        "`benchmarks/bench_bigfiles.py`: each file written at bench time, converted once in"
        " a fresh process as the station's worker does (`run_job`), after a 20 KB file of the"
        " same kind; peak = `VmHWM` (interpreter included); target = the memory before the"
        " file + 10x its size (issue 16).",
        _bigfiles,
        anchor=False,
        notes=(
            _see(
                "Where the memory went and what changed (issue 16)",
                "converter-memory-and-time-for-large-files-issue-16",
            ),
        ),
    )


SPECS: dict[str, Spec] = {spec.key: spec for spec in _specs()}
