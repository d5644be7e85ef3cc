"""Hot reload: apply a changed instance file to the running service.

Triggered by ``wats reload`` (``POST /reload``), SIGHUP, or the instance file's mtime
changing. The new file is read and everything that can fail (parsing, loading converters of
new folders, building a new client) is done first; only then is anything swapped, between
intake passes and between upload batches, so a file being converted or a report being sent
is never cut in two: nothing in flight is lost or sent twice. A broken file changes nothing
and its error is shown in status and the log.

Applied at once: folders added, removed or changed; the [station], [upload], [intake] and
[queue] retry/retention settings; the server URL, TLS and token. Where things live (queue,
lock, log) and the endpoint's address take effect at the next restart.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from pywats.station.commit import WatchedFolder, check_post_folders
from pywats.station.config import ConfigError, StationConfig, load_config
from pywats.station.converters import load_converter
from pywats.station.watcher import Completeness, FolderScanner

if TYPE_CHECKING:
    from pywats.station.service import StationService

__all__ = ["ConfigFile", "apply_config", "reload_service"]

log = logging.getLogger("pywats.station")

# Settings read once at start: a reload keeps the running value and says so.
_AT_RESTART = (
    "queue_path",
    "lock_path",
    "log_path",
    "control_enabled",
    "control_port",
    "control_bind",
    "health_port",
)
_CLIENT = (
    "server_url",
    "token",
    "verify",
    "requests_per_minute",
    "upload_timeout",
    "breaker_failures",
    "breaker_open_seconds",
)


async def apply_config(service: StationService, new: StationConfig) -> list[str]:
    """Make ``new`` the service's configuration; return what changed, in words."""
    old = service.config
    changes: list[str] = []
    later = [name for name in _AT_RESTART if getattr(old, name) != getattr(new, name)]
    if later:
        log.warning(
            "reload: %s changed; that takes effect at the next restart (`wats restart`)",
            ", ".join(later),
        )
        new = attrs.evolve(new, **{name: getattr(old, name) for name in later})
    # Build what can fail before anything is swapped. (FolderConfig holds a dict: compare,
    # don't hash.)
    running = list(service.intake.folders)
    folders: list[WatchedFolder] = []
    for cfg in new.folders:
        same = next((f for f in running if f.config == cfg), None)
        if same is not None:
            running.remove(same)
            folders.append(same)
            continue
        check_post_folders(cfg)  # Done/ and Error/ must be real directories
        converter = load_converter(cfg.converter)
        folders.append(
            WatchedFolder(cfg, converter, FolderScanner(cfg, cfg.patterns or converter.patterns))
        )
    old_paths = [f.path for f in old.folders]
    new_paths = [f.path for f in new.folders]
    for folder in folders:
        if folder.config.path not in old_paths:
            changes.append(f"watching {folder.config.path}")
        elif folder.config not in old.folders:
            changes.append(f"folder {folder.config.path}: settings changed")
    changes.extend(f"no longer watching {path}" for path in old_paths if path not in new_paths)
    submitter: Any = None
    client_changed = [name for name in _CLIENT if getattr(old, name) != getattr(new, name)]
    if client_changed and service.owns_submitter:
        from pywats.station.uploader import SdkSubmitter

        submitter = SdkSubmitter(
            new.server_url,
            new.token,
            timeout=new.upload_timeout,
            requests_per_minute=new.requests_per_minute,
            verify=new.verify,
            breaker_failures=new.breaker_failures,
            breaker_open_seconds=new.breaker_open_seconds,
        )
    # Swap: intake between passes, uploads between batches.
    station_name = new.station_name or service.station_name
    async with service.intake.lock:
        intake = service.intake
        intake.config = new
        intake.folders = folders
        intake.committer.config = new
        intake.committer.station_name = station_name
        if (old.stable_seconds, old.min_age_seconds) != (new.stable_seconds, new.min_age_seconds):
            intake.completeness = Completeness(new.stable_seconds, new.min_age_seconds)
        for path in intake.tracked_outside(folders):
            intake.forget(path)  # its folder is no longer watched; the file stays where it is
        service.restart_observer()
    async with service.uploader.lock:
        uploader = service.uploader
        uploader.concurrency = new.concurrency
        uploader.ladder = tuple(new.retry_ladder)
        uploader.timeout = new.upload_timeout + 5.0
        old_submitter = None
        if submitter is not None:
            old_submitter, uploader.submitter = uploader.submitter, submitter
            service.heartbeat.check = submitter.server_version
            service.heartbeat.server_url = new.server_url
    service.station_name = station_name
    service.config = new
    if old_submitter is not None:
        close = getattr(old_submitter, "aclose", None)
        if close is not None:
            await close()
    for name in attrs.fields_dict(StationConfig):
        if name in ("folders", "token", *later):
            continue
        if getattr(old, name) != getattr(new, name):
            changes.append(f"{name}: {getattr(old, name)!r} -> {getattr(new, name)!r}")
    if old.token != new.token:
        changes.append("token replaced")
    if submitter is not None:
        service.wake_heartbeat()
    return changes


class ConfigFile:
    """The instance file a service was started from: read it again, notice it change.

    Args:
        name: the instance.
        path: its TOML file.
        server_url: the ``--url`` override given at start (kept across reloads).
    """

    def __init__(self, name: str, path: Path, server_url: str | None = None) -> None:
        self.name = name
        self.path = path
        self.server_url = server_url
        self._mtime: int | None = None
        self._last_look = float("-inf")

    def read(self) -> StationConfig:
        """Read the file (with the same overrides as at start).

        Raises:
            ConfigError: the file is missing or broken.
        """
        self.remember()
        return load_config(self.name, path=self.path, server_url=self.server_url)

    def remember(self) -> None:
        """Take the file's current mtime as the one last read."""
        try:
            self._mtime = self.path.stat().st_mtime_ns
        except OSError:
            self._mtime = None

    def changed(self) -> bool:
        """Whether the mtime moved since the last read (looks at most every 2 s)."""
        now = time.monotonic()
        if now - self._last_look < 2.0:
            return False
        self._last_look = now
        before = self._mtime
        self.remember()
        return before is not None and self._mtime != before


async def reload_service(service: StationService) -> list[str]:
    """Read the service's instance file and apply it; return what changed.

    Raises:
        ConfigError: the file is broken or names what cannot be loaded (nothing changes).
    """
    started = time.perf_counter()
    try:
        if service.config_file is None:
            raise ConfigError("this service was not started from an instance file")
        changes = await apply_config(service, service.config_file.read())
    except ConfigError as exc:
        service.reload_error = str(exc)
    except Exception as exc:  # e.g. a converter that cannot be loaded
        service.reload_error = f"{type(exc).__name__}: {exc}"
    else:
        service.reload_error = ""
        took = (time.perf_counter() - started) * 1000
        log.info(
            "reloaded %s in %.0f ms: %s",
            service.config_file.path,
            took,
            "; ".join(changes) if changes else "nothing changed",
        )
        service.wake_uploads()
        service.events.wake_intake.set()
        service.refresh_snapshot()
        return changes
    log.error("reload refused, the running configuration stays: %s", service.reload_error)
    service.refresh_snapshot()
    raise ConfigError(service.reload_error)
