"""The values the SDK hands out: products, report headers, assets, units, packages, tickets.

Each is a frozen attrs class whose fields carry the generated model's Python names (so
``product.part_number`` reads the wire's ``partNumber``), with None where the server sent
nothing. The generated models (``wats_api.models``) stay the wire format inside the services;
this module bridges the two by field name:

    generated model ──from_generated()──► pywats value ──to_dict()──► wire dict (camelCase)

Change a value with ``attrs.evolve(product, name="New name")`` and hand it back to a ``save``
method. Keys the server sent that the spec does not name are kept in ``extra``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast
from uuid import UUID

import attrs

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


# -- products -----------------------------------------------------------------------------------


@_wire("ProductRevision")
@attrs.frozen(kw_only=True)
class ProductRevision(WireValue):
    """One revision of a product."""

    product_revision_id: UUID | None = None
    product_id: UUID | None = None
    part_number: str | None = None
    revision: str | None = None
    name: str | None = None
    description: str | None = None
    state: int | None = None
    xml_data: str | None = None
    tags: list[Tag] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("Product")
@attrs.frozen(kw_only=True)
class Product(WireValue):
    """A product (part number) with its revisions and tags."""

    product_id: UUID | None = None
    part_number: str | None = None
    name: str | None = None
    description: str | None = None
    non_serial: bool | None = None
    state: int | None = None
    """1 active, 0 inactive."""
    xml_data: str | None = None
    product_category_id: UUID | None = None
    product_category_name: str | None = None
    revisions: list[ProductRevision] | None = None
    tags: list[Tag] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ProductListItem")
@attrs.frozen(kw_only=True)
class ProductSummary(WireValue):
    """A product as product queries list it."""

    part_number: str | None = None
    name: str | None = None
    category: str | None = None
    non_serial: bool | None = None
    state: int | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


# -- reports --------------------------------------------------------------------------------


@_wire("ReportHeaderSubUnit")
@attrs.frozen(kw_only=True)
class ReportHeaderSubUnit(WireValue):
    part_type: str | None = None
    serial_number: str | None = None
    part_number: str | None = None
    revision: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ReportHeaderMiscInfo", "ReportHeaderUurMiscInfo")
@attrs.frozen(kw_only=True)
class ReportHeaderMiscInfo(WireValue):
    description: str | None = None
    value: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ReportHeaderAsset")
@attrs.frozen(kw_only=True)
class ReportHeaderAsset(WireValue):
    serial_number: str | None = None
    running_count: int | None = None
    running_count_exceeded: int | None = None
    total_count: int | None = None
    total_count_exceeded: int | None = None
    days_since_maintenance: float | None = None
    maintenance_days_overdue: float | None = None
    days_since_calibration: float | None = None
    calibration_days_overdue: float | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ReportHeaderAttachment")
@attrs.frozen(kw_only=True)
class ReportHeaderAttachment(WireValue):
    step_id: int | None = None
    filename: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ReportHeaderUurSubUnit")
@attrs.frozen(kw_only=True)
class ReportHeaderUurSubUnit(WireValue):
    serial_number: str | None = None
    part_number: str | None = None
    revision: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ReportHeaderUurAttachment")
@attrs.frozen(kw_only=True)
class ReportHeaderUurAttachment(WireValue):
    id: UUID | None = None
    filename: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ReportHeader")
@attrs.frozen(kw_only=True)
class ReportHeader(WireValue):
    """The header of a UUT (``report_type`` ``"T"``) or UUR (``"R"``) report.

    ``result`` is a word (``Passed``, ``Failed``, ``Error``, ``Terminated``); ``user_name``
    is the operator; the collections are filled only when asked for with ``expand``.
    """

    uuid: UUID | None = None
    serial_number: str | None = None
    part_number: str | None = None
    revision: str | None = None
    report_type: str | None = None
    start: dt.datetime | None = None
    result: str | None = None
    batch_number: str | None = None
    user_name: str | None = None
    station_name: str | None = None
    location: str | None = None
    purpose: str | None = None
    process_code: int | None = None
    process_name: str | None = None
    comment: str | None = None
    execution_time: float | None = None
    sw_filename: str | None = None
    sw_version: str | None = None
    test_socket_index: int | None = None
    fixture_id: str | None = None
    error_code: int | None = None
    error_message: str | None = None
    run: int | None = None
    passed_in_run: int | None = None
    receive_count: int | None = None
    report_size: int | None = None
    caused_uut_failure: str | None = None
    caused_uut_failure_path: str | None = None
    referenced_uut: UUID | None = None
    measures_deleted: bool | None = None
    time_stamp: int | None = None
    sub_units: list[ReportHeaderSubUnit] | None = None
    misc_info: list[ReportHeaderMiscInfo] | None = None
    assets: list[ReportHeaderAsset] | None = None
    attachments: list[ReportHeaderAttachment] | None = None
    uur_sub_units: list[ReportHeaderUurSubUnit] | None = None
    uur_misc_info: list[ReportHeaderMiscInfo] | None = None
    uur_attachments: list[ReportHeaderUurAttachment] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("UutMiscData")
@attrs.frozen(kw_only=True)
class MiscInfoValue(WireValue):
    description: str | None = None
    data: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("UutMiscInfoMatch")
@attrs.frozen(kw_only=True)
class MiscInfoMatch(WireValue):
    """A UUT report found by its misc info."""

    uuid: UUID | None = None
    serial_number: str | None = None
    part_number: str | None = None
    start: dt.datetime | None = None
    result: str | None = None
    process_code: int | None = None
    process_name: str | None = None
    misc_data: list[MiscInfoValue] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


# -- assets ---------------------------------------------------------------------------------


@_wire("AssetType", "AssetTypeListItem")
@attrs.frozen(kw_only=True)
class AssetType(WireValue):
    """A kind of asset, with its count limits and service intervals (days)."""

    type_id: UUID | None = None
    type_name: str | None = None
    running_count_limit: int | None = None
    total_count_limit: int | None = None
    maintenance_interval: float | None = None
    calibration_interval: float | None = None
    warning_threshold: float | None = None
    alarm_threshold: float | None = None
    is_readonly: bool | None = None
    icon: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("AssetLogEntry", "AssetLogListItem")
@attrs.frozen(kw_only=True)
class AssetLogEntry(WireValue):
    """One line of an asset's log (``kind`` is the server's log type code)."""

    _renames: ClassVar[dict[str, str]] = {"type_": "kind", "property_": "property"}

    log_id: int | None = None
    asset_id: str | None = None
    serial_number: str | None = None
    date: dt.datetime | None = None
    user: str | None = None
    kind: int | None = None
    property: str | None = None
    value: str | None = None
    comment: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("AssetListItem")
@attrs.frozen(kw_only=True)
class AssetSummary(WireValue):
    """An asset as asset queries list it."""

    asset_id: str | None = None
    serial_number: str | None = None
    asset_name: str | None = None
    type_id: UUID | None = None
    parent_asset_id: str | None = None
    parent_serial_number: str | None = None
    part_number: str | None = None
    revision: str | None = None
    state: int | None = None
    description: str | None = None
    location: str | None = None
    first_seen_date: dt.datetime | None = None
    last_seen_date: dt.datetime | None = None
    last_maintenance_date: dt.datetime | None = None
    next_maintenance_date: dt.datetime | None = None
    last_calibration_date: dt.datetime | None = None
    next_calibration_date: dt.datetime | None = None
    total_count: int | None = None
    running_count: int | None = None
    xml_data: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("Asset")
@attrs.frozen(kw_only=True)
class Asset(WireValue):
    """An asset (fixture, instrument ...) with its type, children and log."""

    asset_id: str | None = None
    serial_number: str | None = None
    asset_name: str | None = None
    type_id: UUID | None = None
    parent_asset_id: str | None = None
    parent_serial_number: str | None = None
    part_number: str | None = None
    revision: str | None = None
    client_id: int | None = None
    state: int | None = None
    description: str | None = None
    location: str | None = None
    first_seen_date: dt.datetime | None = None
    last_seen_date: dt.datetime | None = None
    last_maintenance_date: dt.datetime | None = None
    next_maintenance_date: dt.datetime | None = None
    last_calibration_date: dt.datetime | None = None
    next_calibration_date: dt.datetime | None = None
    total_count: int | None = None
    running_count: int | None = None
    tags: list[Tag] | None = None
    asset_type: AssetType | None = None
    asset_children: list[Asset] | None = None
    asset_log: list[AssetLogEntry] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


# -- production -----------------------------------------------------------------------------


@_wire("Unit")
@attrs.frozen(kw_only=True)
class Unit(WireValue):
    """A produced unit (serial number of a part number) and its sub-units."""

    serial_number: str | None = None
    part_number: str | None = None
    revision: str | None = None
    parent_serial_number: str | None = None
    batch_number: str | None = None
    serial_date: dt.datetime | None = None
    current_location: str | None = None
    xml_data: str | None = None
    unit_phase_id: int | None = None
    unit_phase: str | None = None
    process_code: str | None = None
    tags: list[Tag] | None = None
    product_revision: ProductRevision | None = None
    product: Product | None = None
    sub_units: list[Unit] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("UnitChange")
@attrs.frozen(kw_only=True)
class UnitChange(WireValue):
    """A pending change to a unit (acknowledge it with ``delete_unit_change(id)``)."""

    id: int | None = None
    unit_serial_number: str | None = None
    new_parent_serial_number: str | None = None
    new_part_number: str | None = None
    new_revision: str | None = None
    new_unit_phase_id: int | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("UnitVerificationResult")
@attrs.frozen(kw_only=True)
class UnitVerificationResult(WireValue):
    process_code: int | None = None
    process_name: str | None = None
    process_index: int | None = None
    status: str | None = None
    start_utc: dt.datetime | None = None
    station_name: str | None = None
    total_count: int | None = None
    non_passed_count: int | None = None
    repair_count: int | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("UnitVerificationGrade")
@attrs.frozen(kw_only=True)
class UnitVerification(WireValue):
    """A unit's verification grade and the per-process results behind it."""

    status: str | None = None
    grade: str | None = None
    all_processes_executed_in_correct_order: bool | None = None
    all_processes_passed_first_run: bool | None = None
    all_processes_passed_any_run: bool | None = None
    all_processes_passed_last_run: bool | None = None
    no_repairs: bool | None = None
    results: list[UnitVerificationResult] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("SerialNumberType")
@attrs.frozen(kw_only=True)
class SerialNumberType(WireValue):
    """A serial-number pool."""

    _renames: ClassVar[dict[str, str]] = {"format_": "format"}

    name: str | None = None
    description: str | None = None
    format: str | None = None
    reg_ex: str | None = None
    identifier: int | None = None
    identifier_name: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


# -- software -------------------------------------------------------------------------------


@_wire("SoftwarePackage")
@attrs.frozen(kw_only=True)
class SoftwarePackage(WireValue):
    """A software distribution package (``status``: Draft, Pending, Released, Revoked)."""

    package_id: UUID | None = None
    name: str | None = None
    version: int | None = None
    status: str | None = None
    description: str | None = None
    install_on_root: bool | None = None
    root_directory: str | None = None
    priority: int | None = None
    virtual_folder_id: UUID | None = None
    tags: list[Tag] | None = None
    created: dt.datetime | None = None
    created_by: str | None = None
    modified: dt.datetime | None = None
    modified_by: str | None = None
    released: dt.datetime | None = None
    released_by: str | None = None
    revoked: dt.datetime | None = None
    revoked_by: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("SoftwarePackageFile")
@attrs.frozen(kw_only=True)
class SoftwarePackageFile(WireValue):
    """A file in a package (metadata)."""

    package_file_id: str | None = None
    name: str | None = None
    package_folder_name: str | None = None
    attributes: str | None = None
    description: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("VirtualFolder")
@attrs.frozen(kw_only=True)
class VirtualFolder(WireValue):
    id: UUID | None = None
    parent_id: UUID | None = None
    name: str | None = None
    description: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


# -- rootcause ------------------------------------------------------------------------------


@_wire("TicketAttachment")
@attrs.frozen(kw_only=True)
class TicketAttachment(WireValue):
    attachment_id: UUID | None = None
    filename: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("TicketUpdate")
@attrs.frozen(kw_only=True)
class TicketUpdate(WireValue):
    """One entry of a ticket's history (or the change sent with an update)."""

    update_id: UUID | None = None
    update_utc: dt.datetime | None = None
    update_user: str | None = None
    content: str | None = None
    update_type: int | None = None
    attachments: list[TicketAttachment] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


class TicketView(enum.IntEnum):
    """Which tickets ``api.rootcause.query`` lists."""

    ASSIGNED = 0
    FOLLOWING = 1
    ALL = 2  # needs the "Manage All Tickets" permission


@_wire("Ticket")
@attrs.frozen(kw_only=True)
class Ticket(WireValue):
    """A RootCause ticket (``status`` is one of the flag values 1, 2, 4, 8, 16, 32)."""

    ticket_id: UUID | None = None
    ticket_number: int | None = None
    subject: str | None = None
    status: int | None = None
    priority: int | None = None
    progress: str | None = None
    owner: str | None = None
    assignee: str | None = None
    team: str | None = None
    origin: str | None = None
    report_uuid: UUID | None = None
    created_utc: dt.datetime | None = None
    updated_utc: dt.datetime | None = None
    tags: list[Tag] | None = None
    history: list[TicketUpdate] | None = None
    update: TicketUpdate | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


# -- users ----------------------------------------------------------------------------------


@_wire("CommonUserSettings")
@attrs.frozen(kw_only=True)
class UserSettings(WireValue):
    full_name: str | None = None
    culture_code: str | None = None
    email: str | None = None
    roles: list[str] | None = None
    levels: list[str] | None = None
    product_groups: list[str] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
