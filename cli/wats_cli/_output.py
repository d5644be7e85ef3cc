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
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import PurePath
from typing import IO, Any
from uuid import UUID

from wats_cli._text import csv_safe, printable
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
            _write_csv(plain, stream, columns)
        else:
            buffer = io.StringIO()
            _write_csv(plain, buffer, columns)
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


def _write_csv(plain: Any, stream: IO[str], columns: list[str] | None) -> None:
    rows = _rows(plain)
    # An empty result still has its header, so a script reading it sees the columns.
    keys = _keys(rows) or list(columns or [])
    writer = csv.writer(stream, lineterminator="\n")
    if keys:
        writer.writerow([csv_safe(k) for k in keys])
    for row in rows:
        writer.writerow([_csv_cell(row.get(k)) for k in keys])


def _csv_cell(value: Any) -> str:
    # Numbers and booleans are data a spreadsheet cannot run; text may be a formula.
    if isinstance(value, (bool, int, float)) or value is None:
        return _cell(value)
    return csv_safe(_cell(value))


def _nested(value: Any) -> bool:
    """Whether a value is structure (a table, or a list holding tables) rather than data."""
    if isinstance(value, dict):
        return True
    return isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value)


_CELL_LIMIT = 60


def _summary(value: Any, key: str = "") -> str:
    """One table cell: scalars as they are, small structures inline (``a=1, b=2``)."""
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return ", ".join(_scalar(v) for v in value)
        return f"[{len(value)} items]"
    if isinstance(value, dict):
        text = ", ".join(f"{k}={_summary(v, k)}" for k, v in value.items() if v is not None)
        return text if len(text) <= _CELL_LIMIT else text[: _CELL_LIMIT - 1] + "…"
    return _scalar(value, key)


def _scalar(value: Any, key: str = "") -> str:
    return printable(_cell(when(value, key)))


# Epoch seconds under a time-like key are shown to people as ISO times (JSON keeps them).
_EPOCH_RANGE = (946_684_800, 4_102_444_800)  # 2000-01-01 .. 2100-01-01


def when(value: Any, key: str) -> Any:
    """``value`` as an ISO time (UTC) when it is epoch seconds under a ``*_at``/``*time`` key."""
    if (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and (key.endswith(("_at", "time")) or key in ("at", "since"))
        and _EPOCH_RANGE[0] <= value <= _EPOCH_RANGE[1]
    ):
        moment = _dt.datetime.fromtimestamp(value, _dt.UTC).replace(microsecond=0)
        return moment.isoformat().replace("+00:00", "Z")
    return value


def _tree(value: Any, indent: str = "") -> list[tuple[str, str]]:
    """Rows (field, value) for one object: nested objects and lists indented under their key."""
    rows: list[tuple[str, str]] = []
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        label = f"{indent}{key}" if isinstance(value, dict) else f"{indent}[{key}]"
        if (isinstance(item, dict) and item) or (isinstance(item, list) and _nested(item)):
            rows.append((label, ""))
            rows.extend(_tree(item, indent + "  "))
        elif isinstance(item, dict):
            rows.append((label, ""))
        else:
            rows.append((label, _summary(item, str(key))))
    return rows


def _console(stream: IO[str]) -> Any:
    from rich.console import Console

    # rich honours NO_COLOR itself; say it explicitly so a forced terminal keeps to it too.
    return Console(
        file=stream,
        no_color=bool(os.environ.get("NO_COLOR")) or None,
        highlight=False,
        soft_wrap=False,
    )


_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def _is_id_column(rows: list[dict[str, Any]], key: str) -> bool:
    """Whether a column holds UUIDs (empty cells allowed): they must never fold."""
    values = [row.get(key) for row in rows if row.get(key) not in (None, "")]
    return bool(values) and all(isinstance(v, str) and _UUID.match(v) for v in values)


def _write_table(plain: Any, stream: IO[str], columns: list[str] | None) -> None:
    from rich.table import Table
    from rich.text import Text  # cells as Text: a value like "[3 items]" is not markup

    console = _console(stream)
    if isinstance(plain, dict):
        # One object: a field/value view, nested objects indented under their field.
        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        for key, value in _tree(plain):
            table.add_row(Text(printable(key)), Text(value))
        console.print(table)
        return
    if not isinstance(plain, list):
        console.print(Text(_scalar(plain)))
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
    from rich import box

    cells = [[_summary(row.get(k), k) for k in chosen] for row in rows]
    ids = {k for k in chosen if _is_id_column(rows, k)}
    shown, cells = _fit_columns(chosen, cells, console.width, ids)
    hidden = len(chosen) - len(shown)
    # Rules only under the header: the width goes to the data, not to borders.
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_lines=False)
    if hidden:
        table.caption = f"{hidden} more column(s) do not fit: -o json shows every field"
    for key in shown:
        # Ids are never folded over several lines: a UUID must stay one copyable string.
        if key in ids:
            table.add_column(printable(key), no_wrap=True, min_width=36)
        else:
            table.add_column(printable(key), overflow="fold")
    for line in cells:
        table.add_row(*(Text(cell) for cell in line))
    console.print(table)


def _fit_columns(
    keys: list[str], cells: list[list[str]], width: int, ids: set[str]
) -> tuple[list[str], list[list[str]]]:
    """Drop trailing columns when even folded (10 wide; ids whole) they cannot fit the
    terminal; JSON and CSV keep every field, and the table's caption says so."""
    natural = [max([len(k), *(len(line[i]) for line in cells)]) for i, k in enumerate(keys)]
    least = [n if k in ids else min(n, 10) for k, n in zip(keys, natural, strict=True)]
    count = len(keys)
    while count > 2 and sum(least[:count]) + 3 * count > width:
        count -= 1
    return keys[:count], [line[:count] for line in cells]
