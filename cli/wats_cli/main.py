"""The ``wats`` application: global options and the command groups.

Command modules import only typer and the stdlib at top level; pywats, rich and httpx load
inside command bodies so that ``wats --version`` and ``wats --help`` start fast.
"""

from __future__ import annotations

import typer

from wats_cli._errors import WatsGroup
from wats_cli._types import OutputFormat, output_option

_EPILOG = """\
\b
Examples:
  wats config init --url https://acme.wats.com    # configure the default instance
  wats login < token.txt                          # store a token (or type it when asked)
  wats ping                                       # server version, latency, token check
  wats product get ABC-100                        # one product
  wats report submit results/*.json               # upload WSJF reports
  wats report query --pn ABC-100 --since 2026-11-01 -o csv > reports.csv
  wats -i line2 asset list                        # use the named instance 'line2'

\b
Exit codes:
  0 ok                    4 authentication or permission     7 rejected by validation (400)
  1 error                 5 not found                      130 interrupted
  2 usage                 6 server or network unavailable
  3 configuration

Environment: PYWATS_SERVER_URL, PYWATS_API_TOKEN, PYWATS_INSTANCE_ID override the
instance file; NO_COLOR turns colour off.
"""


def _new_app() -> typer.Typer:
    return typer.Typer(
        name="wats",
        cls=WatsGroup,
        help="Work with a WATS server: reports, products, assets, production and more.",
        epilog=_EPILOG,
        no_args_is_help=True,
        pretty_exceptions_show_locals=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


app = _new_app()


def _version(value: bool) -> None:
    if value:
        from pywats import __version__

        typer.echo(f"wats {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    instance: str = typer.Option(
        None,
        "--instance",
        "-i",
        metavar="NAME",
        help="Named configuration to use (default: $PYWATS_INSTANCE_ID, else 'default').",
    ),
    url: str = typer.Option(
        None,
        "--url",
        metavar="URL",
        help="Server URL for this run (overrides $PYWATS_SERVER_URL and the file).",
    ),
    output: OutputFormat = output_option(),
    verbose: int = typer.Option(
        0,
        "--verbose",
        "-v",
        count=True,
        show_default=False,
        help="Show tracebacks and request logs on stderr (-vv: debug).",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only data and errors."),
    retries: int = typer.Option(
        2,
        "--retries",
        min=0,
        max=10,
        metavar="N",
        help="Retries of a failed request (5xx, 429, network).",
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Work with a WATS server from the shell: data on stdout, messages on stderr."""
    from wats_cli._context import State, begin, set_verbosity

    begin(State(instance=instance, url=url, output=output, quiet=quiet, retries=retries))
    set_verbosity(verbose)


# --- command groups (one line each; keep every registration other modules add) ------------
from wats_cli.commands import (  # noqa: E402
    analytics,
    asset,
    auth,
    config,
    console,
    control,
    demo,
    emulator,
    export,
    process,
    product,
    production,
    queue,
    report,
    rootcause,
    service,
    software,
    system,
    watch,
    workflow,
)

# Groups with a name of their own; the rest add top-level commands.
_GROUPS: dict[str, typer.Typer] = {
    "config": config.app,
    "report": report.app,
    "product": product.app,
    "asset": asset.app,
    "production": production.app,
    "analytics": analytics.app,
    "software": software.app,
    "rootcause": rootcause.app,
    "process": process.app,
    "queue": queue.app,
    "system": system.app,
    "export": export.app,
    "workflow": workflow.app,
}

app.add_typer(auth.app)
for _name, _group in _GROUPS.items():
    app.add_typer(_group, name=_name)
app.add_typer(emulator.app)
app.add_typer(watch.app)
app.add_typer(control.app)
app.add_typer(demo.app)
app.add_typer(service.app)
app.add_typer(console.app)


def run() -> None:
    """Console-script entry point (also ``python -m wats_cli``: same name, same completion)."""
    import sys

    # httpx imports its own command-line client (click, rich, pygments: ~50 ms of a cold
    # start) whenever those happen to be installed; wats never runs it. A None entry makes
    # that import fail, and httpx falls back as it does when they are not installed.
    if "httpx" not in sys.modules:
        sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    _app_for(sys.argv[1:])(prog_name="wats")


# Options of the wats callback that take a value (the next word is not a command).
_VALUED = frozenset({"-i", "--instance", "--url", "-o", "--output", "--retries"})


def _app_for(args: list[str]) -> typer.Typer:
    """The tree to run for ``args``: the whole one, or only the group or command being called.

    Typer builds the Click command of every function (signatures, type hints) on each run,
    about 2 ms per command; a call like ``wats product get X`` or ``wats ping`` needs one
    group or one sub-app of the ~80 commands. Help, completion and unknown words get the
    whole tree (Click's "No such command" and ``wats --help`` list everything).
    """
    import os

    if any(key.endswith("_COMPLETE") for key in os.environ):
        return app
    words = iter(args)
    for word in words:
        if word == "--":
            return app
        if word in _VALUED:
            next(words, None)
        elif not word.startswith("-"):
            return _slim(word) or app
    return app


def _slim(word: str) -> typer.Typer | None:
    """A root with the callback and only what ``word`` names (None: not a command)."""
    group = _GROUPS.get(word)
    if group is not None:
        slim = _new_app()
        slim.callback()(main)
        slim.add_typer(group, name=word)
        return slim
    for info in app.registered_groups:
        sub = info.typer_instance
        if sub is None or _named(info.name) or word not in _top_level_names(sub):
            continue
        slim = _new_app()
        slim.callback()(main)
        slim.add_typer(sub)
        return slim
    return None


def _named(value: object) -> bool:
    from typer.models import DefaultPlaceholder

    return value is not None and not isinstance(value, DefaultPlaceholder)


def _top_level_names(sub: typer.Typer) -> set[str]:
    """The words a sub-app added without a name answers to at the top level."""
    from typer.main import get_command_name

    if _named(sub.info.name):
        return {str(sub.info.name)}
    names = {
        command.name or get_command_name(getattr(command.callback, "__name__", ""))
        for command in sub.registered_commands
    }
    names |= {str(g.name) for g in sub.registered_groups if _named(g.name)}
    return names
