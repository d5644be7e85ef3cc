"""OData query options for the endpoints that take them.

OData applies to ``GET /api/Report/Query/Header``, ``/api/Asset``, ``/api/Asset/Log``,
``/api/Asset/Types`` and ``/api/Product/Query`` (reference/wats-api.md §1.6). Build a
``$filter`` from parts instead of formatting strings, so quoting is always right::

    from pywats import F
    flt = F("partNumber").eq("ABC-1") & F("start").ge(datetime(2026, 1, 1, tzinfo=UTC))
    str(flt)  # "partNumber eq 'ABC-1' and start ge 2026-01-01T00:00:00Z"

Literals follow the server: strings in single quotes with ``'`` doubled, GUIDs and
date-times unquoted, booleans ``true``/``false``. A naive datetime is refused (its instant
is ambiguous); give it a time zone.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = ["F", "Filter", "ODataQuery", "Raw", "literal", "where"]


@attrs.frozen
class Raw:
    """A literal written into the filter exactly as given (for what ``literal`` cannot say)."""

    text: str


def _format_datetime(value: dt.datetime) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(
            f"the datetime {value.isoformat()} has no time zone; "
            "pass an aware datetime, e.g. datetime(..., tzinfo=timezone.utc)"
        )
    text = value.astimezone(dt.UTC).isoformat()
    return text.removesuffix("+00:00") + "Z"


def literal(value: object) -> str:
    """Write ``value`` as an OData literal the WATS server understands.

    Raises:
        ValueError: a naive datetime.
        TypeError: a value with no OData literal form.
    """
    if isinstance(value, Raw):
        return value.text
    if value is None:
        return "null"
    if isinstance(value, enum.Enum):
        return literal(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"{value!r} has no OData literal the WATS server accepts")
        return repr(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        return _format_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"cannot write a {type(value).__name__} as an OData literal")


@attrs.frozen
class Filter:
    """An OData ``$filter`` expression; combine with ``&``, ``|`` and ``~``."""

    text: str
    # Whether the text is a bare and/or chain that needs parentheses inside another operator.
    compound: str = ""

    def _wrapped(self, op: str) -> str:
        return f"({self.text})" if self.compound and self.compound != op else self.text

    def __and__(self, other: Filter) -> Filter:
        return Filter(f"{self._wrapped('and')} and {other._wrapped('and')}", "and")

    def __or__(self, other: Filter) -> Filter:
        return Filter(f"{self._wrapped('or')} or {other._wrapped('or')}", "or")

    def __invert__(self) -> Filter:
        return Filter(f"not ({self.text})")

    def __str__(self) -> str:
        return self.text


@attrs.frozen
class F:
    """A field to compare: ``F("serialNumber").eq("SN1")``."""

    name: str = attrs.field()

    @name.validator
    def _check(self, attribute: object, value: str) -> None:
        if not value or not all(part.isidentifier() for part in value.split("/")):
            raise ValueError(f"{value!r} is not an OData property path")

    def _cmp(self, op: str, value: object) -> Filter:
        return Filter(f"{self.name} {op} {literal(value)}")

    def eq(self, value: object) -> Filter:
        return self._cmp("eq", value)

    def ne(self, value: object) -> Filter:
        return self._cmp("ne", value)

    def gt(self, value: object) -> Filter:
        return self._cmp("gt", value)

    def ge(self, value: object) -> Filter:
        return self._cmp("ge", value)

    def lt(self, value: object) -> Filter:
        return self._cmp("lt", value)

    def le(self, value: object) -> Filter:
        return self._cmp("le", value)

    def in_(self, values: Iterable[object]) -> Filter:
        items = [literal(v) for v in values]
        if not items:
            raise ValueError(f"{self.name} in (...) needs at least one value")
        return Filter(f"{self.name} in ({', '.join(items)})")

    def between(self, low: object, high: object) -> Filter:
        """Inclusive range: ``low <= field <= high``."""
        return self.ge(low) & self.le(high)

    def contains(self, text: str) -> Filter:
        return Filter(f"contains({self.name}, {literal(text)})")

    def startswith(self, text: str) -> Filter:
        return Filter(f"startswith({self.name}, {literal(text)})")

    def endswith(self, text: str) -> Filter:
        return Filter(f"endswith({self.name}, {literal(text)})")


def where(**equals: object) -> Filter:
    """AND of ``field eq value`` for each keyword: ``where(partNumber="A", revision="1")``."""
    if not equals:
        raise ValueError("where() needs at least one field=value")
    parts = [F(name).eq(value) for name, value in equals.items()]
    result = parts[0]
    for part in parts[1:]:
        result = result & part
    return result


def _join(value: str | Iterable[str] | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    joined = ",".join(value)
    return joined or None


@attrs.frozen(kw_only=True)
class ODataQuery:
    """The OData system query options of one request."""

    filter: Filter | str | None = None
    top: int | None = None
    skip: int | None = None
    orderby: str | None = attrs.field(default=None, converter=_join)
    select: str | None = attrs.field(default=None, converter=_join)
    expand: str | None = attrs.field(default=None, converter=_join)

    def __attrs_post_init__(self) -> None:
        for name in ("top", "skip"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or value < 0):
                raise ValueError(f"${name} must be a non-negative int, got {value!r}")

    def to_params(self) -> dict[str, str]:
        """Return the query parameters (``$filter`` …), leaving out the unset ones."""
        values: Mapping[str, Any] = {
            "$filter": None if self.filter is None else str(self.filter) or None,
            "$top": self.top,
            "$skip": self.skip,
            "$orderby": self.orderby,
            "$select": self.select,
            "$expand": self.expand,
        }
        return {key: str(value) for key, value in values.items() if value is not None}
