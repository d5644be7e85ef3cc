"""The OData v4 query subset the WATS server accepts (reference §1.6 and §8.5).

Rows are plain dicts; ``apply()`` filters, orders, pages, expands and selects them in Python.

Supported in ``$filter``: ``eq ne gt ge lt le in``, ``and or not``, parentheses, and the string
functions ``contains startswith endswith tolower toupper trim length indexof``. Literals: quoted
strings (``''`` escapes a quote), numbers, ``true false null``, unquoted GUIDs and ISO dates.
Strings compare case-insensitively, like the server's SQL collation; a date literal compared
with a string field compares instants. Arithmetic, lambdas (``any``/``all``), ``has`` and
``$count`` are rejected with 400, as the server does for the report header query.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pywats.testing._http import ApiProblem
from pywats.testing._odata_filter import _INVALID, _lookup, compile_filter, parse_datetime

__all__ = ["ODataOptions", "apply", "compile_filter", "parse_datetime"]


@dataclass
class ODataOptions:
    """Per-endpoint rules: defaults and what may be ordered on or expanded."""

    default_top: int | None = 1000
    max_top: int | None = None
    default_order: Sequence[tuple[str, bool]] = ()
    orderable: set[str] | None = None  # lower-case names; None = any field
    expandable: dict[str, str] = field(default_factory=dict)  # lower-case name -> row key
    count_allowed: bool = False
    select_allowed: bool = True


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, 0)
    if isinstance(value, str):
        parsed = parse_datetime(value) if value[:1].isdigit() else None
        return (1, parsed.timestamp()) if parsed else (2, value.lower())
    if isinstance(value, bool):
        return (1, int(value))
    if isinstance(value, (int, float)):
        return (1, value)
    return (2, str(value))


def apply(
    rows: list[dict[str, Any]], query: dict[str, str], options: ODataOptions
) -> list[dict[str, Any]]:
    """Filter, order, page, expand and select ``rows`` by the ``$`` options in ``query``.

    ``query`` holds the options without their ``$`` and with lower-case names. Collections
    named in ``options.expandable`` are removed from each row unless ``$expand`` asks for them.
    """
    known = {"filter", "top", "skip", "orderby", "expand", "select", "count", "format"}
    for name in query:
        if name not in known:
            raise ApiProblem(400, _INVALID, f"The query option '${name}' is not supported.")
    if "count" in query and not options.count_allowed:
        raise ApiProblem(
            400,
            "Query option 'Count' is not allowed. To allow it, set the 'AllowedQueryOptions' "
            "property on EnableQueryAttribute or QueryValidationSettings.",
        )
    if "filter" in query and query["filter"].strip():
        keep = compile_filter(query["filter"])
        rows = [row for row in rows if keep(row)]
    order = list(options.default_order)
    if query.get("orderby", "").strip():
        order = []
        for part in query["orderby"].split(","):
            bits = part.split()
            if (
                not bits
                or len(bits) > 2
                or (len(bits) == 2 and bits[1].lower() not in ("asc", "desc"))
            ):
                raise ApiProblem(400, _INVALID, f"Invalid $orderby clause '{part.strip()}'.")
            if options.orderable is not None and bits[0].lower() not in options.orderable:
                raise ApiProblem(
                    400,
                    _INVALID,
                    f"Ordering by '{bits[0]}' is not allowed. Allowed: "
                    + ", ".join(sorted(options.orderable))
                    + ".",
                )
            order.append((bits[0], len(bits) == 2 and bits[1].lower() == "desc"))
    for name, descending in reversed(order):
        rows = sorted(rows, key=lambda row: _sort_key(_lookup(row, name)), reverse=descending)
    skip = _int_option(query, "skip", 0) or 0
    top = _int_option(query, "top", options.default_top)
    if top is not None and options.max_top is not None and top > options.max_top:
        raise ApiProblem(
            400,
            _INVALID,
            f"The limit of '{options.max_top}' for Top query has been exceeded. "
            f"The value from the incoming request is '{top}'.",
        )
    rows = rows[skip:] if top is None else rows[skip : skip + top]
    expand = {part.strip().lower() for part in query.get("expand", "").split(",") if part.strip()}
    for name in expand:
        if name not in options.expandable:
            raise ApiProblem(400, _INVALID, f"'{name}' cannot be expanded.")
    if options.expandable:
        drop = [key for name, key in options.expandable.items() if name not in expand]
        rows = [{k: v for k, v in row.items() if k not in drop} for row in rows]
    if query.get("select", "").strip():
        if not options.select_allowed:
            raise ApiProblem(400, _INVALID, "$select is not supported here.")
        wanted = {p.strip().lower() for p in query["select"].split(",") if p.strip()}
        wanted |= {options.expandable[name].lower() for name in expand}
        rows = [{k: v for k, v in row.items() if k.lower() in wanted} for row in rows]
    return rows


def _int_option(query: dict[str, str], name: str, default: int | None) -> int | None:
    if name not in query:
        return default
    try:
        value = int(query[name])
    except ValueError:
        raise ApiProblem(400, _INVALID, f"Invalid value '{query[name]}' for ${name}.") from None
    if value < 0:
        raise ApiProblem(400, _INVALID, f"${name} must not be negative.")
    return value
