"""Rendering: the same fields in table, JSON and CSV; JSON when piped; secrets never shown."""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import re
import uuid

import attrs
import pytest
from wats_cli._output import choose_format, render, to_plain
from wats_cli._types import OutputFormat


class Color(enum.Enum):
    RED = "red"


@attrs.frozen
class Thing:
    name: str
    when: dt.datetime
    id: uuid.UUID
    color: Color
    tags: list[str]
    secret: str = attrs.field(default="hunter2-secret", repr=False)


THING = Thing(
    name="A [bold]x[/bold]",
    when=dt.datetime(2026, 1, 30, 22, 1, 41, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    id=uuid.UUID("12345678-1234-5678-1234-567812345678"),
    color=Color.RED,
    tags=["a", "b"],
)


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _render(data: object, fmt: OutputFormat | None, stream: io.StringIO | None = None) -> str:
    out = stream or io.StringIO()
    render(data, fmt, stream=out)
    return out.getvalue()


def test_to_plain_turns_models_into_json_data_without_secret_fields() -> None:
    assert to_plain(THING) == {
        "name": "A [bold]x[/bold]",
        "when": "2026-01-30T22:01:41+01:00",
        "id": "12345678-1234-5678-1234-567812345678",
        "color": "red",
        "tags": ["a", "b"],
    }


def test_json_is_chosen_when_piped_and_table_on_a_terminal() -> None:
    assert choose_format(None, io.StringIO()) is OutputFormat.json
    assert choose_format(None, Tty()) is OutputFormat.table
    assert choose_format("csv", Tty()) is OutputFormat.csv
    assert json.loads(_render([THING], None)) == [to_plain(THING)]
    assert "hunter2" not in _render([THING], None, Tty())


def test_csv_has_a_header_and_one_row_per_item() -> None:
    rows = list(csv.reader(io.StringIO(_render([THING, THING], OutputFormat.csv))))
    assert rows[0] == ["name", "when", "id", "color", "tags"]
    assert rows[1] == [
        "A [bold]x[/bold]",
        "2026-01-30T22:01:41+01:00",
        "12345678-1234-5678-1234-567812345678",
        "red",
        '["a","b"]',
    ]
    assert len(rows) == 3


def test_table_shows_values_literally_and_without_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    text = _render([THING], OutputFormat.table, Tty())
    assert "A [bold]x[/bold]" in text  # not interpreted as rich markup
    # NO_COLOR forbids colour (bold is allowed): no SGR foreground/background codes.
    assert not re.search(r"\x1b\[(?:\d+;)*(?:3\d|4\d|9\d|10\d)(?:;\d+)*m", text)
    assert "a, b" in text
    single = _render(THING, OutputFormat.table, Tty())
    assert "color" in single
    assert "a, b" in single


def test_empty_list_renders_empty_json_array_and_empty_table() -> None:
    assert json.loads(_render([], OutputFormat.json)) == []
    assert _render([], OutputFormat.table) == ""
    assert _render([], OutputFormat.csv) == ""


def test_scalars_and_unicode() -> None:
    assert json.loads(_render("Ω ¶ ok", OutputFormat.json)) == "Ω ¶ ok"
    assert _render(3, OutputFormat.table).strip() == "3"


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from wats_cli._context import State, begin
    from wats_cli._progress import progress

    begin(State())
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    with progress(3, "Submitting") as advance:
        for _ in range(3):
            advance()
    assert piped.getvalue() == ""

    terminal = Tty()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setenv("TERM", "xterm")
    with progress(3, "Submitting") as advance:
        for _ in range(3):
            advance()
    assert "Submitting" in terminal.getvalue()
    assert "3/3" in terminal.getvalue()

    begin(State(quiet=True))
    quiet = Tty()
    monkeypatch.setattr(sys, "stderr", quiet)
    with progress(3, "Submitting") as advance:
        advance()
    assert quiet.getvalue() == ""
