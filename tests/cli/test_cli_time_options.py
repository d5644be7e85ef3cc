"""``--since``/``--until`` out of the calendar's range are usage errors naming the option."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("option", "value"),
    [("--since", "99999999d"), ("--until", "9999999999w"), ("--since", "0001-01-01T00:00+05:00")],
)
def test_a_time_out_of_range_is_a_usage_error(wats, option: str, value: str) -> None:
    # Before the fix: OverflowError "date value out of range", exit 1 and "run again with -v",
    # or "year 0 is out of range" without naming the option.
    result = wats("report", "query", option, value)
    assert result.exit_code == 2
    assert option in result.stderr
    assert "Traceback" not in result.stderr
