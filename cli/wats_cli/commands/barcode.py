"""``wats barcode``: split a scanned barcode into its parts, and the rules that do it."""

from __future__ import annotations

import typer

from wats_cli._types import OutputFormat, output_option

app = typer.Typer(help="Barcode identifiers and identifying a barcode.", no_args_is_help=True)

_PARTS = ["serialNumber", "partNumber", "revision", "batchNumber", "process"]


@app.command()
def identify(
    code: str = typer.Argument(..., metavar="BARCODE", help="The barcode as scanned."),
    output: OutputFormat = output_option(),
) -> None:
    """Split a barcode into serial number, part number, revision, batch and process."""
    from wats_cli._context import client, emit

    found = client().barcode.identify(code)
    emit(found, output, columns=["id", *_PARTS])


@app.command("list")
def list_(output: OutputFormat = output_option()) -> None:
    """List the barcode identifiers, in the order the server tries them."""
    from wats_cli._context import client, emit

    emit(
        client().barcode.query(), output, columns=["id", "order", "pattern", *_PARTS, "description"]
    )
