"""The reliability suite's fixtures: scale, seed, stations as processes, and the figures table.

Every test here has a quick variant (seconds; it runs in the default ``pytest``) and a full
one (minutes; ``nox -s reliability``, which sets ``PYWATS_RELIABILITY_FULL=1``). The same test
code runs both; :func:`scale` picks the sizes. The seed of the random choices is printed in
the table and taken from ``PYWATS_RELIABILITY_SEED`` when set, so a failing run can be
replayed exactly.

The full run prints a table of what it proved (kills survived, files, lost, duplicates by id,
faults injected, bad inputs tried, time to drain) and writes it to ``results.md`` here.
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from ._harness import Station

if TYPE_CHECKING:
    from pywats.testing import Emulator

FULL = os.environ.get("PYWATS_RELIABILITY_FULL", "").strip() not in ("", "0")
RESULTS = Path(__file__).resolve().parent / "results.md"
COLUMNS = (
    ("kills", "kills survived"),
    ("files", "files"),
    ("lost", "lost"),
    ("duplicates", "duplicates by id"),
    ("faults", "faults injected"),
    ("bad_inputs", "bad inputs tried"),
    ("drain_s", "time to drain (s)"),
)

_FIGURES: dict[str, dict[str, Any]] = {}
_SEED: list[int] = []


def scale(quick: Any, full: Any) -> Any:
    """Pick the quick size (default pytest) or the full one (``nox -s reliability``)."""
    return full if FULL else quick


@pytest.fixture(scope="session")
def seed() -> int:
    """The suite's random seed (``PYWATS_RELIABILITY_SEED`` or a fresh one, printed)."""
    if not _SEED:
        text = os.environ.get("PYWATS_RELIABILITY_SEED", "").strip()
        _SEED.append(int(text) if text else random.SystemRandom().randrange(1, 2**31))
        sys.stderr.write(f"\nreliability seed: {_SEED[0]} (PYWATS_RELIABILITY_SEED)\n")
    return _SEED[0]


@pytest.fixture
def rng(seed: int, request: pytest.FixtureRequest) -> random.Random:
    """A random generator per test, derived from the suite seed and the test's name."""
    return random.Random(f"{seed}:{request.node.name}")


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> dict[str, Any]:
    """A row of the figures table for this test; fill in what the test measured."""
    name = request.node.name.removeprefix("test_")
    row: dict[str, Any] = {}
    _FIGURES[name] = row
    return row


@pytest.fixture
def station(tmp_path: Path, fresh_emulator: Emulator) -> Iterator[Callable[..., Station]]:
    """Make station instances (``wats watch`` processes); every one is killed at the end."""
    made: list[Station] = []

    def make(**settings: Any) -> Station:
        st = Station(tmp_path / f"st{len(made)}", fresh_emulator, **settings)
        made.append(st)
        return st

    yield make
    for st in made:
        st.kill()


def _table() -> str:
    head = "| scenario | " + " | ".join(title for _, title in COLUMNS) + " |"
    rule = "|---" * (len(COLUMNS) + 1) + "|"
    lines = [head, rule]
    for name, row in sorted(_FIGURES.items()):
        if not row:
            continue
        cells = []
        for key, _ in COLUMNS:
            value = row.get(key, "")
            cells.append(f"{value:.1f}" if isinstance(value, float) else str(value))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not any(_FIGURES.values()):
        return
    variant = "full" if FULL else "quick"
    seed = _SEED[0] if _SEED else "n/a"
    title = f"pywats reliability figures ({variant} variant, seed {seed})"
    table = _table()
    terminalreporter.write_sep("=", title)
    terminalreporter.write_line(table)
    if FULL:
        stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        RESULTS.write_text(
            f"# {title}\n\nRun {stamp} on {os.cpu_count()} cores with"
            " `PYWATS_RELIABILITY_FULL=1` (what `nox -s reliability` sets); replay with"
            f" `PYWATS_RELIABILITY_SEED={seed}`.\n\n{table}\n",
            encoding="utf-8",
        )
        terminalreporter.write_line(f"written to {RESULTS}")
