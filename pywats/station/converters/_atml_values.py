"""ATML values and limits: what kind a datum is, and numeric limits as WATS operators.

The kind of a measurement comes from the datum itself (``xsi:type``, else its text), never
from the step type's name: TestStand's WATS add-on types (``ET_NLT``, ``ET_SVT``,
``ET_MPFT``...) and custom types derived from NI's carry ordinary data.

Limits (``tr:TestLimits/tr:Limits``)::

    c:LimitPair of two c:Limit comparators   GE+LE -> GELE, LT+GT (OR) -> LTGT, ...
    c:SingleLimit comparator                 GT, LE, ...
    c:Expected comparator + c:Datum          EQ, NE, ...
      with c:ErrorLimits                     equal with tolerance: GELE around the expected
                                             value (absolute, or percent when the error
                                             limits say % / percent)
    c:Extension ... IsComparisonTypeLog      log only (ATML 2.02 writes it here)
    nothing                                  log only
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from pywats.station.converters._xml import XmlDoc, local

__all__ = [
    "NUMERIC_OPS",
    "child",
    "children",
    "datum_kind",
    "is_log",
    "kinds_of",
    "limits",
    "number",
    "text",
]

NUMERIC_OPS = {
    "LOG",
    "EQ",
    "NE",
    "GT",
    "GE",
    "LT",
    "LE",
    "GTLT",
    "GTLE",
    "GELT",
    "GELE",
    "LTGT",
    "LTGE",
    "LEGT",
    "LEGE",
}
_XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
_NUMBER = {
    "double",
    "float",
    "decimal",
    "integer",
    "int",
    "int64",
    "long",
    "short",
    "byte",
    "uint",
    "uint64",
    "unsignedint",
    "unsignedinteger",
    "unsignedlong",
    "number",
}
_STRING = {"string"}
_BOOLEAN = {"boolean", "bool"}


def child(el: Element | None, *path: str) -> Element | None:
    """The first descendant along ``path`` of local names (namespaces ignored)."""
    node = el
    for name in path:
        if node is None:
            return None
        node = next((c for c in node if local(c.tag) == name), None)
    return node


def children(el: Element | None, name: str) -> list[Element]:
    return [] if el is None else [c for c in el if local(c.tag) == name]


def _type_name(datum: Element) -> str:
    kind = (datum.get(_XSI_TYPE) or "").rpartition(":")[2].lower()
    return kind[3:] if kind.startswith("ts_") else kind


def text(datum: Element | None) -> str | None:
    """The datum's text: its ``c:Value`` child, else its ``value`` attribute."""
    if datum is None:
        return None
    value = child(datum, "Value")
    if value is not None:
        return value.text or ""
    return datum.get("value")


def datum_kind(datum: Element | None) -> str:
    """``numeric``, ``string`` or ``boolean``: from ``xsi:type``, else from the text."""
    if datum is None:
        return "numeric"  # a log step that recorded no value
    kind = _type_name(datum)
    if kind in _NUMBER:
        return "numeric"
    if kind in _STRING:
        return "string"
    if kind in _BOOLEAN:
        return "boolean"
    value = (text(datum) or "").strip()
    if value.lower() in ("true", "false"):
        return "boolean"
    try:
        float(value)
    except ValueError:
        return "numeric" if _special(value) is not None else "string"
    return "numeric"


def _special(word: str) -> float | None:
    word = word.strip().lower()
    if word in ("inf", "+inf", "infinity", "+infinity", "positiveinfinity"):
        return float("inf")
    if word in ("-inf", "-infinity", "negativeinfinity"):
        return float("-inf")
    if word in ("nan", "ind", "1.#ind", "-1.#ind", "1.#qnan", "-1.#qnan", "-nan"):
        return float("nan")
    if word in ("1.#inf", "+1.#inf"):
        return float("inf")
    if word == "-1.#inf":
        return float("-inf")
    return None


def number(doc: XmlDoc, datum: Element | None) -> float | None:
    """The datum as a number (None when empty); hex ``0x..`` and NaN/Infinity words read."""
    raw = text(datum)
    if datum is None or raw is None or not raw.strip():
        return None
    special = _special(raw)
    if special is not None:
        return special
    word = raw.strip().lower()
    try:
        return float(int(word, 16)) if word.startswith("0x") else float(word)
    except ValueError:
        raise doc.error(datum, f"value={raw!r} is not a number") from None


def _is_percent(el: Element) -> bool:
    for node in el.iter():
        for value in [*node.attrib.values(), node.text or ""]:
            word = value.strip().lower()
            if word in ("%", "percent", "percentage") or "percent" in local(node.tag).lower():
                return True
    return False


def _tolerance(
    doc: XmlDoc, expected: float | None, errors: Element
) -> tuple[str, float | None, float | None]:
    """``c:ErrorLimits`` around ``expected`` as (GELE-like operator, low, high)."""
    bounds: list[tuple[str, float]] = []
    for node in errors.iter():
        datum = child(node, "Datum") if local(node.tag) == "Limit" else None
        if datum is not None:
            value = number(doc, datum)
            if value is not None:
                bounds.append(((node.get("comparator") or "").upper(), value))
    if not bounds:
        for key in ("value", "lower", "upper", "minus", "plus"):
            raw = errors.get(key)
            if raw is not None:
                try:
                    bounds.append(("", float(raw)))
                except ValueError:
                    raise doc.error(errors, f"{key}={raw!r} is not a number") from None
    if expected is None or not bounds:
        raise doc.error(errors, "holds no tolerance value")
    lows = [(c, v) for c, v in bounds if c in ("GE", "GT")] or bounds[:1]
    highs = [(c, v) for c, v in bounds if c in ("LE", "LT")] or bounds[-1:]
    (low_op, low), (high_op, high) = lows[0], highs[0]
    if _is_percent(errors):
        low, high = abs(expected) * abs(low) / 100, abs(expected) * abs(high) / 100
        low, high = expected - low, expected + high
    elif not (low <= expected <= high and (low, high) != (0.0, 0.0)) or len(bounds) == 1:
        # Offsets from the expected value (signed or not), not the bounds themselves.
        low, high = expected - abs(low), expected + abs(high)
    op = (low_op if low_op in ("GT", "GE") else "GE") + (
        high_op if high_op in ("LT", "LE") else "LE"
    )
    return op, low, high


def limits(doc: XmlDoc, block: Element | None) -> tuple[str, float | None, float | None]:
    """A ``tr:Limits`` element as (WATS operator, low limit, high limit)."""
    if block is None:
        return "LOG", None, None
    pair = child(block, "LimitPair")
    single = child(block, "SingleLimit")
    expected = child(block, "Expected")
    low: float | None = None
    high: float | None = None
    where: Element
    if pair is not None:
        both = children(pair, "Limit")
        if len(both) != 2:
            raise doc.error(pair, f"holds {len(both)} <Limit> elements, not 2")
        op = (both[0].get("comparator") or "") + (both[1].get("comparator") or "")
        low = number(doc, child(both[0], "Datum"))
        high = number(doc, child(both[1], "Datum"))
        where = pair
    elif single is not None:
        op = single.get("comparator") or ""
        low = number(doc, child(single, "Datum"))
        where = single
    elif expected is not None:
        datum = child(expected, "Datum")
        low = number(doc, datum)
        errors = child(expected, "ErrorLimits") or child(datum, "ErrorLimits")
        if errors is not None:
            return _tolerance(doc, low, errors)
        op = expected.get("comparator") or "EQ"
        where = expected
    else:
        # Log only: nothing, or ATML 2.02's <c:Extension> with IsComparisonTypeLog.
        return "LOG", None, None
    op = op.upper()
    if op not in NUMERIC_OPS:
        raise doc.error(where, f"comparator {op!r} has no WATS equivalent")
    return op, low, high


def is_log(result: Element) -> bool:
    """The result says it is log only (``IsComparisonTypeLog``, wherever TestStand put it)."""
    return any(local(node.tag) == "IsComparisonTypeLog" for node in result.iter())


def kinds_of(values: list[Any]) -> str:
    """The kind most entries have (ties: numeric, string, boolean)."""
    order = ("numeric", "string", "boolean")
    return max(order, key=lambda k: (values.count(k), -order.index(k)))
