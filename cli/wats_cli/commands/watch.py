"""``wats watch`` and ``wats status``: run a station service instance, and look at one."""

from __future__ import annotations

from pathlib import Path

import typer

from wats_cli._types import OutputFormat, output_option

app = typer.Typer()

_INSTANCE_HELP = "The instance to run (default: the global -i, $PYWATS_INSTANCE_ID, 'default')."


def _instance(flag: str | None) -> str:
    from pywats.config import resolve_instance
    from wats_cli._context import state

    return resolve_instance(flag or state().instance)


@app.command("watch")
def watch(
    instance: str = typer.Option(None, "--instance", "-i", help=_INSTANCE_HELP),
    config: Path = typer.Option(
        None, "--config", help="Read the instance from this TOML file instead of its default."
    ),
    plain: bool = typer.Option(
        False, "--plain", help="Plain log lines on stderr, even on a terminal (no dashboard)."
    ),
) -> None:
    """Run the station service in the foreground until Ctrl-C / SIGTERM.

    Watches the instance's [[folders]], converts complete result files, commits the reports to
    the instance's durable queue, moves the source files, and uploads with retries. A first
    Ctrl-C finishes the uploads in flight; a second stops at once. Nothing is lost either way.

    \b
    Minimal instance file (<config dir>/instances/NAME.toml, see `wats config path`):
      [server]
      url = "https://acme.wats.com"
      [station]
      name = "ICT-01"
      location = "Line 2"
      purpose = "Production"
      [[folders]]
      path = "/data/ict/results"
      converter = "wsjf"          # or module:Class, or a pywats.converters plugin
      post_action = "move"        # move | delete | zip | keep
    The token comes from `wats login -i NAME` or $PYWATS_API_TOKEN.
    """
    from pywats.station.service import AlreadyRunningError, StationService, configure_logging
    from wats_cli._context import state

    name = _instance(instance)
    service = StationService.from_instance(name, config_path=config, server_url=state().url)
    if service.config.token:
        state().secrets.add(service.config.token)
    configure_logging(service.config.log_path, console=True)
    try:
        service.run(dashboard=False if plain else None)
    except AlreadyRunningError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None


@app.command("status")
def status(
    instance: str = typer.Option(None, "--instance", "-i", help=_INSTANCE_HELP),
    config: Path = typer.Option(None, "--config", help="The instance's TOML file."),
    output: OutputFormat = output_option(),
) -> None:
    """Show whether the instance's service runs, its live state and its queue counts.

    Works with or without a running service: the queue is read directly, the live state
    (server online/offline/unauthorized, breaker, counters, folders) comes from the service.
    """
    from pywats.station.status import instance_status
    from wats_cli._context import emit

    emit(instance_status(_instance(instance), path=config), output)
