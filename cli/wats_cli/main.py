"""The ``wats`` application: global options and the command groups.

Command modules import only typer and the stdlib at top level; pywats, rich and httpx load
inside command bodies so that ``wats --version`` and ``wats --help`` start fast.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="wats",
    help="Work with a WATS server: reports, products, assets, production and more.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from pywats._version import __version__

        typer.echo(f"wats {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Work with a WATS server from the shell."""


def run() -> None:
    """Console-script entry point."""
    app()
