"""``import pywats``: time and memory, ours against the anchor (``pywats-api``, also ``pywats``).

Every sample is a fresh interpreter started with ``-I`` (isolated: no current directory or
``PYTHONPATH`` on ``sys.path``, so each Python finds only its own ``pywats``) from a folder
outside the repository. Per repetition, for each implementation in turn:

* in-process: ``perf_counter`` around ``import pywats``, and the peak RSS right after;
* ``-X importtime``: the cumulative figure of the top-level ``pywats`` line;
* process wall time of ``python -I -c "import pywats"`` (interpreter start included; the
  bare interpreter's own time is shown beside it).

    python benchmarks/bench_import.py --repeat 10 [--no-anchor]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    WORK,
    Cell,
    Row,
    Stats,
    clean_env,
    failure_reason,
    fmt_value,
    markdown_table,
    time_command,
)

SECTION = "1"

# VmHWM, not ru_maxrss: on Linux ru_maxrss survives exec and would report this parent's peak.
_PROBE = """\
import time
t0 = time.perf_counter()
import pywats
t1 = time.perf_counter()
import json, re
status = open("/proc/self/status").read()
rss = int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) * 1024
print(json.dumps({"import_s": t1 - t0, "maxrss_bytes": rss, "file": pywats.__file__}))
"""


def importtime_cumulative(stderr: str, module: str = "pywats") -> float:
    """Seconds of ``module``'s cumulative line in ``-X importtime`` output."""
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
        if len(parts) == 3 and parts[2] == module:
            return int(parts[1]) / 1e6
    raise ValueError(f"no -X importtime line for {module}")


def measure_once(python: Path, out: dict[str, list[float]]) -> None:
    """One sample of each figure for the ``pywats`` that ``python`` imports, added to ``out``."""
    env = clean_env(anchor=True)  # -I ignores PYTHON* anyway; no stray path either way
    py = str(python)
    probe = time_command([py, "-I", "-c", _PROBE], env=env, cwd=WORK)
    if probe.returncode != 0:
        raise RuntimeError(failure_reason(probe.stderr, probe.returncode))
    data = json.loads(probe.stdout.strip().splitlines()[-1])
    out.setdefault("import_s", []).append(data["import_s"])
    out.setdefault("rss_mb", []).append(data["maxrss_bytes"] / 1e6)
    traced = time_command([py, "-I", "-X", "importtime", "-c", "import pywats"], env=env, cwd=WORK)
    out.setdefault("importtime_s", []).append(importtime_cumulative(traced.stderr))
    whole = time_command([py, "-I", "-c", "import pywats"], env=env, cwd=WORK)
    out.setdefault("wall_s", []).append(whole.seconds)
    out.setdefault("cpu_s", []).append(whole.cpu_seconds)
    bare = time_command([py, "-I", "-c", "pass"], env=env, cwd=WORK)
    out.setdefault("bare_s", []).append(bare.seconds)


def run(
    repeat: int = 10,
    *,
    python: Path | None = None,
    anchor_python: Path | None = None,
    anchor_note: str = "",
) -> list[Row]:
    """The import rows: ours with ``python`` (default: this interpreter), the anchor's with
    ``anchor_python`` when given (else its cells say ``anchor_note``). Repetitions alternate
    between the two, so a busy spell on the machine hits both."""
    WORK.mkdir(parents=True, exist_ok=True)
    mine = python or Path(sys.executable)
    ours: dict[str, list[float]] = {}
    theirs: dict[str, list[float]] | None = None
    failed = ""
    pythons = [mine] if anchor_python is None else [mine, anchor_python]
    for py in pythons:  # one untimed run each: byte-compiling the package is not the import
        time_command([str(py), "-I", "-c", "import pywats"], env=clean_env(anchor=True), cwd=WORK)
    if anchor_python is not None:
        theirs = {}
    for _ in range(repeat):
        measure_once(mine, ours)
        if anchor_python is not None and theirs is not None:
            try:
                measure_once(anchor_python, theirs)
            except (RuntimeError, ValueError) as exc:
                failed, theirs = str(exc), None

    def anchor(key: str) -> Cell:
        if theirs is not None:
            return Cell.of(theirs[key])
        return Cell.failed(failed) if failed else Cell(None, anchor_note or "not run")

    def bare(data: dict[str, list[float]] | None) -> str:
        if data is None:
            return ""
        cpu = fmt_value(Stats.of(data["cpu_s"]).median, "s")
        return f"CPU {cpu}; bare interpreter {fmt_value(Stats.of(data['bare_s']).median, 's')}"

    wall_ours = Cell.of(ours["wall_s"], bare(ours))
    wall_anchor = anchor("wall_s")
    if theirs is not None:
        wall_anchor = Cell.of(theirs["wall_s"], bare(theirs))
    return [
        Row(
            SECTION,
            "`import pywats` (in-process, perf_counter)",
            "s",
            Cell.of(ours["import_s"]),
            anchor("import_s"),
            target=0.100,
        ),
        Row(
            SECTION,
            "`import pywats` (`-X importtime`, cumulative)",
            "s",
            Cell.of(ours["importtime_s"]),
            anchor("importtime_s"),
        ),
        Row(
            SECTION,
            "`python -I -c 'import pywats'` (process wall time)",
            "s",
            wall_ours,
            wall_anchor,
        ),
        Row(
            SECTION,
            "resident memory after `import pywats` (peak RSS)",
            "MB",
            Cell.of(ours["rss_mb"]),
            anchor("rss_mb"),
        ),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--no-anchor", action="store_true")
    args = parser.parse_args(argv)
    anchor_python, why = None, "skipped"
    if not args.no_anchor:
        from bench_reports import ensure_anchor_venv

        anchor_python, why = ensure_anchor_venv()
    rows = run(args.repeat, anchor_python=anchor_python, anchor_note=why)
    print(markdown_table(rows), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
