"""Section 5: the station service end to end — files in a folder to reports on the server.

The emulator runs in a process of its own (``_emulator_proc.py``: a fresh interpreter for each
run, as a WATS server is another machine), and so does ``wats watch`` (as on a station), so
each one's memory and CPU are its own. The protocol:

1. start ``wats watch`` for a fresh instance watching an empty folder; wait ``idle_seconds``
   and read its RSS (idle);
2. drop ``files`` WSJF result files into the folder (each written to a hidden name and
   renamed, as careful test equipment does), sampling the service's RSS every 50 ms;
3. stop the clock when the emulator has stored the last report; end-to-end files/s is
   ``files / (last stored - first written)``;
4. latency per report is ``delivered_at - detected_at`` from the service's own queue: from
   the moment the file was found complete (the stability wait is configuration, not work)
   to the server's acknowledgement; p50 and p95 over all reports;
5. CPU seconds per file, by process, from just before the first file is written to one
   second after the last report is stored: the service, its converter workers, and the
   emulator's process. Unlike latency and files/s these hardly move with the machine's
   other load, so they are the figures to compare one change by.

Settings: stable 0.3 s, minimum age 0.1 s, poll 0.1 s, 4 uploads in flight, the SDK's client
side request budget off (``requests_per_minute = 0``; the default 500/min would cap the run at
8 files/s by design), ``synchronous=FULL`` as always. ``rows()`` repeats each protocol run
(fresh emulator, fresh ``wats watch``) and reports the median and spread over the runs.

The durable queue alone is in ``bench_queue.py`` (``--queue N`` runs it from here).

    python benchmarks/bench_station.py --files 1000        # prints the figures as JSON
    python benchmarks/bench_station.py --queue 2000 --batch 16
"""

from __future__ import annotations

import argparse
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

from _emulator_proc import EmulatorProcess  # beside this file
from _process_meters import CpuMeter, RssSampler, rss_mb
from bench_queue import measure_queue, queue_rows

RUN_WATS = "import sys; from wats_cli.main import run; sys.argv[0] = 'wats'; run()"


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
    with its converter workers), ``rss_after_mb``, ``posts``, and CPU seconds per file:
    ``cpu_service_s_per_file``, ``cpu_workers_s_per_file``, ``cpu_emulator_s_per_file``,
    ``cpu_total_s_per_file`` (the three together).
    """
    import tomli_w

    with tempfile.TemporaryDirectory(prefix="bench-station-") as tmp, EmulatorProcess() as emulator:
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
            rss_idle = rss_mb(proc.pid)

            rss = RssSampler(proc.pid, rss_idle)
            sampling = threading.Event()

            def sample() -> None:
                while not sampling.wait(0.05):
                    try:
                        rss.sample()
                    except Exception:
                        return

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            bodies = [json.dumps(_report(i)) for i in range(files)]
            meter = CpuMeter(proc.pid, emulator.pid)
            cpu_before = meter.read()
            written: dict[str, float] = {}
            started = time.monotonic()
            for i, body in enumerate(bodies):
                if rate:
                    time.sleep(max(0.0, started + i / rate - time.monotonic()))
                hidden = inbox / f".r{i:06d}.json.tmp"
                hidden.write_text(body, encoding="utf-8")
                os.replace(hidden, inbox / f"r{i:06d}.json")
                written[f"r{i:06d}.json"] = time.time()
            while emulator.report_count() < files:
                if time.monotonic() - started > timeout or proc.poll() is not None:
                    raise RuntimeError("not every report arrived")
                time.sleep(0.05)
            elapsed = time.monotonic() - started
            sampling.set()
            sampler.join(2)
            time.sleep(1.0)
            rss_after = rss_mb(proc.pid)
            cpu_after = meter.read()
            posts = emulator.posts()
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
        "rss_load_max_mb": rss.peak,
        "rss_tree_max_mb": rss.peak_tree,
        "rss_after_mb": rss_after,
        "posts": posts,
        **{f"cpu_{k}_s_per_file": (cpu_after[k] - cpu_before[k]) / files for k in cpu_before},
        "cpu_total_s_per_file": sum(cpu_after[k] - cpu_before[k] for k in cpu_before) / files,
    }


_CPU_ROWS = (
    ("service", "service", "`wats watch` itself (user + system seconds)"),
    ("converter workers", "workers", "the service's worker processes"),
    ("emulator", "emulator", "the emulator's own process (a fresh one for each run)"),
    ("all three", "total", "the CPU a burst needs: compare changes by this, not by latency"),
)


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
        *[
            row(f"CPU per file: {who} ({burst})", "s", bursts, f"cpu_{key}_s_per_file", note=note)
            for who, key, note in _CPU_ROWS
        ],
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
