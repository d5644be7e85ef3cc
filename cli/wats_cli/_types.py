"""Small CLI enums and option factories shared by the command modules (typer + stdlib only)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

import typer

__all__ = ["OutputFormat", "ReportResult", "output_option", "parse_time"]


class OutputFormat(StrEnum):
    """How data is written to stdout."""

    table = "table"
    json = "json"
    csv = "csv"


class ReportResult(StrEnum):
    """A report's overall result, as ``--result`` takes it.

    A WSJF report holds the letter (P, F, E, T); report *headers*, which queries filter and
    return, hold the word (``Passed``, ``Failed``, ...: reference §"Report result").
    """

    passed = "passed"
    failed = "failed"
    error = "error"
    terminated = "terminated"

    @property
    def code(self) -> str:
        """The WSJF result code (in a report)."""
        return {"passed": "P", "failed": "F", "error": "E", "terminated": "T"}[self.value]

    @property
    def word(self) -> str:
        """The result as report headers hold it (what ``$filter`` compares)."""
        return self.value.capitalize()


def output_option() -> Any:
    """``-o/--output``: the global option, and on a data command the override of it."""
    return typer.Option(
        None,
        "--output",
        "-o",
        metavar="FORMAT",
        help="table, json or csv (default: table on a terminal, json when piped).",
        case_sensitive=False,
    )


_RELATIVE = re.compile(r"^(\d+)\s*([smhdw])$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_time(text: str | None, option: str) -> datetime | None:
    """Parse ``--since``/``--until``: an ISO date or date-time, or a relative ``7d``/``12h``.

    A value without a time zone is local time; the result is always time-zone aware.

    Raises:
        typer.BadParameter: the text is neither (exit code 2).
    """
    if text is None:
        return None
    value = text.strip()
    now = datetime.now().astimezone()
    match = _RELATIVE.match(value)
    try:
        if match:
            seconds = int(match.group(1)) * _UNIT_SECONDS[match[2].lower()]
            parsed = now - timedelta(seconds=seconds)
        else:
            parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is None:
                parsed = parsed.astimezone()
        # The server is asked in UTC: a time that has no UTC form is refused here, by name.
        parsed.astimezone(UTC)
    except (ValueError, OverflowError):
        raise typer.BadParameter(
            f"{value!r} is not a date in range: use 2026-11-01, 2026-11-01T08:00,"
            " 2026-11-01T08:00Z or a relative time such as 7d, 12h, 30m",
            param_hint=option,
        ) from None
    return parsed
