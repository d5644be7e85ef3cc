"""``wats demo``: the whole station pipeline on this machine, with no WATS account.

It starts the emulator in-process, writes an instance file for a station watching a
temporary folder, starts the station service, drops sample result files in as test equipment
would (one of them broken, and the server answers the first uploads with 503), shows them flow
through, checks every sample is stored on the server, and prints a summary.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

import attrs

__all__ = ["DemoResult", "run_demo", "sample_report"]

log = logging.getLogger("pywats.station")


@attrs.frozen(kw_only=True)
class DemoResult:
    """What the demo saw."""

    samples: int
    delivered: int
    on_server: int
    rejected_files: int
    retries: int
    seconds: float
    folder: Path

    @property
    def ok(self) -> bool:
        return (
            self.delivered == self.samples
            and self.on_server == self.samples
            and self.rejected_files == 1
        )


def sample_report(index: int, rng: random.Random) -> dict[str, Any]:
    """A realistic small UUT report (a board test) as WSJF; about one in six fails."""
    from pywats.reports import CompOp, UUTReport

    report = UUTReport(
        pn="PCBA-1001",
        sn=f"DEMO-{index:05d}",
        rev="B",
        process_code=50,
        station_name="DEMO-ST-01",
        location="Demo lab",
        purpose="Demo",
        operator="demo",
    )
    power = report.root.add_sequence("Power rails")
    for name, nominal in (("3V3", 3.3), ("5V0", 5.0), ("12V", 12.0)):
        spread = 0.06 if rng.random() < 0.06 else 0.01
        value = round(nominal * (1 + rng.uniform(-spread, spread)), 4)
        power.add_numeric_step(
            name,
            value=value,
            low=nominal * 0.97,
            high=nominal * 1.03,
            comp_op=CompOp.GELE,
            unit="V",
        )
    comms = report.root.add_sequence("Communication")
    comms.add_numeric_step(
        "UART loopback errors", value=0, low=0, high=0, comp_op=CompOp.EQ, unit="count"
    )
    return report.to_wsjf()


def _write_slowly(path: Path, text: str) -> None:
    # Test equipment writes in pieces; the service must wait until the file is complete.
    with path.open("w", encoding="utf-8") as handle:
        half = len(text) // 2
        handle.write(text[:half])
        handle.flush()
        time.sleep(0.02)
        handle.write(text[half:])


async def _feed(folder: Path, count: int, rng: random.Random, out: IO[str]) -> None:
    for index in range(1, count + 1):
        report = sample_report(index, rng)
        await asyncio.to_thread(
            _write_slowly, folder / f"result_{index:04d}.json", json.dumps(report, indent=1)
        )
        await asyncio.sleep(0.05)
    (folder / "result_broken.json").write_text('{"type": "T", "pn": "PCBA-1001", ', "utf-8")
    out.write(f"  wrote {count} result files and 1 broken one into {folder}\n")


class _ShortPaths(logging.Formatter):
    """Log lines for the demo: the time, and paths relative to the demo's folder."""

    def __init__(self, base: Path) -> None:
        super().__init__("  %(asctime)s %(message)s", datefmt="%H:%M:%S")
        self.base = str(base) + "/"

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace(self.base, "")


def run_demo(
    *,
    count: int = 12,
    keep_running: bool = False,
    folder: Path | None = None,
    out: IO[str] | None = None,
    timeout: float = 60.0,
    sample_data: bool | None = None,
) -> DemoResult:
    """Run the demo; return once every sample is acknowledged and the broken file has been
    moved to Error/ (or ``timeout`` passed).

    With ``keep_running`` the service stays up after the summary (Ctrl-C stops it) so files
    can be dropped into the folder by hand, and the emulator's URL and token are printed for
    other shells. ``sample_data`` (default: on with ``keep_running``) loads the emulator's
    sample products, asset and reports, so the README's examples answer.
    """
    from pywats.station.config import FolderConfig, StationConfig, write_config
    from pywats.station.service import StationService
    from pywats.testing import Emulator

    out = out if out is not None else sys.stderr
    rng = random.Random(7)
    samples = keep_running if sample_data is None else sample_data
    with (
        tempfile.TemporaryDirectory(prefix="wats-demo-") as tmp,
        Emulator(sample_data=samples) as emulator,
    ):
        base = Path(tmp)
        handler = logging.StreamHandler(out)
        handler.setFormatter(_ShortPaths(base))
        station_log = logging.getLogger("pywats.station")
        station_log.addHandler(handler)
        station_log.setLevel(logging.INFO)
        inbox = folder if folder is not None else base / "results"
        inbox.mkdir(parents=True, exist_ok=True)
        config = StationConfig(
            name="demo",
            server_url=emulator.url,
            token=emulator.token,
            station_name="DEMO-ST-01",
            location="Demo lab",
            purpose="Demo",
            folders=(FolderConfig(path=inbox, converter="wsjf", post_action="move"),),
            queue_path=base / "queue.sqlite3",
            lock_path=base / "service.lock",
            log_path=base / "demo.log",
            retry_ladder=(0.5, 1.0, 2.0),
            stable_seconds=0.3,
            min_age_seconds=0.2,
            poll_seconds=0.2,
            rescan_seconds=5.0,
            requests_per_minute=0,
            min_free_mb=0,
        )
        instance_file = write_config(config, base / "demo.toml")
        out.write(
            f"WATS emulator      {emulator.url}\n"
            f"demo folder        {base}\n"
            f"instance file      {instance_file.relative_to(base)}\n"
            f"watched folder     {inbox}\n\n"
        )
        # The server stumbles at first: the queue's retry ladder rides it out.
        emulator.faults.add("POST", "/api/Report/WSJF", status=503, times=2)
        service = StationService.from_config(config)
        started = time.monotonic()

        async def main() -> tuple[int, int]:
            serving = asyncio.create_task(service.serve())
            feeding = asyncio.create_task(_feed(inbox, count, rng, out))
            deadline = time.monotonic() + timeout
            delivered = 0
            error_dir = config.folders[0].error_dir
            while time.monotonic() < deadline:
                await asyncio.sleep(0.2)
                delivered = service.uploader.stats.delivered
                # Done when every sample is acknowledged *and* the broken file has reached
                # Error/: it is written last, and must stay stable before it is judged.
                if feeding.done() and delivered >= count and any(error_dir.glob("*.error.txt")):
                    break
            await feeding
            if keep_running:
                _summary(out, service, emulator, count, time.monotonic() - started)
                out.write(
                    f"\nStill running (Ctrl-C to stop). Drop WSJF files into {inbox}\n"
                    "To use the emulator from another shell, export:\n"
                    f"  PYWATS_SERVER_URL={emulator.url}\n"
                    f"  PYWATS_API_TOKEN={emulator.token}\n"
                    + ("then try: wats product get PCB-1001\n" if samples else "")
                )
                await serving
            else:
                service.request_stop()
                await serving
                _summary(out, service, emulator, count, time.monotonic() - started)
            return delivered, service.uploader.stats.retried

        try:
            delivered, retries = asyncio.run(main())
        finally:
            station_log.removeHandler(handler)
        on_server = sum(1 for r in emulator.reports() if str(r.get("sn", "")).startswith("DEMO-"))
        rejected = len(list(config.folders[0].error_dir.glob("*.error.txt")))
        return DemoResult(
            samples=count,
            delivered=delivered,
            on_server=on_server,
            rejected_files=rejected,
            retries=retries,
            seconds=time.monotonic() - started,
            folder=inbox,
        )


def _summary(out: IO[str], service: Any, emulator: Any, count: int, seconds: float) -> None:
    stats = service.uploader.stats
    stored = [r for r in emulator.reports() if str(r.get("sn", "")).startswith("DEMO-")]
    failed = sum(1 for r in stored if r.get("result") == "F")
    latencies = sorted(stats.latencies)
    p50 = latencies[len(latencies) // 2] if latencies else 0.0
    error_dir = service.config.folders[0].error_dir
    reasons = sorted(error_dir.glob("*.error.txt"))
    out.write(
        "\nSummary\n"
        f"  samples written         {count} (+1 broken)\n"
        f"  acknowledged by server  {stats.delivered}\n"
        f"  stored on the server    {len(stored)} ({len(stored) - failed} passed,"
        f" {failed} failed)\n"
        f"  upload retries          {stats.retried} (the emulator answered 503 twice)\n"
        f"  rejected to Error/      {len(reasons)}"
        + (f" — {reasons[0].read_text('utf-8').splitlines()[-1]}" if reasons else "")
        + "\n"
        f"  file complete -> ack    p50 {p50 * 1000:.0f} ms\n"
        f"  elapsed                 {seconds:.1f} s\n"
    )
