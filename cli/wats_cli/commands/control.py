"""``wats stop|restart|reload|pause|resume``: steer a running station service.

Each sends one request to the service's local endpoint (the address is in the instance's
status file) with the instance's control secret (a 0600 file only the service's user can
read). ``wats status`` (in ``watch.py``) reads the same endpoint.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from wats_cli._types import OutputFormat, output_option

app = typer.Typer()

_INSTANCE_HELP = "The instance (default: the global -i, $PYWATS_INSTANCE_ID, 'default')."


def _settings(instance: str | None, config: Path | None) -> Any:
    from pywats.config import resolve_instance
    from pywats.station.config import load_config
    from wats_cli._context import state

    return load_config(
        resolve_instance(instance or state().instance), path=config, for_service=False
    )


def _call(settings: Any, action: str, *, not_running_ok: bool = False) -> dict[str, Any] | None:
    """Send ``action``; print a clear error and exit on anything but success.

    Returns None when the service is not running and ``not_running_ok``.
    """
    from pywats.config import ConfigError
    from pywats.station.status import (
        ServiceNotRunningError,
        ServiceUnreachableError,
        call_service,
    )

    try:
        status, answer = call_service(settings, action)
    except ServiceNotRunningError as exc:
        if not_running_ok:
            return None
        typer.echo(f"error: {exc}", err=True)
        typer.echo(f"next: wats watch -i {settings.name}", err=True)
        raise typer.Exit(1) from None
    except ServiceUnreachableError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(6) from None
    if status == 422:
        raise ConfigError(str(answer.get("error") or "the instance file is not valid"))
    if status >= 400:
        typer.echo(
            f"error: the service refused {action} ({status}): {answer.get('error')}", err=True
        )
        raise typer.Exit(1)
    return answer


def _instance_option() -> Any:
    return typer.Option(None, "--instance", "-i", help=_INSTANCE_HELP)


def _config_option() -> Any:
    return typer.Option(None, "--config", help="The instance's TOML file.")


@app.command("stop")
def stop(
    instance: str = _instance_option(),
    config: Path = _config_option(),
    wait: float = typer.Option(
        None, "--wait", metavar="SECONDS", help="How long to wait for the exit (default: enough)."
    ),
) -> None:
    """Stop the instance's running service gracefully and wait until it has exited.

    Intake stops, uploads in flight finish (within [service] shutdown_timeout), and nothing
    queued is lost: it is sent at the next start. Exits 0 when the service is not running.
    """
    from pywats.station.status import wait_stopped
    from wats_cli._context import info

    settings = _settings(instance, config)
    if _call(settings, "stop", not_running_ok=True) is None:
        info(f"instance {settings.name!r} is not running")
        return
    timeout = wait if wait is not None else settings.shutdown_timeout + 15.0
    if not wait_stopped(settings, timeout):
        why = f"did not stop within {timeout:g} s"
        typer.echo(f"error: instance {settings.name!r} {why}", err=True)
        raise typer.Exit(1)
    info(f"instance {settings.name!r} stopped")


@app.command("restart")
def restart(instance: str = _instance_option(), config: Path = _config_option()) -> None:
    """Restart the instance's service in place: stop gracefully, read the file, start again."""
    from pywats.station.status import started_at, wait_restarted
    from wats_cli._context import info

    settings = _settings(instance, config)
    before = started_at(settings)
    _call(settings, "restart")
    timeout = settings.shutdown_timeout + 30.0
    if not wait_restarted(settings, before, timeout):
        typer.echo(
            f"error: instance {settings.name!r} did not restart within {timeout:g} s", err=True
        )
        raise typer.Exit(1)
    info(f"instance {settings.name!r} restarted")


@app.command("reload")
def reload(
    instance: str = _instance_option(),
    config: Path = _config_option(),
    output: OutputFormat = output_option(),
) -> None:
    """Apply the instance file to the running service without a restart.

    Folders added, removed or changed and the upload, intake and queue settings take effect at
    once; nothing in flight is lost or sent twice. A broken file is refused (exit 3) and the
    running configuration stays. The service also reloads on SIGHUP and when the file changes.
    """
    from wats_cli._context import emit

    answer = _call(_settings(instance, config), "reload")
    emit(answer, output)


@app.command("pause")
def pause(instance: str = _instance_option(), config: Path = _config_option()) -> None:
    """Stop taking new files (they wait in their folders); queued reports still upload."""
    from wats_cli._context import info

    settings = _settings(instance, config)
    _call(settings, "pause")
    info(f"intake of instance {settings.name!r} paused; `wats resume -i {settings.name}` resumes")


@app.command("resume")
def resume(instance: str = _instance_option(), config: Path = _config_option()) -> None:
    """Take files again after `wats pause`."""
    from wats_cli._context import info

    settings = _settings(instance, config)
    _call(settings, "resume")
    info(f"intake of instance {settings.name!r} resumed")
