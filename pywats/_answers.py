"""A JSON answer straight into a pywats value, without building the generated model first.

The usual road is ``json → generated model (from_dict) → pywats value (from_generated)``;
for a hot read such as ``api.product.get`` the first leg cost about as much CPU as the rest
of the SDK's own work per request. :func:`from_json` takes the short road and gives exactly
what the long one gives (values, ``extra``, errors), because its plan is read off the
generated model itself:

* each field's wire key comes from the generated ``to_dict()`` (a model holding only that
  field, set to None, names it), so the spec stays the single source of the wire names;
* each field's conversion comes from the generated field's type, and follows the generated
  parser's rules: UUID and datetime text parsed when it parses, kept as sent when it does
  not; nested objects and lists of them read recursively, kept as sent when malformed;
* our own type checks (a number where a string belongs) are those of ``from_generated``.

A class with a field of a kind this does not know (an enum, a required non-string field)
has no plan, and :func:`from_json` takes the long road for it. A test holds the two roads
equal on real and malformed answers for every value class.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any, TypeVar, cast

import attrs

from pywats._models import _BY_WIRE, WireValue, _expected, _value, _wrong_type, from_generated

__all__ = ["from_json", "has_plan", "read_json"]

V = TypeVar("V", bound=WireValue)

# what a generated field's type says to do with the JSON value
_PLAIN = "plain"
_UUID = "uuid"
_DATETIME = "datetime"
_MODEL = "model"
_MODELS = "models"

_KINDS = {
    "None | str | Unset": _PLAIN,
    "int | None | Unset": _PLAIN,
    "float | None | Unset": _PLAIN,
    "bool | None | Unset": _PLAIN,
    "list[str] | None | Unset": _PLAIN,
    "None | Unset | UUID": _UUID,
    "datetime.datetime | None | Unset": _DATETIME,
}

# (wire key, our field, kind, nested generated class name, JSON types our field allows)
_Step = tuple[str, str, str, str, "tuple[type, ...] | None"]
_NO_PLAN: list[_Step] = []
_PLANS: dict[str, list[_Step]] = {}  # by generated class name (one value class may have two)
_BUSY: list[_Step] = []  # a plan being made (a class may nest itself, not a cycle of two)
_CAUGHT = (TypeError, ValueError, AttributeError, KeyError)  # what the generated parsers catch


def _kind(type_text: str) -> tuple[str, str] | None:
    kind = _KINDS.get(type_text)
    if kind is not None:
        return kind, ""
    if type_text.startswith("list[") and type_text.endswith("] | None | Unset"):
        nested = type_text[5 : -len("] | None | Unset")]
        return (_MODELS, nested) if nested in _BY_WIRE else None
    if type_text.startswith("None | ") and type_text.endswith(" | Unset"):
        nested = type_text[7 : -len(" | Unset")]
        return (_MODEL, nested) if nested in _BY_WIRE else None
    return None


def _make_plan(wire_name: str) -> list[_Step]:
    import wats_api.models

    cls = _BY_WIRE[wire_name]
    generated = getattr(wats_api.models, wire_name)
    fields = {f.name: f for f in attrs.fields(generated) if f.name != "additional_properties"}
    if any(f.default is attrs.NOTHING for f in fields.values()):
        return _NO_PLAN  # required fields: the generated parser raises on their absence
    keys: dict[str, str] = {}
    for name in fields:
        wire = generated(**{name: None}).to_dict()
        if len(wire) != 1:
            return _NO_PLAN
        keys[name] = next(iter(wire))
    theirs = {ours: generated_name for generated_name, ours in cls._renames.items()}
    plan: list[_Step] = []
    for field in attrs.fields(cast(Any, cls)):
        if field.name == "extra":
            continue
        name = theirs.get(field.name, field.name)
        if name not in fields:
            return _NO_PLAN
        found = _kind(str(fields[name].type))
        if found is None:
            return _NO_PLAN
        kind, nested = found
        if nested and nested != wire_name and not _plan(nested):
            return _NO_PLAN  # a nested class without a plan (or in a cycle with this one)
        plan.append((keys[name], field.name, kind, nested, _expected(field.type)))
    if len({step[0] for step in plan}) != len(plan) or len(plan) != len(fields):
        return _NO_PLAN  # a generated field we do not read would land in the wrong place
    return plan


def _plan(wire_name: str) -> list[_Step]:
    plan = _PLANS.get(wire_name)
    if plan is None:
        _PLANS[wire_name] = _BUSY
        try:
            plan = _make_plan(wire_name)
        finally:
            _PLANS[wire_name] = _NO_PLAN
        _PLANS[wire_name] = plan
    return plan


def has_plan(cls: type[WireValue]) -> bool:
    """Whether ``cls`` is read by the short road."""
    return bool(_plan(cls._wire[0]))


def _nested(wire_name: str, data: Any) -> Any:
    # A generated parser builds the nested model from dict(data) and keeps the value as
    # it was sent when that fails (the pywats value then holds the raw value too).
    try:
        source = dict(data)
    except _CAUGHT:
        raise _Malformed from None
    return _read(wire_name, source)


class _Malformed(Exception):
    """A nested value the generated parser would have kept as sent."""


def _uuid(value: Any, _: str) -> Any:
    if type(value) is not str:
        return value
    try:
        return uuid.UUID(value)
    except ValueError:
        return value  # the generated parser keeps text that is not a GUID


def _datetime(value: Any, _: str) -> Any:
    if type(value) is not str:
        return value
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return value


def _model(value: Any, nested: str) -> Any:
    if not isinstance(value, dict):
        return value
    try:
        return _nested(nested, value)
    except _Malformed:
        return value


def _models(value: Any, nested: str) -> Any:
    if not isinstance(value, list):
        return value
    try:
        return [_nested(nested, item) for item in value]
    except _Malformed:
        return value  # one malformed item: the generated parser keeps the whole list


_CONVERT = {_UUID: _uuid, _DATETIME: _datetime, _MODEL: _model, _MODELS: _models}


def _read(wire_name: str, data: dict[str, Any]) -> Any:
    cls = _BY_WIRE[wire_name]
    kwargs: dict[str, Any] = {}
    for key, ours, kind, nested, allowed in _PLANS[wire_name]:
        value = data.pop(key, None)
        if value is None:
            kwargs[ours] = None
            continue
        if kind is not _PLAIN:
            value = _CONVERT[kind](value, nested)
        if allowed is not None:
            kind_of = type(value)
            if not isinstance(value, allowed) or (kind_of is bool and bool not in allowed):
                raise _wrong_type(cls, ours, value, allowed)
        if type(value) is list and kind is not _MODELS:
            value = _value(value, type(None))
        kwargs[ours] = value
    if data:
        kwargs["extra"] = data
    return cls(**kwargs)


def from_json(cls: type[V], data: Any) -> V:
    """Our value from a decoded JSON object, as ``from_generated`` gives it from the model."""
    wire_name = cls._wire[0]
    if _plan(wire_name):
        value: V = _read(wire_name, dict(data))
        return value
    import wats_api.models

    return from_generated(cls, getattr(wats_api.models, wire_name).from_dict(data))


def read_json(cls: type[V], content: bytes) -> V:
    """Our value from an answer's body, which must be a JSON object.

    Raises:
        TypeError: the body is JSON but not an object (``[]``, ``5``).
        ValueError: the body is not JSON.
    """
    if content.lstrip()[:1] != b"{":
        raise TypeError(f"expected a JSON object, got {content.lstrip()[:20]!r}")
    return from_json(cls, json.loads(content))
