"""``nox -s bench``: every benchmark, ours beside the anchor and the raw-httpx floor, in one run.

1. ``import pywats``: time and memory                       (bench_import.py)
2. CLI cold start: ``--version``, ``--help``, data commands (bench_cli.py)
3. report build + serialise, parse a server export         (bench_reports.py)
4. requests against one emulator: sync, async, submissions (bench_requests.py)
5. station service and its durable queue                    (bench_station.py)
6. bulk export and submit, and export with server latency  (bench_bulk.py)
7. converter throughput, files per CPU second               (bench_converters.py)
8. converting 2, 20 and 100 MB JUnit/WSXF/CSV files          (bench_bigfiles.py)

The anchor, ``pywats-api==0.6.0rc1``, lives in its own virtual environment under
``benchmarks/.work/`` (its import name is also ``pywats``), created with pip on first use;
raw httpx runs from ours. Each section (``_sections.py`` wires it to its module) becomes one
marked block of ``benchmarks/results.md`` (``_results.py``) saying when, at which commit and
at what load it was measured; ``--only`` re-writes those blocks and keeps the others byte
for byte. Writing ``results.md`` also renders the README's table from it
(``readme_table.py``).

    python benchmarks/run.py                   # the full run (see NOTES.md for how long)
    python benchmarks/run.py --only 4 6        # re-measure sections 4 and 6 only
    python benchmarks/run.py --quick --no-anchor   # a smoke run into .work/results-quick.md
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import readme_table
from _common import ANCHOR, HERE, REPO, WORK, Cell, Row, fmt_value, machine_description
from _results import Section, merge, render_header
from _sections import FULL, QUICK, SPECS, Context, Spec

RESULTS = HERE / "results.md"
QUICK_RESULTS = WORK / "results-quick.md"
#: Fixed facts of the machine, in the header; the date and load go with each section.
MACHINE_KEYS = ("CPU", "cores", "memory", "OS", "Python")


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _anchor_version(anchor_python: Path | None) -> str:
    if anchor_python is None:
        return ""
    probe = subprocess.run(
        [str(anchor_python), "-I", "-c", "import importlib.metadata as m; "
         "print(m.version('pywats-api'), m.version('httpx'), m.version('pydantic'))"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    if probe.returncode != 0:
        return "pywats-api ?"
    api, httpx, pydantic = probe.stdout.split()
    return f"pywats-api {api} (httpx {httpx}, pydantic {pydantic})"


def commit() -> str:
    """The checked-out commit, ``+changes`` when the work tree differs from it."""
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True, text=True, timeout=30, check=True,
        ).stdout.strip()  # fmt: skip
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True, text=True, timeout=30, check=True,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return "?"
    return f"{head}+changes" if dirty else head


def _load() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def measure(spec: Spec, ctx: Context, versions: str, revision: str) -> Section:
    """Run one section's benchmark; a crash becomes a note and a failed row, not a lost run."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load0, started = _load(), time.perf_counter()
    try:
        rows = spec.produce(ctx)
    except Exception as exc:  # a benchmark bug must not throw away the other sections
        reason = f"{type(exc).__name__}: {exc}"
        ctx.notes.append(f"the benchmark failed: {reason}")
        rows = [Row(spec.key, spec.title, "s", Cell.failed(reason))]
    elapsed, load1 = time.perf_counter() - started, _load()
    run = (
        f"Measured {when} at {revision} in {fmt_value(elapsed, 's')}; load average (1 min)"
        f" {load0:.2f} at the start, {load1:.2f} at the end; {versions}."
    )
    notes = list(ctx.notes)
    if ctx.quick:
        notes.insert(0, "`--quick`: smoke-run sizes, one repetition; not a measurement")
    if spec.anchor and ctx.anchor_python is None:
        notes.append(f"{ANCHOR}: {ctx.anchor_note}")
    return Section(spec.key, spec.title, rows, spec.method, run, [*notes, *spec.notes])


def write(output: Path, header: str, section: Section) -> str:
    """Put ``section`` into ``output``, every other section kept; return the new text."""
    old = output.read_text(encoding="utf-8") if output.exists() else ""
    text, dropped = merge(old, header, {section.key: section}, list(SPECS))
    if dropped:
        print(f"dropped {len(dropped)} lines of {output} outside the sections", file=sys.stderr)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    return text


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one repetition")
    parser.add_argument("--no-anchor", action="store_true", help="ours and httpx only")
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help=f"the file to write (default {RESULTS.relative_to(REPO)}; with --quick"
        f" {QUICK_RESULTS.relative_to(REPO)})",
    )
    parser.add_argument(
        "--only", nargs="+", choices=list(SPECS), default=list(SPECS), help="these sections"
    )
    args = parser.parse_args(argv)
    output: Path = args.output or (QUICK_RESULTS if args.quick else RESULTS)
    started = time.perf_counter()

    def progress(text: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f} s] {text}", file=sys.stderr, flush=True)

    anchor_python: Path | None = None
    why = "not run (--no-anchor)"
    if not args.no_anchor:
        import bench_reports

        progress(f"preparing {ANCHOR} in {bench_reports.DEFAULT_ANCHOR_VENV}")
        anchor_python, why = bench_reports.ensure_anchor_venv()
    versions = f"pywats {_version('pywats')} (httpx {_version('httpx')})"
    if anchor_python is not None:
        versions += f", {_anchor_version(anchor_python)}"
    machine = machine_description()
    header = render_header({key: machine[key] for key in MACHINE_KEYS})
    revision = commit()
    plan = QUICK if args.quick else FULL
    shared = Context(plan, args.quick, anchor_python, why)
    text = ""
    try:
        for key in (k for k in SPECS if k in args.only):
            spec = SPECS[key]
            progress(f"{key}. {spec.title}")
            shared.notes = []
            section = measure(spec, shared, versions, revision)
            # each section is written as soon as it is measured: a run stopped half-way
            # keeps what it finished
            text = write(output, header, section)
            progress(f"{key}. written to {output}")
    finally:
        shared.close()
    print(text, end="")
    if output.resolve() == RESULTS.resolve():
        readme_table.update()
        progress(f"README's table rendered from {RESULTS.name}")
        for line in readme_table.missing(text):
            progress(f"README line not measured (no such row in {RESULTS.name}): {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
