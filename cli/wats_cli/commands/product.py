"""``wats product``: products, revisions, BOMs and product groups."""

from __future__ import annotations

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
