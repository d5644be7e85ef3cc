"""Global options work in every position on every command, present and future (issue 18.1).

The tree is walked from the built app, so a command added later is checked with no edit here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from wats_cli._params import GLOBAL_OPTIONS
from wats_cli.main import app


def _commands() -> list[list[str]]:
    """Every command path below ``wats`` (groups included: options go there too)."""
    paths: list[list[str]] = []

    def walk(command: Any, path: list[str]) -> None:
        if path:
            paths.append(path)
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return paths


COMMANDS = _commands()


def test_the_walk_finds_the_commands() -> None:
    names = {" ".join(p) for p in COMMANDS}
    assert {"login", "product get", "report submit", "queue list", "config set"} <= names


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_every_command_accepts_the_global_options_after_its_name(wats, path: list[str]) -> None:
    # --help is eager, but Click parses the whole line first: an unknown flag fails here.
    result = wats(*path, "-i", "x", "--url", "http://127.0.0.1:9", "-o", "json", "-v", "-q",
                  "--retries", "1", "--help")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    for flag in GLOBAL_OPTIONS:
        assert flag in result.stdout


def test_login_dash_i_after_the_command_stores_the_token_for_that_instance(
    wats, fresh_emulator: Any
) -> None:
    result = wats("login", "-i", "notoken", "--url", fresh_emulator.url,
                  input=fresh_emulator.token + "\n")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    listed = json.loads(wats("config", "list", "-o", "json").stdout)
    assert {"instance": "notoken", "token": "stored"}.items() <= {
        k: v for row in listed if row["instance"] == "notoken" for k, v in row.items()
    }.items()


def test_instance_before_and_after_the_command_mean_the_same(wats, wats_home: Path) -> None:
    assert wats("config", "set", "station.name", "Before", "-i", "line2").exit_code == 0
    before = json.loads(wats("-i", "line2", "config", "show", "-o", "json").stdout)
    after = json.loads(wats("config", "show", "-i", "line2", "-o", "json").stdout)
    middle = json.loads(wats("config", "-i", "line2", "show", "-o", "json").stdout)
    assert before == after == middle
    assert before["instance"] == "line2"
    assert before["station.name"] == "Before"


def test_output_and_quiet_after_the_command(wats) -> None:
    result = wats("config", "set", "station.name", "X", "-q")
    assert result.exit_code == 0
    assert result.stderr == ""
    shown = wats("config", "show", "-o", "csv")
    assert shown.stdout.startswith("instance,")


def test_verbose_after_the_command_shows_the_traceback(wats) -> None:
    result = wats("product", "get", "X", "--url", "http://127.0.0.1:9", "-v", "--retries", "0")
    assert result.exit_code == 4  # no token configured
    assert "Traceback" in result.stderr
