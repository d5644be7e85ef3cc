"""The keys of an instance file: dotted names, how a value is parsed and checked.

``server`` and ``station`` keys are owned here (:data:`KEYS`); the station service owns the
other sections (``pywats.station.config``) and checks them itself.
"""

from __future__ import annotations

import contextlib
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from pywats._config_files import ConfigError, instance_path, instances_dir, write_toml

__all__ = [
    "KEYS",
    "SECTIONS",
    "KeySpec",
    "delete_key",
    "flatten",
    "get_key",
    "parse_url",
    "parse_value",
    "parse_verify",
    "save_instance",
    "set_key",
    "shown_url",
    "validate_document",
]

_DOTTED = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)+\Z")
_SECRET_NAMES = {"token", "api_token", "password", "secret"}

#: The top-level tables pywats reads from an instance file: ``server`` and ``station`` here,
#: the rest by the station service (``pywats.station.config``). A key in any other table is
#: refused by ``wats config set``, so a typo (``sever.url``) cannot pass silently.
SECTIONS = ("server", "station", "folders", "queue", "upload", "intake", "service", "control")


def parse_url(text: str) -> str:
    from urllib.parse import urlsplit

    value = text.strip()
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError
    if parts.username or parts.password:
        raise ValueError  # a URL with credentials would put a secret into the file
    if parts.query or parts.fragment or value.endswith(("?", "#")):
        raise ValueError  # the SDK appends /api/... paths to it
    return value.rstrip("/")


def shown_url(text: str) -> str:
    """``text`` for an error message: a user name or password in it is masked."""
    scheme, sep, rest = text.partition("://")
    host, slash, path = rest.partition("/")
    if sep and "@" in host:
        return f"{scheme}://***@{host.rpartition('@')[2]}{slash}{path}"
    return text


def _text(text: str) -> str:
    value = text.strip()
    if not value or len(value) > 200:
        raise ValueError
    return value


class KeySpec(NamedTuple):
    """One key this module owns: how its text is parsed and what is allowed (for messages)."""

    parse: Callable[[str], Any]
    allowed: str


_VERIFY_ALLOWED = "true, false, or the path of an existing CA bundle file (PEM)"


def parse_verify(value: object, *, base: Path | None = None) -> bool | str:
    """Check a ``server.verify`` value: ``True``/``False``, or the path of a CA bundle file.

    The words ``true``/``false`` count as booleans (``wats config set server.verify false``).
    A relative path resolves against ``base`` (the instance files' folder when None); the
    result is an absolute path. Whoever acts on ``False`` calls :func:`warn_unverified`.

    Raises:
        ConfigError: anything else, or a path that is not an existing file (the message names
            the key, the value and what is allowed).
    """
    if isinstance(value, str) and value.strip().lower() in {"true", "false"}:
        value = value.strip().lower() == "true"
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip():
        path = Path(value.strip()).expanduser()
        if not path.is_absolute():
            path = (base if base is not None else instances_dir()) / path
        if path.is_file():
            return str(path.resolve())
        raise ConfigError(
            f"invalid value {value!r} for server.verify: {path} is not an existing file;"
            f" expected {_VERIFY_ALLOWED}"
        )
    raise ConfigError(f"invalid value {value!r} for server.verify: expected {_VERIFY_ALLOWED}")


def _parse_verify_text(text: str) -> bool | str:
    # Typed on a command line: a relative path means relative to the current directory.
    return parse_verify(text, base=Path.cwd())


#: The keys of the ``server`` and ``station`` tables, by dotted name (values are strings).
KEYS: dict[str, KeySpec] = {
    "server.url": KeySpec(
        parse_url, "an http:// or https:// URL without user name or password, query or fragment"
    ),
    "server.verify": KeySpec(_parse_verify_text, _VERIFY_ALLOWED),
    "station.name": KeySpec(_text, "1-200 characters"),
    "station.location": KeySpec(_text, "1-200 characters"),
    "station.purpose": KeySpec(_text, "1-200 characters"),
}
_OWN_SECTIONS = {key.split(".")[0] for key in KEYS}


def _spec(key: str) -> KeySpec:
    spec = KEYS.get(key)
    if spec is None:
        raise ConfigError(f"unknown key {key!r}: allowed keys are {', '.join(sorted(KEYS))}")
    return spec


def parse_value(key: str, text: str, *, known_only: bool = True) -> Any:
    """Turn the text ``text`` into the value of ``key``.

    Keys in :data:`KEYS` are parsed and checked here. With ``known_only=False`` any other
    dotted key is accepted and its value read as a TOML literal (``30``, ``true``,
    ``[5, 15]``), or kept as text; whoever owns that section checks it.

    Raises:
        ConfigError: the key is unknown (with ``known_only``) or malformed, or the value is
            not allowed (the message names both and says what is allowed).
    """
    if not _DOTTED.match(key):
        raise ConfigError(
            f"key {key!r} is not allowed: use a dotted name such as server.url"
            f" (known keys: {', '.join(sorted(KEYS))})"
        )
    _check_secret_key(key)
    section = key.split(".", 1)[0]
    if key not in KEYS and not known_only and section not in _OWN_SECTIONS:
        if section not in SECTIONS:
            raise ConfigError(
                f"unknown key {key!r}: {section!r} is not a section pywats reads; use one of"
                f" {', '.join(SECTIONS)}"
            )
        try:
            return tomllib.loads(f"v = {text}")["v"]
        except tomllib.TOMLDecodeError:
            return text  # a bare word such as `move`: keep it as a string
    spec = _spec(key)
    try:
        return spec.parse(_unquoted(text))
    except ConfigError:
        raise  # already names the key, the value and what is allowed
    except (ValueError, TypeError):
        shown = shown_url(text) if key == "server.url" else text
        raise ConfigError(f"invalid value {shown!r} for {key}: expected {spec.allowed}") from None


def _unquoted(text: str) -> str:
    """``text``, or the string a TOML string literal in it stands for (``"ICT 9"`` -> ICT 9).

    Values are TOML literals on the command line, for these keys as for the service's: a
    quoted value means the text inside the quotes, never the quotes themselves.
    """
    stripped = text.strip()
    if len(stripped) >= 2 and stripped[0] == stripped[-1] and stripped[0] in "\"'":
        try:
            value = tomllib.loads(f"v = {stripped}")["v"]
        except tomllib.TOMLDecodeError:
            return text
        if isinstance(value, str):
            return value
    return text


def get_key(data: Mapping[str, Any], key: str) -> Any:
    """Return the value of dotted ``key`` in ``data``, or ``None`` when it is not set."""
    node: Any = data
    for part in key.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def set_key(data: dict[str, Any], key: str, value: Any) -> None:
    """Set dotted ``key`` in ``data``, creating tables on the way."""
    parts = key.split(".")
    node = data
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    node[parts[-1]] = value


def delete_key(data: dict[str, Any], key: str) -> bool:
    """Remove dotted ``key`` from ``data``; return whether it was there."""
    parts = key.split(".")
    node: Any = data
    for part in parts[:-1]:
        node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            return False
    if isinstance(node, dict) and parts[-1] in node:
        del node[parts[-1]]
        return True
    return False


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Return ``{dotted key: value}`` for every scalar or list in a nested document."""
    out: dict[str, Any] = {}
    for name, value in data.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            out.update(flatten(value, key + "."))
        else:
            out[key] = value
    return out


def _check_secret_key(key: str) -> None:
    if key.rsplit(".", 1)[-1].lower() in _SECRET_NAMES:
        raise ConfigError(
            f"{key} must not be stored in the instance file: run `wats login` to keep the"
            " token in the OS keyring or a private file"
        )


def validate_document(data: Mapping[str, Any], *, base: Path | None = None) -> None:
    """Check the known keys of an instance document (unknown sections belong to others).

    ``base`` is the folder relative paths in the document are relative to (the instance
    files' folder when None).

    Raises:
        ConfigError: a known key holds a value of the wrong kind, or a token was put in it.
    """
    for key, value in flatten(data).items():
        _check_secret_key(key)
        spec = KEYS.get(key)
        if spec is None:
            continue
        if key == "server.verify":  # true/false as TOML booleans; a path relative to base
            parse_verify(value, base=base)
            continue
        try:
            if not isinstance(value, str):
                raise TypeError
            spec.parse(value)
        except (ValueError, TypeError):
            raise ConfigError(
                f"invalid value {value!r} for {key}: expected {spec.allowed}"
            ) from None


def save_instance(name: str, data: Mapping[str, Any]) -> Path:
    """Validate and write the document of instance ``name``; return its path."""
    path = instance_path(name)
    validate_document(data, base=path.parent)
    write_toml(path, data)
    # The folder also holds the token files (pywats.credentials): keep it private even when
    # someone made it before with a looser mode.
    with contextlib.suppress(OSError):
        os.chmod(path.parent, 0o700)
    return path
