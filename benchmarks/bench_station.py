"""Section 5: the station service end to end — files in a folder to reports on the server.

One emulator runs in this process; ``wats watch`` runs as its own process (as on a station),
so its resident memory is its own. The protocol:

1. start ``wats watch`` for a fresh instance watching an empty folder; wait ``idle_seconds``
   and read its RSS (idle);
2. drop ``files`` WSJF result files into the folder (each written to a hidden name and
   renamed, as careful test equipment does), sampling the service's RSS every 50 ms;
3. stop the clock when the emulator has stored the last report; end-to-end files/s is
   ``files / (last stored - first written)``;
4. latency per report is ``delivered_at - detected_at`` from the service's own queue: from
   the moment the file was found complete (the stability wait is configuration, not work)
   to the server's acknowledgement; p50 and p95 over all reports.

Settings: stable 0.3 s, minimum age 0.1 s, poll 0.1 s, 4 uploads in flight, the SDK's client
side request budget off (``requests_per_minute = 0``; the default 500/min would cap the run at
8 files/s by design), ``synchronous=FULL`` as always. ``rows()`` repeats each protocol run
(fresh emulator, fresh ``wats watch``) and reports the median and spread over the runs.

The durable queue alone (:func:`measure_queue`): ``pywats.station.queue.ReportQueue`` on local
disk with its production PRAGMAs (WAL, ``synchronous=FULL``, set by the class itself), filled
with 50-step UUT reports the way the service commits them: ``seen_source`` for each file, then
one transaction per file (``add``) or per batch of :data:`SERVICE_BATCH` files
(``add_batch``), each file's hash recorded in the same transaction. Reports are built and
turned into dicts before the clock starts: only the enqueue (JSON encoding of the payload,
the INSERTs, the fsync of each commit) is timed.

    python benchmarks/bench_station.py --files 1000        # prints the figures as JSON
    python benchmarks/bench_station.py --queue 2000 --batch 16
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

RUN_WATS = "import sys; from wats_cli.main import run; sys.argv[0] = 'wats'; run()"
SERVICE_BATCH = 16  # files StationService converts side by side and commits in one transaction
QUEUE_STEPS = 50


def _report(index: int) -> dict[str, Any]:
    from pywats.reports import CompOp, UUTReport

    report = UUTReport(
        pn="BENCH-1",
        sn=f"B{index:06d}",
        rev="A",
        process_code=50,
        station_name="BENCH-ST",
        location="Bench",
        purpose="Benchmark",
        operator="bench",
    )
    seq = report.root.add_sequence("Measurements")
    for step in range(10):
        seq.add_numeric_step(
            f"V{step}", value=1.0 + step / 100, low=0.5, high=2.0, comp_op=CompOp.GELE, unit="V"
        )
    data = report.to_wsjf()
    data["id"] = str(uuid.uuid4())
    return data


def _rss_mb(pid: int) -> float:
    import psutil

    return float(psutil.Process(pid).memory_info().rss) / 1e6


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its children (the converter workers), in MB."""
    import psutil

    parent = psutil.Process(pid)
    total = parent.memory_info().rss
    for child in parent.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.Error:  # exited meanwhile
            continue
    return float(total) / 1e6


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(
    files: int = 1000,
    *,
    idle_seconds: float = 3.0,
    rate: float | None = None,
    concurrency: int = 4,
    timeout: float = 600.0,
) -> dict[str, Any]:
    """Run the protocol once with ``files`` result files; return the figures.

    ``rate`` (files per second) paces the drops, for latency below capacity; None drops them
    all at once (a burst: throughput, and latency including the wait in the queue).

    Returns keys: ``files``, ``seconds``, ``files_per_s``, ``latency_p50_s``,
    ``latency_p95_s``, ``latency_max_s`` (found complete → acknowledged), ``written_p50_s``,
    ``written_p95_s``, ``written_max_s`` (renamed into the folder → acknowledged, so with the
    stability wait), ``queued_p95_s`` (found complete → committed to the queue: the intake's
    share), ``rss_idle_mb``, ``rss_load_max_mb``, ``rss_tree_max_mb`` (the service
    with its converter workers), ``rss_after_mb``, ``posts``.
    """
    import tomli_w

    from pywats.testing import Emulator

    with tempfile.TemporaryDirectory(prefix="bench-station-") as tmp, Emulator() as emulator:
        base = Path(tmp)
        inbox = base / "inbox"
        inbox.mkdir()
        home = base / "home"
        config = home / "config" / "instances" / "bench.toml"
        config.parent.mkdir(parents=True)
        config.write_text(
            tomli_w.dumps(
                {
                    "server": {"url": emulator.url},
                    "station": {"name": "BENCH-ST", "location": "Bench", "purpose": "Benchmark"},
                    "queue": {"retry_ladder": [0.5, 1, 2], "min_free_mb": 0},
                    "upload": {"concurrency": concurrency, "requests_per_minute": 0},
                    "intake": {
                        "poll_seconds": 0.1,
                        "stable_seconds": 0.3,
                        "min_age_seconds": 0.1,
                        "rescan_seconds": 5.0,
                    },
                    "service": {"health_port": 0},
                    "folders": [{"path": str(inbox), "converter": "wsjf", "post_action": "move"}],
                }
            ),
            encoding="utf-8",
        )
        env = {
            **os.environ,
            "PYWATS_HOME": str(home),
            "PYWATS_API_TOKEN": emulator.token,
        }
        env.pop("PYWATS_SERVER_URL", None)
        # An installed station has its bytecode; without it every converter worker the service
        # starts would compile pywats again (these machines set PYTHONDONTWRITEBYTECODE).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        data = home / "data" / "instances" / "bench"
        proc = subprocess.Popen(
            [sys.executable, "-c", RUN_WATS, "watch", "-i", "bench", "--plain"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 30
            while not (data / "service.json").exists():
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("wats watch did not start")
                time.sleep(0.05)
            time.sleep(idle_seconds)
            rss_idle = _rss_mb(proc.pid)

            peak = [rss_idle]
            peak_tree = [rss_idle]
            sampling = threading.Event()

            def sample() -> None:
                while not sampling.wait(0.05):
                    try:
                        peak.append(_rss_mb(proc.pid))
                        peak_tree.append(_tree_rss_mb(proc.pid))
                    except Exception:
                        return

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            bodies = [json.dumps(_report(i)) for i in range(files)]
            written: dict[str, float] = {}
            started = time.monotonic()
            for i, body in enumerate(bodies):
                if rate:
                    time.sleep(max(0.0, started + i / rate - time.monotonic()))
                hidden = inbox / f".r{i:06d}.json.tmp"
                hidden.write_text(body, encoding="utf-8")
                os.replace(hidden, inbox / f"r{i:06d}.json")
                written[f"r{i:06d}.json"] = time.time()
            while emulator.store.report_count() < files:
                if time.monotonic() - started > timeout or proc.poll() is not None:
                    raise RuntimeError("not every report arrived")
                time.sleep(0.05)
            elapsed = time.monotonic() - started
            sampling.set()
            sampler.join(2)
            time.sleep(1.0)
            rss_after = _rss_mb(proc.pid)
            posts = emulator.faults.hits("POST", "/api/Report/WSJF")
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        db = sqlite3.connect(data / "queue.sqlite3")
        latencies: list[float] = []
        since_written: list[float] = []
        to_queue: list[float] = []
        for delivered, detected, created, source in db.execute(
            "SELECT delivered_at, detected_at, created_at, source FROM item"
            " WHERE state = 'delivered' AND detected_at IS NOT NULL"
        ):
            latencies.append(float(delivered - detected))
            since_written.append(float(delivered) - written[Path(source).name])
            to_queue.append(float(created - detected))
        db.close()
    return {
        "files": files,
        "seconds": elapsed,
        "files_per_s": files / elapsed,
        "latency_p50_s": statistics.median(latencies),
        "latency_p95_s": _percentile(latencies, 0.95),
        "latency_max_s": max(latencies),
        "written_p50_s": statistics.median(since_written),
        "written_p95_s": _percentile(since_written, 0.95),
        "written_max_s": max(since_written),
        "queued_p95_s": _percentile(to_queue, 0.95),
        "rss_idle_mb": rss_idle,
        "rss_load_max_mb": max(peak),
        "rss_tree_max_mb": max(peak_tree),
        "rss_after_mb": rss_after,
        "posts": posts,
    }


def queue_report(index: int, steps: int = QUEUE_STEPS) -> dict[str, Any]:
    """A realistic WSJF report dict of ``steps`` steps for the queue benchmark.

    Mostly numeric limit steps (GELE, units, step times) with pass/fail and string steps, in
    sequences of ten, as a functional test of a board would produce.
    """
    from datetime import UTC, datetime

    from pywats.reports import CompOp, UUTReport

    report = UUTReport(
        pn="PCB-1001",
        sn=f"SN-{index:07d}",
        rev="A",
        process_code=50,
        station_name="BENCH-ST",
        location="Line 1",
        purpose="Production",
        operator="operator1",
        start=datetime(2026, 1, 1, 8, 0, tzinfo=UTC),
    )
    seq = report.root.add_sequence("Sequence 0")
    for step in range(steps):
        if step and step % 10 == 0:
            seq = report.root.add_sequence(f"Sequence {step // 10}")
        kind = step % 10
        if kind == 8:
            seq.add_pass_fail_step(f"Check {step}", True, tot_time=0.012)
        elif kind == 9:
            seq.add_string_step(f"Firmware {step}", "1.4.2", limit="1.4.2", tot_time=0.004)
        else:
            value = 3.3 + (index + step) % 7 * 0.01
            seq.add_numeric_step(
                f"Rail {step}",
                value,
                low=3.1,
                high=3.5,
                comp_op=CompOp.GELE,
                unit="V",
                tot_time=0.025,
            )
    data = report.to_wsjf()
    data["id"] = str(uuid.uuid4())
    return data


def _filesystem(path: Path) -> str:
    """The file system type holding ``path`` (from /proc/mounts; "?" elsewhere)."""
    best, kind = "", "?"
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return kind
    target = str(path.resolve())
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, fields[2]
    return kind


def measure_queue(
    reports: int = 2000,
    *,
    batch: int = 1,
    folder: Path | None = None,
    payloads: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Enqueue ``reports`` one-report files into a fresh queue; return the rate.

    ``batch`` 1 commits each file in its own transaction (``add``, one fsync per report);
    more commits ``batch`` files per transaction (``add_batch``), as the service does.
    ``folder`` is where the queue file goes (default ``benchmarks/.work``: the repository's
    disk, not a RAM-backed /tmp). ``payloads`` reuses prebuilt report dicts (their ids are
    replaced, so every row is new).

    Returns keys: ``reports``, ``batch``, ``seconds``, ``reports_per_s``, ``filesystem``,
    ``synchronous``, ``journal_mode``.
    """
    from pywats.station.queue import QueueEntry, ReportQueue, State

    if batch < 1:
        raise ValueError("batch must be at least 1")
    bodies = payloads if payloads is not None else [queue_report(i) for i in range(reports)]
    files = [
        (dict(bodies[i % len(bodies)], id=str(uuid.uuid4())), f"/station/inbox/r{i:07d}.json")
        for i in range(reports)
    ]
    hashes = [hashlib.sha256(name.encode()).hexdigest() for _, name in files]
    if folder is None:
        folder = Path(__file__).resolve().parent / ".work"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-queue-", dir=folder) as tmp:
        path = Path(tmp) / "queue.sqlite3"
        with ReportQueue(path) as queue:
            pragmas = queue._db  # the connection the service would write through
            synchronous = int(pragmas.execute("PRAGMA synchronous").fetchone()[0])
            journal = str(pragmas.execute("PRAGMA journal_mode").fetchone()[0])
            detected = time.time()
            started = time.perf_counter()
            for start in range(0, reports, batch):
                chunk = range(start, min(reports, start + batch))
                fresh = [i for i in chunk if not queue.seen_source(hashes[i])]
                if batch == 1:
                    for i in fresh:
                        queue.add(
                            [files[i][0]],
                            source=files[i][1],
                            source_sha256=hashes[i],
                            converter="wsjf",
                            detected_at=detected,
                        )
                else:
                    queue.add_batch(
                        [
                            QueueEntry(
                                reports=[files[i][0]],
                                source=files[i][1],
                                source_sha256=hashes[i],
                                converter="wsjf",
                                detected_at=detected,
                            )
                            for i in fresh
                        ]
                    )
            elapsed = time.perf_counter() - started
            stored = queue.stats().counts[State.PENDING.value]
        if stored != reports:
            raise RuntimeError(f"the queue holds {stored} pending reports, not {reports}")
        kind = _filesystem(path.parent)
    return {
        "reports": reports,
        "batch": batch,
        "seconds": elapsed,
        "reports_per_s": reports / elapsed,
        "filesystem": kind,
        "synchronous": {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(synchronous, "?"),
        "journal_mode": journal.upper(),
    }


def queue_rows(
    reports: int, repeat: int, *, batch: int = SERVICE_BATCH, folder: Path | None = None
) -> list[Any]:
    """Section-5 rows: enqueue rate one report per transaction and in service batches.

    The two modes alternate within each repetition, so a burst of someone else's disk or
    CPU work lands on both alike. The report dicts are built once and shared.
    """
    from _common import Cell, Row

    payloads = [queue_report(i) for i in range(min(reports, 200))]
    single: list[dict[str, Any]] = []
    batched: list[dict[str, Any]] = []
    for _ in range(repeat):
        single.append(measure_queue(reports, batch=1, folder=folder, payloads=payloads))
        batched.append(measure_queue(reports, batch=batch, folder=folder, payloads=payloads))
    first = single[0]
    runs = f"{repeat} runs" if repeat > 1 else "1 run"
    settings = (
        f"{first['journal_mode']}, synchronous={first['synchronous']}, {first['filesystem']};"
        f" {QUEUE_STEPS}-step UUT, {reports:,} reports × {runs}"
    )
    anchor = Cell(None, "pywats-client does not start headless")
    return [
        Row(
            "5",
            "station queue: enqueue rate, 1 report per transaction (`add`)",
            "per_s",
            Cell.of([r["reports_per_s"] for r in single]),
            anchor=anchor,
            note=settings,
        ),
        Row(
            "5",
            f"station queue: enqueue rate, {batch} files per transaction (`add_batch`)",
            "per_s",
            Cell.of([r["reports_per_s"] for r in batched]),
            anchor=anchor,
            note=f"as the service commits a scan's files; {settings}",
        ),
    ]


def rows(quick: bool = False) -> list[Any]:
    """The section-5 rows of ``benchmarks/run.py``.

    Full: 5 burst runs of 1,000 files, 3 paced runs of 200 files at 20 files/s, the queue
    with 2,000 reports × 5 runs. ``quick``: one run of each at 200 / 50 / 200 files. The
    machine's load average (1 min) at each burst run's start is noted on the p95 row.
    """
    from _common import Cell, Row

    files = 200 if quick else 1000
    runs = 1 if quick else 5
    paced_files = 50 if quick else 200
    bursts: list[dict[str, Any]] = []
    loads: list[float] = []
    for _ in range(runs):
        loads.append(os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan"))
        bursts.append(measure(files, idle_seconds=2.0 if quick else 3.0))
    paced = [measure(paced_files, idle_seconds=0.5, rate=20.0) for _ in range(min(runs, 3))]
    anchor = Cell(None, "pywats-client does not start headless")

    def row(
        name: str,
        unit: Any,
        runs_: list[dict[str, Any]],
        key: str,
        target: float | None = None,
        note: str = "",
    ) -> Any:
        values = [r[key] for r in runs_]
        return Row(
            "5", f"station: {name}", unit, Cell.of(values), anchor=anchor, target=target, note=note
        )

    burst = f"burst of {files:,}"
    load_note = "load average at each run's start: " + ", ".join(f"{x:.1f}" for x in loads)
    return [
        row(f"files/s end to end ({files:,} files at once)", "per_s", bursts, "files_per_s"),
        row(f"complete → ack p50 ({burst})", "s", bursts, "latency_p50_s"),
        row(f"complete → ack p95 ({burst})", "s", bursts, "latency_p95_s", 2.0, load_note),
        row(f"complete → ack max ({burst})", "s", bursts, "latency_max_s"),
        row(
            f"complete → queued p95 ({burst}): the intake's share",
            "s",
            bursts,
            "queued_p95_s",
        ),
        row(
            f"written → ack p95 ({burst})",
            "s",
            bursts,
            "written_p95_s",
            note="from the rename into the folder: includes the 0.3 s stability wait",
        ),
        row("complete → ack p50 (20 files/s)", "s", paced, "latency_p50_s"),
        row("complete → ack p95 (20 files/s)", "s", paced, "latency_p95_s"),
        row("service RSS idle", "MB", bursts, "rss_idle_mb", target=60.0),
        row("service RSS under load (peak)", "MB", bursts, "rss_load_max_mb", target=80.0),
        row(
            "service + converter workers RSS under load (peak)",
            "MB",
            bursts,
            "rss_tree_max_mb",
            note="the workers are processes of their own (2 at most), started on demand",
        ),
        *queue_rows(200 if quick else 2000, 1 if quick else 5),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--idle", type=float, default=3.0, help="idle seconds before the RSS")
    parser.add_argument("--rate", type=float, default=None, help="files per second (paced)")
    parser.add_argument("--concurrency", type=int, default=4, help="uploads in flight")
    parser.add_argument(
        "--queue", type=int, metavar="N", help="measure the queue alone with N reports instead"
    )
    parser.add_argument("--batch", type=int, default=1, help="files per transaction (--queue)")
    args = parser.parse_args()
    if args.queue:
        figures = measure_queue(args.queue, batch=args.batch)
    else:
        figures = measure(
            args.files, idle_seconds=args.idle, rate=args.rate, concurrency=args.concurrency
        )
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
