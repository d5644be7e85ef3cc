"""The running service's status file (``service.json``) and what ``wats status`` shows.

A running service records its pid and endpoint in ``service.json`` beside its lock; the
lock itself says whether a service runs (a stale status file from a killed process does
not). ``read_status`` works either way: the queue is read directly, the live state comes
from the service's endpoint when one answers.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path
from typing import Any

from pywats.station.config import StationConfig
from pywats.station.queue import ReportQueue

__all__ = ["lock_held", "read_status", "remove_service_file", "service_file", "write_service_file"]


def service_file(config: StationConfig) -> Path:
    """Where a running service records its pid and health URL (for ``wats status``)."""
    return config.lock_path.with_name("service.json")


def write_service_file(config: StationConfig, *, health_url: str | None) -> None:
    """Record this process as the instance's running service."""
    data = {
        "pid": os.getpid(),
        "started_at": time.time(),
        "instance": config.name,
        "health_url": health_url,
    }
    with contextlib.suppress(OSError):
        service_file(config).write_text(json.dumps(data), encoding="utf-8")


def remove_service_file(config: StationConfig) -> None:
    with contextlib.suppress(OSError):
        service_file(config).unlink()


def lock_held(lock_path: Path) -> bool:
    """Whether a process holds the instance's lock (i.e. its service runs)."""
    from filelock import FileLock, Timeout

    if not lock_path.exists():
        return False
    probe = FileLock(str(lock_path), timeout=0)
    try:
        probe.acquire()
    except Timeout:
        return True
    probe.release()
    return False


def read_status(config: StationConfig, *, timeout: float = 2.0) -> dict[str, Any]:
    """What ``wats status`` shows: whether the service runs, its live state, the queue.

    Works whether or not the service is running: the queue is read directly, the live
    snapshot comes from the health endpoint when the service serves one.
    """
    running = lock_held(config.lock_path)
    status: dict[str, Any] = {"instance": config.name, "running": running}
    if running:
        with contextlib.suppress(OSError, ValueError):
            status.update(json.loads(service_file(config).read_text(encoding="utf-8")))
    status["instance"] = config.name
    health_url = status.get("health_url")
    if running and health_url:
        import urllib.request

        try:
            with urllib.request.urlopen(health_url, timeout=timeout) as answer:
                live = json.loads(answer.read())
            for key in (
                "state",
                "breaker",
                "last_upload_at",
                "last_error",
                "intake_paused",
                "files_waiting",
                "delivered",
                "retried",
                "parked",
            ):
                status[key] = live.get(key)
        except (OSError, ValueError) as exc:
            status["health_error"] = f"health endpoint did not answer: {exc}"
    if config.queue_path.exists():
        with ReportQueue(config.queue_path) as queue:
            status["queue"] = queue.stats().as_dict()
    else:
        status["queue"] = None
    status["queue_path"] = str(config.queue_path)
    status["log_path"] = None if config.log_path is None else str(config.log_path)
    return status
