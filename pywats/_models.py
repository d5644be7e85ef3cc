"""The values the SDK hands out: products, report headers, assets, units, packages, tickets.

Each is a frozen attrs class whose fields carry the generated model's Python names (so
``product.part_number`` reads the wire's ``partNumber``), with None where the server sent
nothing. The generated models (``wats_api.models``) stay the wire format inside the services;
this module bridges the two by field name:

    generated model ──from_generated()──► pywats value ──to_dict()──► wire dict (camelCase)

Change a value with ``attrs.evolve(product, name="New name")`` and hand it back to a ``save``
method. Keys the server sent that the spec does not name are kept in ``extra``.

This module holds the bridge and the shared :class:`Tag`; each domain's values live in
``_models_<domain>.py`` and load with the first service that needs them (building a frozen
attrs class costs about a millisecond, and a CLI call needs a handful of the ~30). Every
name stays importable from here.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

import attrs

if TYPE_CHECKING:  # pragma: no cover - what the lazy table resolves to, for type checkers
    from pywats._models_assets import (
        Asset,
        AssetLogEntry,
        AssetSummary,
        AssetType,
    )
    from pywats._models_production import (
        SerialNumberType,
        Unit,
        UnitChange,
        UnitVerification,
        UnitVerificationResult,
    )
    from pywats._models_products import (
        Product,
        ProductRevision,
        ProductSummary,
    )
    from pywats._models_reports import (
        MiscInfoMatch,
        MiscInfoValue,
        ReportHeader,
        ReportHeaderAsset,
        ReportHeaderAttachment,
        ReportHeaderMiscInfo,
        ReportHeaderSubUnit,
        ReportHeaderUurAttachment,
        ReportHeaderUurSubUnit,
    )
    from pywats._models_rootcause import (
        Ticket,
        TicketAttachment,
        TicketUpdate,
        TicketView,
    )
    from pywats._models_software import (
        SoftwarePackage,
        SoftwarePackageFile,
        VirtualFolder,
    )
    from pywats._models_users import (
        UserSettings,
    )

__all__ = [
    "Asset",
    "AssetLogEntry",
    "AssetSummary",
    "AssetType",
    "MiscInfoMatch",
    "MiscInfoValue",
    "Product",
    "ProductRevision",
    "ProductSummary",
    "ReportHeader",
    "ReportHeaderAsset",
    "ReportHeaderAttachment",
    "ReportHeaderMiscInfo",
    "ReportHeaderSubUnit",
    "ReportHeaderUurAttachment",
    "ReportHeaderUurSubUnit",
    "SerialNumberType",
    "SoftwarePackage",
    "SoftwarePackageFile",
    "Tag",
    "Ticket",
    "TicketAttachment",
    "TicketUpdate",
    "TicketView",
    "Unit",
    "UnitChange",
    "UnitVerification",
    "UnitVerificationResult",
    "UserSettings",
    "VirtualFolder",
    "from_generated",
    "many",
    "one",
    "the",
    "wire_dict",
]

V = TypeVar("V", bound="WireValue")

# generated class name -> pywats class (filled by @_wire)
_BY_WIRE: dict[str, type[WireValue]] = {}


class WireValue:
    """Base of the SDK's value classes: the bridge to and from the generated models."""

    __slots__ = ()
    _wire: ClassVar[tuple[str, ...]] = ()
    """Names of the generated classes this value is read from (the first is written)."""
    _renames: ClassVar[dict[str, str]] = {}
    """Generated field name -> our field name, where the generated one is awkward."""

    def to_dict(self) -> dict[str, Any]:
        """The wire form (camelCase keys), as the server takes it; unset fields left out."""
        data: dict[str, Any] = _to_generated(self).to_dict()
        return data


def _wire(*names: str) -> Any:
    def register(cls: type[V]) -> type[V]:
        cls._wire = names
        for name in names:
            _BY_WIRE[name] = cls
        return cls

    return register


def _value(value: Any, unset: type) -> Any:
    kind = type(value)
    if kind is unset:
        return None
    if kind is list:
        return [_value(item, unset) for item in value]
    target = _BY_WIRE.get(kind.__name__)
    if target is not None:
        return _from(target, value, unset)
    return value


# class -> [(our field, generated field, the JSON types its value may have)], once per class
_PLANS: dict[type, list[tuple[str, str, tuple[type, ...] | None]]] = {}

# A field's declared type -> the Python types JSON may give it. The generated parsers pass
# scalars through unchecked, so a number where a string belongs would reach the user.
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "str | None": (str,),
    "int | None": (int,),
    "float | None": (int, float),
    "bool | None": (bool,),
}


def _expected(annotation: object) -> tuple[type, ...] | None:
    text = str(annotation)
    if text.startswith("list["):
        return (list,)
    return _JSON_TYPES.get(text)


def _plan(cls: type[WireValue]) -> list[tuple[str, str, tuple[type, ...] | None]]:
    plan = _PLANS.get(cls)
    if plan is None:
        theirs = {ours: generated for generated, ours in cls._renames.items()}
        plan = [
            (field.name, theirs.get(field.name, field.name), _expected(field.type))
            for field in attrs.fields(cast(Any, cls))
            if field.name != "extra"
        ]
        _PLANS[cls] = plan
    return plan


def _wrong_type(cls: type, name: str, value: Any, allowed: tuple[type, ...]) -> Exception:
    from pywats._exceptions import WatsError

    wanted = " or ".join(t.__name__ for t in allowed)
    return WatsError(
        f"the server's answer could not be read: {cls.__name__}.{name} is"
        f" {type(value).__name__} {str(value)[:40]!r}, expected {wanted}. Check that the URL is"
        " the WATS server itself, not a proxy or login page."
    )


def _from(cls: type[V], model: Any, unset: type) -> V:
    kwargs: dict[str, Any] = {}
    for ours, theirs, allowed in _plan(cls):
        value = getattr(model, theirs, None)
        kind = type(value)
        if kind is unset:
            value = None
        elif allowed is not None and value is not None:
            if not isinstance(value, allowed) or (kind is bool and bool not in allowed):
                raise _wrong_type(cls, ours, value, allowed)
            if kind is list:
                value = _value(value, unset)
        elif kind is list or kind.__name__ in _BY_WIRE:
            value = _value(value, unset)
        kwargs[ours] = value
    extra = getattr(model, "additional_properties", None)
    if extra:
        kwargs["extra"] = dict(extra)
    return cls(**kwargs)


def from_generated(cls: type[V], model: Any) -> V:
    """Our value from a generated model (nested models and lists converted, UNSET → None)."""
    from wats_api.types import Unset

    return _from(cls, model, Unset)


def one(cls: type[V], parsed: Any) -> V | None:
    """Our value from what a generated call parsed (None stays None)."""
    return None if parsed is None else from_generated(cls, parsed)


def the(cls: type[V], parsed: Any) -> V:
    """Our value from a parsed answer that must be there.

    Raises:
        WatsError: the server answered without the body the operation promises.
    """
    if parsed is None:
        from pywats._exceptions import WatsError

        raise WatsError(f"the server answered without the {cls.__name__} it should return")
    return from_generated(cls, parsed)


def many(cls: type[V], parsed: Any) -> list[V]:
    """Our values from a parsed list (a lone model counts as a list of one; None as empty)."""
    if parsed is None:
        return []
    items = parsed if isinstance(parsed, list) else [parsed]
    return [from_generated(cls, item) for item in items]


def _generated_value(value: Any) -> Any:
    if isinstance(value, list):
        return [_generated_value(item) for item in value]
    if isinstance(value, WireValue):
        return _to_generated(value)
    return value


def _to_generated(value: WireValue) -> Any:
    import wats_api.models

    generated = getattr(wats_api.models, type(value)._wire[0])
    renames = {ours: theirs for theirs, ours in type(value)._renames.items()}
    kwargs: dict[str, Any] = {}
    for field in attrs.fields(cast(Any, type(value))):
        current = getattr(value, field.name)
        if field.name == "extra" or current is None:
            continue
        kwargs[renames.get(field.name, field.name)] = _generated_value(current)
    model = generated(**kwargs)
    model.additional_properties.update(getattr(value, "extra", None) or {})
    return model


def wire_dict(value: WireValue | Mapping[str, Any]) -> dict[str, Any]:
    """The wire form of a value or of a mapping already in wire names."""
    if isinstance(value, WireValue):
        return value.to_dict()
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"expected a pywats value or a mapping, got {type(value).__name__}")


# -- shared -----------------------------------------------------------------------------------


@_wire("Tag")
@attrs.frozen(kw_only=True)
class Tag(WireValue):
    """A key/value tag on a product, revision, unit, asset, package or ticket."""

    key: str | None = None
    value: str | None = None
    change: int | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


# value class -> the module that defines it; loaded on first access (PEP 562)
_LAZY: dict[str, str] = {
    "Product": "pywats._models_products",
    "ProductRevision": "pywats._models_products",
    "ProductSummary": "pywats._models_products",
    "MiscInfoMatch": "pywats._models_reports",
    "MiscInfoValue": "pywats._models_reports",
    "ReportHeader": "pywats._models_reports",
    "ReportHeaderAsset": "pywats._models_reports",
    "ReportHeaderAttachment": "pywats._models_reports",
    "ReportHeaderMiscInfo": "pywats._models_reports",
    "ReportHeaderSubUnit": "pywats._models_reports",
    "ReportHeaderUurAttachment": "pywats._models_reports",
    "ReportHeaderUurSubUnit": "pywats._models_reports",
    "Asset": "pywats._models_assets",
    "AssetLogEntry": "pywats._models_assets",
    "AssetSummary": "pywats._models_assets",
    "AssetType": "pywats._models_assets",
    "SerialNumberType": "pywats._models_production",
    "Unit": "pywats._models_production",
    "UnitChange": "pywats._models_production",
    "UnitVerification": "pywats._models_production",
    "UnitVerificationResult": "pywats._models_production",
    "SoftwarePackage": "pywats._models_software",
    "SoftwarePackageFile": "pywats._models_software",
    "VirtualFolder": "pywats._models_software",
    "Ticket": "pywats._models_rootcause",
    "TicketAttachment": "pywats._models_rootcause",
    "TicketUpdate": "pywats._models_rootcause",
    "TicketView": "pywats._models_rootcause",
    "UserSettings": "pywats._models_users",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pywats._models' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
