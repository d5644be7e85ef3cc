"""CLI cold start: ``wats --version``, ``wats --help`` and one data command per server group.

Each sample is a new process, timed from spawn to exit, with stdout captured (a pipe: no
terminal rendering, so a data command writes JSON). The commands are interleaved (one round
runs every command once) so that a change in the machine's load falls on all of them alike.

The targets (issue 18) are ratios taken in the same run, on the median CPU time (which a
busy machine inflates far less than the wall time):

- every data command: at most 2.5x ``wats --version``;
- ``wats --help``: under 2x a bare ``python -c "import typer"`` (the floor of any Typer CLI).

The anchor's command-line entry point, ``pywats-client``, is tried the same way for
``--version`` and ``--help``; when it cannot start, the row says why. It has no commands that
read data, so those rows have no anchor figure.

    python benchmarks/bench_cli.py --repeat 7        # starts its own emulator
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    WORK,
    Cell,
    Row,
    clean_env,
    failure_reason,
    fmt_value,
    markdown_table,
    time_command,
)

SECTION = "2"
ANCHOR_CLI = "pywats-client"

#: Data commands must start within this many times ``wats --version`` (CPU medians).
DATA_RATIO_TARGET = 2.5
#: ``wats --help`` must start within this many times ``python -c "import typer"``.
HELP_RATIO_TARGET = 2.0

#: One data command per group that talks to the server, as a user types it (``{pn}``: the
#: benchmark's part number). The emulator holds the sample data, so each finds something.
DATA_COMMANDS: tuple[tuple[str, ...], ...] = (
    ("product", "get", "{pn}"),
    ("report", "query", "--pn", "{pn}"),
    ("asset", "get", "FX-0001"),
    ("production", "sn", "types"),
    ("analytics", "yield", "--pn", "{pn}"),
    ("software", "list"),
    ("rootcause", "list", "--view", "all"),
    ("process", "list"),
    ("system", "status"),
    ("export", "list"),
    ("ping",),
)

#: Groups not timed here, and why.
UNTIMED_GROUPS = {
    "config": "reads local files only",
    "queue": "reads the station's local queue only",
    "workflow": "every command changes a unit's state: a repeat would not be the same work",
}


def _script(python: Path, name: str) -> Path:
    """A console script installed beside ``python`` (``bin/wats``, ``Scripts/wats.exe``)."""
    suffix = ".exe" if os.name == "nt" else ""
    return python.parent / f"{name}{suffix}"


@dataclass
class Timing:
    """The samples of one command (or why it could not be timed)."""

    wall: list[float]
    cpu: list[float]
    failed: str = ""

    def cell(self, note: str = "") -> Cell:
        if self.failed:
            return Cell.failed(self.failed)
        cpu = f"CPU {fmt_value(statistics.median(self.cpu), 's')}"
        return Cell.of(self.wall, f"{cpu}; {note}" if note else cpu)

    @property
    def cpu_median(self) -> float | None:
        return None if self.failed or not self.cpu else statistics.median(self.cpu)


def time_interleaved(
    commands: dict[str, list[str]], repeat: int, env: dict[str, str]
) -> dict[str, Timing]:
    """``repeat`` rounds, each a cold start of every command in turn, after one untimed run of
    each (byte-compiling, warming the OS's file cache)."""
    WORK.mkdir(parents=True, exist_ok=True)
    timings = {name: Timing([], []) for name in commands}
    for name, cmd in commands.items():
        first = time_command(cmd, env=env, cwd=WORK)
        if first.returncode != 0:
            timings[name].failed = failure_reason(first.stderr, first.returncode)
    for _ in range(repeat):
        for name, cmd in commands.items():
            timing = timings[name]
            if timing.failed:
                continue
            done = time_command(cmd, env=env, cwd=WORK)
            if done.returncode != 0:
                timing.failed = failure_reason(done.stderr, done.returncode)
                continue
            timing.wall.append(done.seconds)
            timing.cpu.append(done.cpu_seconds)
    return timings


def ratio_note(timing: Timing, reference: Timing, what: str, target: float) -> str:
    """``2.10x `wats --version` (target ≤ 2.5x ✓)`` from the two CPU medians."""
    ours, base = timing.cpu_median, reference.cpu_median
    if ours is None or base is None or base <= 0:
        return ""
    ratio = ours / base
    mark = "✓" if ratio <= target else "✗"
    return f"{ratio:.2f}x {what} (target ≤ {target:g}x {mark})"


def add_data(url: str, token: str) -> None:
    """The emulator's sample data (products, asset FX-0001, reports), a RootCause ticket and a
    software package: every data command then reads something."""
    from pywats import TicketView, pyWATS
    from pywats.testing._samples import load_samples

    load_samples(url, token)
    with pyWATS(url, token) as api:
        if not api.rootcause.query(view=TicketView.ALL):
            api.rootcause.create({"subject": "Benchmark ticket", "priority": 1})
        if not api.software.get_packages():
            api.software.create_package({"name": "bench-firmware", "version": 1})


def data_label(argv: Sequence[str]) -> str:
    return "wats " + " ".join(argv)


def run(
    url: str,
    token: str,
    part_number: str,
    *,
    repeat: int = 7,
    python: Path | None = None,
    anchor_python: Path | None = None,
    anchor_note: str = "",
) -> list[Row]:
    """Cold-start rows against the server at ``url`` (an emulator: :func:`add_data` puts
    what the data commands read); ``part_number`` must be a product there."""
    add_data(url, token)
    interpreter = python or Path(sys.executable)
    wats = str(_script(interpreter, "wats"))
    data = [tuple(word.format(pn=part_number) for word in argv) for argv in DATA_COMMANDS]
    with tempfile.TemporaryDirectory(prefix="wats-bench-") as home:
        # a private config home: no instance files or keyring of the person running this
        settings = {
            "PYWATS_HOME": home,
            "PYWATS_KEYRING": "0",
            "PYWATS_SERVER_URL": url,
            "PYWATS_API_TOKEN": token,
            "NO_COLOR": "1",
        }
        env = clean_env(settings)
        commands = {
            "import typer": [str(interpreter), "-c", "import typer"],
            "--version": [wats, "--version"],
            "--help": [wats, "--help"],
            **{data_label(argv): [wats, *argv] for argv in data},
        }
        ours = time_interleaved(commands, repeat, env)
        theirs: dict[str, Cell] = {}
        for flag in ("--version", "--help"):
            if anchor_python is None:
                theirs[flag] = Cell(None, anchor_note or "not run")
            else:
                cli = str(_script(anchor_python, ANCHOR_CLI))
                anchor_env = clean_env(settings, anchor=True)
                timing = time_interleaved({flag: [cli, flag]}, repeat, anchor_env)[flag]
                theirs[flag] = timing.cell()
    typer_cpu = ours["import typer"].cpu_median
    typer_note = f"`import typer` CPU {fmt_value(typer_cpu, 's')}" if typer_cpu else ""
    help_note = ratio_note(
        ours["--help"], ours["import typer"], "`import typer`", HELP_RATIO_TARGET
    )
    rows = [
        Row(
            SECTION,
            "`wats --version` cold start (anchor: `pywats-client --version`)",
            "s",
            ours["--version"].cell(),
            theirs["--version"],
        ),
        Row(
            SECTION,
            "`wats --help` cold start (anchor: `pywats-client --help`)",
            "s",
            ours["--help"].cell("; ".join(n for n in (help_note, typer_note) if n)),
            theirs["--help"],
        ),
    ]
    for argv in data:
        label = data_label(argv)
        note = ratio_note(ours[label], ours["--version"], "`--version`", DATA_RATIO_TARGET)
        rows.append(
            Row(
                SECTION,
                f"`{label}` cold start, emulator",
                "s",
                ours[label].cell(note),
                Cell(None, "no such command"),
            )
        )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-anchor", action="store_true")
    args = parser.parse_args(argv)
    from bench_reports import ensure_anchor_venv
    from bench_requests import BENCH_PART, create_bench_product

    from pywats.testing import Emulator

    anchor_python, why = (None, "skipped") if args.no_anchor else ensure_anchor_venv()
    with Emulator() as emu:
        create_bench_product(emu.url, emu.token)
        rows = run(
            emu.url,
            emu.token,
            BENCH_PART,
            repeat=args.repeat,
            anchor_python=anchor_python,
            anchor_note=why,
        )
    print(markdown_table(rows), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
