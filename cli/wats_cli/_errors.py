"""One place that turns a failure into a line on stderr and a documented exit code.

======  ==========================================================================
 code   meaning
======  ==========================================================================
   0    success
   1    error (anything not listed below)
   2    usage: a bad option, argument or value
   3    configuration: no server URL, an invalid setting, an unreadable config file
   4    authentication or permission: no token, token refused (401), forbidden (403)
   5    not found (404)
   6    server or network unavailable: unreachable, timeout, 5xx, 429, breaker open
   7    rejected by validation: the server's 400, or the local report validator
 130    interrupted (Ctrl-C)
======  ==========================================================================

Each failure prints ``error: <what happened>`` and, when there is one, ``next: <what to do>``.
A traceback is printed only with ``-v``, and never with local variables. Every token the run
has seen is masked in anything printed here.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

__all__ = [
    "EXIT_AUTH",
    "EXIT_CODES_HELP",
    "EXIT_CONFIG",
    "EXIT_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_NOT_FOUND",
    "EXIT_OK",
    "EXIT_REJECTED",
    "EXIT_UNAVAILABLE",
    "EXIT_USAGE",
    "WatsGroup",
    "classify",
    "handle",
    "usage_error",
]

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_CONFIG = 3
EXIT_AUTH = 4
EXIT_NOT_FOUND = 5
EXIT_UNAVAILABLE = 6
EXIT_REJECTED = 7
EXIT_INTERRUPTED = 130

#: The exit-code table shown in ``wats --help``.
EXIT_CODES_HELP = (
    "0 ok · 1 error · 2 usage · 3 configuration · 4 authentication/permission · "
    "5 not found · 6 server or network unavailable · 7 rejected by validation (400) · "
    "130 interrupted"
)


def classify(exc: BaseException, *, lister: str | None = None) -> tuple[int, str | None]:
    """Return the exit code for ``exc`` and the next step to suggest (or ``None``).

    ``lister`` is the command that lists what the failing command looks up (``wats product
    list``), for a "not found" hint.
    """
    from pywats import _exceptions as e
    from pywats.config import ConfigError, CredentialsMissingError

    if isinstance(exc, KeyboardInterrupt | typer.Abort):
        return EXIT_INTERRUPTED, None
    if isinstance(exc, CredentialsMissingError):
        return EXIT_AUTH, None
    if isinstance(exc, ConfigError):
        return EXIT_CONFIG, f"see `wats config show{_instance_flag()}` and `wats config --help`"
    if isinstance(exc, e.ScimTokenError):
        return EXIT_AUTH, "get a SCIM token with `wats scim token` and put it in PYWATS_SCIM_TOKEN"
    if isinstance(exc, e.AuthenticationError):
        return (
            EXIT_AUTH,
            f"store a valid token: `wats login{_instance_flag()}` (or set PYWATS_API_TOKEN);"
            " tokens are made in WATS under Control Panel → Tokens",
        )
    if isinstance(exc, e.PermissionDeniedError):
        return EXIT_AUTH, "ask a WATS administrator to grant the token's user this permission"
    if isinstance(exc, e.NotFoundError | e.UnsupportedOperationError) and not _from_wats(exc):
        # A web server's own 404 page: a wrong URL more often than a missing operation.
        return (
            EXIT_NOT_FOUND,
            "is the server URL a WATS server's address? `wats config show"
            f"{_instance_flag()}` shows the URL in use and where it comes from",
        )
    if isinstance(exc, e.UnsupportedOperationError):
        return (
            EXIT_NOT_FOUND,
            f"the server may be older than this operation: `wats ping{_instance_flag()}` shows"
            " its version",
        )
    if isinstance(exc, e.NotFoundError) and lister:
        return EXIT_NOT_FOUND, f"check the name or id: `{lister}{_instance_flag()}` shows them"
    if isinstance(exc, e.NotFoundError):
        return EXIT_NOT_FOUND, "check the name or id (the `list` and `query` commands show them)"
    if isinstance(exc, e.RateLimitError):
        return EXIT_UNAVAILABLE, "the server is limiting requests: wait a minute and try again"
    if isinstance(exc, e.ServerError | e.CircuitOpenError):
        return (
            EXIT_UNAVAILABLE,
            f"the server is failing: try again later; `wats ping{_instance_flag()}` checks it",
        )
    if isinstance(exc, e.WatsConnectionError) and not exc.retryable:
        # A refused TLS certificate: the network is fine, the trust settings are not.
        return (
            EXIT_UNAVAILABLE,
            "trust the server's CA: wats config set server.verify CA-BUNDLE.pem"
            " (see `wats config set --help`), or set SSL_CERT_FILE",
        )
    if isinstance(exc, e.WatsConnectionError):
        return (
            EXIT_UNAVAILABLE,
            f"check the server URL (`wats config show{_instance_flag()}`) and the network;"
            f" `wats ping{_instance_flag()}` tests the connection",
        )
    if isinstance(exc, e.BadRequestError | e.ReportValidationError):
        return EXIT_REJECTED, "fix the problems listed above and try again"
    if isinstance(exc, e.WatsError):
        return EXIT_ERROR, None
    if isinstance(exc, ValueError | TypeError):
        # The SDK raises these for misuse (an empty part number, a naive datetime) before I/O.
        return EXIT_USAGE, "see the command's --help"
    if isinstance(exc, OSError):
        return EXIT_ERROR, None
    return EXIT_ERROR, "run again with -v to see the traceback"


def _instance_flag() -> str:
    """`` -i NAME`` for a hint when the run uses an instance other than the default."""
    from wats_cli._context import state

    name = state().instance
    return f" -i {name}" if name and name != "default" else ""


_VERSION_PATH = "/api/app/version"


def _from_wats(exc: Any) -> bool:
    """Whether a 404 came from a WATS server (a JSON error, and not for the version call
    every WATS server answers), rather than from a web server at a wrong URL."""
    import json

    if str(getattr(exc, "url", "")).lower().rstrip("/").endswith(_VERSION_PATH):
        return False
    body = str(getattr(exc, "body", "") or "").strip()
    if not body:
        return True
    try:
        json.loads(body)
    except ValueError:
        return False
    return True


def _without_hint(exc: BaseException, text: str) -> str:
    """The message without the SDK's own hint when a ``next:`` line will say it better."""
    hint = str(getattr(exc, "default_hint", "") or "")
    if hint and text.endswith(hint):
        return text[: -len(hint)].rstrip(" ")
    return text


def _mask(text: str, secrets: set[str]) -> str:
    for secret in sorted(secrets, key=len, reverse=True):
        if len(secret) >= 4:
            text = text.replace(secret, "***")
    return text


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        where = f": {exc.filename}" if exc.filename else ""
        return f"{exc.strerror}{where}"
    text = str(exc).strip()
    return text or type(exc).__name__


def handle(
    exc: BaseException,
    *,
    verbose: int = 0,
    secrets: set[str] | None = None,
    lister: str | None = None,
) -> int:
    """Print ``exc`` for a person on stderr and return its exit code."""
    import os

    code, hint = classify(exc, lister=lister)
    masked = set(secrets or ())
    env_token = os.environ.get("PYWATS_API_TOKEN", "").strip()
    if env_token:
        masked.add(env_token)
    out = sys.stderr
    if verbose:
        import traceback

        out.write(_mask("".join(traceback.format_exception(exc)), masked))
    if code == EXIT_INTERRUPTED:
        out.write("interrupted\n")
        out.flush()
        return code
    from wats_cli._text import printable

    # A server's message may hold escape sequences: shown as text, never run by the terminal.
    described = _describe(exc)
    if hint:
        described = _without_hint(exc, described)
    lines = [printable(line) for line in described.splitlines()] or [type(exc).__name__]
    out.write(_mask(f"error: {lines[0]}", masked) + "\n")
    for line in lines[1:]:
        out.write(_mask(f"  {line.strip()}", masked) + "\n")
    # A 400's validation lines, unless the message above already holds them.
    extra: Any = getattr(exc, "lines", None)
    if code == EXIT_REJECTED and isinstance(extra, list):
        shown = "\n".join(lines)
        for line in extra:
            if printable(str(line)) not in shown:
                out.write(_mask(f"  {printable(str(line))}", masked) + "\n")
    if hint:
        out.write(f"next: {hint}\n")
    out.flush()
    return code


def usage_error(exc: Any) -> int:
    """Print a Click usage error (or other Click error) our way; return its exit code."""
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "wats"
    sys.stderr.write(f"error: {exc.format_message()}\n")
    if getattr(exc, "exit_code", 1) == EXIT_USAGE:
        sys.stderr.write(f"next: see the options: `{where} --help`\n")
    sys.stderr.flush()
    return int(getattr(exc, "exit_code", EXIT_USAGE))


class WatsGroup(TyperGroup):
    """The root group: runs a command and maps whatever it raises to an exit code.

    It also gives every command in the tree the global options, plain help and fast
    parameter conversion (:mod:`wats_cli._params`), and prints Click's own usage errors in
    the ``error:``/``next:`` form of every other failure.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from wats_cli._params import prepare

        prepare(self)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        from wats_cli._params import ClickException, tidy_params

        tidy_params(self)
        where = (args, prog_name, complete_var)
        if not standalone_mode:
            return super().main(*where, False, windows_expand_args, **extra)
        try:
            rv = super().main(*where, False, windows_expand_args, **extra)
        except ClickException as exc:
            sys.exit(usage_error(exc))
        except typer.Abort:
            sys.stderr.write("error: aborted\n")
            sys.exit(EXIT_ERROR)
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)

    # ``ctx`` is typer's vendored click Context, which typer does not export under a public name.
    def invoke(self, ctx: Any) -> Any:
        from wats_cli._context import state

        try:
            return super().invoke(ctx)
        except (TyperException, typer.Exit):  # usage errors (2) and explicit exits
            raise
        except (Exception, KeyboardInterrupt) as exc:
            st = state()
            code = handle(exc, verbose=st.verbose, secrets=st.secrets, lister=_lister(self, ctx))
            raise typer.Exit(code) from None
        finally:
            state().close()


def _lister(root: Any, ctx: Any) -> str | None:
    """``wats GROUP list`` when the command that ran belongs to a group that has one."""
    name = getattr(ctx, "invoked_subcommand", None)
    group = root.commands.get(name) if name else None
    commands = getattr(group, "commands", None) or {}
    return f"wats {name} list" if "list" in commands else None
