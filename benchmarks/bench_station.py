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
8 files/s by design), ``synchronous=FULL`` as always.

    python benchmarks/bench_station.py --files 1000        # prints the figures as JSON
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


def _rss_mb(pid: int) -> float:
    import psutil

    return float(psutil.Process(pid).memory_info().rss) / 1e6


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
    ``latency_p95_s``, ``rss_idle_mb``, ``rss_load_max_mb``, ``rss_after_mb``, ``posts``.
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
            sampling = threading.Event()

            def sample() -> None:
                while not sampling.wait(0.05):
                    try:
                        peak.append(_rss_mb(proc.pid))
                    except Exception:
                        return

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            bodies = [json.dumps(_report(i)) for i in range(files)]
            started = time.monotonic()
            for i, body in enumerate(bodies):
                if rate:
                    time.sleep(max(0.0, started + i / rate - time.monotonic()))
                hidden = inbox / f".r{i:06d}.json.tmp"
                hidden.write_text(body, encoding="utf-8")
                os.replace(hidden, inbox / f"r{i:06d}.json")
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
        latencies = [
            float(row[0])
            for row in db.execute(
                "SELECT delivered_at - detected_at FROM item WHERE state = 'delivered'"
                " AND detected_at IS NOT NULL"
            )
        ]
        db.close()
    return {
        "files": files,
        "seconds": elapsed,
        "files_per_s": files / elapsed,
        "latency_p50_s": statistics.median(latencies),
        "latency_p95_s": _percentile(latencies, 0.95),
        "rss_idle_mb": rss_idle,
        "rss_load_max_mb": max(peak),
        "rss_after_mb": rss_after,
        "posts": posts,
    }


def rows(quick: bool = False) -> list[Any]:
    """The section-5 rows of ``benchmarks/run.py`` (``quick``: 200 files instead of 1,000)."""
    from _common import Cell, Row

    files = 200 if quick else 1000
    burst = measure(files, idle_seconds=2.0 if quick else 3.0)
    paced = measure(50 if quick else 200, idle_seconds=0.5, rate=20.0)
    anchor = Cell(None, "pywats-client does not start headless")

    def row(name: str, unit: Any, value: float, target: float | None = None) -> Any:
        return Row("5", f"station: {name}", unit, Cell.of([value]), anchor=anchor, target=target)

    return [
        row(f"files/s end to end ({files:,} files at once)", "per_s", burst["files_per_s"]),
        row(f"complete → ack p50 (burst of {files:,})", "s", burst["latency_p50_s"]),
        row(f"complete → ack p95 (burst of {files:,})", "s", burst["latency_p95_s"]),
        row("complete → ack p50 (20 files/s)", "s", paced["latency_p50_s"]),
        row("complete → ack p95 (20 files/s)", "s", paced["latency_p95_s"]),
        row("service RSS idle", "MB", burst["rss_idle_mb"], target=60.0),
        row("service RSS under load (peak)", "MB", burst["rss_load_max_mb"]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--idle", type=float, default=3.0, help="idle seconds before the RSS")
    parser.add_argument("--rate", type=float, default=None, help="files per second (paced)")
    parser.add_argument("--concurrency", type=int, default=4, help="uploads in flight")
    args = parser.parse_args()
    figures = measure(
        args.files, idle_seconds=args.idle, rate=args.rate, concurrency=args.concurrency
    )
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
