"""The README's benchmark table, rendered from ``benchmarks/results.md`` so the two cannot drift.

Each README line (:data:`LINES`) names one or more rows of ``results.md`` (section and a
pattern of the row's name) and shows their medians (without the spread), the ratio columns
and the target, as ``run.py`` wrote them. ``run.py`` renders it after every write of
``results.md``; a test fails when the README's table differs from what this renders.

    python benchmarks/readme_table.py            # re-render README.md's table
    python benchmarks/readme_table.py --check    # exit 1 if README.md's table is stale
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _results import split

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.md"
README = HERE.parent / "README.md"
BEGIN = (
    "<!-- bench-table begin: rendered from benchmarks/results.md"
    " by benchmarks/readme_table.py; edits here are lost -->"
)
END = "<!-- bench-table end -->"
NOT_MEASURED = "not measured"


@dataclass(frozen=True)
class Line:
    """One README line: its label and the ``(section, name pattern)`` of the rows it shows."""

    what: str
    rows: tuple[tuple[str, str], ...]
    notes: bool = False  # keep a figure's note: "(CPU 401 ms; 1.88x `--version` ...)"


LINES = (
    Line(
        "`import pywats`: time / memory",
        (("1", r"^`import pywats` \(in-process"), ("1", r"^resident memory")),
    ),
    Line(
        "`wats --version` / `--help` cold start",
        (("2", r"^`wats --version`"), ("2", r"^`wats --help`")),
    ),
    Line("`wats product get` cold start (emulator)", (("2", r"^`wats product get"),), notes=True),
    Line(
        "build + serialise 20,000 steps: time / CPU / memory",
        (
            ("3", r"^build \+ serialise 20,000 steps$"),
            ("3", r"^build \+ serialise 20,000 steps: CPU"),
            ("3", r"^build \+ serialise 20,000 steps: peak"),
        ),
    ),
    Line("parse a server export", (("3", r"^parse "),)),
    Line("sync GET latency", (("4", r"^sync GET .*latency"),)),
    Line(
        "async GETs, concurrency 20, a process per client: throughput",
        (("4", r"^async GET [^(]*: throughput, concurrency"),),
    ),
    Line(
        "async GETs, ours and httpx alternating in one process: throughput / CPU per request"
        " / CPU over MockTransport (no server)",
        (
            ("4", r"^async GET .*alternating in one process, \d+ rounds of \d+\): throughput"),
            ("4", r"^async GET .*alternating in one process, \d+ rounds of \d+\): client CPU"),
            ("4", r"MockTransport.*: client CPU"),
        ),
    ),
    Line(
        "submit a 100-step report: latency, a process per client / ours and httpx alternating",
        (
            ("4", r"^report submission \(\d+-step UUT\): latency"),
            ("4", r"^report submission .*alternating in one process.*: latency"),
        ),
    ),
    Line(
        "export 2,000 reports (`wats report export`): rate / memory",
        (("6", r"^export [\d,]+ reports \("), ("6", r"^export [\d,]+ reports: peak RSS")),
    ),
    Line("export with 20 ms server latency (`-j 8`)", (("6", r"server latency"),)),
    Line(
        "submit 1,000 files (`wats report submit`): -j 8 / -j 1 / memory",
        (("6", r"^submit .*-j 8`$"), ("6", r"^submit .*-j 1`"), ("6", r"^submit .*peak RSS")),
    ),
    Line(
        "station: 1,000 files at once: rate / p95 latency",
        (("5", r"^station: files/s"), ("5", r"^station: complete → ack p95 \(burst")),
    ),
    Line(
        "station memory: idle / under load",
        (("5", r"service RSS idle"), ("5", r"^station: service RSS under load")),
    ),
    Line(
        "durable queue commits (synchronous=FULL): single / batches",
        (("5", r"enqueue rate, 1 report"), ("5", r"enqueue rate, \d+ files")),
    ),
    Line("convert a 100 MB JUnit file: peak RSS", (("8", r"100 MB junit file: worker peak RSS"),)),
)

_CELL_SPLIT = re.compile(r"(?<!\\) \| ")
_SPREAD = re.compile(r" ±\d+%")
_MEASURED = re.compile(
    r"^Measured (\S+ \d\d:\d\d) UTC .*?load average \(1 min\) ([\d.]+) at the start"
)


def table_rows(results: str) -> dict[str, list[list[str]]]:
    """The rows of each section's table in ``results``: ``[name, pywats, anchor, httpx, vs
    anchor, overhead, target]``, by section."""
    blocks, _ = split(results)
    out: dict[str, list[list[str]]] = {}
    for key, block in blocks.items():
        for line in block.splitlines():
            if not line.startswith("| ") or line.startswith(("| # ", "|---")):
                continue
            cells = [c.replace("\\|", "|") for c in _CELL_SPLIT.split(line[2:-2])]
            if len(cells) == 8:
                cells[1] = cells[1].split(" <br>", 1)[0]
                out.setdefault(key, []).append(cells[1:])
    return out


def _figure(text: str, notes: bool) -> str:
    text = _SPREAD.sub("", text)
    if not notes and text[:1].isdigit():
        text = text.split(" (", 1)[0]
    return text


def _join(values: Sequence[str], sep: str = " / ") -> str:
    """The figures of a line's rows side by side, "—" where a row has none (so each stays
    under its label); a reason said once ("no such command")."""
    shown = [v if v else "—" for v in values]
    if all(v == "—" for v in shown):
        return "—"
    if len(set(shown)) == 1 and not shown[0][:1].isdigit():
        return shown[0]
    return sep.join(shown)


def _ratios(row: Sequence[str]) -> list[str]:
    vs_anchor, overhead = row[4], row[5]
    return [
        *([vs_anchor] if vs_anchor != "—" else []),
        *([f"{overhead} vs httpx"] if overhead != "—" else []),
    ]


def render(results: str) -> str:
    """The README block (markers included) for ``results``'s text."""
    rows = table_rows(results)
    lines = [
        BEGIN,
        "| what | pywats | pywats-api 0.6.0rc1 | raw httpx | ratio | target |",
        "|---|---:|---:|---:|---|---|",
    ]
    for spec in LINES:
        found: list[list[str]] = []
        for section, pattern in spec.rows:
            match = next((r for r in rows.get(section, []) if re.search(pattern, r[0])), None)
            found.append(match or ["", NOT_MEASURED, "", "", "—", "—", ""])
        ours = _join([_figure(r[1], spec.notes) for r in found])
        anchor = _join([_figure(r[2], False) for r in found])
        floor = _join([_figure(r[3], False) for r in found])
        ratio = _join(["; ".join(_ratios(r)) for r in found])
        target = "; ".join(r[6] for r in found if r[6])
        cells = [spec.what, ours, anchor, floor, ratio, target]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    lines += ["", _provenance(results), END]
    return "\n".join(lines) + "\n"


def missing(results: str) -> list[str]:
    """The README lines with a row ``results`` does not have (a row renamed, a section not
    run): each as ``what: section N /pattern/``."""
    rows = table_rows(results)
    return [
        f"{spec.what}: section {section} /{pattern}/"
        for spec in LINES
        for section, pattern in spec.rows
        if not any(re.search(pattern, r[0]) for r in rows.get(section, []))
    ]


def _provenance(results: str) -> str:
    """When and at what load the sections were measured, from their ``Measured ...`` lines."""
    runs = [m.groups() for m in (_MEASURED.match(line) for line in results.splitlines()) if m]
    if not runs:
        return "Medians from [benchmarks/results.md](benchmarks/results.md)."
    dates = sorted(d for d, _ in runs)
    loads = sorted(float(x) for _, x in runs)
    first, last = dates[0], dates[-1]
    if first[:10] == last[:10]:  # one day: 2026-12-03 23:05-23:48
        last = last[11:]
    when = first if first == dates[-1] else f"{first}-{last}"
    load = f"{loads[0]:.1f}" if loads[0] == loads[-1] else f"{loads[0]:.1f}-{loads[-1]:.1f}"
    return (
        f"Medians from [benchmarks/results.md](benchmarks/results.md), measured {when} UTC"
        f" (load average {load} at the sections' starts, 2 cores); the spreads, the machine and"
        " how each figure is taken are there."
    )


def replace(readme: str, block: str) -> str:
    """``readme`` with the text between the markers (markers included) replaced by ``block``."""
    start, end = readme.find(BEGIN), readme.find(END)
    if start < 0 or end < start:
        raise ValueError(f"README.md has no {BEGIN!r} ... {END!r} block")
    return readme[:start] + block + readme[end + len(END) + 1 :]


def update(readme: Path = README, results: Path = RESULTS, *, check: bool = False) -> bool:
    """Render ``readme``'s table from ``results``; True when it already matched. With
    ``check``, write nothing."""
    old = readme.read_text(encoding="utf-8")
    new = replace(old, render(results.read_text(encoding="utf-8")))
    if new != old and not check:
        readme.write_text(new, encoding="utf-8")
    return new == old


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is stale")
    args = parser.parse_args(argv)
    same = update(check=args.check)
    if args.check and not same:
        print("README.md's benchmark table differs from benchmarks/results.md: run"
              " python benchmarks/readme_table.py", file=sys.stderr)  # fmt: skip
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
