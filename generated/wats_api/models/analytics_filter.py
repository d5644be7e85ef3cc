from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AnalyticsFilter")


@_attrs_define
class AnalyticsFilter:
    """Filter for the analytics operations. Each operation honours only some fields (see its description).

    Attributes:
        serial_number (None | str | Unset): Serial number.
        part_number (None | str | Unset): Part number.
        revision (None | str | Unset): Revision.
        batch_number (None | str | Unset): Batch number.
        station_name (None | str | Unset): Station name.
        test_operation (None | str | Unset): Test operation (process) name.
        status (None | str | Unset): Report status: Passed, Failed, Error or Terminated.
        yield_ (int | None | Unset): Yield threshold in percent.
        misc_description (None | str | Unset): Misc info description.
        misc_value (None | str | Unset): Misc info value.
        product_group (None | str | Unset): Product group name.
        level (None | str | Unset): Level name.
        sw_filename (None | str | Unset):
        sw_version (None | str | Unset):
        socket (None | str | Unset): Test socket index.
        date_from (datetime.datetime | None | Unset):
        date_to (datetime.datetime | None | Unset):
        date_grouping (int | None | Unset): Period length for grouping (-1 to 5). The server does not name the values; 1
            is probably Day.
        period_count (int | None | Unset): Number of periods back.
        include_current_period (bool | None | Unset): Include the period in progress.
        max_count (int | None | Unset): Maximum rows or measurements.
        min_count (int | None | Unset): Minimum volume for a row.
        top_count (int | None | Unset): Number of rows.
        dimensions (None | str | Unset): Grouping dimensions and KPIs, `;`-separated (DynamicYield, DynamicRepair).
    """

    serial_number: None | str | Unset = UNSET
    part_number: None | str | Unset = UNSET
    revision: None | str | Unset = UNSET
    batch_number: None | str | Unset = UNSET
    station_name: None | str | Unset = UNSET
    test_operation: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    yield_: int | None | Unset = UNSET
    misc_description: None | str | Unset = UNSET
    misc_value: None | str | Unset = UNSET
    product_group: None | str | Unset = UNSET
    level: None | str | Unset = UNSET
    sw_filename: None | str | Unset = UNSET
    sw_version: None | str | Unset = UNSET
    socket: None | str | Unset = UNSET
    date_from: datetime.datetime | None | Unset = UNSET
    date_to: datetime.datetime | None | Unset = UNSET
    date_grouping: int | None | Unset = UNSET
    period_count: int | None | Unset = UNSET
    include_current_period: bool | None | Unset = UNSET
    max_count: int | None | Unset = UNSET
    min_count: int | None | Unset = UNSET
    top_count: int | None | Unset = UNSET
    dimensions: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        serial_number: None | str | Unset
        if isinstance(self.serial_number, Unset):
            serial_number = UNSET
        else:
            serial_number = self.serial_number

        part_number: None | str | Unset
        if isinstance(self.part_number, Unset):
            part_number = UNSET
        else:
            part_number = self.part_number

        revision: None | str | Unset
        if isinstance(self.revision, Unset):
            revision = UNSET
        else:
            revision = self.revision

        batch_number: None | str | Unset
        if isinstance(self.batch_number, Unset):
            batch_number = UNSET
        else:
            batch_number = self.batch_number

        station_name: None | str | Unset
        if isinstance(self.station_name, Unset):
            station_name = UNSET
        else:
            station_name = self.station_name

        test_operation: None | str | Unset
        if isinstance(self.test_operation, Unset):
            test_operation = UNSET
        else:
            test_operation = self.test_operation

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        yield_: int | None | Unset
        if isinstance(self.yield_, Unset):
            yield_ = UNSET
        else:
            yield_ = self.yield_

        misc_description: None | str | Unset
        if isinstance(self.misc_description, Unset):
            misc_description = UNSET
        else:
            misc_description = self.misc_description

        misc_value: None | str | Unset
        if isinstance(self.misc_value, Unset):
            misc_value = UNSET
        else:
            misc_value = self.misc_value

        product_group: None | str | Unset
        if isinstance(self.product_group, Unset):
            product_group = UNSET
        else:
            product_group = self.product_group

        level: None | str | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        else:
            level = self.level

        sw_filename: None | str | Unset
        if isinstance(self.sw_filename, Unset):
            sw_filename = UNSET
        else:
            sw_filename = self.sw_filename

        sw_version: None | str | Unset
        if isinstance(self.sw_version, Unset):
            sw_version = UNSET
        else:
            sw_version = self.sw_version

        socket: None | str | Unset
        if isinstance(self.socket, Unset):
            socket = UNSET
        else:
            socket = self.socket

        date_from: None | str | Unset
        if isinstance(self.date_from, Unset):
            date_from = UNSET
        elif isinstance(self.date_from, datetime.datetime):
            date_from = self.date_from.isoformat()
        else:
            date_from = self.date_from

        date_to: None | str | Unset
        if isinstance(self.date_to, Unset):
            date_to = UNSET
        elif isinstance(self.date_to, datetime.datetime):
            date_to = self.date_to.isoformat()
        else:
            date_to = self.date_to

        date_grouping: int | None | Unset
        if isinstance(self.date_grouping, Unset):
            date_grouping = UNSET
        else:
            date_grouping = self.date_grouping

        period_count: int | None | Unset
        if isinstance(self.period_count, Unset):
            period_count = UNSET
        else:
            period_count = self.period_count

        include_current_period: bool | None | Unset
        if isinstance(self.include_current_period, Unset):
            include_current_period = UNSET
        else:
            include_current_period = self.include_current_period

        max_count: int | None | Unset
        if isinstance(self.max_count, Unset):
            max_count = UNSET
        else:
            max_count = self.max_count

        min_count: int | None | Unset
        if isinstance(self.min_count, Unset):
            min_count = UNSET
        else:
            min_count = self.min_count

        top_count: int | None | Unset
        if isinstance(self.top_count, Unset):
            top_count = UNSET
        else:
            top_count = self.top_count

        dimensions: None | str | Unset
        if isinstance(self.dimensions, Unset):
            dimensions = UNSET
        else:
            dimensions = self.dimensions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if serial_number is not UNSET:
            field_dict["serialNumber"] = serial_number
        if part_number is not UNSET:
            field_dict["partNumber"] = part_number
        if revision is not UNSET:
            field_dict["revision"] = revision
        if batch_number is not UNSET:
            field_dict["batchNumber"] = batch_number
        if station_name is not UNSET:
            field_dict["stationName"] = station_name
        if test_operation is not UNSET:
            field_dict["testOperation"] = test_operation
        if status is not UNSET:
            field_dict["status"] = status
        if yield_ is not UNSET:
            field_dict["yield"] = yield_
        if misc_description is not UNSET:
            field_dict["miscDescription"] = misc_description
        if misc_value is not UNSET:
            field_dict["miscValue"] = misc_value
        if product_group is not UNSET:
            field_dict["productGroup"] = product_group
        if level is not UNSET:
            field_dict["level"] = level
        if sw_filename is not UNSET:
            field_dict["swFilename"] = sw_filename
        if sw_version is not UNSET:
            field_dict["swVersion"] = sw_version
        if socket is not UNSET:
            field_dict["socket"] = socket
        if date_from is not UNSET:
            field_dict["dateFrom"] = date_from
        if date_to is not UNSET:
            field_dict["dateTo"] = date_to
        if date_grouping is not UNSET:
            field_dict["dateGrouping"] = date_grouping
        if period_count is not UNSET:
            field_dict["periodCount"] = period_count
        if include_current_period is not UNSET:
            field_dict["includeCurrentPeriod"] = include_current_period
        if max_count is not UNSET:
            field_dict["maxCount"] = max_count
        if min_count is not UNSET:
            field_dict["minCount"] = min_count
        if top_count is not UNSET:
            field_dict["topCount"] = top_count
        if dimensions is not UNSET:
            field_dict["dimensions"] = dimensions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_serial_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        serial_number = _parse_serial_number(d.pop("serialNumber", UNSET))

        def _parse_part_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        part_number = _parse_part_number(d.pop("partNumber", UNSET))

        def _parse_revision(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revision = _parse_revision(d.pop("revision", UNSET))

        def _parse_batch_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        batch_number = _parse_batch_number(d.pop("batchNumber", UNSET))

        def _parse_station_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        station_name = _parse_station_name(d.pop("stationName", UNSET))

        def _parse_test_operation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        test_operation = _parse_test_operation(d.pop("testOperation", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_yield_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        yield_ = _parse_yield_(d.pop("yield", UNSET))

        def _parse_misc_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        misc_description = _parse_misc_description(d.pop("miscDescription", UNSET))

        def _parse_misc_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        misc_value = _parse_misc_value(d.pop("miscValue", UNSET))

        def _parse_product_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_group = _parse_product_group(d.pop("productGroup", UNSET))

        def _parse_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        level = _parse_level(d.pop("level", UNSET))

        def _parse_sw_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sw_filename = _parse_sw_filename(d.pop("swFilename", UNSET))

        def _parse_sw_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sw_version = _parse_sw_version(d.pop("swVersion", UNSET))

        def _parse_socket(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        socket = _parse_socket(d.pop("socket", UNSET))

        def _parse_date_from(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_from_type_0 = datetime.datetime.fromisoformat(data)

                return date_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        date_from = _parse_date_from(d.pop("dateFrom", UNSET))

        def _parse_date_to(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_to_type_0 = datetime.datetime.fromisoformat(data)

                return date_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        date_to = _parse_date_to(d.pop("dateTo", UNSET))

        def _parse_date_grouping(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        date_grouping = _parse_date_grouping(d.pop("dateGrouping", UNSET))

        def _parse_period_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        period_count = _parse_period_count(d.pop("periodCount", UNSET))

        def _parse_include_current_period(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        include_current_period = _parse_include_current_period(
            d.pop("includeCurrentPeriod", UNSET)
        )

        def _parse_max_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_count = _parse_max_count(d.pop("maxCount", UNSET))

        def _parse_min_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_count = _parse_min_count(d.pop("minCount", UNSET))

        def _parse_top_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        top_count = _parse_top_count(d.pop("topCount", UNSET))

        def _parse_dimensions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dimensions = _parse_dimensions(d.pop("dimensions", UNSET))

        analytics_filter = cls(
            serial_number=serial_number,
            part_number=part_number,
            revision=revision,
            batch_number=batch_number,
            station_name=station_name,
            test_operation=test_operation,
            status=status,
            yield_=yield_,
            misc_description=misc_description,
            misc_value=misc_value,
            product_group=product_group,
            level=level,
            sw_filename=sw_filename,
            sw_version=sw_version,
            socket=socket,
            date_from=date_from,
            date_to=date_to,
            date_grouping=date_grouping,
            period_count=period_count,
            include_current_period=include_current_period,
            max_count=max_count,
            min_count=min_count,
            top_count=top_count,
            dimensions=dimensions,
        )

        analytics_filter.additional_properties = d
        return analytics_filter

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
