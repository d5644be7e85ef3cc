"""Where instance files live, how they are named, read and written (see :mod:`pywats.config`).

Each instance is one TOML file, ``<config dir>/instances/<name>.toml``; ``<config dir>`` is
platformdirs' user config dir for ``pywats``, or ``$PYWATS_HOME/config`` when ``PYWATS_HOME``
is set (tests, portable installs).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pywats._atomic import atomic_file
from pywats._exceptions import WatsError
from pywats._private import private_dir, warn_if_shared

__all__ = [
    "DEFAULT_INSTANCE",
    "ENV_HOME",
    "ENV_INSTANCE",
    "ConfigError",
    "CredentialsMissingError",
    "check_instance_name",
    "config_dir",
    "instance_path",
    "instances_dir",
    "list_instances",
    "load_instance",
    "read_toml",
    "resolve_instance",
    "write_toml",
]

ENV_INSTANCE = "PYWATS_INSTANCE_ID"
ENV_HOME = "PYWATS_HOME"
DEFAULT_INSTANCE = "default"

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\Z")  # \Z: "$" would allow a final newline


class ConfigError(WatsError, ValueError):
    """A configuration is missing or invalid (the message names key, value and what is allowed)."""

    __module__ = "pywats"


class CredentialsMissingError(ConfigError):
    """No API token is configured for the instance."""

    __module__ = "pywats"


def config_dir() -> Path:
    """Return the directory that holds ``instances/`` (``$PYWATS_HOME/config`` when set)."""
    home = os.environ.get(ENV_HOME, "").strip()
    if home:
        return Path(home).expanduser() / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir("pywats", appauthor=False))


def instances_dir() -> Path:
    """Return the directory of instance TOML files."""
    return config_dir() / "instances"


def check_instance_name(name: str) -> str:
    """Return ``name`` if it is a valid instance name, else raise :class:`ConfigError`."""
    if not _NAME.match(name):
        raise ConfigError(
            f"instance name {name!r} is not allowed: use 1-64 letters, digits, '.', '_' or '-',"
            " starting with a letter or digit"
        )
    return name


def instance_path(name: str) -> Path:
    """Return the TOML file of instance ``name`` (whether or not it exists)."""
    return instances_dir() / f"{check_instance_name(name)}.toml"


def list_instances() -> list[str]:
    """Return the names of the configured instances, sorted."""
    try:
        files = sorted(instances_dir().glob("*.toml"))
    except OSError:
        return []
    return [f.stem for f in files if _NAME.match(f.stem)]


def resolve_instance(flag: str | None = None) -> str:
    """Pick the instance name: the flag, else ``PYWATS_INSTANCE_ID``, else ``default``."""
    name = flag or os.environ.get(ENV_INSTANCE, "").strip() or DEFAULT_INSTANCE
    return check_instance_name(name)


# --- TOML files --------------------------------------------------------------------------


def read_toml(path: Path) -> dict[str, Any]:
    """Read a TOML file; a missing file is an empty document.

    Raises:
        ConfigError: the file is not valid TOML or cannot be read.
    """
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from None


def write_toml(path: Path, data: Mapping[str, Any]) -> None:
    """Write ``data`` to ``path`` atomically (temporary file, fsync, rename)."""
    import tomli_w

    text = tomli_w.dumps(dict(data))
    try:
        # A folder made here is private (PYWATS_HOME and config/ too, whatever the umask):
        # instance files sit beside the token files.
        private_dir(path.parent)
        with atomic_file(path, "w") as fh:
            fh.write(text)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror}") from None


def load_instance(name: str) -> dict[str, Any]:
    """Read the document of instance ``name`` (empty when it has no file)."""
    path = instance_path(name)
    warn_if_shared(path.parent, "instances folder")
    return read_toml(path)
