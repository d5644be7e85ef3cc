"""``wats asset``: test equipment and fixtures: counts, calibration, maintenance, state, log."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import typer

from wats_cli._types import OutputFormat, output_option, parse_time

app = typer.Typer(
    help="Assets (equipment, fixtures): usage counts, calibration, maintenance, state and log.",
    no_args_is_help=True,
)

_ASSET = typer.Argument(
    ...,
    metavar="ASSET",
    help="The asset's serial number, or its asset id (a GUID).",
    show_default=False,
)


class AssetState(StrEnum):
    """Asset states (the wire takes 0-6)."""

    unknown = "unknown"
    in_operation = "in-operation"
    in_transit = "in-transit"
    in_maintenance = "in-maintenance"
    in_calibration = "in-calibration"
    in_storage = "in-storage"
    scrapped = "scrapped"

    @property
    def code(self) -> int:
        return list(AssetState).index(self)


def _which(asset: str) -> dict[str, Any]:
    """An asset id when the text is a GUID, else a serial number (the SDK takes either)."""
    import uuid

    try:
        uuid.UUID(asset)
    except ValueError:
        return {"serial_number": asset}
    return {"asset_id": asset}


@app.command()
def get(asset: str = _ASSET, output: OutputFormat = output_option()) -> None:
    """Show one asset."""
    from wats_cli._context import client, emit

    emit(client().asset.get(asset), output)


@app.command("list")
def list_(
    odata: str = typer.Option(None, "--filter", help="OData $filter, e.g. 'runningCount gt 1000'."),
    top: int = typer.Option(None, "--top", min=1, help="At most this many (server: 1000)."),
    output: OutputFormat = output_option(),
) -> None:
    """List assets."""
    from wats_cli._context import client, emit

    emit(
        client().asset.query(odata, top=top),
        output,
        columns=["serialNumber", "assetName", "state", "runningCount", "totalCount"],
    )


@app.command()
def count(
    asset: str = _ASSET,
    by: int = typer.Option(None, "--by", help="Add this many uses (default 1)."),
    total: int = typer.Option(None, "--total", help="Set the total count instead."),
    children: bool = typer.Option(False, "--children", help="Count the sub-assets too."),
    reset: bool = typer.Option(False, "--reset", help="Reset the running count to 0 instead."),
    comment: str = typer.Option(None, "--comment", help="Log comment (with --reset)."),
    output: OutputFormat = output_option(),
) -> None:
    """Add to an asset's usage count (or set the total, or reset the running count)."""
    from wats_cli._context import client, emit

    api = client()
    if reset:
        emit(api.asset.reset_running_count(**_which(asset), comment=comment), output)
        return
    emit(
        api.asset.increment_count(
            **_which(asset),
            increment_by=by,
            total_count=total,
            increment_children=children or None,
        ),
        output,
    )


@app.command()
def calibrate(
    asset: str = _ASSET,
    when: str = typer.Option(None, "--date", help="When it was calibrated (default: now)."),
    comment: str = typer.Option(None, "--comment", help="Log comment."),
    output: OutputFormat = output_option(),
) -> None:
    """Record a calibration."""
    from wats_cli._context import client, emit

    emit(
        client().asset.record_calibration(
            **_which(asset), date_time=parse_time(when, "--date"), comment=comment
        ),
        output,
    )


@app.command()
def maintain(
    asset: str = _ASSET,
    when: str = typer.Option(None, "--date", help="When it was maintained (default: now)."),
    comment: str = typer.Option(None, "--comment", help="Log comment."),
    output: OutputFormat = output_option(),
) -> None:
    """Record maintenance."""
    from wats_cli._context import client, emit

    emit(
        client().asset.record_maintenance(
            **_which(asset), date_time=parse_time(when, "--date"), comment=comment
        ),
        output,
    )


@app.command()
def log(
    serial_number: str = typer.Option(None, "--sn", help="Only this asset's entries."),
    odata: str = typer.Option(None, "--filter", help="OData $filter."),
    top: int = typer.Option(None, "--top", min=1, help="At most this many (server: 1000)."),
    output: OutputFormat = output_option(),
) -> None:
    """Show the asset log, newest first."""
    from pywats import F, Filter
    from wats_cli._context import client, emit

    where: Filter | str | None = odata
    if serial_number:
        by_sn = F("serialNumber").eq(serial_number)
        where = by_sn if odata is None else by_sn & Filter(f"({odata})")
    emit(
        client().asset.query_log(where, top=top),
        output,
        columns=["date", "serialNumber", "type", "user", "comment"],
    )


@app.command()
def state(
    asset: str = _ASSET,
    new_state: AssetState = typer.Argument(
        None,
        metavar="STATE",
        help="Set this state; without it, show the current status.",
        show_default=False,
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Show an asset's status, or set its state."""
    from wats_cli._context import client, emit

    api = client()
    if new_state is None:
        emit(api.asset.get_status(**_which(asset)), output)
        return
    emit(api.asset.set_state(**_which(asset), state=new_state.code), output)


def _type_id(api: Any, name: str) -> str:
    """The id of the asset type called ``name`` (any case); a usage error lists the types."""
    types = api.asset.query_types()
    for kind in types:
        if str(kind.type_name or "").casefold() == name.casefold():
            return str(kind.type_id)
    known = ", ".join(sorted(str(t.type_name) for t in types if t.type_name))
    raise typer.BadParameter(f"no asset type {name!r}; the types are: {known}", param_hint="--type")


@app.command()
def create(
    serial_number: str = typer.Argument(
        ..., metavar="SERIAL", help="The new asset's serial number.", show_default=False
    ),
    type_name: str = typer.Option(
        ..., "--type", metavar="TYPE", help="Its asset type by name, e.g. Fixture."
    ),
    name: str = typer.Option(None, "--name", help="A name for people."),
    description: str = typer.Option(None, "--description", help="A description."),
    location: str = typer.Option(None, "--location", help="Where it is."),
    parent: str = typer.Option(None, "--parent", metavar="SERIAL", help="Its parent asset."),
    output: OutputFormat = output_option(),
) -> None:
    """Create an asset (exit 1 if one has this serial number: `update` changes it)."""
    from pywats import ConflictError
    from wats_cli._context import client, emit, info

    api = client()
    if api.with_options(error_mode="lenient").asset.get(serial_number) is not None:
        raise ConflictError(409, f"asset {serial_number!r} already exists (wats asset update)")
    asset: dict[str, Any] = {"serialNumber": serial_number, "typeId": _type_id(api, type_name)}
    for key, value in (
        ("assetName", name),
        ("description", description),
        ("location", location),
        ("parentSerialNumber", parent),
    ):
        if value is not None:
            asset[key] = value
    api.asset.save(asset)
    info(f"Created asset {serial_number}")
    emit(api.asset.get(serial_number), output)


@app.command()
def update(
    asset: str = _ASSET,
    name: str = typer.Option(None, "--name", help="A new name."),
    description: str = typer.Option(None, "--description", help="A new description."),
    location: str = typer.Option(None, "--location", help="Where it is now."),
    type_name: str = typer.Option(None, "--type", metavar="TYPE", help="A new asset type."),
    output: OutputFormat = output_option(),
) -> None:
    """Change an asset's name, description, location or type (exit 5 if unknown).

    Counts, calibration, maintenance and state have their own commands.
    """
    import uuid

    import attrs

    from wats_cli._context import client, emit, found, info

    changes: dict[str, Any] = {
        k: v
        for k, v in (("asset_name", name), ("description", description), ("location", location))
        if v is not None
    }
    if not changes and type_name is None:
        raise typer.BadParameter(
            "nothing to change: pass --name, --description, --location or --type"
        )
    api = client()
    current = found(api.asset.get(asset), f"asset {asset}")
    if type_name is not None:
        changes["type_id"] = uuid.UUID(_type_id(api, type_name))
    # The asset's own fields only: its children, log and type details are not rewritten.
    api.asset.save(
        attrs.evolve(current, asset_children=None, asset_log=None, asset_type=None, **changes)
    )
    info(f"Updated asset {current.serial_number}")
    emit(api.asset.get(str(current.serial_number)), output)
