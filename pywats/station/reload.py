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
from typing import TYPE_CHECKING, Any

import attrs

from pywats.station.commit import WatchedFolder
from pywats.station.config import StationConfig
from pywats.station.converters import load_converter
from pywats.station.watcher import Completeness, FolderScanner

if TYPE_CHECKING:
    from pywats.station.service import StationService

__all__ = ["apply_config"]

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
