"""``wats console``: a one-time login link to a running station's operator console."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

app = typer.Typer()

_INSTANCE_HELP = "The running instance (default: the global -i, $PYWATS_INSTANCE_ID, 'default')."


def _has_display() -> bool:
    """Whether a graphical browser could open here (not on a headless box or over SSH)."""
    if sys.platform in {"win32", "darwin"}:
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@app.command("console")
def console(
    instance: str = typer.Option(None, "--instance", "-i", help=_INSTANCE_HELP),
    config: Path = typer.Option(None, "--config", help="The instance's TOML file."),
    browser: bool = typer.Option(
        True,
        "--browser/--no-browser",
        help="Open the link in the default browser when this machine has a display.",
    ),
) -> None:
    """Print a one-time login link to the station's web console (and open it).

    The console is served by the running `wats watch` on its local endpoint (loopback only
    unless [control] bind says otherwise). The link works once, within 10 minutes; it carries
    proof of the instance's control secret, not the secret. From another machine, tunnel the
    port first (ssh -L PORT:127.0.0.1:PORT station) and open the same link there.
    """
    from pywats.config import resolve_instance
    from pywats.station.config import load_config
    from pywats.station.console import login_url
    from pywats.station.console._link import LinkError, endpoint_and_secret
    from wats_cli._context import info, state
    from wats_cli._errors import EXIT_ERROR

    name = resolve_instance(instance or state().instance)
    settings = load_config(name, path=config, for_service=False)
    try:
        endpoint, secret = endpoint_and_secret(settings)
    except LinkError as exc:
        info(f"error: {exc}")
        raise typer.Exit(EXIT_ERROR) from None
    state().secrets.add(secret)
    url = login_url(endpoint, secret)
    typer.echo(url)
    info("One-time link: it signs one browser in, within 10 minutes (run again for another).")
    if browser and _has_display():
        import webbrowser

        if webbrowser.open(url):
            info("Opened in your browser.")
