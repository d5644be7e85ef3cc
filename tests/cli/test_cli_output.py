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
    monkeypatch.setenv("COLUMNS", "120")  # wide enough that no cell folds
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


# --- first contact (issue 18) and hostile text (issue 19.8) --------------------------------


def test_nested_objects_render_as_readable_rows_not_field_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    data = {
        "instance": "ict",
        "queue": {"pending": 1, "parked": 2, "by_converter": {"wsjf": 3}},
        "report": {"pn": "PCB-1001", "root": {"steps": [{"name": "Power", "status": "P"}]}},
    }
    text = re.sub(r"\x1b\[[0-9;]*m", "", _render(data, OutputFormat.table, Tty()))
    assert "fields}" not in text
    assert "items]" not in text
    lines = [line.rstrip() for line in text.splitlines()]
    assert any(re.fullmatch(r"\s*pending\s+1", line) for line in lines)
    assert any(re.fullmatch(r"\s*wsjf\s+3", line) for line in lines)
    assert any(re.fullmatch(r"\s*name\s+Power", line) for line in lines)


def test_epoch_times_are_shown_as_iso_in_tables_and_kept_in_json(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    data = {"started_at": 1764770000.25, "count": 1764770000}
    assert "2025-12-03T13:53:20Z" in _render(data, OutputFormat.table, Tty())
    assert "1764770000" in _render(data, OutputFormat.table, Tty())  # not a time key
    assert json.loads(_render(data, OutputFormat.json))["started_at"] == 1764770000.25


def test_uuids_stay_on_one_line_at_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    rows = [
        {
            "uuid": str(uuid.UUID(int=n)),
            "partNumber": "PCB-1001",
            "serialNumber": f"SN-{n:06}",
            "result": "Passed",
            "start": "2026-11-01T08:00:00+00:00",
            "stationName": "ST-01 on line two",
            "revision": "A",
        }
        for n in range(3)
    ]
    text = re.sub(r"\x1b\[[0-9;]*m", "", _render(rows, OutputFormat.table, Tty()))
    for row in rows:
        assert row["uuid"] in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_empty_csv_still_has_its_header() -> None:
    out = io.StringIO()
    render([], OutputFormat.csv, stream=out, columns=["uuid", "partNumber"])
    assert out.getvalue() == "uuid,partNumber\n"


def test_csv_neutralises_formula_cells_but_not_numbers() -> None:
    cells = ['=HYPERLINK("http://x")', "+1+2", "-5", "@SUM(A1)", -5, "\tx", "plain"]
    cells += ["-1.5e3", "-x"]
    data = [{f"c{i}": cell for i, cell in enumerate(cells)}]
    rows = list(csv.reader(io.StringIO(_render(data, OutputFormat.csv))))
    assert rows[1] == [
        "'=HYPERLINK(\"http://x\")", "'+1+2", "-5", "'@SUM(A1)", "-5", "'\tx", "plain",
        "-1.5e3", "'-x",
    ]  # fmt: skip


def test_control_characters_from_a_server_are_escaped_in_tables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    hostile = "ok\x1b]0;pwned\x07\x1b[2J\nforged line\u202eevil"
    for data in ({"name": hostile}, [{"name": hostile}], hostile, {hostile: 1}):
        text = re.sub(r"\x1b\[[0-9;]*m", "", _render(data, OutputFormat.table, Tty()))
        assert "\x07" not in text
        assert "\x1b]" not in text
        assert "\x1b[2J" not in text
        assert "\u202e" not in text
        assert "forged line" not in text.splitlines()[0:1]
        assert "\\x1b]0;pwned\\x07" in text.replace("\n", "").replace(" ", "")
