"""Named instance configurations: where they live, how a setting is found, how one is checked.

Each instance is one TOML file, ``<config dir>/instances/<name>.toml``, written with tomli-w;
``<config dir>`` is platformdirs' user config dir for ``pywats``, or ``$PYWATS_HOME/config``
when ``PYWATS_HOME`` is set (tests, portable installs). These are the same files the station
service reads (``pywats.station.config``). A setting is looked up in this order::

    command-line flag  >  environment variable  >  instance file  >  default

Tokens are not settings: they live in the OS keyring or a private file beside the instance
file (:mod:`pywats.credentials`), never in the instance file, never on a command line.

This module is the public face of the generic pieces and holds the precedence rule for the
server connection; the paths and TOML I/O live in ``_config_files``, the dotted keys and
value checks in ``_config_keys``. ``pywats.station.config`` owns the service's own sections
(folders, queue, upload, intake, service).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from pywats._cleartext import plain_http_message, warn_plain_http
from pywats._config_files import (
    DEFAULT_INSTANCE,
    ENV_HOME,
    ENV_INSTANCE,
    ConfigError,
    CredentialsMissingError,
    check_instance_name,
    config_dir,
    instance_path,
    instances_dir,
    list_instances,
    load_instance,
    read_toml,
    resolve_instance,
    write_toml,
)
from pywats._config_keys import (
    KEYS,
    SECTIONS,
    KeySpec,
    delete_key,
    flatten,
    get_key,
    parse_url,
    parse_value,
    parse_verify,
    save_instance,
    set_key,
    shown_url,
    validate_document,
)

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

log = logging.getLogger("pywats.config")

_warned_unverified = False


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
            value = parse_url(value)
        except ValueError:
            raise ConfigError(
                f"invalid value {shown_url(value)!r} for server.url ({source}): expected"
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
