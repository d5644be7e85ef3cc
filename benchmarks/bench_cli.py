"""CLI cold start: ``wats --version``, ``wats --help``, ``wats product get PN`` (emulator).

Each sample is a new process, timed from spawn to exit, with stdout captured (a pipe: no
terminal rendering). The anchor's command-line entry point, ``pywats-client``, is tried the
same way for ``--version`` and ``--help``; when it cannot start, the row says why. It has no
command that reads a product, so that row has no anchor figure.

    python benchmarks/bench_cli.py --repeat 7        # starts its own emulator
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
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


def _script(python: Path, name: str) -> Path:
    """A console script installed beside ``python`` (``bin/wats``, ``Scripts/wats.exe``)."""
    suffix = ".exe" if os.name == "nt" else ""
    return python.parent / f"{name}{suffix}"


def time_cli(cmd: Sequence[str], repeat: int, env: dict[str, str]) -> Cell:
    """``repeat`` cold starts of ``cmd`` (after one untimed run that byte-compiles); the note
    gives the median CPU time, which a busy machine inflates far less than the wall time."""
    WORK.mkdir(parents=True, exist_ok=True)
    first = time_command(cmd, env=env, cwd=WORK)
    if first.returncode != 0:
        return Cell.failed(failure_reason(first.stderr, first.returncode))
    samples, cpu = [], []
    for _ in range(repeat):
        done = time_command(cmd, env=env, cwd=WORK)
        if done.returncode != 0:
            return Cell.failed(failure_reason(done.stderr, done.returncode))
        samples.append(done.seconds)
        cpu.append(done.cpu_seconds)
    return Cell.of(samples, f"CPU {fmt_value(statistics.median(cpu), 's')}")


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
    """Cold-start rows; ``part_number`` must exist on the server at ``url``."""
    wats = str(_script(python or Path(sys.executable), "wats"))
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
        ours = {
            "--version": time_cli([wats, "--version"], repeat, env),
            "--help": time_cli([wats, "--help"], repeat, env),
            "product get": time_cli([wats, "product", "get", part_number], repeat, env),
        }
        theirs: dict[str, Cell] = {}
        for flag in ("--version", "--help"):
            if anchor_python is None:
                theirs[flag] = Cell(None, anchor_note or "not run")
            else:
                cli = str(_script(anchor_python, ANCHOR_CLI))
                theirs[flag] = time_cli([cli, flag], repeat, clean_env(settings, anchor=True))
    return [
        Row(
            SECTION,
            "`wats --version` cold start (anchor: `pywats-client --version`)",
            "s",
            ours["--version"],
            theirs["--version"],
            target=0.150,
        ),
        Row(
            SECTION,
            "`wats --help` cold start (anchor: `pywats-client --help`)",
            "s",
            ours["--help"],
            theirs["--help"],
            target=0.200,
        ),
        Row(
            SECTION,
            f"`wats product get {part_number}` cold start, emulator",
            "s",
            ours["product get"],
            Cell(None, "no such command"),
            target=0.350,
        ),
    ]


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
