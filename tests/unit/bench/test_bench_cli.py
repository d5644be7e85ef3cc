"""The CLI benchmark times a data command of every server group, each one a real command."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

BENCH = Path(__file__).resolve().parents[3] / "benchmarks"


def _bench_cli(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))
    return importlib.import_module("bench_cli")


def test_every_server_group_has_a_timed_data_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from wats_cli.main import _GROUPS

    bench_cli = _bench_cli(monkeypatch)
    timed = {argv[0] for argv in bench_cli.DATA_COMMANDS}
    missing = sorted(set(_GROUPS) - timed - set(bench_cli.UNTIMED_GROUPS))
    assert missing == [], (
        f"groups {missing} have no command in DATA_COMMANDS (benchmarks/bench_cli.py):"
        " add one that reads data, or the group to UNTIMED_GROUPS with the reason"
    )


def test_every_timed_command_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    from wats_cli.main import app

    bench_cli = _bench_cli(monkeypatch)
    runner = CliRunner()
    for argv in bench_cli.DATA_COMMANDS:
        words = [w.format(pn="PCB-1001") for w in argv]
        done = runner.invoke(app, [*words, "--help"])
        assert done.exit_code == 0, (words, done.output)
        usage = done.output.split("\n", 1)[0].split()  # Usage: wats GROUP CMD [OPTIONS] ...
        path = usage[2 : usage.index("[OPTIONS]")]
        assert path == words[: len(path)], (words, usage)  # a command, not a group's help
        assert "COMMAND" not in usage, usage


def test_ratio_notes_say_the_target_and_whether_it_is_met(monkeypatch: pytest.MonkeyPatch) -> None:
    bench_cli = _bench_cli(monkeypatch)
    fast = bench_cli.Timing([0.5], [0.20])
    slow = bench_cli.Timing([0.9], [0.60])
    base = bench_cli.Timing([0.3], [0.10])
    assert bench_cli.ratio_note(fast, base, "`--version`", 2.5) == (
        "2.00x `--version` (target ≤ 2.5x ✓)"
    )
    assert bench_cli.ratio_note(slow, base, "`--version`", 2.5).endswith("✗)")
    assert bench_cli.ratio_note(bench_cli.Timing([], [], failed="boom"), base, "x", 2.5) == ""
