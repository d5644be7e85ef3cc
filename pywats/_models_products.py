"""Products and their revisions, as ``api.product`` hands them out."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import attrs

from pywats._models import Tag, WireValue, _wire

__all__ = ["Product", "ProductRevision", "ProductSummary"]


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
