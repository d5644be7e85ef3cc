"""``StationControl``: what the local endpoint and the console may see and do of a service.

The endpoint's routes and the console use this facade and nothing else of the running
service, so the service's inside can change without touching them. It lives on the service's
event loop: call it from there (the endpoint's handlers run there).

The control secret authorises mutations (stop, restart, reload, pause, resume): a random
token in ``control.secret`` beside the status file, 0600, written at each start. Whoever can
read it is the service's user (or root), which is who may steer the service anyway.
"""

from __future__ import annotations

import collections
import logging
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pywats.station._private import write_private
from pywats.station.config import StationConfig

if TYPE_CHECKING:
    from pywats.station.service import StationService

__all__ = ["ErrorLog", "StationControl", "new_secret", "read_secret", "secret_path"]

_HISTORY_MINUTES = 24 * 60


def secret_path(config: StationConfig) -> Path:
    """Where the instance's control secret lives (beside ``service.json``)."""
    return config.lock_path.with_name("control.secret")


def read_secret(config: StationConfig) -> str:
    """The running service's control secret.

    Raises:
        OSError: no service has written one (or it cannot be read by this user).
    """
    return secret_path(config).read_text(encoding="utf-8").strip()


def new_secret(config: StationConfig) -> str:
    """Make a fresh control secret and write it (0600); return it."""
    secret = secrets.token_urlsafe(32)
    write_private(secret_path(config), secret + "\n")
    return secret


class ErrorLog(logging.Handler):
    """Keeps the last warnings and errors of the station's log for ``recent_errors()``."""

    def __init__(self, size: int = 200) -> None:
        super().__init__(logging.WARNING)
        self.records: collections.deque[dict[str, Any]] = collections.deque(maxlen=size)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not break logging
            message = str(record.msg)
        self.records.append(
            {
                "t": record.created,
                "source": record.module,
                "level": record.levelname.lower(),
                "message": message,
            }
        )


class StationControl:
    """The running service, as the endpoint and the console see it.

    Args:
        service: the service.
        secret: its control secret.
        config_path: the instance's TOML file (reloaded by :meth:`reload`).
        clock: Unix time.
    """

    def __init__(
        self,
        service: StationService,
        *,
        secret: str,
        config_path: Path | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._service = service
        self.secret = secret
        self.config_path = config_path or Path(f"{service.config.name}.toml")
        self.clock = clock
        self.errors = ErrorLog()
        self._samples: collections.deque[dict[str, Any]] = collections.deque(
            maxlen=_HISTORY_MINUTES
        )
        self._minute_start = clock()
        self._delivered_at_minute = service.uploader.stats.delivered

    # -- what it is ---------------------------------------------------------------------

    @property
    def instance(self) -> str:
        return self._service.config.name

    @property
    def config(self) -> StationConfig:
        """The effective configuration (a new object after each reload)."""
        return self._service.config

    @property
    def log_path(self) -> Path | None:
        return self._service.config.log_path

    @property
    def queue_path(self) -> Path:
        return self._service.config.queue_path

    # -- what it shows --------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """The service's state (what ``GET /status`` answers)."""
        return self._service.snapshot()

    def fresh_snapshot(self) -> dict[str, Any]:
        """The service's state computed now: what ``GET /status`` (and ``wats status``) answer.

        :meth:`snapshot` is what the status loop last computed, up to a second old; a reader
        that has just seen a row committed would read counts from before it. Event loop
        thread only (the endpoint's handlers run there, as the status loop does).
        """
        return dict(self._service.refresh_snapshot())

    def effective_config(self) -> dict[str, Any]:
        """The configuration in effect, in the instance file's shape; the token masked."""
        from pywats.station.config import config_to_mapping

        data = config_to_mapping(self.config)
        server = data.setdefault("server", {})
        server["token"] = "****" if self.config.token else ""
        data["config_path"] = str(self.config_path)
        return data

    def queue_stats(self) -> dict[str, Any]:
        """Rows by state, oldest pending, last delivered, next due (read now)."""
        return self._service.queue.stats().as_dict()

    def metrics_data(self) -> dict[str, Any]:
        """What ``/metrics`` shows, read at each scrape (event loop thread only).

        The state is computed now, as for ``/status``: the status loop's copy, up to a second
        old, could show fewer reports delivered than the upload counts beside it.
        """
        service = self._service
        committer = service.intake.committer
        return {
            "snapshot": dict(service.refresh_snapshot()),
            "upload_seconds": service.uploader.stats.upload_seconds,
            "conversions": dict(committer.conversions),
            "conversion_errors": dict(committer.conversion_errors),
        }

    def history(self) -> list[dict[str, Any]]:
        """One sample a minute for the last 24 h: ``{"t", "uploads", "queue_depth"}``."""
        return list(self._samples)

    def recent_errors(self, limit: int = 20) -> list[dict[str, Any]]:
        """The last warnings and errors of the log, newest last: ``{"t", "source", "message"}``."""
        if limit <= 0:
            return []
        return list(self.errors.records)[-limit:]

    def sample(self, now: float | None = None) -> None:
        """Take the minute's sample when a minute has passed (the status loop calls this)."""
        now = self.clock() if now is None else now
        if now - self._minute_start < 60 and now >= self._minute_start:
            return
        delivered = self._service.uploader.stats.delivered
        snapshot = self._service.snapshot()
        self._samples.append(
            {
                "t": int(now),
                "uploads": delivered - self._delivered_at_minute,
                "queue_depth": int(snapshot.get("queue_depth") or 0),
            }
        )
        self._minute_start = now
        self._delivered_at_minute = delivered

    # -- what it does -----------------------------------------------------------------------

    def pause(self) -> None:
        """Stop taking files (they wait in their folders); uploads go on."""
        self._service.pause_intake()

    def resume(self) -> None:
        """Take files again after :meth:`pause`."""
        self._service.resume_intake()

    def request_stop(self) -> None:
        """Stop gracefully (as SIGTERM does)."""
        self._service.request_stop()

    def request_restart(self) -> None:
        """Stop gracefully, then start again with the instance file read afresh."""
        self._service.request_restart()

    async def reload(self) -> None:
        """Apply the instance file now.

        Raises:
            ConfigError: the file is broken; the running configuration stays.
        """
        await self._service.reload()

    def wake_uploader(self) -> None:
        """Send what is due now (e.g. after rows were retried from the console)."""
        self._service.wake_uploads()
