"""Render command results on stdout: a table for people, JSON or CSV for scripts.

The format is ``-o table|json|csv``; without it, a terminal gets a table and a pipe gets JSON
(as gh and aws do), so ``wats product list | jq`` works with no flag. Values are first turned
into plain JSON data (attrs models, generated models, datetimes, UUIDs, enums), so the three
formats always show the same fields. rich is imported only for tables.
"""

from __future__ import annotations

import base64
import csv
import datetime as _dt
import enum
import io
import json
import os
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import PurePath
from typing import IO, Any
from uuid import UUID

from wats_cli._types import OutputFormat

__all__ = ["choose_format", "render", "to_plain", "writes_any_text"]

_MAX_TABLE_COLUMNS = 8


def to_plain(value: Any) -> Any:
    """Return ``value`` as JSON-compatible data (dicts, lists, str, int, float, bool, None)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else None
    if isinstance(value, enum.Enum):
        return to_plain(value.value)
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, (UUID, PurePath)):
        return str(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Mapping):
        return {str(k): to_plain(v) for k, v in value.items() if not _is_unset(v)}
    if type(value).__name__ == "Unset":  # the generated client's UNSET
        return None
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_plain(to_dict())
    to_wsjf = getattr(value, "to_wsjf", None)
    if callable(to_wsjf):
        return to_plain(to_wsjf())
    fields = getattr(type(value), "__attrs_attrs__", None)
    if fields is not None:
        # Fields declared repr=False hold secrets: they never reach the output.
        return {
            f.name: to_plain(getattr(value, f.name))
            for f in fields
            if f.repr is not False and not f.name.startswith("_")
        }
    dc_fields = getattr(value, "__dataclass_fields__", None)
    if dc_fields is not None:
        return {
            name: to_plain(getattr(value, name))
            for name, f in dc_fields.items()
            if f.repr and not name.startswith("_")
        }
    if isinstance(value, Iterable):
        return [to_plain(v) for v in value]
    return str(value)


def _is_unset(value: Any) -> bool:
    return type(value).__name__ == "Unset"


def choose_format(requested: OutputFormat | str | None, stream: IO[str]) -> OutputFormat:
    """Return the requested format, else table on a terminal and JSON otherwise."""
    if requested:
        return OutputFormat(requested)
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return OutputFormat.table if tty else OutputFormat.json


def render(
    data: Any,
    requested: OutputFormat | str | None,
    *,
    stream: IO[str],
    columns: list[str] | None = None,
) -> None:
    """Write ``data`` to ``stream`` in the chosen format.

    Args:
        data: a model, a mapping, a list of either, or a scalar.
        requested: the ``-o`` value, or ``None`` for the automatic choice.
        stream: where data goes (stdout).
        columns: the columns a table shows (default: the first few that hold plain values);
            JSON and CSV always carry every field.
    """
    fmt = choose_format(requested, stream)
    plain = to_plain(data)
    unicode_ok = writes_any_text(stream)
    if fmt is OutputFormat.json:
        # \u escapes where the stream cannot hold a character: the same JSON to a parser.
        stream.write(json.dumps(plain, indent=2, ensure_ascii=not unicode_ok) + "\n")
    elif fmt is OutputFormat.csv:
        if unicode_ok:
            _write_csv(plain, stream)
        else:
            buffer = io.StringIO()
            _write_csv(plain, buffer)
            stream.write(_fit(buffer.getvalue(), stream))
    else:
        _write_table(plain, stream, columns)
    stream.flush()


def writes_any_text(stream: IO[str]) -> bool:
    """Whether ``stream`` can write every character (a UTF encoding, or no encoding at all).

    A Windows pipe writes in the ANSI code page (cp1252...), where most of Unicode fails.
    """
    encoding = getattr(stream, "encoding", None)
    if not isinstance(encoding, str):
        return True
    try:
        "\U0001f600".encode(encoding)
    except UnicodeEncodeError:
        return False
    except LookupError:  # an encoding Python does not know: nothing better to do
        return True
    return True


def _fit(text: str, stream: IO[str]) -> str:
    """``text`` with the characters ``stream`` cannot encode replaced by ``?``."""
    encoding = str(getattr(stream, "encoding", "utf-8"))
    return text.encode(encoding, "replace").decode(encoding)


def _rows(plain: Any) -> list[dict[str, Any]]:
    if isinstance(plain, list):
        return [r if isinstance(r, dict) else {"value": r} for r in plain]
    if isinstance(plain, dict):
        return [plain]
    return [{"value": plain}]


def _keys(rows: list[dict[str, Any]]) -> list[str]:
    keys: dict[str, None] = {}
    for row in rows:
        for key in row:
            keys.setdefault(key, None)
    return list(keys)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _write_csv(plain: Any, stream: IO[str]) -> None:
    rows = _rows(plain)
    keys = _keys(rows)
    writer = csv.writer(stream, lineterminator="\n")
    if keys:
        writer.writerow(keys)
    for row in rows:
        writer.writerow([_cell(row.get(k)) for k in keys])


def _nested(value: Any) -> bool:
    """Whether a value is structure (a table, or a list holding tables) rather than data."""
    if isinstance(value, dict):
        return True
    return isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value)


def _summary(value: Any) -> str:
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return ", ".join(_cell(v) for v in value)
        return f"[{len(value)} items]"
    if isinstance(value, dict):
        return f"{{{len(value)} fields}}"
    return _cell(value)


def _console(stream: IO[str]) -> Any:
    from rich.console import Console

    # rich honours NO_COLOR itself; say it explicitly so a forced terminal keeps to it too.
    return Console(
        file=stream,
        no_color=bool(os.environ.get("NO_COLOR")) or None,
        highlight=False,
        soft_wrap=False,
    )


def _write_table(plain: Any, stream: IO[str], columns: list[str] | None) -> None:
    from rich.table import Table
    from rich.text import Text  # cells as Text: a value like "[3 items]" is not markup

    console = _console(stream)
    if isinstance(plain, dict):
        # One object: a two-column field/value view reads better than one very wide row.
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(style="bold")
        table.add_column(overflow="fold")
        for key, value in plain.items():
            table.add_row(Text(key), Text(_summary(value)))
        console.print(table)
        return
    if not isinstance(plain, list):
        console.print(_cell(plain), markup=False)
        return
    rows = _rows(plain)
    if not rows:
        return
    keys = _keys(rows)
    # A command's column hint is its table view; JSON and CSV still carry every field.
    chosen = [c for c in (columns or []) if c in keys]
    if not chosen:
        chosen = [k for k in keys if not all(_nested(r.get(k)) for r in rows)]
        chosen = chosen[:_MAX_TABLE_COLUMNS]
    table = Table(show_lines=False)
    for key in chosen:
        table.add_column(key, overflow="fold")
    for row in rows:
        table.add_row(*(Text(_summary(row.get(k))) for k in chosen))
    console.print(table)
