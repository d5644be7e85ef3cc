"""What every benchmark shares: statistics, subprocess timing, the request workload, the table.

Standard library only: ``anchor_*.py`` scripts import it from the anchor's own virtual
environment (``pywats-api`` is also called ``pywats``, so it can never share ours).

A figure is a :class:`Stats` (the samples of several repetitions: median and spread); a line
of the final table is a :class:`Row` holding our figure, the anchor's and the raw-httpx
floor's, from which the ratios are computed pair by pair::

    | benchmark | pywats | pywats-api | raw httpx | vs pywats-api | vs httpx | target |
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / ".work"
ANCHOR = "pywats-api 0.6.0rc1"
FLOOR = "raw httpx"

Unit = Literal["s", "MB", "per_s"]


# ------------------------------------------------------------------------------ statistics


@dataclass(frozen=True)
class Stats:
    """Samples of one figure over several repetitions."""

    samples: tuple[float, ...]

    @classmethod
    def of(cls, samples: Sequence[float]) -> Stats:
        if not samples:
            raise ValueError("no samples")
        return cls(tuple(float(s) for s in samples))

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def spread(self) -> float | None:
        """Half the min-max range relative to the median (None with fewer than 2 samples)."""
        if len(self.samples) < 2 or self.median == 0:
            return None
        return (max(self.samples) - min(self.samples)) / 2 / abs(self.median)


@dataclass(frozen=True)
class Cell:
    """One implementation's figure: a measurement, or a note saying why there is none."""

    stats: Stats | None = None
    note: str = ""

    @classmethod
    def of(cls, samples: Sequence[float], note: str = "") -> Cell:
        return cls(Stats.of(samples), note)

    @classmethod
    def failed(cls, reason: str) -> Cell:
        return cls(None, f"fails: {reason}")


@dataclass
class Row:
    """One line of the table. ``anchor``/``floor`` None: that target cannot do this work."""

    section: str
    name: str
    unit: Unit
    ours: Cell
    anchor: Cell | None = None
    floor: Cell | None = None
    target: float | None = None  # upper bound for our median (lower bound for per_s)
    floor_target: float | None = None  # max overhead over the floor, e.g. 0.20
    note: str = ""
    anchor_target: float | None = None  # min ratio over the anchor, e.g. 3.0 (3x better)
    # Our cost over the floor measured pair by pair (ours/floor for times, floor/ours for
    # rates, one sample per adjacent pair of runs): when set, the overhead is its median.
    floor_ratios: Stats | None = None

    @property
    def higher_is_better(self) -> bool:
        return self.unit == "per_s"

    def _pair(self, other: Cell | None) -> tuple[float, float] | None:
        if other is None or other.stats is None or self.ours.stats is None:
            return None
        ours, theirs = self.ours.stats.median, other.stats.median
        if ours <= 0 or theirs <= 0:
            return None
        return ours, theirs

    def vs_anchor(self) -> float | None:
        """How many times better we are than the anchor (above 1: better)."""
        pair = self._pair(self.anchor)
        if pair is None:
            return None
        ours, theirs = pair
        return ours / theirs if self.higher_is_better else theirs / ours

    def overhead_vs_floor(self) -> float | None:
        """Our cost over raw httpx as a fraction (0.12: 12% slower than the floor)."""
        if self.floor_ratios is not None:
            return self.floor_ratios.median - 1
        pair = self._pair(self.floor)
        if pair is None:
            return None
        ours, floor = pair
        return floor / ours - 1 if self.higher_is_better else ours / floor - 1

    def target_met(self) -> bool | None:
        results = []
        if self.target is not None and self.ours.stats is not None:
            median = self.ours.stats.median
            results.append(median >= self.target if self.higher_is_better else median < self.target)
        overhead = self.overhead_vs_floor()
        if self.floor_target is not None and overhead is not None:
            results.append(overhead < self.floor_target)
        ratio = self.vs_anchor()
        if self.anchor_target is not None and ratio is not None:
            results.append(ratio >= self.anchor_target)
        return all(results) if results else None


# ------------------------------------------------------------------------------ formatting


def fmt_value(value: float, unit: Unit) -> str:
    if unit == "MB":
        return f"{value:,.1f} MB"
    if unit == "per_s":
        return f"{value:,.0f}/s"
    if value >= 1:
        return f"{value:,.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:,.1f} ms" if value < 0.1 else f"{value * 1e3:,.0f} ms"
    return f"{value * 1e6:,.0f} µs"


def fmt_cell(cell: Cell | None, unit: Unit) -> str:
    if cell is None:
        return "—"
    if cell.stats is None:
        return cell.note or "n/a"
    text = fmt_value(cell.stats.median, unit)
    spread = cell.stats.spread
    if spread is not None:
        text += f" ±{spread * 100:.0f}%"
    if cell.note:
        text += f" ({cell.note})"
    return text


def fmt_ratio(row: Row) -> str:
    ratio = row.vs_anchor()
    if ratio is None:
        return "—"
    if row.unit == "MB":
        return f"{ratio:.1f}x less" if ratio >= 1 else f"{1 / ratio:.1f}x more"
    return f"{ratio:.1f}x faster" if ratio >= 1 else f"{1 / ratio:.1f}x slower"


def fmt_overhead(row: Row) -> str:
    overhead = row.overhead_vs_floor()
    if overhead is None:
        return "—"
    percent = round(overhead * 100)
    text = f"{percent:+d}%" if percent else "±0%"
    ratios = row.floor_ratios
    if ratios is not None and ratios.spread is not None:
        # half the min-max range of the paired ratios, in points of the floor's cost
        points = ratios.spread * ratios.median * 100
        text += f" ±{points:.0f} pts ({len(ratios.samples)} pairs)"
    return text


def fmt_target(row: Row) -> str:
    parts = []
    if row.target is not None:
        sign = "≥" if row.higher_is_better else "<"
        parts.append(f"{sign} {fmt_value(row.target, row.unit)}")
    if row.anchor_target is not None:
        parts.append(f"≥ {row.anchor_target:.1f}x {ANCHOR}")
    if row.floor_target is not None:
        parts.append(f"< +{row.floor_target * 100:.0f}% vs httpx")
    if not parts:
        return ""
    met = row.target_met()
    mark = "" if met is None else (" ✓" if met else " ✗")
    return " and ".join(parts) + mark


def markdown_table(rows: Sequence[Row]) -> str:
    lines = [
        f"| # | benchmark | pywats | {ANCHOR} | {FLOOR} | vs {ANCHOR} | overhead vs httpx "
        "| target |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        name = row.name + (f" <br>*{row.note}*" if row.note else "")
        cells = [
            row.section,
            name,
            fmt_cell(row.ours, row.unit),
            fmt_cell(row.anchor, row.unit),
            fmt_cell(row.floor, row.unit),
            fmt_ratio(row),
            fmt_overhead(row),
            fmt_target(row),
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def machine_description() -> dict[str, str]:
    """CPU, cores, OS, Python and the date: what the absolute numbers depend on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except (OSError, ValueError):
        pass
    try:
        load = "{:.2f} / {:.2f} / {:.2f}".format(*os.getloadavg())
    except OSError:
        load = "?"
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count() or "?"),
        "load average at start (1/5/15 min)": load,
        "memory": mem or "?",
        "OS": platform.platform(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


# ------------------------------------------------------------------------------ processes


def maxrss_bytes() -> int:
    """This process's peak resident set size, in bytes.

    Linux's ``VmHWM`` first: ``ru_maxrss`` survives ``exec`` on Linux, so a worker spawned by a
    bigger parent would report the parent's peak as its own.
    """
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return int(rss if sys.platform == "darwin" else rss * 1024)


def failure_reason(stderr: str, returncode: int) -> str:
    """The line a person would quote: a traceback's exception line, else an ``error:`` line,
    else the last line."""
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    for line in reversed(lines):
        head = line.split(":", 1)[0]
        if head.endswith(("Error", "Exception")) and " " not in head:
            return line
    for line in lines:
        if line.lower().startswith("error"):
            return line
    return lines[-1] if lines else f"exit code {returncode}"


@dataclass(frozen=True)
class Timed:
    seconds: float  # wall clock, spawn to exit
    cpu_seconds: float  # the child's user + system CPU (robust to a busy machine)
    returncode: int
    stdout: str
    stderr: str


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(
    cmd: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 120,
) -> Timed:
    """Run ``cmd`` once and time it: wall clock from spawn to exit, and its CPU time."""
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.run(
        list(cmd),
        capture_output=True,
        text=True,
        env=None if env is None else dict(env),
        cwd=None if cwd is None else str(cwd),
        timeout=timeout,
        check=False,
    )
    wall = time.perf_counter() - t0
    return Timed(wall, _children_cpu() - cpu0, proc.returncode, proc.stdout, proc.stderr)


def run_json(
    cmd: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 300,
) -> dict[str, Any]:
    """Run a worker that prints one JSON object as its last stdout line; return it."""
    done = time_command(cmd, env=env, cwd=cwd, timeout=timeout)
    if done.returncode != 0:
        # the exception line alone: it lands in a table cell ("fails: ...")
        raise RuntimeError(failure_reason(done.stderr, done.returncode))
    lines = done.stdout.strip().splitlines()
    if not lines:
        raise RuntimeError(f"{Path(cmd[1]).name if len(cmd) > 1 else cmd[0]} printed nothing")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def clean_env(extra: Mapping[str, str] | None = None, *, anchor: bool = False) -> dict[str, str]:
    """The environment for a worker process: ours plus ``extra``.

    For the anchor, without ``PYTHONPATH``/``PYTHONHOME``: they could put our ``pywats`` ahead
    of its own. For everyone, without ``PYTHONDONTWRITEBYTECODE``: this machine sets it, and a
    cold start would then compile every module from source on each run, which no installed
    package (pip writes the bytecode at install time) ever does.
    """
    drop = ("PYTHONDONTWRITEBYTECODE",) + (("PYTHONPATH", "PYTHONHOME") if anchor else ())
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(extra or {})
    return env


# ------------------------------------------------------------------------ request workload


@dataclass
class RequestSizes:
    """How much work one request worker does per repetition."""

    gets: int = 200  # sequential GETs, one client
    async_gets: int = 400  # GETs through one async client, ``concurrency`` in flight
    concurrency: int = 20
    submits: int = 40  # sequential report submissions
    steps: int = 100  # numeric steps in the submitted report
    warmup: int = 5
    rounds: int = 2  # paired async rounds (ours and raw httpx alternating) per pair worker
    mock_gets: int = 1000  # async GETs per paired round over httpx.MockTransport (no socket)

    def to_args(self) -> list[str]:
        return [
            f"--gets={self.gets}",
            f"--async-gets={self.async_gets}",
            f"--concurrency={self.concurrency}",
            f"--submits={self.submits}",
            f"--steps={self.steps}",
            f"--warmup={self.warmup}",
            f"--rounds={self.rounds}",
            f"--mock-gets={self.mock_gets}",
        ]

    @classmethod
    def from_args(cls, argv: Sequence[str]) -> RequestSizes:
        values: dict[str, int] = {}
        for arg in argv:
            key, _, value = arg.removeprefix("--").partition("=")
            values[key.replace("-", "_")] = int(value)
        return cls(**values)


AsyncGet = Callable[[], Awaitable[object]]


@dataclass
class RequestWorkload:
    """What an implementation must provide to be measured by :func:`drive_requests`.

    ``get`` and ``submit`` are one blocking call each (product get, report submission);
    ``async_session`` is an async context manager yielding a coroutine function doing one GET.
    """

    get: Callable[[], object]
    submit: Callable[[], object]
    async_session: Callable[[], AbstractAsyncContextManager[AsyncGet]]
    close: Callable[[], object] = field(default=lambda: None)


def drive_requests(work: RequestWorkload, sizes: RequestSizes) -> dict[str, Any]:
    """Measure one repetition of each job: wall time (median seconds per sequential request,
    requests per second for the async one), the client's own CPU seconds per request
    (``process_time``: every thread of this process, so an SDK's helper threads count), and
    the peak RSS.

    Per-request medians rather than means: the machine is shared, and a burst of someone
    else's work should not land on whichever implementation happened to be running. CPU per
    request is what the client itself costs, whatever the server's speed.
    """
    for _ in range(sizes.warmup):  # connections, lazy imports and caches are not the work
        work.get()
        work.submit()
    get_s, get_cpu = _timed_calls(work.get, sizes.gets)
    submit_s, submit_cpu = _timed_calls(work.submit, sizes.submits)
    work.close()
    rate, async_cpu = asyncio.run(_async_gets(work, sizes))
    return {
        "get_s": get_s,
        "get_cpu_s": get_cpu,
        "submit_s": submit_s,
        "submit_cpu_s": submit_cpu,
        "async_rps": rate,
        "async_cpu_s": async_cpu,
        "maxrss_bytes": maxrss_bytes(),
    }


def _timed_calls(call: Callable[[], object], n: int) -> tuple[float, float]:
    gc.collect()
    times = []
    cpu0 = time.process_time()
    for _ in range(n):
        t0 = time.perf_counter()
        call()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), (time.process_time() - cpu0) / n


async def _async_gets(work: RequestWorkload, sizes: RequestSizes) -> tuple[float, float]:
    async with work.async_session() as get:
        return await async_rate(get, sizes.async_gets, sizes)


async def async_rate(get: AsyncGet, n: int, sizes: RequestSizes) -> tuple[float, float]:
    """``n`` calls of ``get``, ``sizes.concurrency`` in flight, after a warm-up: requests per
    second and this process's CPU seconds per request."""
    gate = asyncio.Semaphore(sizes.concurrency)

    async def one() -> None:
        async with gate:
            await get()

    await asyncio.gather(*(one() for _ in range(max(sizes.concurrency, sizes.warmup))))
    gc.collect()
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(n)))
    wall = time.perf_counter() - t0
    return n / wall, (time.process_time() - cpu0) / n


def worker_main(
    argv: Sequence[str], make: Callable[[str, str, str, RequestSizes], RequestWorkload]
) -> int:
    """Entry point of a request worker process: ``worker PART_NUMBER --gets=N ...``.

    The server URL and token come from ``PYWATS_SERVER_URL``/``PYWATS_API_TOKEN`` (never argv,
    where ``ps`` would show the token). Prints one JSON line.
    """
    part_number, *rest = argv
    sizes = RequestSizes.from_args(rest)
    url = os.environ["PYWATS_SERVER_URL"]
    token = os.environ["PYWATS_API_TOKEN"]
    work = make(url, token, part_number, sizes)
    print(json.dumps(drive_requests(work, sizes)))
    return 0
