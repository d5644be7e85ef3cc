"""``api.asset``: fixtures and instruments, their counts, calibration, maintenance and log.

Most operations name the asset by its id or by its serial number: give exactly one
(``asset_id`` positionally, or ``serial_number=``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from wats_api import models as wire
from wats_api.api.asset import (
    asset_delete,
    asset_get,
    asset_get_log,
    asset_get_status,
    asset_get_sub_assets,
    asset_get_types,
    asset_list,
    asset_post_calibration,
    asset_post_maintenance,
    asset_post_message,
    asset_put,
    asset_put_count,
    asset_put_state,
    asset_put_type,
    asset_reset_running_count,
)

from pywats._async._service import AsyncService
from pywats._models import many, one
from pywats._models_assets import Asset, AssetLogEntry, AssetSummary, AssetType
from pywats._odata import Filter, ODataQuery
from pywats._wire import json_of, model, one_of, opt_aware, require

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["AsyncAssetService"]


class AsyncAssetService(AsyncService):
    """Assets: ``await api.asset.get("FIXTURE-7")``."""

    async def get(self, asset: str) -> Asset | None:
        """Get one asset by its id or its serial number (None if unknown, in lenient mode)."""
        require(asset, "asset")
        response = await self._lookup(lambda: asset_get.asyncio_detailed(asset, client=self._api))
        return None if response is None else one(Asset, response.parsed)

    async def query(
        self,
        filter: Filter | str | None = None,
        *,
        top: int | None = None,
        skip: int | None = None,
        orderby: str | Iterable[str] | None = None,
    ) -> list[AssetSummary]:
        """List assets with OData (the server returns 1000, ordered by ``assetId``, by default).

        Example: ``await api.asset.query(F("typeId").eq(type_uuid))``.
        """
        query = ODataQuery(filter=filter, top=top, skip=skip, orderby=orderby)
        return many(AssetSummary, await self._query(asset_list, query))

    async def iter(
        self,
        filter: Filter | str | None = None,
        *,
        orderby: str | Iterable[str] | None = "assetId",
        page_size: int = 500,
        limit: int | None = None,
    ) -> AsyncIterator[AssetSummary]:
        """Iterate over every matching asset, ``page_size`` per request (``$skip`` paging)."""

        async def fetch(skip: int, top: int) -> list[AssetSummary]:
            return await self.query(filter, top=top, skip=skip, orderby=orderby)

        async for item in self._paginate(fetch, page_size=page_size, limit=limit):
            yield item

    async def save(self, asset: Asset | Mapping[str, Any]) -> Any:
        """Create or update an asset (``serialNumber`` and ``typeId`` required).

        Counts, calibration and maintenance dates are not changed this way; use
        :meth:`increment_count`, :meth:`record_calibration` and :meth:`record_maintenance`.
        """
        body = model(wire.Asset, asset)
        response = await self._call(lambda: asset_put.asyncio_detailed(client=self._api, body=body))
        return json_of(response.content)

    async def delete(self, asset_id: str | None = None, *, serial_number: str | None = None) -> Any:
        """Delete an asset and its log (its children are re-parented, not deleted)."""
        aid, sn = one_of(asset_id, serial_number)
        response = await self._call(
            lambda: asset_delete.asyncio_detailed(client=self._api, id=aid, serial_number=sn)
        )
        return json_of(response.content)

    async def get_status(
        self,
        asset_id: str | None = None,
        *,
        serial_number: str | None = None,
        translate: bool | None = None,
        culture_code: str | None = None,
    ) -> Any:
        """The asset's current status, including its alarm state and a message."""
        aid, sn = one_of(asset_id, serial_number)
        response = await self._lookup(
            lambda: asset_get_status.asyncio_detailed(
                client=self._api,
                id=aid,
                serial_number=sn,
                translate=translate,
                culture_code=culture_code,
            )
        )
        return None if response is None else json_of(response.content)

    async def set_state(
        self, asset_id: str | None = None, *, state: int, serial_number: str | None = None
    ) -> Any:
        """Set the asset's state (0-6)."""
        aid, sn = one_of(asset_id, serial_number)
        response = await self._call(
            lambda: asset_put_state.asyncio_detailed(
                client=self._api, state=state, id=aid, serial_number=sn
            )
        )
        return json_of(response.content)

    async def increment_count(
        self,
        asset_id: str | None = None,
        *,
        serial_number: str | None = None,
        increment_by: int | None = None,
        total_count: int | None = None,
        increment_children: bool | None = None,
        culture_code: str | None = None,
    ) -> Any:
        """Increment the running and total counts (by ``increment_by``, or up to ``total_count``).

        Not retried: the server adds again on a repeat.
        """
        aid, sn = one_of(asset_id, serial_number)
        response = await self._call(
            lambda: asset_put_count.asyncio_detailed(
                client=self._api,
                id=aid,
                serial_number=sn,
                total_count=total_count,
                increment_by=increment_by,
                increment_children=increment_children,
                culture_code=culture_code,
            ),
            idempotent=total_count is not None and increment_by is None,
        )
        return json_of(response.content)

    async def reset_running_count(
        self,
        asset_id: str | None = None,
        *,
        serial_number: str | None = None,
        comment: str | None = None,
    ) -> Any:
        """Set the running count to 0."""
        aid, sn = one_of(asset_id, serial_number)
        response = await self._call(
            lambda: asset_reset_running_count.asyncio_detailed(
                client=self._api, id=aid, serial_number=sn, comment=comment
            )
        )
        return json_of(response.content)

    async def _record(
        self,
        endpoint: ModuleType,
        asset_id: str | None,
        serial_number: str | None,
        date_time: dt.datetime | None,
        comment: str | None,
    ) -> Any:
        # Calibration and maintenance records take the same arguments; not retried: a
        # repeat would record the event twice.
        aid, sn = one_of(asset_id, serial_number)
        when = opt_aware(date_time, "date_time")
        response = await self._call(
            lambda: endpoint.asyncio_detailed(
                client=self._api, id=aid, serial_number=sn, date_time=when, comment=comment
            ),
            idempotent=False,
        )
        return json_of(response.content)

    async def record_calibration(
        self,
        asset_id: str | None = None,
        *,
        serial_number: str | None = None,
        date_time: dt.datetime | None = None,
        comment: str | None = None,
    ) -> Any:
        """Record a calibration (at ``date_time``, default now)."""
        return await self._record(
            asset_post_calibration, asset_id, serial_number, date_time, comment
        )

    async def record_maintenance(
        self,
        asset_id: str | None = None,
        *,
        serial_number: str | None = None,
        date_time: dt.datetime | None = None,
        comment: str | None = None,
    ) -> Any:
        """Record a maintenance (at ``date_time``, default now)."""
        return await self._record(
            asset_post_maintenance, asset_id, serial_number, date_time, comment
        )

    async def post_message(
        self,
        asset_id: str | None = None,
        *,
        content: str,
        serial_number: str | None = None,
        culture_code: str | None = None,
    ) -> Any:
        """Post a message to the asset's log."""
        aid, sn = one_of(asset_id, serial_number)
        body = wire.AssetMessage(content=require(content, "content"))
        response = await self._call(
            lambda: asset_post_message.asyncio_detailed(
                client=self._api, body=body, id=aid, serial_number=sn, culture_code=culture_code
            ),
            idempotent=False,
        )
        return json_of(response.content)

    async def query_log(
        self,
        filter: Filter | str | None = None,
        *,
        top: int | None = None,
        skip: int | None = None,
        orderby: str | Iterable[str] | None = None,
    ) -> list[AssetLogEntry]:
        """Read the asset log with OData (newest first, 1000 by default)."""
        query = ODataQuery(filter=filter, top=top, skip=skip, orderby=orderby)
        return many(AssetLogEntry, await self._query(asset_get_log, query))

    async def iter_log(
        self,
        filter: Filter | str | None = None,
        *,
        orderby: str | Iterable[str] | None = None,
        page_size: int = 500,
        limit: int | None = None,
    ) -> AsyncIterator[AssetLogEntry]:
        """Iterate over the asset log (newest first unless ``orderby``), page by page."""

        async def fetch(skip: int, top: int) -> list[AssetLogEntry]:
            return await self.query_log(filter, top=top, skip=skip, orderby=orderby)

        async for item in self._paginate(fetch, page_size=page_size, limit=limit):
            yield item

    async def query_types(
        self,
        filter: Filter | str | None = None,
        *,
        top: int | None = None,
        skip: int | None = None,
        orderby: str | Iterable[str] | None = None,
    ) -> list[AssetType]:
        """List asset types with OData (ordered by name)."""
        query = ODataQuery(filter=filter, top=top, skip=skip, orderby=orderby)
        return many(AssetType, await self._query(asset_get_types, query))

    async def save_type(self, asset_type: AssetType | Mapping[str, Any]) -> Any:
        """Create or update an asset type (``typeName`` required)."""
        body = model(wire.AssetType, asset_type)
        response = await self._call(
            lambda: asset_put_type.asyncio_detailed(client=self._api, body=body)
        )
        return json_of(response.content)

    async def get_sub_assets(
        self,
        asset_id: str | None = None,
        *,
        serial_number: str | None = None,
        level: int | None = None,
    ) -> Any:
        """The asset's children (``level=1`` direct children only, 0 all levels)."""
        aid, sn = one_of(asset_id, serial_number)
        response = await self._lookup(
            lambda: asset_get_sub_assets.asyncio_detailed(
                client=self._api, id=aid, serial_number=sn, level=level
            )
        )
        return None if response is None else json_of(response.content) or []
