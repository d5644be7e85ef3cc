"""The values of the administration domains: barcode identifiers and SCIM users.

Built like ``pywats._models`` (frozen attrs classes bridged to the generated models by field
name; keys the spec does not name are kept in ``extra``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from pywats._models import WireValue, _wire

__all__ = [
    "BarcodeIdentifier",
    "ScimEmail",
    "ScimMeta",
    "ScimName",
    "ScimRole",
    "ScimUser",
    "ScimUserPage",
]


@_wire("BarcodeIdentifier")
@attrs.frozen(kw_only=True)
class BarcodeIdentifier(WireValue):
    """A rule splitting scanned barcodes, or (from ``identify``) the values found in one.

    As a rule, ``pattern`` is the regular expression a barcode must match for the rule to apply
    and each part field is the regular expression that finds that part; rules are tried by
    ascending ``order``. In what ``api.barcode.identify`` returns, the part fields hold the
    values found.
    """

    id: int | None = None
    pattern: str | None = None
    serial_number: str | None = None
    part_number: str | None = None
    revision: str | None = None
    batch_number: str | None = None
    process: str | None = None
    order: int | None = None
    description: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ScimName")
@attrs.frozen(kw_only=True)
class ScimName(WireValue):
    """A user's name in parts (RFC 7643 §4.1.1)."""

    formatted: str | None = None
    given_name: str | None = None
    family_name: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ScimEmail")
@attrs.frozen(kw_only=True)
class ScimEmail(WireValue):
    """One e-mail address of a user."""

    _renames: ClassVar[dict[str, str]] = {"type_": "type"}

    value: str | None = None
    type: str | None = None
    primary: bool | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ScimRole")
@attrs.frozen(kw_only=True)
class ScimRole(WireValue):
    """One role of a user; ``value`` is the WATS role's name."""

    value: str | None = None
    display: str | None = None
    primary: bool | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ScimMeta")
@attrs.frozen(kw_only=True)
class ScimMeta(WireValue):
    resource_type: str | None = None
    created: dt.datetime | None = None
    last_modified: dt.datetime | None = None
    location: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ScimUser")
@attrs.frozen(kw_only=True)
class ScimUser(WireValue):
    """A user as SCIM provisioning sees it (RFC 7643 §4.1); ``user_name`` is unique."""

    schemas: list[str] | None = None
    id: str | None = None
    external_id: str | None = None
    user_name: str | None = None
    display_name: str | None = None
    active: bool | None = None
    name: ScimName | None = None
    emails: list[ScimEmail] | None = None
    roles: list[ScimRole] | None = None
    meta: ScimMeta | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("ScimListResponse")
@attrs.frozen(kw_only=True)
class ScimUserPage(WireValue):
    """One page of users: ``users``, and where it sits in ``total_results`` (1-based)."""

    _renames: ClassVar[dict[str, str]] = {"resources": "users"}

    schemas: list[str] | None = None
    total_results: int | None = None
    items_per_page: int | None = None
    start_index: int | None = None
    users: list[ScimUser] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
