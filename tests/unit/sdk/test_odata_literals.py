"""Numbers with no literal form the WATS server reads are refused before any request."""

from __future__ import annotations

import math

import pytest

from pywats import F


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_non_finite_floats_are_refused(value: float) -> None:
    # Before the fix inf was written as `inf`, which the server answers with a 400.
    with pytest.raises(ValueError, match="OData"):
        F("runningCount").lt(value)


def test_finite_floats_round_trip() -> None:
    assert str(F("value").ge(0.1)) == "value ge 0.1"
    assert str(F("value").ge(1e-7)) == "value ge 1e-07"
