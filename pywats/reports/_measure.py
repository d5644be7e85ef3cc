"""Measurements as the builder makes them: operator inferred, limits placed, status computed.

Plain functions both the step builder and outside code (``integrations``) call, so a
measurement gets the same verdict wherever it is made (``reference/wats-api.md`` §4.14-4.15).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pywats.reports._enums import CompOp
from pywats.reports._limits import clip
from pywats.reports._parts import (
    NumericMeasurement,
    StringMeasurement,
)
from pywats.reports._status import (
    SINGLE_OPS,
    numeric_status,
    string_status,
)

if TYPE_CHECKING:
    from pywats.reports._steps import Step

__all__ = ["measurement_status"]


def _make_numeric(
    name: str | None,
    value: float | None,
    *,
    low: float | None,
    high: float | None,
    limit: float | None,
    comp_op: str | None,
    unit: str | None,
    status: str | None,
) -> NumericMeasurement:
    if comp_op is not None:
        op = comp_op.upper()
    # Infer the usual operator from the limits given (§4.14); the CompOp values as plain
    # strings, which skips an enum look-up per step in 20,000-step builds.
    elif limit is not None:
        op = "EQ"
    elif low is not None and high is not None:
        op = "GELE"
    elif low is not None:
        op = "GE"
    elif high is not None:
        op = "LE"
    else:
        op = "LOG"
    lo, hi = low, high
    if op in SINGLE_OPS:
        # Single-limit operators carry their one limit in lowLimit, whatever it was called.
        lo = limit if limit is not None else (low if low is not None else high)
        hi = None
    if status is None:
        status = numeric_status(op, value, lo, hi)
    return NumericMeasurement(
        name=name if name is None else clip(name),
        value=value,
        unit=unit,
        comp_op=op,
        low_limit=lo,
        high_limit=hi,
        status=status,
    )


def _make_string(
    name: str | None,
    value: str | None,
    limit: str | None,
    comp_op: str | None,
    status: str | None,
) -> StringMeasurement:
    if comp_op is None:
        comp_op = CompOp.LOG if limit is None else CompOp.CASESENSIT
    op = comp_op.upper()  # a plain str, upper case as the server writes it (§10.7)
    if status is None:
        status = string_status(op, value, limit)
    return StringMeasurement(
        name=name if name is None else clip(name),
        value=value,
        limit=limit,
        comp_op=op,
        status=status,
    )


def _bool_status(passed: bool | None, status: str | None) -> str:
    if status is not None:
        return status
    if passed is None:
        raise ValueError("give passed=True/False or an explicit status")
    return "P" if passed else "F"


def measurement_status(step: Step) -> str | None:
    """The status a step's measurements give it, or None when it has none (§4.15)."""
    statuses: list[str] = []
    for group in (step.numeric_meas, step.string_meas, step.boolean_meas):
        if group:
            statuses.extend(m.status for m in group)
    if not statuses:
        return None
    if len(statuses) == 1:
        return statuses[0]
    if "F" in statuses:
        return "F"
    if all(s == "S" for s in statuses):
        return "S"
    return "P"
