"""Section 5, the durable queue alone: how fast the station commits converted reports.

``pywats.station.queue.ReportQueue`` on local disk with its production PRAGMAs (WAL,
``synchronous=FULL``, set by the class itself), filled with 50-step UUT reports the way the
service commits them: ``seen_source`` for each file, then one transaction per file (``add``)
or per batch of :data:`SERVICE_BATCH` files (``add_batch``), each file's hash recorded in the
same transaction. Reports are built and turned into dicts before the clock starts: only the
enqueue (JSON encoding of the payload, the INSERTs, the fsync of each commit) is timed.

    python benchmarks/bench_station.py --queue 2000 --batch 16
"""

from __future__ import annotations

import hashlib
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

__all__ = ["QUEUE_STEPS", "SERVICE_BATCH", "measure_queue", "queue_report", "queue_rows"]

SERVICE_BATCH = 16  # files StationService converts side by side and commits in one transaction
QUEUE_STEPS = 50


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
