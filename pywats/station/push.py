"""One bounded delivery pass over an instance's queue, for when no station service runs.

``wats queue push -i NAME`` runs it, and so do the test-framework integrations right after
they commit a report (``pywats.integrations``)::

    take the instance's lock (no wait) ── held? ──► the service (or another pass) delivers;
          │                                          nothing to do here
          ▼
    recover() rows a killed pass left ``uploading``; take spooled files into the queue;
    make every ``pending`` row due; send until none is due or the time is up
          │
          ▼
    return rows a time-out cut short to ``pending``; release the lock

Holding the lock is what makes ``recover()`` safe: no other process can be sending those
rows. A service started during a pass finds the lock held and exits (its supervisor starts it
again); a pass is bounded by ``timeout``, so the window is seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import attrs

from pywats.station.config import StationConfig, read_token
from pywats.station.queue import ReportQueue, State

__all__ = ["PushResult", "push", "spool_dir", "take_spool", "unconfigured"]

log = logging.getLogger("pywats.station")
T = TypeVar("T")


@attrs.frozen(kw_only=True)
class PushResult:
    """What one delivery pass did."""

    ran: bool
    """False when the pass did not run; ``reason`` says why."""
    reason: str = ""
    tried: int = 0
    delivered: int = 0
    retried: int = 0
    parked: int = 0
    spooled_in: int = 0
    """Spooled report files taken into the queue first."""
    pending: int = 0
    """Rows still waiting after the pass (pending or uploading)."""
    last_error: str = ""

    def as_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


def unconfigured(name: str) -> StationConfig:
    """An instance with no file: its default locations and no server (its queue still works)."""
    from pywats.station.config import config_from_mapping, instance_paths

    paths = instance_paths(name)
    return config_from_mapping(
        name, {}, base=paths.config.parent, data_path=paths.data, log_path=paths.log
    )


def spool_dir(config: StationConfig) -> Path:
    """The folder a report goes to as a WSJF file when the queue cannot be written."""
    return config.queue_path.parent / "spool"


def push(config: StationConfig, *, timeout: float = 30.0, token: str | None = None) -> PushResult:
    """Deliver what the queue holds, within ``timeout`` seconds, unless a service runs.

    Args:
        config: the instance (``load_config(name, for_service=False)`` is enough).
        timeout: the whole pass, in seconds; rows cut short go back to ``pending``.
        token: the API token (default: ``PYWATS_API_TOKEN``, else what ``wats login`` stored).

    Raises:
        QueueUnreadableError: the queue file is not a readable database.
        sqlite3.Error: the queue cannot be written.
    """
    from filelock import FileLock, Timeout

    if not config.server_url:
        return PushResult(ran=False, reason=f"server.url is not set for instance {config.name!r}")
    token = token if token is not None else (config.token or read_token(config.name))
    if not token:
        return PushResult(
            ran=False,
            reason=f"no API token for instance {config.name!r} (`wats login -i {config.name}`)",
        )
    config.lock_path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(config.lock_path), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return PushResult(
            ran=False,
            reason=f"the station service of instance {config.name!r} (or another delivery pass)"
            " is running and delivers the queue",
        )
    try:
        with ReportQueue(config.queue_path) as queue:
            return _run(_pass(config, queue, token, timeout))
    finally:
        lock.release()


def _run(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to the end, in a helper thread when this thread already runs a loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    box: list[Any] = []

    def work() -> None:
        try:
            box.append((True, asyncio.run(coro)))
        except BaseException as exc:  # handed to the caller's thread below
            box.append((False, exc))

    thread = threading.Thread(target=work, name="pywats-push", daemon=True)
    thread.start()
    thread.join()
    ok, value = box[0]
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


async def _pass(
    config: StationConfig, queue: ReportQueue, token: str, timeout: float
) -> PushResult:
    from pywats.station.uploader import SdkSubmitter, Uploader

    started = time.monotonic()
    recovered = queue.recover()
    if recovered:
        log.info("returned %d report(s) left in flight by a killed pass to pending", recovered)
    spooled = take_spool(queue, spool_dir(config))
    queue.expedite()
    submitter = SdkSubmitter(
        config.server_url,
        token,
        timeout=max(1.0, min(config.upload_timeout, timeout)),
        requests_per_minute=config.requests_per_minute,
        verify=config.verify,
    )
    uploader = Uploader(
        queue,
        submitter,
        concurrency=config.concurrency,
        ladder=config.retry_ladder,
        timeout=max(1.0, min(config.upload_timeout + 5.0, timeout)),
    )
    tried = 0

    async def drain() -> None:
        nonlocal tried
        while True:
            sent = await uploader.upload_due()
            if not sent:
                return
            tried += sent

    try:
        remaining = timeout - (time.monotonic() - started)
        await asyncio.wait_for(drain(), max(0.1, remaining))
    except TimeoutError:
        log.warning("the delivery pass for instance %r ran out of time", config.name)
    finally:
        await submitter.aclose()
        await uploader.write_outcomes()  # before recover(): an outcome must find its row
        queue.recover()  # rows the time-out cut short: ours to return, we hold the lock
    counts = queue.stats().counts
    stats = uploader.stats
    return PushResult(
        ran=True,
        tried=tried,
        delivered=stats.delivered,
        retried=stats.retried,
        parked=stats.parked,
        spooled_in=spooled,
        pending=counts[State.PENDING.value] + counts[State.UPLOADING.value],
        last_error=stats.last_error,
    )


def take_spool(queue: ReportQueue, folder: Path) -> int:
    """Commit the WSJF files in ``folder`` to the queue, then remove them; return how many.

    A file that is not a WSJF report with an ``id`` is renamed ``<name>.rejected`` (kept for
    an operator, and not read again on every pass).
    """
    if not folder.is_dir():
        return 0
    taken = 0
    for path in sorted(folder.glob("*.json")):
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(report, dict) or not report.get("id"):
                raise ValueError("not a WSJF report with an id")
        except (OSError, ValueError) as exc:
            log.error("spooled file %s is unreadable (%s): renamed .rejected", path, exc)
            with contextlib.suppress(OSError):
                path.rename(path.with_name(path.name + ".rejected"))
            continue
        queue.add([report], source=str(path), converter="spool")
        path.unlink()  # committed (fsync'd) first: only now may the file go
        taken += 1
    if taken:
        log.info("took %d spooled report(s) from %s into the queue", taken, folder)
    return taken
