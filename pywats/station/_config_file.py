"""Reading and writing the service's sections of an instance file (TOML).

Every value is checked as it is read (types, ranges, NaN and infinity); an unknown key in a
section the service owns is an error naming the key. Import through
:mod:`pywats.station.config`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from pywats.config import ConfigError, parse_verify, read_toml
from pywats.station._checks import RANGES, check_number, check_parameters
from pywats.station._config_model import (
    OBSERVERS,
    POST_ACTIONS,
    FolderConfig,
    StationConfig,
    instance_paths,
)

__all__ = [
    "config_from_mapping",
    "config_to_mapping",
    "load_config",
    "read_token",
    "settable_keys",
    "write_config",
]

_SECTIONS: dict[str, dict[str, str]] = {
    # toml section -> {toml key: StationConfig field}
    "server": {"url": "server_url", "verify": "verify"},
    "station": {"name": "station_name", "location": "location", "purpose": "purpose"},
    "queue": {
        "path": "queue_path",
        "retry_ladder": "retry_ladder",
        "retention_days": "retention_days",
        "min_free_mb": "min_free_mb",
    },
    "upload": {
        "concurrency": "concurrency",
        "timeout": "upload_timeout",
        "requests_per_minute": "requests_per_minute",
        "breaker_failures": "breaker_failures",
        "breaker_open_seconds": "breaker_open_seconds",
        "max_retry_after": "max_retry_after",
    },
    "intake": {
        "poll_seconds": "poll_seconds",
        "rescan_seconds": "rescan_seconds",
        "stable_seconds": "stable_seconds",
        "min_age_seconds": "min_age_seconds",
        "converter_timeout": "converter_timeout",
        "max_file_mb": "max_file_mb",
        "converter_memory_mb": "converter_memory_mb",
        "converter_isolation": "converter_isolation",
    },
    "service": {
        "log": "log_path",
        "lock": "lock_path",
        "health_port": "health_port",
        "shutdown_timeout": "shutdown_timeout",
        "heartbeat_seconds": "heartbeat_seconds",
    },
    "control": {"enabled": "control_enabled", "port": "control_port", "bind": "control_bind"},
}
_FOLDER_KEYS = {
    "path",
    "converter",
    "patterns",
    "recursive",
    "follow_symlinks",
    "done",
    "error",
    "post_action",
    "observer",
    "parameters",
}


def _expect(key: str, value: Any, kind: type | tuple[type, ...], what: str) -> Any:
    if isinstance(value, bool) and kind is not bool and bool not in _as_tuple(kind):
        raise ConfigError(f"{key} = {value!r} must be {what}")
    if not isinstance(value, kind):
        raise ConfigError(f"{key} = {value!r} must be {what}")
    return value


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _resolve(base: Path, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else base / path


def _folder(index: int, raw: Any, base: Path) -> FolderConfig:
    where = f"folders[{index}]"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where} = {raw!r} must be a table with at least 'path'")
    unknown = sorted(set(raw) - _FOLDER_KEYS)
    if unknown:
        raise ConfigError(
            f"{where}.{unknown[0]} is not a known key; use one of {', '.join(sorted(_FOLDER_KEYS))}"
        )
    if "path" not in raw:
        raise ConfigError(f"{where}.path is missing: name the folder to watch")
    values: dict[str, Any] = {
        "path": _resolve(base, _expect(f"{where}.path", raw["path"], str, "a folder path"))
    }
    if "converter" in raw:
        values["converter"] = _expect(
            f"{where}.converter", raw["converter"], str, "a converter name or module:Class"
        )
    if "patterns" in raw:
        patterns = _expect(f"{where}.patterns", raw["patterns"], list, "a list of glob patterns")
        for pattern in patterns:
            _expect(f"{where}.patterns", pattern, str, "a list of glob patterns")
        values["patterns"] = tuple(patterns)
    for flag in ("recursive", "follow_symlinks"):
        if flag in raw:
            values[flag] = _expect(f"{where}.{flag}", raw[flag], bool, "true or false")
    for key in ("done", "error"):
        if key in raw:
            values[key] = _resolve(base, _expect(f"{where}.{key}", raw[key], str, "a folder path"))
    for key, allowed in (("post_action", POST_ACTIONS), ("observer", OBSERVERS)):
        if key in raw:
            if raw[key] not in allowed:
                raise ConfigError(
                    f"{where}.{key} = {raw[key]!r} is not allowed; use one of {', '.join(allowed)}"
                )
            values[key] = raw[key]
    if "parameters" in raw:
        values["parameters"] = dict(
            _expect(f"{where}.parameters", raw["parameters"], dict, "a table")
        )
        check_parameters(where, values["parameters"])
    return FolderConfig(**values)


# Sections the CLI owns too: the service reads its keys and ignores the others.
_SHARED = {"server", "station"}


def config_from_mapping(
    name: str, data: Mapping[str, Any], *, base: Path, data_path: Path, log_path: Path
) -> StationConfig:
    """Build settings from a parsed instance document; relative paths resolve against ``base``.

    Sections the service does not know belong to other parts of pywats and are left alone;
    inside its own sections an unknown key is an error (a typo would otherwise be ignored).
    """
    values: dict[str, Any] = {
        "name": name,
        "queue_path": data_path / "queue.sqlite3",
        "lock_path": data_path / "service.lock",
        "log_path": log_path,
    }
    timeout = (
        data.get("server", {}).get("timeout") if isinstance(data.get("server"), dict) else None
    )
    if timeout is not None:
        values["upload_timeout"] = check_number("server.timeout", "upload_timeout", timeout)
    for section, keys in _SECTIONS.items():
        if section not in data:
            continue
        raw = _expect(f"[{section}]", data[section], dict, "a table")
        for key, value in raw.items():
            field = keys.get(key)
            qualified = f"{section}.{key}"
            if field is None:
                if section in _SHARED:
                    continue
                raise ConfigError(f"{qualified} is not a known key; use one of {', '.join(keys)}")
            values[field] = _convert(qualified, field, value, base)
    folders = data.get("folders", [])
    _expect("folders", folders, list, "an array of tables ([[folders]])")
    values["folders"] = tuple(_folder(i, raw, base) for i, raw in enumerate(folders))
    try:
        return StationConfig(**values)
    except ConfigError:
        raise
    except (TypeError, ValueError) as exc:  # attrs raises these for shapes it rejects
        raise ConfigError(f"instance {name!r}: {exc}") from exc


def _convert(key: str, field: str, value: Any, base: Path) -> Any:
    if field in {"queue_path", "log_path", "lock_path"}:
        return _resolve(base, _expect(key, value, str, "a file path"))
    if field == "verify":
        return parse_verify(value, base=base)
    if field in {
        "server_url",
        "station_name",
        "location",
        "purpose",
        "control_bind",
        "converter_isolation",
    }:
        return _expect(key, value, str, "a string")
    if field == "control_enabled":
        return _expect(key, value, bool, "true or false")
    if field in {"health_port", "control_port"}:
        port = _expect(key, value, int, "a port number 0-65535")
        if not 0 <= port <= 65535:
            raise ConfigError(f"{key} = {port!r} must be a port number 0-65535")
        return port
    if field == "retry_ladder":
        ladder = _expect(key, value, list, "a list of seconds, e.g. [5, 15, 60, 300]")
        if not ladder:
            raise ConfigError(f"{key} = [] is not allowed; expected {RANGES['retry_step'].allowed}")
        return tuple(float(check_number(key, "retry_step", step)) for step in ladder)
    if field in RANGES:
        return check_number(key, field, value)
    raise AssertionError(field)  # every field in _SECTIONS is handled above


def load_config(
    name: str,
    *,
    path: Path | None = None,
    env: Mapping[str, str] | None = None,
    server_url: str | None = None,
    for_service: bool = True,
) -> StationConfig:
    """Read instance ``name`` (from ``path`` or its default file), then apply overrides.

    Args:
        for_service: also require a server URL and at least one folder, and read the token
            (False: just the locations, for ``wats queue`` and ``wats status``).

    Raises:
        ConfigError: the file is missing, not TOML, or holds a bad key or value.
    """
    env = os.environ if env is None else env
    defaults = instance_paths(name)
    file = path if path is not None else defaults.config
    if not file.is_file():
        raise ConfigError(
            f"instance {name!r} has no configuration at {file}: write one (see"
            " `wats watch --help`) or pass --config FILE"
        )
    data = read_toml(file)
    config = config_from_mapping(
        name, data, base=file.parent, data_path=defaults.data, log_path=defaults.log
    )
    url = server_url or env.get("PYWATS_SERVER_URL", "").strip() or config.server_url
    if not for_service:
        return attrs.evolve(config, server_url=url.rstrip("/"))
    if not url:
        raise ConfigError(
            f"server.url is not set for instance {name!r}: add [server] url to {file},"
            " set PYWATS_SERVER_URL or pass --url"
        )
    if not config.folders:
        raise ConfigError(
            f"instance {name!r} watches no folders: add a [[folders]] table to {file}"
        )
    token = read_token(name, env=env)
    if not token:
        from pywats.config import CredentialsMissingError

        raise CredentialsMissingError(
            f"no API token for instance {name!r}: run `wats login -i {name}` or set"
            " PYWATS_API_TOKEN"
        )
    return attrs.evolve(config, server_url=url.rstrip("/"), token=token)


def read_token(name: str, *, env: Mapping[str, str] | None = None) -> str:
    """Find the API token: ``PYWATS_API_TOKEN``, else what ``wats login`` stored."""
    env = os.environ if env is None else env
    token = env.get("PYWATS_API_TOKEN", "").strip()
    if token:
        return token
    from pywats.credentials import TokenStore

    return TokenStore().load(name) or ""


def config_to_mapping(config: StationConfig) -> dict[str, Any]:
    """The TOML shape of a configuration (no token: tokens never go in the instance file)."""
    data: dict[str, Any] = {}
    for section, keys in _SECTIONS.items():
        table: dict[str, Any] = {}
        for key, field in keys.items():
            value = getattr(config, field)
            if value is None or (field == "server_url" and not value):
                continue
            if isinstance(value, Path):
                value = str(value)
            elif isinstance(value, tuple):
                value = list(value)
            table[key] = value
        if table:
            data[section] = table
    folders = []
    for folder in config.folders:
        entry: dict[str, Any] = {
            "path": str(folder.path),
            "converter": folder.converter,
            "recursive": folder.recursive,
            "post_action": folder.post_action,
            "observer": folder.observer,
        }
        if folder.follow_symlinks:
            entry["follow_symlinks"] = True
        if folder.patterns:
            entry["patterns"] = list(folder.patterns)
        if folder.done is not None:
            entry["done"] = str(folder.done)
        if folder.error is not None:
            entry["error"] = str(folder.error)
        if folder.parameters:
            entry["parameters"] = dict(folder.parameters)
        folders.append(entry)
    if folders:
        data["folders"] = folders
    return data


def write_config(config: StationConfig, path: Path | None = None) -> Path:
    """Write the service's sections of ``config`` as TOML, keeping the file's other sections.

    Written to the instance's default file unless ``path`` is given; atomically (tomli-w to a
    temporary file, fsync, rename).
    """
    from pywats.config import write_toml

    file = path if path is not None else instance_paths(config.name).config
    document = read_toml(file)
    for section, table in config_to_mapping(config).items():
        if section in _SHARED and isinstance(document.get(section), dict):
            document[section] = {**document[section], **table}
        else:
            document[section] = table
    write_toml(file, document)
    return file


def settable_keys() -> list[str]:
    """Every ``section.key`` of an instance file that ``wats config set`` can write (the
    ``[[folders]]`` tables are edited in the file itself)."""
    return sorted(f"{section}.{key}" for section, keys in _SECTIONS.items() for key in keys)
