from __future__ import annotations

import datetime as dt
import enum
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pywats._odata import F, ODataQuery, Raw, literal, where


class Color(enum.Enum):
    RED = "red"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ABC", "'ABC'"),
        ("O'Brien", "'O''Brien'"),
        ("", "''"),
        (None, "null"),
        (True, "true"),
        (False, "false"),
        (42, "42"),
        (1.5, "1.5"),
        (uuid.UUID("fc48e41d-6276-4bf0-83f2-fa8af9aab91a"), "fc48e41d-6276-4bf0-83f2-fa8af9aab91a"),
        (dt.datetime(2026, 1, 1, tzinfo=dt.UTC), "2026-01-01T00:00:00Z"),
        (
            dt.datetime(2026, 1, 1, 1, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
            "2026-01-01T00:30:00Z",
        ),
        (dt.datetime(2026, 1, 1, 0, 0, 0, 250000, tzinfo=dt.UTC), "2026-01-01T00:00:00.250000Z"),
        (dt.date(2026, 3, 4), "2026-03-04"),
        (Color.RED, "'red'"),
        (Raw("subUnits/any()"), "subUnits/any()"),
    ],
)
def test_literals_are_quoted_the_way_the_server_reads_them(value: object, expected: str) -> None:
    assert literal(value) == expected


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        literal(dt.datetime(2026, 1, 1))


def test_unknown_types_are_refused() -> None:
    with pytest.raises(TypeError):
        literal(object())


def test_filters_combine_with_correct_grouping() -> None:
    a = F("partNumber").eq("A")
    b = F("revision").eq("1")
    c = F("result").ne("Passed")
    assert str(a & b & c) == "partNumber eq 'A' and revision eq '1' and result ne 'Passed'"
    assert str((a | b) & c) == "(partNumber eq 'A' or revision eq '1') and result ne 'Passed'"
    assert str(a | (b & c)) == "partNumber eq 'A' or (revision eq '1' and result ne 'Passed')"
    assert str(~a) == "not (partNumber eq 'A')"


def test_functions_and_in() -> None:
    assert str(F("serialNumber").startswith("SN'1")) == "startswith(serialNumber, 'SN''1')"
    assert str(F("serialNumber").contains("x")) == "contains(serialNumber, 'x')"
    assert str(F("processCode").in_([10, 50])) == "processCode in (10, 50)"
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(2026, 1, 31, tzinfo=dt.UTC)
    assert str(F("start").between(start, end)) == (
        "start ge 2026-01-01T00:00:00Z and start le 2026-01-31T00:00:00Z"
    )
    with pytest.raises(ValueError, match="at least one"):
        F("x").in_([])


def test_where_ands_equalities() -> None:
    assert str(where(partNumber="A", revision="1")) == "partNumber eq 'A' and revision eq '1'"


def test_field_names_are_checked() -> None:
    with pytest.raises(ValueError, match="property path"):
        F("x eq 1 or y")
    assert F("subUnits/partNumber").name == "subUnits/partNumber"


def test_query_params() -> None:
    query = ODataQuery(
        filter=F("serialNumber").eq("SN1"),
        top=100,
        skip=0,
        orderby=["start desc", "serialNumber"],
        expand=("subUnits", "miscInfo"),
    )
    assert query.to_params() == {
        "$filter": "serialNumber eq 'SN1'",
        "$top": "100",
        "$skip": "0",
        "$orderby": "start desc,serialNumber",
        "$expand": "subUnits,miscInfo",
    }
    assert ODataQuery().to_params() == {}
    with pytest.raises(ValueError, match="top"):
        ODataQuery(top=-1)


@given(st.text())
def test_any_string_literal_reads_back_exactly(text: str) -> None:
    quoted = literal(text)
    assert quoted[0] == quoted[-1] == "'"
    inner = quoted[1:-1]
    # Every quote inside is doubled, so splitting on "''" leaves no lone quote behind.
    assert "'" not in inner.replace("''", "")
    assert inner.replace("''", "'") == text
