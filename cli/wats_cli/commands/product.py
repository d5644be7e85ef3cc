"""``wats product``: products, revisions, BOMs and product groups."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import typer

from wats_cli._types import OutputFormat, output_option

app = typer.Typer(help="Products, revisions, BOMs and product groups.", no_args_is_help=True)


@app.command()
def get(
    part_number: str = typer.Argument(
        ..., metavar="PART_NUMBER", help="The part number.", show_default=False
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Show one product with its revisions and tags."""
    from wats_cli._context import client, emit

    emit(client().product.get(part_number), output)


@app.command("list")
def list_(
    odata: str = typer.Option(None, "--filter", help="OData $filter, e.g. \"category eq 'PCB'\"."),
    top: int = typer.Option(None, "--top", min=1, help="At most this many (server: 1000)."),
    output: OutputFormat = output_option(),
) -> None:
    """List products (part number, name, category, state)."""
    from wats_cli._context import client, emit

    emit(client().product.query(odata, top=top), output)


@app.command()
def revisions(
    part_number: str = typer.Argument(
        ..., metavar="PART_NUMBER", help="The part number.", show_default=False
    ),
    revision: str = typer.Argument(None, metavar="REVISION", help="One revision to show in full."),
    output: OutputFormat = output_option(),
) -> None:
    """List a product's revisions, or show one."""
    from wats_cli._context import client, emit

    api = client()
    if revision is not None:
        emit(api.product.get_revision(part_number, revision), output)
        return
    product = api.product.get(part_number)
    emit((product.revisions or []) if product is not None else [], output)


@app.command()
def bom(
    file: str = typer.Argument(..., metavar="FILE", help="A BOM in WSBF XML.", show_default=False),
    output: OutputFormat = output_option(),
) -> None:
    """Upload (insert or update) a bill of materials written in WSBF XML."""
    from pathlib import Path

    from wats_cli._context import client, emit, info

    result = client().product.save_bom(Path(file))
    info(f"Uploaded the BOM in {file}")
    if result:
        emit(result, output)


@app.command()
def groups(
    part_number: str = typer.Argument(
        ..., metavar="PART_NUMBER", help="The part number.", show_default=False
    ),
    revision: str = typer.Option(None, "--revision", "-r", help="One revision only."),
    output: OutputFormat = output_option(),
) -> None:
    """List the product groups that contain a product."""
    from wats_cli._context import client, emit

    emit(client().product.get_groups(part_number, revision=revision), output)


class ProductState(StrEnum):
    """A product's state (the wire takes 1 and 0)."""

    active = "active"
    inactive = "inactive"

    @property
    def code(self) -> int:
        return 1 if self is ProductState.active else 0


_REVISIONS = typer.Option(
    [], "--revision", "-r", metavar="REV", help="Add this revision (repeatable)."
)


def _add_revisions(api: Any, part_number: str, revisions: list[str]) -> None:
    for rev in revisions:
        api.product.save_revision({"PartNumber": part_number, "revision": rev, "state": 1})


@app.command()
def create(
    part_number: str = typer.Argument(
        ..., metavar="PART_NUMBER", help="The new product's part number.", show_default=False
    ),
    name: str = typer.Option(..., "--name", help="The product's name."),
    description: str = typer.Option(None, "--description", help="A longer description."),
    revisions: list[str] = _REVISIONS,
    non_serial: bool = typer.Option(
        False, "--non-serial", help="Units of it carry no serial numbers."
    ),
    state: ProductState = typer.Option(ProductState.active, "--state", help="Product state."),
    output: OutputFormat = output_option(),
) -> None:
    """Create a product (exit 1 if it exists: `update` changes one)."""
    from pywats import ConflictError, NotFoundError
    from wats_cli._context import client, emit, info

    api = client()
    try:
        api.product.get(part_number)
    except NotFoundError:
        pass
    else:
        raise ConflictError(409, f"product {part_number!r} already exists (wats product update)")
    product: dict[str, Any] = {"partNumber": part_number, "name": name, "state": state.code}
    if description is not None:
        product["description"] = description
    if non_serial:
        product["nonSerial"] = True
    api.product.save(product)
    _add_revisions(api, part_number, revisions)
    info(f"Created product {part_number}")
    emit(api.product.get(part_number), output)


@app.command()
def update(
    part_number: str = typer.Argument(
        ..., metavar="PART_NUMBER", help="The part number.", show_default=False
    ),
    name: str = typer.Option(None, "--name", help="A new name."),
    description: str = typer.Option(None, "--description", help="A new description."),
    revisions: list[str] = _REVISIONS,
    state: ProductState = typer.Option(None, "--state", help="A new state."),
    output: OutputFormat = output_option(),
) -> None:
    """Change a product's name, description or state, or add revisions (exit 5 if unknown)."""
    import attrs

    from wats_cli._context import client, emit, found, info

    changes: dict[str, Any] = {
        k: v for k, v in (("name", name), ("description", description)) if v is not None
    }
    if state is not None:
        changes["state"] = state.code
    if not changes and not revisions:
        raise typer.BadParameter(
            "nothing to change: pass --name, --description, --state or --revision"
        )
    api = client()
    current = found(api.product.get(part_number), f"product {part_number}")  # exit 5
    if changes:
        # Only the product's own fields go back: revisions and tags are not rewritten.
        api.product.save(attrs.evolve(current, revisions=None, tags=None, **changes))
    _add_revisions(api, part_number, revisions)
    info(f"Updated product {part_number}")
    emit(api.product.get(part_number), output)
