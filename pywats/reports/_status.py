"""Pass/fail verdicts and how they propagate (``reference/wats-api.md`` §4.14, §4.15).

Numeric operators compare the value ``x`` with L = ``lowLimit`` and H = ``highLimit``::

    LOG  always passes            EQ/NE/GT/GE/LT/LE   x op L   (single-limit: L only)
    GTLT L <  x <  H              LTGT  x <  L or x >  H       (outside the range)
    GTLE L <  x <= H              LTGE  x <  L or x >= H
    GELT L <= x <  H              LEGT  x <= L or x >  H
    GELE L <= x <= H              LEGE  x <= L or x >= H

A NaN value fails every operator except LOG: a reading that is not a number cannot meet a limit.

Propagation: a failed (F), errored (E) or terminated (T) step makes its parent sequence take
that status when it ranks higher (F < E < T); anything else leaves the parent passed. The root's
status becomes the report ``result``.
"""

from __future__ import annotations

import math

__all__ = [
    "DUAL_OPS",
    "NUMERIC_OPS",
    "SINGLE_OPS",
    "STRING_OPS",
    "numeric_status",
    "string_status",
    "worse_status",
]

SINGLE_OPS = frozenset({"EQ", "NE", "GT", "GE", "LT", "LE"})
DUAL_OPS = frozenset({"GTLT", "GTLE", "GELT", "GELE", "LTGT", "LTGE", "LEGT", "LEGE"})
NUMERIC_OPS = frozenset({"LOG"}) | SINGLE_OPS | DUAL_OPS
# String operators as exports write them, plus the equality pair [S] lists and the
# relational ones of the official client; matched case-insensitively ("IgnoreCase" occurs).
STRING_OPS = frozenset({"LOG", "CASESENSIT", "IGNORECASE", "EQ", "NE", "GT", "LT", "GE", "LE"})

# Rank of the statuses that fail a parent sequence (§4.15).
FAIL_RANK = {"F": 1, "E": 2, "T": 3}


def _passes(op: str, x: float, lo: float | None, hi: float | None) -> bool:
    if op == "LOG":
        return True
    if math.isnan(x):
        return False
    if op in SINGLE_OPS:
        if lo is None:
            raise ValueError(f"compOp {op} needs a limit (it is sent as lowLimit)")
        if op == "EQ":
            return x == lo
        if op == "NE":
            return x != lo
        if op == "GT":
            return x > lo
        if op == "GE":
            return x >= lo
        if op == "LT":
            return x < lo
        return x <= lo  # LE
    if op not in DUAL_OPS:
        raise ValueError(f"unknown numeric compOp {op!r}")
    if lo is None or hi is None:
        raise ValueError(f"compOp {op} needs both a low and a high limit")
    if op == "GELE":
        return lo <= x <= hi
    if op == "GTLT":
        return lo < x < hi
    if op == "GTLE":
        return lo < x <= hi
    if op == "GELT":
        return lo <= x < hi
    if op == "LTGT":
        return x < lo or x > hi
    if op == "LTGE":
        return x < lo or x >= hi
    if op == "LEGT":
        return x <= lo or x > hi
    return x <= lo or x >= hi  # LEGE


def numeric_status(op: str, value: float | None, low: float | None, high: float | None) -> str:
    """Return ``"P"`` or ``"F"`` for a numeric measurement.

    Raises:
        ValueError: unknown operator, a limit the operator needs is missing, or no value
            for an operator other than LOG.
    """
    op = op.upper()
    if value is None:
        if op == "LOG":
            return "P"
        raise ValueError(f"compOp {op} needs a value")
    return "P" if _passes(op, float(value), low, high) else "F"


def string_status(op: str, value: str | None, limit: str | None) -> str:
    """Return ``"P"`` or ``"F"`` for a string measurement (CASESENSIT, IGNORECASE, LOG, ...)."""
    op = op.upper()
    if op == "LOG":
        return "P"
    if op not in STRING_OPS:
        raise ValueError(f"unknown string compOp {op!r}")
    if limit is None:
        raise ValueError(f"compOp {op} needs a limit")
    v = "" if value is None else value
    if op == "IGNORECASE":
        ok = v.casefold() == limit.casefold()
    elif op in ("CASESENSIT", "EQ"):
        ok = v == limit
    elif op == "NE":
        ok = v != limit
    elif op == "GT":
        ok = v > limit
    elif op == "LT":
        ok = v < limit
    elif op == "GE":
        ok = v >= limit
    else:  # LE
        ok = v <= limit
    return "P" if ok else "F"


def worse_status(current: str, child: str) -> str:
    """The parent's status after a child with status ``child`` (F/E/T propagate, by rank)."""
    rank = FAIL_RANK.get(child)
    if rank is None or rank <= FAIL_RANK.get(current, 0):
        return current
    return child
