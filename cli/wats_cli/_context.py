"""The global options of one ``wats`` run, and the client built from them.

``main.py``'s callback stores a :class:`State` on the root Click context. Command bodies call
:func:`client` (server URL and token by the precedence flag > environment > instance file >
default, token from the OS keyring or the private token file) and :func:`emit` to render.
Messages for people (progress, warnings, "Submitted 3 reports") go to stderr via :func:`info`
and :func:`warn`; data alone goes to stdout.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from wats_cli._types import OutputFormat

if TYPE_CHECKING:
    from rich.console import Console

    from pywats import pyWATS
    from pywats.config import Connection
    from pywats.credentials import TokenStore

__all__ = [
    "State",
    "begin",
    "client",
    "connection",
    "emit",
    "err_console",
    "found",
    "info",
    "set_verbosity",
    "state",
    "token_store",
    "warn",
]


class State:
    """The global options, plus what was resolved from them during the run."""

    __slots__ = (
        "_cleanups",
        "instance",
        "output",
        "quiet",
        "retries",
        "secrets",
        "url",
        "verbose",
    )

    def __init__(
        self,
        *,
        instance: str | None = None,
        url: str | None = None,
        output: OutputFormat | None = None,
        verbose: int = 0,
        quiet: bool = False,
        retries: int = 2,
    ) -> None:
        self.instance = instance
        self.retries = retries
        self.url = url
        self.output = output
        self.verbose = verbose
        self.quiet = quiet
        # Every token this run has seen; the error handler masks them in anything it prints.
        self.secrets: set[str] = set()
        self._cleanups: list[Callable[[], Any]] = []

    def close(self) -> None:
        """Release what the run opened (the SDK client); called when the command ends."""
        while self._cleanups:
            self._cleanups.pop()()


# One ``wats`` run per process, or one per CliRunner invocation: the root callback replaces it.
_STATE: State | None = None


def begin(new: State) -> State:
    """Make ``new`` the state of the run that is starting (called by the root callback)."""
    global _STATE
    if _STATE is not None:
        _STATE.close()
    _STATE = new
    return new


def state() -> State:
    """Return the run's :class:`State` (a default one before the root callback ran)."""
    global _STATE
    if _STATE is None:
        _STATE = State()
    return _STATE


def set_verbosity(level: int) -> None:
    """Set ``-v`` (tracebacks, request logs) or ``-vv`` (debug logs) for the rest of the run."""
    state().verbose = level
    if level:
        import logging

        logging.basicConfig(format="%(levelname)s %(name)s: %(message)s")
        logging.getLogger().setLevel(logging.DEBUG if level > 1 else logging.INFO)


def token_store() -> TokenStore:
    """Return the token store (OS keyring when usable, else the private token file)."""
    from pywats.credentials import TokenStore

    return TokenStore()


def connection(*, require_url: bool = True) -> Connection:
    """Resolve the server URL and token for this run (flag > environment > file > default)."""
    from pywats.config import resolve_connection

    st = state()
    conn = resolve_connection(
        st.instance, url=st.url, load_token=token_store().load, require_url=require_url
    )
    if conn.token:
        st.secrets.add(conn.token)
    return conn


def client(token: str | None = None, *, per_minute: int | None = None) -> pyWATS:
    """Build the SDK client for this run (with ``token`` instead of the stored one, if given).

    A shell command is short-lived: it retries a failed request ``--retries`` times (default
    2) with short waits, and keeps no circuit breaker (a single process has no history).
    ``per_minute`` replaces the SDK's client-side rate limit (500 a minute): 0 turns it off,
    for bulk commands whose ``-j`` already bounds the load.

    Raises:
        ConfigError: no server URL is configured.
        CredentialsMissingError: no token is configured (exit code 4: run ``wats login``).
    """
    conn = connection()
    if token is None:
        token = conn.require_token()
    from pywats import RetryConfig, pyWATS
    from pywats.config import warn_plain_http

    warn_plain_http(conn.url, emit=warn)
    st = state()
    st.secrets.add(token)
    retry = RetryConfig(
        max_retries=st.retries, max_backoff=4.0, max_retry_after=15.0, max_elapsed=30.0
    )
    if per_minute is None:
        api = pyWATS(conn.url, token, retry=retry, circuit_breaker=None, verify=conn.verify)
    else:
        from pywats import RateLimit

        limit = RateLimit(per_minute, 60) if per_minute > 0 else None
        api = pyWATS(
            conn.url, token, retry=retry, circuit_breaker=None, verify=conn.verify, rate_limit=limit
        )
    st._cleanups.append(api.close)
    return api


T = TypeVar("T")


def found(value: T | None, what: str) -> T:
    """Return ``value``, or raise NotFoundError when a lenient lookup gave ``None``."""
    if value is None:
        from pywats import NotFoundError

        raise NotFoundError(404, f"{what} was not found")
    return value


def err_console() -> Console:
    """Return a rich console on stderr (colour off under ``NO_COLOR`` or when not a terminal)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def info(message: str) -> None:
    """Write a message for people to stderr, unless ``--quiet``."""
    if not state().quiet:
        from wats_cli._text import printable

        # File names and server text inside a message are shown, never run by the terminal.
        sys.stderr.write(printable(message, keep_newlines=True) + "\n")
        sys.stderr.flush()


def warn(message: str) -> None:
    """Write a warning to stderr (shown even with ``--quiet``)."""
    from wats_cli._text import printable

    sys.stderr.write(f"warning: {printable(message, keep_newlines=True)}\n")
    sys.stderr.flush()


def emit(
    data: Any,
    output: OutputFormat | None = None,
    *,
    columns: list[str] | None = None,
) -> None:
    """Write ``data`` to stdout as a table, JSON or CSV (see :mod:`wats_cli._output`).

    ``None`` (an action whose answer has no body) writes nothing.
    """
    if data is None:
        return
    from wats_cli._output import render

    fmt = output or state().output
    render(data, fmt, columns=columns, stream=sys.stdout)
