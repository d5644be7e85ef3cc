"""``wats queue``: look at and act on a station instance's durable report queue."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from wats_cli._types import OutputFormat, output_option

if TYPE_CHECKING:
    from pywats.station.config import StationConfig
    from pywats.station.queue import QueueItem, ReportQueue

app = typer.Typer(help="The station service's report queue: list, show, retry, drop, export, push.")


class QueueState(StrEnum):
    pending = "pending"
    uploading = "uploading"
    delivered = "delivered"
    parked = "parked"
    quarantined = "quarantined"


_INSTANCE = typer.Option(None, "--instance", "-i", help="The station instance (default: -i).")
_CONFIG = typer.Option(None, "--config", help="The instance's TOML file.")
_COLUMNS = ["id", "state", "serial_number", "part_number", "attempts", "updated", "last_error"]


def _open(instance: str | None, config: Path | None) -> tuple[StationConfig, ReportQueue]:
    from pywats.config import ConfigError, resolve_instance
    from pywats.station.config import instance_paths, load_config
    from pywats.station.push import unconfigured
    from pywats.station.queue import ReportQueue
    from wats_cli._context import state

    name = resolve_instance(instance or state().instance)
    paths = instance_paths(name)
    if config is None and not paths.config.is_file() and (paths.data / "queue.sqlite3").exists():
        settings = unconfigured(name)  # a test-framework integration queued without a file
    else:
        settings = load_config(name, path=config, for_service=False)
    if not settings.queue_path.exists():
        raise ConfigError(
            f"instance {settings.name!r} has no queue yet ({settings.queue_path}): the"
            " station service makes it when it starts (see `wats watch --help`)"
        )
    return settings, ReportQueue(settings.queue_path)


def _iso(when: float | None) -> str | None:
    from datetime import UTC, datetime

    return None if when is None else datetime.fromtimestamp(when, UTC).isoformat()


def _row(item: QueueItem) -> dict[str, Any]:
    row = item.summary()
    for key in ("next_attempt_at", "created_at", "updated_at", "delivered_at"):
        row[key] = _iso(row[key])
    row["updated"] = row["updated_at"]
    return row


def _pick(queue: ReportQueue, keys: list[str]) -> list[QueueItem]:
    from pywats import NotFoundError

    items = []
    for key in keys:
        item = queue.find(key)
        if item is None:
            raise NotFoundError(404, f"no queue item {key!r} (use a queue id or a report id)")
        items.append(item)
    return items


@app.command("list")
def list_(
    state: QueueState = typer.Option(None, "--state", "-s", help="Only rows in this state."),
    limit: int = typer.Option(200, "--limit", min=1, help="At most this many rows."),
    instance: str = _INSTANCE,
    config: Path = _CONFIG,
    output: OutputFormat = output_option(),
) -> None:
    """List queued reports (oldest first)."""
    from pywats.station.queue import State
    from wats_cli._context import emit

    _, queue = _open(instance, config)
    with queue:
        items = queue.items(State(state.value) if state else None, limit=limit)
        emit([_row(item) for item in items], output, columns=_COLUMNS)


@app.command("show")
def show(
    key: str = typer.Argument(..., help="Queue id or report id."),
    instance: str = _INSTANCE,
    config: Path = _CONFIG,
    output: OutputFormat = output_option(),
) -> None:
    """Show one queued report: its row and the WSJF it holds."""
    from wats_cli._context import emit

    _, queue = _open(instance, config)
    with queue:
        (item,) = _pick(queue, [key])
        row = _row(item)
        try:
            row["report"] = item.report()
        except ValueError as exc:
            row["report"] = f"unreadable: {exc}"
        emit(row, output)


@app.command("retry")
def retry(
    keys: list[str] = typer.Argument(None, help="Queue ids or report ids."),
    all_: bool = typer.Option(False, "--all", help="Every row in --state (default parked)."),
    state: QueueState = typer.Option(
        QueueState.parked, "--state", "-s", help="With --all: parked or quarantined."
    ),
    instance: str = _INSTANCE,
    config: Path = _CONFIG,
) -> None:
    """Send parked (or quarantined) reports again: they go back to pending, due now."""
    from pywats.station.queue import State
    from wats_cli._context import info

    if not keys and not all_:
        raise typer.BadParameter("name queue ids / report ids, or pass --all", param_hint="KEYS")
    _, queue = _open(instance, config)
    with queue:
        if all_:
            count = queue.requeue_all(State(state.value))
        else:
            items = _pick(queue, keys)
            for item in items:
                queue.requeue(item.id)
            count = len(items)
    info(f"Requeued {count} report(s); a running `wats watch` sends them within seconds.")


@app.command("drop")
def drop(
    keys: list[str] = typer.Argument(..., help="Queue ids or report ids."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Really remove them from the queue."),
    instance: str = _INSTANCE,
    config: Path = _CONFIG,
) -> None:
    """Remove reports from the queue for good (a copy of each is kept in <data>/dropped/)."""
    from wats_cli._context import info

    if not yes:
        raise typer.BadParameter("dropping removes reports from the queue: add --yes to confirm")
    settings, queue = _open(instance, config)
    backup = settings.queue_path.parent / "dropped"
    with queue:
        for item in _pick(queue, keys):
            # Never deleted silently: a durable copy stays, never over an earlier one.
            saved = queue.export(item, backup, overwrite=False)
            queue.drop(item.id)
            info(f"Dropped queue item {item.id} (report {item.report_id}); copy at {saved}")


@app.command("export")
def export(
    to: Path = typer.Option(..., "--to", help="Folder to write <report id>.json files into."),
    keys: list[str] = typer.Argument(None, help="Queue ids or report ids (default: --state)."),
    state: QueueState = typer.Option(
        QueueState.parked, "--state", "-s", help="Without ids: every row in this state."
    ),
    instance: str = _INSTANCE,
    config: Path = _CONFIG,
    output: OutputFormat = output_option(),
) -> None:
    """Write queued reports out as WSJF files (for inspection, or `wats report submit`)."""
    from pywats.station.queue import State
    from wats_cli._context import emit, info

    _, queue = _open(instance, config)
    with queue:
        items = _pick(queue, keys) if keys else queue.items(State(state.value))
        written = [{"id": item.id, "file": str(queue.export(item, to))} for item in items]
    info(f"Exported {len(written)} report(s) to {to}")
    emit(written, output)


@app.command("stats")
def stats(
    instance: str = _INSTANCE,
    config: Path = _CONFIG,
    output: OutputFormat = output_option(),
) -> None:
    """Counts per state, queue depth, oldest pending and last delivery."""
    from wats_cli._context import emit

    _, queue = _open(instance, config)
    with queue:
        data = queue.stats().as_dict()
    for key in ("oldest_pending_at", "last_delivered_at", "next_due_at"):
        data[key] = _iso(data[key])
    emit(data, output)


@app.command("push")
def push(
    timeout: float = typer.Option(30.0, "--timeout", min=1, help="Seconds the pass may take."),
    instance: str = _INSTANCE,
    config: Path = _CONFIG,
    output: OutputFormat = output_option(),
) -> None:
    """Deliver the queue now, once (for stations that do not run `wats watch`).

    Takes spooled report files into the queue, makes every pending report due and sends
    until none is due or --timeout passes. Does nothing while the station service runs (it
    delivers). Exit 6 when reports stay pending (server unreachable), 7 when some were parked.
    """
    from pywats.config import ConfigError, CredentialsMissingError, resolve_instance
    from pywats.station.config import load_config, read_token
    from pywats.station.push import push as push_pass
    from wats_cli._context import emit, info, state

    name = resolve_instance(instance or state().instance)
    settings = load_config(name, path=config, for_service=False, server_url=state().url)
    if not settings.server_url:
        raise ConfigError(f"server.url is not set for instance {name!r}")
    token = read_token(name)
    if not token:
        raise CredentialsMissingError(
            f"no API token for instance {name!r}: run `wats login -i {name}`"
            " or set PYWATS_API_TOKEN"
        )
    state().secrets.add(token)
    result = push_pass(settings, timeout=timeout, token=token)
    if not result.ran:
        info(f"Nothing to do: {result.reason}.")
    emit(result.as_dict(), output)
    if result.ran:
        info(
            f"Delivered {result.delivered}, parked {result.parked}, still pending"
            f" {result.pending}{': ' + result.last_error if result.last_error else ''}"
        )
    if result.parked:
        raise typer.Exit(7)
    if result.ran and result.retried:
        raise typer.Exit(6)
