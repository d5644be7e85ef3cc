"""The running service's status file (``service.json``) and what ``wats status`` shows.

A running service records its pid and endpoint in ``service.json`` beside its lock; the
lock itself says whether a service runs (a stale status file from a killed process does
not). ``read_status`` works either way: the queue is read directly, the live state comes
from the service's endpoint when one answers.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pywats.station._private import write_private
from pywats.station.config import StationConfig
from pywats.station.queue import ReportQueue

if TYPE_CHECKING:
    from pywats.station.intake import Intake
    from pywats.station.service import StationService

__all__ = [
    "ServiceNotRunningError",
    "ServiceUnreachableError",
    "build_snapshot",
    "call_service",
    "folder_summaries",
    "instance_status",
    "lock_held",
    "read_status",
    "remove_service_file",
    "service_file",
    "started_at",
    "wait_restarted",
    "wait_stopped",
    "write_service_file",
]

log = logging.getLogger("pywats.station")


def service_file(config: StationConfig) -> Path:
    """Where a running service records its pid and health URL (for ``wats status``)."""
    return config.lock_path.with_name("service.json")


def write_service_file(config: StationConfig, *, endpoint: str | None) -> None:
    """Record this process as the instance's running service (0600, like the secret)."""
    data = {
        "pid": os.getpid(),
        "started_at": time.time(),
        "instance": config.name,
        "endpoint": endpoint,
        "health_url": None if endpoint is None else endpoint + "/health",
    }
    try:
        write_private(service_file(config), json.dumps(data))
    except OSError as exc:
        log.warning(
            "cannot write %s (%s): `wats status` will not see the service",
            service_file(config),
            exc,
        )


def build_snapshot(service: StationService) -> dict[str, Any]:
    """The service's state, as ``/status``, ``/health`` and the dashboard show it."""
    stats = service.queue.stats()
    up = service.uploader.stats
    return {
        "instance": service.config.name,
        "state": service.state,
        "error": service.error,
        "pid": os.getpid(),
        "intake_paused": service.intake_paused,
        "queue": stats.as_dict(),
        "queue_depth": stats.depth,
        "last_upload_at": up.last_upload_at,
        "breaker": service.uploader.breaker_state(),
        "delivered": up.delivered,
        "retried": up.retried,
        "parked": up.parked,
        "quarantined": up.quarantined,
        "files_converted": service.files_converted,
        "files_failed": service.files_failed,
        "files_waiting": service.intake.files_waiting,
        "hung_converters": service.intake.committer.hung,
        "last_error": up.last_error,
        **service.heartbeat.as_dict(),
        "reload_error": service.reload_error,
        "folders": folder_summaries(service.intake),
        "endpoint": service.endpoint_url,
    }


def folder_summaries(intake: Intake) -> list[dict[str, Any]]:
    """Each watched folder with its converter and counts (for status and the console)."""
    waiting = intake.waiting_by_folder()
    committer = intake.committer
    return [
        {
            "path": str(folder.config.path),
            "converter": folder.converter.name,
            "post_action": folder.config.post_action,
            "polling": folder.scanner.polling,
            "waiting": waiting.get(id(folder), 0),
            "converted": committer.converted_by_folder[folder.config.path],
            "failed": committer.failed_by_folder[folder.config.path],
        }
        for folder in intake.folders
    ]


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


_LIVE_KEYS = (
    "state",
    "error",
    "server",
    "server_version",
    "server_latency_ms",
    "server_checked_at",
    "server_error",
    "breaker",
    "last_upload_at",
    "last_error",
    "reload_error",
    "intake_paused",
    "files_waiting",
    "folders",
)

# The service's counters of what happened since it started: events, not rows. A report parked,
# retried by an operator and parked again counts two parkings while the queue holds one parked
# row, so status shows them apart from the queue's counts, under a name that says so.
_EVENT_KEYS = ("delivered", "retried", "parked", "quarantined")


def read_status(config: StationConfig, *, timeout: float = 2.0) -> dict[str, Any]:
    """What ``wats status`` shows: whether the service runs, its live state, the queue.

    Works whether or not the service is running: the queue is read directly, the live
    state comes from the service's endpoint when it answers.
    """
    running = lock_held(config.lock_path)
    status: dict[str, Any] = {"instance": config.name, "running": running}
    if running:
        with contextlib.suppress(OSError, ValueError):
            status.update(json.loads(service_file(config).read_text(encoding="utf-8")))
    status["instance"] = config.name
    endpoint = status.get("endpoint")
    if running and endpoint:
        import urllib.request

        try:
            with urllib.request.urlopen(f"{endpoint}/status", timeout=timeout) as answer:
                live = json.loads(answer.read())
            for key in _LIVE_KEYS:
                status[key] = live.get(key)
            status["events_since_start"] = {key: live.get(key) for key in _EVENT_KEYS}
        except (OSError, ValueError) as exc:
            status["endpoint_error"] = f"the service's endpoint did not answer: {exc}"
    if config.queue_path.exists():
        with ReportQueue(config.queue_path) as queue:
            status["queue"] = queue.stats().as_dict()
    else:
        status["queue"] = None
    status["queue_path"] = str(config.queue_path)
    status["log_path"] = None if config.log_path is None else str(config.log_path)
    return status


def instance_status(name: str, *, path: Path | None = None) -> dict[str, Any]:
    """``read_status`` for instance ``name``; with a broken instance file, from its default
    locations, with the file's error under ``config_error`` (the service may still run)."""
    from pywats.station.config import (
        ConfigError,
        config_from_mapping,
        instance_paths,
        load_config,
    )

    try:
        config = load_config(name, path=path, for_service=False)
    except ConfigError as exc:
        defaults = instance_paths(name)
        config = config_from_mapping(
            name, {}, base=defaults.config.parent, data_path=defaults.data, log_path=defaults.log
        )
        status = read_status(config)
        status["config_error"] = str(exc)
        return status
    return read_status(config)


class ServiceNotRunningError(RuntimeError):
    """No service runs for the instance (its lock is free)."""


class ServiceUnreachableError(RuntimeError):
    """The service runs but its endpoint did not answer (or it serves none)."""


def _service_info(config: StationConfig) -> dict[str, Any]:
    if not lock_held(config.lock_path):
        raise ServiceNotRunningError(f"instance {config.name!r} is not running")
    try:
        info: dict[str, Any] = json.loads(service_file(config).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ServiceUnreachableError(
            f"instance {config.name!r} runs, but its status file cannot be read ({exc})"
        ) from None
    if not info.get("endpoint"):
        raise ServiceUnreachableError(
            f"instance {config.name!r} runs without its endpoint ([control] enabled = false):"
            " steer it with signals (SIGTERM stops, SIGHUP reloads)"
        )
    return info


def call_service(
    config: StationConfig, action: str, *, timeout: float = 30.0
) -> tuple[int, dict[str, Any]]:
    """POST ``/<action>`` to the instance's running service with its control secret.

    Returns the HTTP status and the JSON answer.

    Raises:
        ServiceNotRunningError: no service runs for the instance.
        ServiceUnreachableError: it runs, but its endpoint cannot be reached or read.
    """
    import urllib.error
    import urllib.request

    from pywats.station.control import read_secret

    info = _service_info(config)
    try:
        secret = read_secret(config)
    except OSError as exc:
        raise ServiceUnreachableError(
            f"cannot read the control secret of instance {config.name!r} ({exc.strerror or exc});"
            " run this as the user the service runs as"
        ) from None
    request = urllib.request.Request(
        f"{info['endpoint']}/{action}",
        data=b"",
        method="POST",
        headers={"Authorization": f"Bearer {secret}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return int(answer.status), json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as exc:
        try:
            body = json.loads(exc.read() or b"{}")
        except ValueError:
            body = {"error": exc.reason}
        return int(exc.code), body
    except (OSError, ValueError) as exc:
        raise ServiceUnreachableError(
            f"the service of instance {config.name!r} did not answer at {info['endpoint']}: {exc}"
        ) from None


def wait_stopped(config: StationConfig, timeout: float) -> bool:
    """Wait until the instance's service has exited (its lock is free); False on timeout."""
    deadline = time.monotonic() + timeout
    while lock_held(config.lock_path):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def wait_restarted(config: StationConfig, since: float, timeout: float) -> bool:
    """Wait until the service records a start later than ``since``; False on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, ValueError):
            info = json.loads(service_file(config).read_text(encoding="utf-8"))
            if float(info.get("started_at") or 0) > since:
                return True
        time.sleep(0.1)
    return False


def started_at(config: StationConfig) -> float:
    """When the running service recorded its start (0 when unknown)."""
    try:
        return float(json.loads(service_file(config).read_text(encoding="utf-8"))["started_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0.0
