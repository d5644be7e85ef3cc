"""``api.product``: products, revisions, bulk updates, BOMs, vendors and product groups."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping
from typing import Any, TypeAlias

from wats_api import models as wire
from wats_api.api.product import (
    product_add_group_filter,
    product_delete_vendors,
    product_get,
    product_get_groups,
    product_get_revision,
    product_get_vendors,
    product_put,
    product_put_bom,
    product_put_bulk,
    product_put_revision,
    product_put_revisions_bulk,
    product_put_vendors,
    product_query,
)

from pywats._async._service import AsyncService
from pywats._models import many, the
from pywats._models_products import Product, ProductRevision, ProductSummary
from pywats._odata import Filter, ODataQuery
from pywats._wire import FileSource, file_bytes, json_of, model, require
from pywats._wire import strings as _strings
from pywats._wire import upload as _upload

__all__ = ["AsyncProductService"]

ProductLike: TypeAlias = "Product | Mapping[str, Any]"
RevisionLike: TypeAlias = "ProductRevision | Mapping[str, Any]"


def _vendors(names: Iterable[str]) -> list[Any]:
    return [wire.Vendor(vendor_name=require(name, "vendor name")) for name in _strings(names)]


class AsyncProductService(AsyncService):
    """Products: ``await api.product.get("PCB-100")``."""

    async def get(self, part_number: str) -> Product | None:
        """Get one product with its revisions and tags.

        Returns:
            The product; None for an unknown part number in lenient mode.

        Raises:
            NotFoundError: no such product (strict mode).
        """
        require(part_number, "part_number")
        kwargs = product_get._get_kwargs(part_number)
        return await self._lookup(lambda: self._get_value(kwargs, Product))

    async def get_revision(self, part_number: str, revision: str) -> ProductRevision | None:
        """Get one revision of a product (None if unknown, in lenient mode)."""
        require(part_number, "part_number")
        require(revision, "revision")
        kwargs = product_get_revision._get_kwargs(part_number, revision)
        return await self._lookup(lambda: self._get_value(kwargs, ProductRevision))

    async def query(
        self,
        filter: Filter | str | None = None,
        *,
        top: int | None = None,
        skip: int | None = None,
        orderby: str | Iterable[str] | None = None,
    ) -> list[ProductSummary]:
        """List or search products with OData (the server returns 1000 unless filtered)."""
        query = ODataQuery(filter=filter, top=top, skip=skip, orderby=orderby)
        return many(ProductSummary, await self._query(product_query, query))

    async def iter(
        self,
        filter: Filter | str | None = None,
        *,
        orderby: str | Iterable[str] | None = "partNumber",
        page_size: int = 500,
        limit: int | None = None,
    ) -> AsyncIterator[ProductSummary]:
        """Iterate over every matching product, ``page_size`` per request (``$skip`` paging)."""

        async def fetch(skip: int, top: int) -> list[ProductSummary]:
            return await self.query(filter, top=top, skip=skip, orderby=orderby)

        async for item in self._paginate(fetch, page_size=page_size, limit=limit):
            yield item

    async def save(self, product: ProductLike) -> Product:
        """Create a product (no ``productId``) or update one; return the server's copy.

        ``product`` is a product from :meth:`get` or a mapping in wire names, e.g.
        ``{"partNumber": "PCB-100", "name": "Main board", "state": 1}``.
        """
        body = model(wire.Product, product)
        response = await self._call(
            lambda: product_put.asyncio_detailed(client=self._api, body=body)
        )
        return the(Product, response.parsed)

    async def save_revision(self, revision: RevisionLike) -> ProductRevision:
        """Create a revision (no ``productRevisionId``) or update one.

        A mapping uses wire names; note the server spells the part number ``PartNumber``.
        """
        body = model(wire.ProductRevision, revision)
        response = await self._call(
            lambda: product_put_revision.asyncio_detailed(client=self._api, body=body)
        )
        return the(ProductRevision, response.parsed)

    async def save_many(self, products: Iterable[ProductLike]) -> Any:
        """Create or update many products at once (``PUT /api/Products``, for ERP feeds)."""
        body = [model(wire.Product, item) for item in products]
        response = await self._call(
            lambda: product_put_bulk.asyncio_detailed(client=self._api, body=body)
        )
        return json_of(response.content)

    async def save_revisions(self, revisions: Iterable[RevisionLike]) -> Any:
        """Create or update many revisions at once (``PUT /api/Products/Revisions``)."""
        body = [model(wire.ProductRevision, item) for item in revisions]
        response = await self._call(
            lambda: product_put_revisions_bulk.asyncio_detailed(client=self._api, body=body)
        )
        return json_of(response.content)

    async def save_bom(self, wsbf: FileSource) -> Any:
        """Insert or update a BOM written in WSBF XML (bytes, a path or a binary stream)."""
        content = file_bytes(wsbf)
        response = await self._call(
            lambda: product_put_bom.asyncio_detailed(
                client=self._api, body=_upload(content, "bom.xml", "application/xml")
            )
        )
        return json_of(response.content)

    async def add_to_group(
        self,
        part_number: str,
        *,
        product_group: str,
        revision: str | None = None,
        exclude: bool | None = None,
    ) -> Any:
        """Add an include (or, with ``exclude=True``, exclude) filter to a product group."""
        require(part_number, "part_number")
        require(product_group, "product_group")
        response = await self._call(
            lambda: product_add_group_filter.asyncio_detailed(
                client=self._api,
                product_group=product_group,
                part_number=part_number,
                revision=revision,
                exclude=exclude,
            ),
            idempotent=False,
        )
        return json_of(response.content)

    async def get_groups(self, part_number: str, *, revision: str | None = None) -> Any:
        """The product groups that contain a product."""
        require(part_number, "part_number")
        response = await self._call(
            lambda: product_get_groups.asyncio_detailed(
                client=self._api, part_number=part_number, revision=revision
            )
        )
        return json_of(response.content) or []

    async def get_vendors(self) -> list[dict[str, Any]]:
        """Every vendor (``[{"VendorName": ...}]``)."""
        response = await self._call(lambda: product_get_vendors.asyncio_detailed(client=self._api))
        return json_of(response.content) or []

    async def add_vendors(self, names: Iterable[str]) -> Any:
        """Add the vendors that do not exist yet."""
        body = _vendors(names)
        response = await self._call(
            lambda: product_put_vendors.asyncio_detailed(client=self._api, body=body)
        )
        return json_of(response.content)

    async def delete_vendors(self, names: Iterable[str]) -> Any:
        """Delete vendors by name."""
        body = _vendors(names)
        response = await self._call(
            lambda: product_delete_vendors.asyncio_detailed(client=self._api, body=body)
        )
        return json_of(response.content)
