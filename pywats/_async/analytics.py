"""``api.analytics``: yield, volume, failures, measurements and report lists (``/api/App``).

The POST operations take a filter. Give its fields as keywords in Python names
(``part_number="PCB-1", test_operation="ICT", date_from=datetime(..., tzinfo=UTC)``) or a
mapping in wire names as ``filter=``; each operation honours only some fields (see the
server's notes in openapi/wats.yaml). The ``get_*`` twins of some queries take ids and a day
count in the query string instead. Answers are untyped on the server, so rows are dicts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from wats_api.api.analytics import (
    analytics_get_common_user_settings,
    analytics_get_high_volume,
    analytics_get_levels,
    analytics_get_product_groups,
    analytics_get_related_repair_history,
    analytics_get_top_failed,
    analytics_get_uut_reports,
    analytics_get_version,
    analytics_get_volume_yield,
    analytics_get_worst_yield,
    analytics_post_aggregated_measurements,
    analytics_post_dynamic_repair,
    analytics_post_dynamic_yield,
    analytics_post_high_volume,
    analytics_post_high_volume_by_product_group,
    analytics_post_measurements,
    analytics_post_oee_analysis,
    analytics_post_serial_number_history,
    analytics_post_test_step_analysis,
    analytics_post_top_failed,
    analytics_post_uur_reports,
    analytics_post_uut_reports,
    analytics_post_volume_yield,
    analytics_post_worst_yield,
    analytics_post_worst_yield_by_product_group,
)
from wats_api.models import AnalyticsFilter

from pywats._async._service import AsyncService
from pywats._models import one
from pywats._models_users import UserSettings
from pywats._wire import json_of, require

__all__ = ["AsyncAnalyticsService"]

Rows = list[dict[str, Any]]


def analytics_filter(filter: Mapping[str, Any] | None, fields: Mapping[str, Any]) -> Any:
    """The filter body from a wire-name mapping and/or Python-name keywords (keywords win).

    Raises:
        TypeError: an unknown keyword.
        ValueError: a naive datetime.
    """
    for name in ("date_from", "date_to"):
        value = fields.get(name)
        if isinstance(value, dt.datetime) and value.utcoffset() is None:
            raise ValueError(f"{name} must be timezone-aware, e.g. datetime(..., tzinfo=UTC)")
    body = AnalyticsFilter.from_dict(dict(filter or {}))
    known = {field.name for field in AnalyticsFilter.__attrs_attrs__}
    for name, value in fields.items():
        if name not in known:
            raise TypeError(f"unknown analytics filter field {name!r}; known: {sorted(known)}")
        if value is not None:
            setattr(body, name, value)
    return body


def _day_args(days: int, product_group_id: str, level_id: str) -> dict[str, Any]:
    if days <= 0:
        raise ValueError(f"days must be > 0, got {days}")
    return {"days": days, "product_group_id": product_group_id, "level_id": level_id}


def _when(value: dt.datetime | str | None) -> str | None:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return value


def _rows(content: bytes) -> Any:
    value = json_of(content)
    return [] if value is None else value


class AsyncAnalyticsService(AsyncService):
    """Analytics: ``await api.analytics.query_top_failed(part_number="PCB-1")``."""

    async def _post(
        self, module: Any, filter: Mapping[str, Any] | None, fields: Any, **query: Any
    ) -> Any:
        body = analytics_filter(filter, fields)
        response = await self._call(
            lambda: module.asyncio_detailed(client=self._api, body=body, **query)
        )
        return _rows(response.content)

    async def get_version(self) -> str:
        """The server's version (also a cheap "is it there?" call)."""
        response = await self._call(
            lambda: analytics_get_version.asyncio_detailed(client=self._api)
        )
        value = json_of(response.content)
        return str(value) if value is not None else ""

    async def get_levels(self) -> Rows:
        """Every level (the station hierarchy's client groups)."""
        response = await self._call(lambda: analytics_get_levels.asyncio_detailed(client=self._api))
        return _rows(response.content)  # type: ignore[no-any-return]

    async def get_product_groups(self, *, include_filters: bool | None = None) -> Rows:
        """Every product group (with its include/exclude filters if asked)."""
        response = await self._call(
            lambda: analytics_get_product_groups.asyncio_detailed(
                client=self._api, include_filters=include_filters
            )
        )
        return _rows(response.content)  # type: ignore[no-any-return]

    async def get_user_settings(self, user_name: str) -> UserSettings | None:
        """A user's common settings (name, culture, e-mail, roles, levels, product groups)."""
        require(user_name, "user_name")
        response = await self._lookup(
            lambda: analytics_get_common_user_settings.asyncio_detailed(
                client=self._api, user_name=user_name
            )
        )
        return None if response is None else one(UserSettings, response.parsed)

    async def get_volume_yield(self, *, days: int, product_group_id: str, level_id: str) -> Any:
        """Volume and yield over the last ``days`` (ids may be ``;``-separated lists)."""
        args = _day_args(days, product_group_id, level_id)
        response = await self._call(
            lambda: analytics_get_volume_yield.asyncio_detailed(client=self._api, **args)
        )
        return _rows(response.content)

    async def get_high_volume(self, *, days: int, product_group_id: str, level_id: str) -> Any:
        """Yield sorted by volume over the last ``days``."""
        args = _day_args(days, product_group_id, level_id)
        response = await self._call(
            lambda: analytics_get_high_volume.asyncio_detailed(client=self._api, **args)
        )
        return _rows(response.content)

    async def get_worst_yield(self, *, days: int, product_group_id: str, level_id: str) -> Any:
        """Yield sorted worst first over the last ``days``."""
        args = _day_args(days, product_group_id, level_id)
        response = await self._call(
            lambda: analytics_get_worst_yield.asyncio_detailed(client=self._api, **args)
        )
        return _rows(response.content)

    async def get_top_failed(
        self,
        part_number: str,
        *,
        process_code: str,
        product_group_id: str,
        level_id: str,
        days: int,
        count: int,
    ) -> Any:
        """The steps that failed most for a part number and process over the last ``days``."""
        require(part_number, "part_number")
        args = _day_args(days, product_group_id, level_id)
        response = await self._call(
            lambda: analytics_get_top_failed.asyncio_detailed(
                client=self._api,
                part_number=part_number,
                process_code=process_code,
                count=count,
                **args,
            )
        )
        return _rows(response.content)

    async def get_uut_reports(
        self,
        *,
        serial_number: str | None = None,
        part_number: str | None = None,
        revision: str | None = None,
        batch_number: str | None = None,
        station_name: str | None = None,
        test_operation: str | None = None,
        status: str | None = None,
        date_from: dt.datetime | str | None = None,
        date_to: dt.datetime | str | None = None,
        product_group_id: str | None = None,
        level_id: str | None = None,
    ) -> Any:
        """UUT report headers (the 1000 newest that match)."""
        response = await self._call(
            lambda: analytics_get_uut_reports.asyncio_detailed(
                client=self._api,
                serial_number=serial_number,
                part_number=part_number,
                revision=revision,
                batch_number=batch_number,
                station_name=station_name,
                test_operation=test_operation,
                status=status,
                date_from=_when(date_from),
                date_to=_when(date_to),
                product_group_id=product_group_id,
                level_id=level_id,
            )
        )
        return _rows(response.content)

    async def get_related_repair_history(
        self,
        part_number: str,
        revision: str,
        *,
        repair_operation_code: str | None = None,
        test_operation_code: str | None = None,
    ) -> Any:
        """Repaired failures related to a product revision."""
        require(part_number, "part_number")
        require(revision, "revision")
        response = await self._call(
            lambda: analytics_get_related_repair_history.asyncio_detailed(
                client=self._api,
                part_number=part_number,
                revision=revision,
                repair_operation_code=repair_operation_code,
                test_operation_code=test_operation_code,
            )
        )
        return _rows(response.content)

    async def query_dynamic_yield(
        self,
        filter: Mapping[str, Any] | None = None,
        *,
        dimensions: str | None = None,
        **fields: Any,
    ) -> Any:
        """Yield KPIs grouped by ``dimensions`` (e.g. ``"unitCount desc;partNumber;period"``)."""
        return await self._post(analytics_post_dynamic_yield, filter, fields, dimensions=dimensions)

    async def query_dynamic_repair(
        self,
        filter: Mapping[str, Any] | None = None,
        *,
        dimensions: str | None = None,
        **fields: Any,
    ) -> Any:
        """Repair statistics grouped by ``dimensions``."""
        return await self._post(
            analytics_post_dynamic_repair, filter, fields, dimensions=dimensions
        )

    async def query_volume_yield(
        self, filter: Mapping[str, Any] | None = None, **fields: Any
    ) -> Any:
        """Volume and yield."""
        return await self._post(analytics_post_volume_yield, filter, fields)

    async def query_high_volume(
        self, filter: Mapping[str, Any] | None = None, **fields: Any
    ) -> Any:
        """Yield sorted by volume."""
        return await self._post(analytics_post_high_volume, filter, fields)

    async def query_high_volume_by_product_group(
        self, filter: Mapping[str, Any] | None = None, **fields: Any
    ) -> Any:
        """Yield per product group, sorted by volume."""
        return await self._post(analytics_post_high_volume_by_product_group, filter, fields)

    async def query_worst_yield(
        self, filter: Mapping[str, Any] | None = None, **fields: Any
    ) -> Any:
        """Yield sorted worst first."""
        return await self._post(analytics_post_worst_yield, filter, fields)

    async def query_worst_yield_by_product_group(
        self, filter: Mapping[str, Any] | None = None, **fields: Any
    ) -> Any:
        """Yield per product group, worst first."""
        return await self._post(analytics_post_worst_yield_by_product_group, filter, fields)

    async def query_top_failed(self, filter: Mapping[str, Any] | None = None, **fields: Any) -> Any:
        """The steps that failed most."""
        return await self._post(analytics_post_top_failed, filter, fields)

    async def query_test_step_analysis(
        self, filter: Mapping[str, Any] | None = None, **fields: Any
    ) -> Any:
        """Step and measurement statistics (``part_number`` and ``test_operation`` required)."""
        return await self._post(analytics_post_test_step_analysis, filter, fields)

    async def query_measurements(
        self,
        filter: Mapping[str, Any] | None = None,
        *,
        measurement_paths: str | None = None,
        **fields: Any,
    ) -> Any:
        """Raw numeric measurements (at most 10000); paths use ``¶`` between levels."""
        return await self._post(
            analytics_post_measurements, filter, fields, measurement_paths=measurement_paths
        )

    async def query_aggregated_measurements(
        self,
        filter: Mapping[str, Any] | None = None,
        *,
        measurement_paths: str | None = None,
        **fields: Any,
    ) -> Any:
        """Aggregated numeric measurements."""
        return await self._post(
            analytics_post_aggregated_measurements,
            filter,
            fields,
            measurement_paths=measurement_paths,
        )

    async def query_oee(
        self,
        filter: Mapping[str, Any] | None = None,
        *,
        available_time: str = "24,24,24,24,24,24,24",
        min_connection_time: int | None = None,
        max_connection_time: int | None = None,
        min_execution_time: int | None = None,
        max_execution_time: int | None = None,
        target_output: int | None = None,
        **fields: Any,
    ) -> Any:
        """OEE analysis; ``available_time`` is hours per weekday, comma-separated."""
        return await self._post(
            analytics_post_oee_analysis,
            filter,
            fields,
            available_time=available_time,
            min_connection_time=min_connection_time,
            max_connection_time=max_connection_time,
            min_execution_time=min_execution_time,
            max_execution_time=max_execution_time,
            target_output=target_output,
        )

    async def query_serial_number_history(
        self, filter: Mapping[str, Any] | None = None, **fields: Any
    ) -> Any:
        """A serial number's history."""
        return await self._post(analytics_post_serial_number_history, filter, fields)

    async def query_uut_reports(
        self, filter: Mapping[str, Any] | None = None, **fields: Any
    ) -> Any:
        """UUT report headers (1000 newest unless ``top_count``)."""
        return await self._post(analytics_post_uut_reports, filter, fields)

    async def query_uur_reports(
        self, filter: Mapping[str, Any] | None = None, **fields: Any
    ) -> Any:
        """UUR (repair) report headers."""
        return await self._post(analytics_post_uur_reports, filter, fields)
