"""The station's settings as values: an instance's paths, its folders, its configuration.

Read from and written to the instance file by :mod:`pywats.station._config_file`; import both
through :mod:`pywats.station.config`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from pywats.config import ConfigError, check_instance_name, instance_path
from pywats.station._checks import check_finite

__all__ = [
    "ENV_HOME",
    "OBSERVERS",
    "POST_ACTIONS",
    "FolderConfig",
    "InstancePaths",
    "StationConfig",
    "data_dir",
    "instance_paths",
    "log_dir",
]

POST_ACTIONS = ("move", "delete", "zip", "keep")
OBSERVERS = ("auto", "native", "polling")
ENV_HOME = "PYWATS_HOME"


def data_dir() -> Path:
    """The folder holding every instance's queue and lock (``$PYWATS_HOME/data`` when set)."""
    home = os.environ.get(ENV_HOME, "").strip()
    if home:
        return Path(home).expanduser() / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir("pywats", appauthor=False))


def log_dir() -> Path:
    """The folder of the instances' log files (``$PYWATS_HOME/log`` when set)."""
    home = os.environ.get(ENV_HOME, "").strip()
    if home:
        return Path(home).expanduser() / "log"
    import platformdirs

    return Path(platformdirs.user_log_dir("pywats", appauthor=False))


@attrs.frozen(kw_only=True)
class InstancePaths:
    """Where an instance's files live by default."""

    config: Path
    data: Path
    log: Path


def instance_paths(name: str) -> InstancePaths:
    """Default locations of an instance's files."""
    return InstancePaths(
        config=instance_path(name),
        data=data_dir() / "instances" / check_instance_name(name),
        log=log_dir() / f"{name}.log",
    )


def _positive(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    check_finite(attribute.name, value)
    if value <= 0:
        raise ConfigError(f"{attribute.name} = {value!r} must be greater than 0")


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    check_finite(attribute.name, value)
    if value < 0:
        raise ConfigError(f"{attribute.name} = {value!r} must be 0 or more")


def _one_of(allowed: tuple[str, ...]) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
        if value not in allowed:
            raise ConfigError(
                f"{attribute.name} = {value!r} is not allowed; use one of {', '.join(allowed)}"
            )

    return check


@attrs.frozen(kw_only=True)
class FolderConfig:
    """One watched folder."""

    path: Path
    """The folder test equipment writes result files into."""
    converter: str = "wsjf"
    """An entry-point name in ``pywats.converters`` or a ``module:Class`` path."""
    patterns: tuple[str, ...] = ()
    """Glob patterns of files to take (case-insensitive); empty = the converter's own."""
    recursive: bool = False
    follow_symlinks: bool = False
    """Take files that are symlinks (off by default: a link could expose any file)."""
    done: Path | None = None
    """Where converted sources go (``move``/``zip``); default ``<path>/Done``."""
    error: Path | None = None
    """Where failed sources go, with ``<name>.error.txt`` beside them; default ``<path>/Error``."""
    post_action: str = attrs.field(default="move", validator=_one_of(POST_ACTIONS))
    observer: str = attrs.field(default="auto", validator=_one_of(OBSERVERS))
    """``native`` (watchdog events), ``polling`` (network shares) or ``auto`` (detect)."""
    parameters: Mapping[str, Any] = attrs.field(factory=dict)
    """Converter parameters (operation code, default operator, ...)."""

    @property
    def done_dir(self) -> Path:
        return self.done if self.done is not None else self.path / "Done"

    @property
    def error_dir(self) -> Path:
        return self.error if self.error is not None else self.path / "Error"


@attrs.frozen(kw_only=True)
class StationConfig:
    """Everything one station service instance needs; built by ``load_config``."""

    name: str
    server_url: str = ""
    token: str = attrs.field(default="", repr=False)
    verify: bool | str = True
    """TLS: verify the server's certificate (True), don't (False), or trust this CA bundle."""
    station_name: str = ""
    """The WATS station name (``machineName``) put on reports that lack one."""
    location: str = ""
    purpose: str = ""
    folders: tuple[FolderConfig, ...] = ()
    queue_path: Path = Path("queue.sqlite3")
    log_path: Path | None = None
    lock_path: Path = Path("service.lock")
    concurrency: int = attrs.field(default=4, validator=_positive)
    upload_timeout: float = attrs.field(default=30.0, validator=_positive)
    requests_per_minute: int = attrs.field(default=500, validator=_non_negative)
    """The client-side request budget (the SDK's sliding window); 0 turns it off."""
    max_retry_after: float = attrs.field(default=3600.0, validator=_non_negative)
    """The longest ``Retry-After`` obeyed; a longer one waits this long (then the ladder)."""
    retry_ladder: tuple[float, ...] = attrs.field(default=(5.0, 15.0, 60.0, 300.0, 900.0))
    """Seconds to wait after the 1st, 2nd, ... transient failure; the last value repeats."""
    retention_days: float = attrs.field(default=30.0, validator=_non_negative)
    min_free_mb: float = attrs.field(default=200.0, validator=_non_negative)
    """Below this much free space on the queue's disk, intake pauses (loudly)."""
    poll_seconds: float = attrs.field(default=1.0, validator=_positive)
    """How often polled folders are scanned and candidate files re-checked."""
    rescan_seconds: float = attrs.field(default=60.0, validator=_positive)
    """The full rescan of natively watched folders (the safety net under events)."""
    stable_seconds: float = attrs.field(default=2.0, validator=_non_negative)
    """A file must keep its size and mtime this long before it is taken."""
    min_age_seconds: float = attrs.field(default=1.0, validator=_non_negative)
    converter_timeout: float = attrs.field(default=60.0, validator=_positive)
    max_file_mb: float = attrs.field(default=100.0, validator=_non_negative)
    """Result files larger than this go to Error/ unread (0 = no limit)."""
    converter_memory_mb: float = attrs.field(default=2048.0, validator=_non_negative)
    """The address space a conversion's worker may use (POSIX; 0 = no cap)."""
    converter_isolation: str = attrs.field(
        default="process", validator=_one_of(("process", "thread"))
    )
    """``process``: conversions run in worker processes (a timeout kills them); ``thread``."""
    shutdown_timeout: float = attrs.field(default=10.0, validator=_non_negative)
    health_port: int | None = None
    """Before ``[control] port`` existed: the endpoint's port (``[control] port`` wins)."""
    heartbeat_seconds: float = attrs.field(default=300.0, validator=_positive)
    """How often the server is checked (version + token) while nothing else says how it is."""
    breaker_failures: int = attrs.field(default=5, validator=_positive)
    """Consecutive server failures (5xx, unreachable) that open the circuit breaker."""
    breaker_open_seconds: float = attrs.field(default=30.0, validator=_non_negative)
    """How long an open breaker holds uploads before one probe is let through."""
    control_enabled: bool = True
    """Serve the local endpoint (health, control, metrics, console)."""
    control_port: int | None = None
    """The endpoint's port; None or 0 = any free port (recorded in ``service.json``)."""
    control_bind: str = "127.0.0.1"
    """The endpoint's address; loopback unless the station must be reached from elsewhere."""

    @property
    def endpoint_port(self) -> int:
        """The port the endpoint asks for (0 = any free one)."""
        if self.control_port is not None:
            return self.control_port
        return self.health_port or 0

    @retry_ladder.validator
    def _check_ladder(self, attribute: attrs.Attribute[Any], value: tuple[float, ...]) -> None:
        if not value or any(not step >= 0 or step == float("inf") for step in value):
            raise ConfigError(
                f"queue.retry_ladder = {list(value)!r} must be a non-empty list of seconds >= 0"
            )

    def folder_dirs(self) -> list[Path]:
        return [folder.path for folder in self.folders]
