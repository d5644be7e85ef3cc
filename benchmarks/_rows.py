"""The table's data: a figure's samples (:class:`Stats`), one implementation's figure
(:class:`Cell`), one line of the table (:class:`Row`), and how they are written in Markdown.

Standard library only (the anchor's own virtual environment imports it too). A :class:`Row`
holds our figure, the anchor's and the raw-httpx floor's; the ratios are computed pair by
pair from their medians::

    | benchmark | pywats | pywats-api | raw httpx | vs pywats-api | vs httpx | target |
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "ANCHOR",
    "FLOOR",
    "Cell",
    "Row",
    "Stats",
    "Unit",
    "fmt_cell",
    "fmt_overhead",
    "fmt_ratio",
    "fmt_target",
    "fmt_value",
    "markdown_table",
]

ANCHOR = "pywats-api 0.6.0rc1"
FLOOR = "raw httpx"

Unit = Literal["s", "MB", "per_s"]

# ------------------------------------------------------------------------------ statistics


@dataclass(frozen=True)
class Stats:
    """Samples of one figure over several repetitions."""

    samples: tuple[float, ...]

    @classmethod
    def of(cls, samples: Sequence[float]) -> Stats:
        if not samples:
            raise ValueError("no samples")
        return cls(tuple(float(s) for s in samples))

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def spread(self) -> float | None:
        """Half the min-max range relative to the median (None with fewer than 2 samples)."""
        if len(self.samples) < 2 or self.median == 0:
            return None
        return (max(self.samples) - min(self.samples)) / 2 / abs(self.median)


@dataclass(frozen=True)
class Cell:
    """One implementation's figure: a measurement, or a note saying why there is none."""

    stats: Stats | None = None
    note: str = ""

    @classmethod
    def of(cls, samples: Sequence[float], note: str = "") -> Cell:
        return cls(Stats.of(samples), note)

    @classmethod
    def failed(cls, reason: str) -> Cell:
        return cls(None, f"fails: {reason}")


@dataclass
class Row:
    """One line of the table. ``anchor``/``floor`` None: that target cannot do this work."""

    section: str
    name: str
    unit: Unit
    ours: Cell
    anchor: Cell | None = None
    floor: Cell | None = None
    target: float | None = None  # upper bound for our median (lower bound for per_s)
    floor_target: float | None = None  # max overhead over the floor, e.g. 0.20
    note: str = ""
    anchor_target: float | None = None  # min ratio over the anchor, e.g. 3.0 (3x better)
    # Our cost over the floor measured pair by pair (ours/floor for times, floor/ours for
    # rates, one sample per adjacent pair of runs): when set, the overhead is its median.
    floor_ratios: Stats | None = None

    @property
    def higher_is_better(self) -> bool:
        return self.unit == "per_s"

    def _pair(self, other: Cell | None) -> tuple[float, float] | None:
        if other is None or other.stats is None or self.ours.stats is None:
            return None
        ours, theirs = self.ours.stats.median, other.stats.median
        if ours <= 0 or theirs <= 0:
            return None
        return ours, theirs

    def vs_anchor(self) -> float | None:
        """How many times better we are than the anchor (above 1: better)."""
        pair = self._pair(self.anchor)
        if pair is None:
            return None
        ours, theirs = pair
        return ours / theirs if self.higher_is_better else theirs / ours

    def overhead_vs_floor(self) -> float | None:
        """Our cost over raw httpx as a fraction (0.12: 12% slower than the floor)."""
        if self.floor_ratios is not None:
            return self.floor_ratios.median - 1
        pair = self._pair(self.floor)
        if pair is None:
            return None
        ours, floor = pair
        return floor / ours - 1 if self.higher_is_better else ours / floor - 1

    def target_met(self) -> bool | None:
        results = []
        if self.target is not None and self.ours.stats is not None:
            median = self.ours.stats.median
            results.append(median >= self.target if self.higher_is_better else median < self.target)
        overhead = self.overhead_vs_floor()
        if self.floor_target is not None and overhead is not None:
            results.append(overhead < self.floor_target)
        ratio = self.vs_anchor()
        if self.anchor_target is not None and ratio is not None:
            results.append(ratio >= self.anchor_target)
        return all(results) if results else None


# ------------------------------------------------------------------------------ formatting


def fmt_value(value: float, unit: Unit) -> str:
    if unit == "MB":
        return f"{value:,.1f} MB"
    if unit == "per_s":
        return f"{value:,.1f}/s" if value < 10 else f"{value:,.0f}/s"
    if value >= 1:
        return f"{value:,.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:,.1f} ms" if value < 0.1 else f"{value * 1e3:,.0f} ms"
    return f"{value * 1e6:,.0f} µs"


def fmt_cell(cell: Cell | None, unit: Unit) -> str:
    if cell is None:
        return "—"
    if cell.stats is None:
        return cell.note or "n/a"
    text = fmt_value(cell.stats.median, unit)
    spread = cell.stats.spread
    if spread is not None:
        text += f" ±{spread * 100:.0f}%"
    if cell.note:
        text += f" ({cell.note})"
    return text


def fmt_ratio(row: Row) -> str:
    ratio = row.vs_anchor()
    if ratio is None:
        return "—"
    if row.unit == "MB":
        return f"{ratio:.1f}x less" if ratio >= 1 else f"{1 / ratio:.1f}x more"
    return f"{ratio:.1f}x faster" if ratio >= 1 else f"{1 / ratio:.1f}x slower"


def fmt_overhead(row: Row) -> str:
    overhead = row.overhead_vs_floor()
    if overhead is None:
        return "—"
    percent = round(overhead * 100)
    text = f"{percent:+d}%" if percent else "±0%"
    ratios = row.floor_ratios
    if ratios is not None and ratios.spread is not None:
        # half the min-max range of the paired ratios, in points of the floor's cost
        points = ratios.spread * ratios.median * 100
        text += f" ±{points:.0f} pts ({len(ratios.samples)} pairs)"
    return text


def fmt_target(row: Row) -> str:
    parts = []
    if row.target is not None:
        sign = "≥" if row.higher_is_better else "<"
        parts.append(f"{sign} {fmt_value(row.target, row.unit)}")
    if row.anchor_target is not None:
        parts.append(f"≥ {row.anchor_target:.1f}x {ANCHOR}")
    if row.floor_target is not None:
        parts.append(f"< +{row.floor_target * 100:.0f}% vs httpx")
    if not parts:
        return ""
    met = row.target_met()
    mark = "" if met is None else (" ✓" if met else " ✗")
    return " and ".join(parts) + mark


def markdown_table(rows: Sequence[Row]) -> str:
    lines = [
        f"| # | benchmark | pywats | {ANCHOR} | {FLOOR} | vs {ANCHOR} | overhead vs httpx "
        "| target |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        name = row.name + (f" <br>*{row.note}*" if row.note else "")
        cells = [
            row.section,
            name,
            fmt_cell(row.ours, row.unit),
            fmt_cell(row.anchor, row.unit),
            fmt_cell(row.floor, row.unit),
            fmt_ratio(row),
            fmt_overhead(row),
            fmt_target(row),
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
