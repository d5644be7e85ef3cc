"""Help and usage errors read like the rest of wats, and parameters cost no pydantic import.

Issue 18: help showed Typer's internal type names (``<list[str]>``, ``<int range>``) and
``{KEY}``; Click's own usage errors printed ``Error:`` where ours print ``error:``/``next:``;
Typer 0.29 imported pydantic (~100 ms) to convert the first parameter of any command.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import Any

import pytest
import typer
from wats_cli.main import app

_INTERNAL = re.compile(r"<(str|int|float|bool|list\[[^>]*\]|int range|float range|path|Path)>")


def _paths() -> list[list[str]]:
    out: list[list[str]] = [[]]

    def walk(command: Any, path: list[str]) -> None:
        for name, sub in (getattr(command, "commands", None) or {}).items():
            out.append([*path, name])
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return out


@pytest.mark.parametrize("path", _paths(), ids=lambda p: " ".join(p) or "wats")
def test_help_has_no_internal_type_names_or_braces(wats, path: list[str]) -> None:
    result = wats(*path, "--help")
    assert result.exit_code == 0, result.stderr
    assert not _INTERNAL.search(result.stdout), result.stdout
    usage = result.stdout.splitlines()[0]
    assert "{" not in usage, usage


def test_arguments_and_options_show_plain_metavars(wats) -> None:
    submit = wats("report", "submit", "--help").stdout
    assert "Usage: wats report submit [OPTIONS] [FILE]..." in submit
    query = wats("report", "query", "--help").stdout
    assert re.search(r"--top N\s", query)
    assert "--result [passed|failed|error|terminated]" in query
    assert "Usage: wats config set [OPTIONS] KEY VALUE" in wats("config", "set", "--help").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "query", "--top", "0"], "0 is not in the range 1<=x<=1000000"),
        (["report", "query", "--result", "nope"], "'nope' is not one of"),
        (["product", "get"], "Missing argument 'PART_NUMBER'"),
        (["product", "get", "X", "--bogus"], "No such option: --bogus"),
        (["nosuchcommand"], "No such command"),
    ],
)
def test_usage_errors_print_error_and_a_runnable_next_line(
    wats, args: list[str], message: str
) -> None:
    result = wats(*args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("error: ")
    assert message in lines[0]
    assert "Error:" not in result.stderr
    assert "Usage:" not in result.stderr
    (hint,) = [line for line in lines if line.startswith("next: ")]
    command = re.findall(r"`(wats [^`]*)`", hint)[0]
    shown = wats(*command.split()[1:])  # the hint, run as printed
    assert shown.exit_code == 0
    assert shown.stdout.startswith("Usage: ")


def test_numbers_and_choices_are_converted_as_before(wats) -> None:
    # --top takes "5" as 5 and --result a choice; a bad one fails before any request.
    result = wats("report", "query", "--top", "5", "--result", "failed", "--url",
                  "http://127.0.0.1:9")  # fmt: skip
    assert result.exit_code == 4  # reached the command body: no token configured
    assert "Invalid value" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["product", "get", "X"],
        ["report", "query", "--top", "3", "--result", "failed", "--since", "7d", "-o", "json"],
        ["queue", "list", "--state", "parked", "--limit", "5"],
        ["-q", "-o", "json", "ping", "-v"],
        ["--help"],
    ],
)
def test_no_command_imports_pydantic(args: list[str], tmp_path: Any) -> None:
    env = {
        **os.environ,
        "PYWATS_HOME": str(tmp_path),
        "PYWATS_KEYRING": "0",
        "PYWATS_SERVER_URL": "http://127.0.0.1:9",
        "PYWATS_API_TOKEN": "t0ken-for-test",
    }
    code = (
        "import sys\n"
        "from wats_cli.main import run\n"
        f"sys.argv = ['wats', *{args!r}]\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr
