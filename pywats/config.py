"""Named instance configurations: where they live, how a setting is found, how one is checked.

Each instance is one TOML file, ``<config dir>/instances/<name>.toml``, written with tomli-w;
``<config dir>`` is platformdirs' user config dir for ``pywats``, or ``$PYWATS_HOME/config``
when ``PYWATS_HOME`` is set (tests, portable installs). These are the same files the station
service reads (``pywats.station.config``). A setting is looked up in this order::

    command-line flag  >  environment variable  >  instance file  >  default

Tokens are not settings: they live in the OS keyring or a private file beside the instance
file (:mod:`pywats.credentials`), never in the instance file, never on a command line.

This module holds the generic pieces (paths, TOML I/O, dotted keys, value checks, the
precedence rule for the server connection); ``pywats.station.config`` owns the service's own
sections (folders, queue, upload, intake, service).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from pywats._atomic import atomic_file
from pywats._cleartext import plain_http_message, warn_plain_http
from pywats._exceptions import WatsError
from pywats._private import private_dir, warn_if_shared

__all__ = [
    "DEFAULT_INSTANCE",
    "ENV_API_TOKEN",
    "ENV_HOME",
    "ENV_INSTANCE",
    "ENV_SERVER_URL",
    "KEYS",
    "SECTIONS",
    "ConfigError",
    "Connection",
    "CredentialsMissingError",
    "KeySpec",
    "check_instance_name",
    "config_dir",
    "delete_key",
    "flatten",
    "get_key",
    "instance_path",
    "instances_dir",
    "list_instances",
    "load_instance",
    "parse_value",
    "parse_verify",
    "plain_http_message",
    "read_toml",
    "resolve_connection",
    "resolve_instance",
    "save_instance",
    "set_key",
    "validate_document",
    "warn_plain_http",
    "warn_unverified",
    "write_toml",
]

ENV_SERVER_URL = "PYWATS_SERVER_URL"
ENV_API_TOKEN = "PYWATS_API_TOKEN"
ENV_INSTANCE = "PYWATS_INSTANCE_ID"
ENV_HOME = "PYWATS_HOME"
DEFAULT_INSTANCE = "default"

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\Z")  # \Z: "$" would allow a final newline
_DOTTED = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)+\Z")
_SECRET_NAMES = {"token", "api_token", "password", "secret"}

log = logging.getLogger("pywats.config")

#: The top-level tables pywats reads from an instance file: ``server`` and ``station`` here,
#: the rest by the station service (``pywats.station.config``). A key in any other table is
#: refused by ``wats config set``, so a typo (``sever.url``) cannot pass silently.
SECTIONS = ("server", "station", "folders", "queue", "upload", "intake", "service", "control")


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


# --- keys and values ---------------------------------------------------------------------


def _parse_url(text: str) -> str:
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


def _shown_url(text: str) -> str:
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
_warned_unverified = False


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


def warn_unverified() -> None:
    """Log, once per process, that ``server.verify = false`` turned certificate checks off."""
    global _warned_unverified
    if _warned_unverified:
        return
    _warned_unverified = True
    log.warning(
        "TLS CERTIFICATE VERIFICATION IS OFF (server.verify = false): anyone on the network"
        " path can read the API token and alter reports. Trust the server's CA instead:"
        ' server.verify = "/path/to/ca.pem", or SSL_CERT_FILE'
    )


def _parse_verify_text(text: str) -> bool | str:
    # Typed on a command line: a relative path means relative to the current directory.
    return parse_verify(text, base=Path.cwd())


#: The keys of the ``server`` and ``station`` tables, by dotted name (values are strings).
KEYS: dict[str, KeySpec] = {
    "server.url": KeySpec(
        _parse_url, "an http:// or https:// URL without user name or password, query or fragment"
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
        shown = _shown_url(text) if key == "server.url" else text
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


# --- the server connection ---------------------------------------------------------------


class Connection:
    """Where to connect and with which token, after applying the precedence rule.

    ``token`` is excluded from ``repr``. ``url_source`` and ``token_source`` say where each
    came from (``flag``, ``env``, ``file``, ``keyring``/``token file``) for ``wats config show``.
    ``verify`` is the file's ``server.verify`` (True, False or a CA bundle path) for the
    client's ``verify=``.
    """

    __slots__ = ("instance", "token", "token_source", "url", "url_source", "verify")

    def __init__(
        self,
        *,
        instance: str,
        url: str,
        url_source: str,
        token: str | None,
        token_source: str | None,
        verify: bool | str = True,
    ) -> None:
        self.instance = instance
        self.url = url
        self.url_source = url_source
        self.token = token
        self.token_source = token_source
        self.verify = verify

    def __repr__(self) -> str:
        return (
            f"Connection(instance={self.instance!r}, url={self.url!r},"
            f" url_source={self.url_source!r}, token={'***' if self.token else None},"
            f" verify={self.verify!r})"
        )

    def require_token(self) -> str:
        """Return the token, or raise :class:`CredentialsMissingError` saying how to add one."""
        if not self.token:
            raise CredentialsMissingError(
                f"no API token for instance {self.instance!r}: run `wats login"
                f"{'' if self.instance == DEFAULT_INSTANCE else ' -i ' + self.instance}`"
                f" or set {ENV_API_TOKEN}"
            )
        return self.token


def resolve_connection(
    instance: str | None = None,
    *,
    url: str | None = None,
    load_token: Callable[[str], str | None] | None = None,
    require_url: bool = True,
) -> Connection:
    """Find the server URL and token of an instance: flag > environment > file > default.

    Args:
        instance: the ``--instance`` flag (else ``PYWATS_INSTANCE_ID``, else ``default``).
        url: the ``--url`` flag.
        load_token: reads a stored token for an instance name (the CLI passes
            ``TokenStore().load``); ``PYWATS_API_TOKEN`` wins over it.
        require_url: raise when no URL is found (``False`` returns ``url=""``).

    Raises:
        ConfigError: no URL anywhere, or one of them is not a valid URL, or ``server.verify``
            is not true, false or an existing CA bundle file.
    """
    name = resolve_instance(instance)
    doc = load_instance(name)
    file_verify = get_key(doc, "server.verify")
    verify = (
        True if file_verify is None else parse_verify(file_verify, base=instance_path(name).parent)
    )
    if verify is False:
        warn_unverified()
    env_url = os.environ.get(ENV_SERVER_URL, "").strip()
    file_url = get_key(doc, "server.url")
    chosen: tuple[str, str] | None = None
    if url:
        chosen = (url, "flag")
    elif env_url:
        chosen = (env_url, f"env {ENV_SERVER_URL}")
    elif isinstance(file_url, str) and file_url:
        chosen = (file_url, "file")
    if chosen is None:
        if require_url:
            hint = "" if name == DEFAULT_INSTANCE else f" -i {name}"
            raise ConfigError(
                f"no server URL for instance {name!r}: run `wats config init{hint}`,"
                f" pass --url or set {ENV_SERVER_URL}"
            )
        chosen = ("", "unset")
    value, source = chosen
    if value:
        try:
            value = _parse_url(value)
        except ValueError:
            raise ConfigError(
                f"invalid value {_shown_url(value)!r} for server.url ({source}): expected"
                f" {KEYS['server.url'].allowed}"
            ) from None

    token = os.environ.get(ENV_API_TOKEN, "").strip() or None
    token_source: str | None = f"env {ENV_API_TOKEN}" if token else None
    if token is None and load_token is not None:
        token = load_token(name)
        token_source = "stored" if token else None

    return Connection(
        instance=name,
        url=value,
        url_source=source,
        token=token,
        token_source=token_source,
        verify=verify,
    )
