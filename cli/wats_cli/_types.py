"""Small CLI enums and option factories shared by the command modules (typer + stdlib only)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import typer

__all__ = ["OutputFormat", "output_option"]


class OutputFormat(StrEnum):
    """How data is written to stdout."""

    table = "table"
    json = "json"
    csv = "csv"


def output_option() -> Any:
    """``-o/--output`` on a data command; overrides the global option of the same name."""
    return typer.Option(
        None,
        "--output",
        "-o",
        help="table, json or csv (default: table on a terminal, json when piped).",
        case_sensitive=False,
    )
