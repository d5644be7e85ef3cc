from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetListItem")


@_attrs_define
class AssetListItem:
    """An asset as listed by the asset query.

    Attributes:
        asset_id (None | str | Unset):
        parent_asset_id (None | str | Unset):
        asset_name (None | str | Unset):
        serial_number (None | str | Unset): Serial number.
        parent_serial_number (None | str | Unset):
        part_number (None | str | Unset): Part number.
        revision (None | str | Unset): Revision.
        type_id (None | Unset | UUID):
        state (int | None | Unset): 0 Unknown, 1 In operation, 2 In transit, 3 In maintenance, 4 In calibration, 5 In
            storage, 6 Scrapped.
        description (None | str | Unset): Description.
        location (None | str | Unset): Location.
        first_seen_date (datetime.datetime | None | Unset):
        last_seen_date (datetime.datetime | None | Unset):
        last_maintenance_date (datetime.datetime | None | Unset):
        next_maintenance_date (datetime.datetime | None | Unset):
        last_calibration_date (datetime.datetime | None | Unset):
        next_calibration_date (datetime.datetime | None | Unset):
        total_count (int | None | Unset):
        running_count (int | None | Unset):
        xml_data (None | str | Unset): Tags as XML; filter with an XPath and `eq`.
    """

    asset_id: None | str | Unset = UNSET
    parent_asset_id: None | str | Unset = UNSET
    asset_name: None | str | Unset = UNSET
    serial_number: None | str | Unset = UNSET
    parent_serial_number: None | str | Unset = UNSET
    part_number: None | str | Unset = UNSET
    revision: None | str | Unset = UNSET
    type_id: None | Unset | UUID = UNSET
    state: int | None | Unset = UNSET
    description: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    first_seen_date: datetime.datetime | None | Unset = UNSET
    last_seen_date: datetime.datetime | None | Unset = UNSET
    last_maintenance_date: datetime.datetime | None | Unset = UNSET
    next_maintenance_date: datetime.datetime | None | Unset = UNSET
    last_calibration_date: datetime.datetime | None | Unset = UNSET
    next_calibration_date: datetime.datetime | None | Unset = UNSET
    total_count: int | None | Unset = UNSET
    running_count: int | None | Unset = UNSET
    xml_data: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asset_id: None | str | Unset
        if isinstance(self.asset_id, Unset):
            asset_id = UNSET
        else:
            asset_id = self.asset_id

        parent_asset_id: None | str | Unset
        if isinstance(self.parent_asset_id, Unset):
            parent_asset_id = UNSET
        else:
            parent_asset_id = self.parent_asset_id

        asset_name: None | str | Unset
        if isinstance(self.asset_name, Unset):
            asset_name = UNSET
        else:
            asset_name = self.asset_name

        serial_number: None | str | Unset
        if isinstance(self.serial_number, Unset):
            serial_number = UNSET
        else:
            serial_number = self.serial_number

        parent_serial_number: None | str | Unset
        if isinstance(self.parent_serial_number, Unset):
            parent_serial_number = UNSET
        else:
            parent_serial_number = self.parent_serial_number

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

        type_id: None | str | Unset
        if isinstance(self.type_id, Unset):
            type_id = UNSET
        elif isinstance(self.type_id, UUID):
            type_id = str(self.type_id)
        else:
            type_id = self.type_id

        state: int | None | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        else:
            state = self.state

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        first_seen_date: None | str | Unset
        if isinstance(self.first_seen_date, Unset):
            first_seen_date = UNSET
        elif isinstance(self.first_seen_date, datetime.datetime):
            first_seen_date = self.first_seen_date.isoformat()
        else:
            first_seen_date = self.first_seen_date

        last_seen_date: None | str | Unset
        if isinstance(self.last_seen_date, Unset):
            last_seen_date = UNSET
        elif isinstance(self.last_seen_date, datetime.datetime):
            last_seen_date = self.last_seen_date.isoformat()
        else:
            last_seen_date = self.last_seen_date

        last_maintenance_date: None | str | Unset
        if isinstance(self.last_maintenance_date, Unset):
            last_maintenance_date = UNSET
        elif isinstance(self.last_maintenance_date, datetime.datetime):
            last_maintenance_date = self.last_maintenance_date.isoformat()
        else:
            last_maintenance_date = self.last_maintenance_date

        next_maintenance_date: None | str | Unset
        if isinstance(self.next_maintenance_date, Unset):
            next_maintenance_date = UNSET
        elif isinstance(self.next_maintenance_date, datetime.datetime):
            next_maintenance_date = self.next_maintenance_date.isoformat()
        else:
            next_maintenance_date = self.next_maintenance_date

        last_calibration_date: None | str | Unset
        if isinstance(self.last_calibration_date, Unset):
            last_calibration_date = UNSET
        elif isinstance(self.last_calibration_date, datetime.datetime):
            last_calibration_date = self.last_calibration_date.isoformat()
        else:
            last_calibration_date = self.last_calibration_date

        next_calibration_date: None | str | Unset
        if isinstance(self.next_calibration_date, Unset):
            next_calibration_date = UNSET
        elif isinstance(self.next_calibration_date, datetime.datetime):
            next_calibration_date = self.next_calibration_date.isoformat()
        else:
            next_calibration_date = self.next_calibration_date

        total_count: int | None | Unset
        if isinstance(self.total_count, Unset):
            total_count = UNSET
        else:
            total_count = self.total_count

        running_count: int | None | Unset
        if isinstance(self.running_count, Unset):
            running_count = UNSET
        else:
            running_count = self.running_count

        xml_data: None | str | Unset
        if isinstance(self.xml_data, Unset):
            xml_data = UNSET
        else:
            xml_data = self.xml_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if asset_id is not UNSET:
            field_dict["assetId"] = asset_id
        if parent_asset_id is not UNSET:
            field_dict["parentAssetId"] = parent_asset_id
        if asset_name is not UNSET:
            field_dict["assetName"] = asset_name
        if serial_number is not UNSET:
            field_dict["serialNumber"] = serial_number
        if parent_serial_number is not UNSET:
            field_dict["parentSerialNumber"] = parent_serial_number
        if part_number is not UNSET:
            field_dict["partNumber"] = part_number
        if revision is not UNSET:
            field_dict["revision"] = revision
        if type_id is not UNSET:
            field_dict["typeId"] = type_id
        if state is not UNSET:
            field_dict["state"] = state
        if description is not UNSET:
            field_dict["description"] = description
        if location is not UNSET:
            field_dict["location"] = location
        if first_seen_date is not UNSET:
            field_dict["firstSeenDate"] = first_seen_date
        if last_seen_date is not UNSET:
            field_dict["lastSeenDate"] = last_seen_date
        if last_maintenance_date is not UNSET:
            field_dict["lastMaintenanceDate"] = last_maintenance_date
        if next_maintenance_date is not UNSET:
            field_dict["nextMaintenanceDate"] = next_maintenance_date
        if last_calibration_date is not UNSET:
            field_dict["lastCalibrationDate"] = last_calibration_date
        if next_calibration_date is not UNSET:
            field_dict["nextCalibrationDate"] = next_calibration_date
        if total_count is not UNSET:
            field_dict["totalCount"] = total_count
        if running_count is not UNSET:
            field_dict["runningCount"] = running_count
        if xml_data is not UNSET:
            field_dict["xmlData"] = xml_data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_asset_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        asset_id = _parse_asset_id(d.pop("assetId", UNSET))

        def _parse_parent_asset_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_asset_id = _parse_parent_asset_id(d.pop("parentAssetId", UNSET))

        def _parse_asset_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        asset_name = _parse_asset_name(d.pop("assetName", UNSET))

        def _parse_serial_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        serial_number = _parse_serial_number(d.pop("serialNumber", UNSET))

        def _parse_parent_serial_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_serial_number = _parse_parent_serial_number(
            d.pop("parentSerialNumber", UNSET)
        )

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

        def _parse_type_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_id_type_0 = UUID(data)

                return type_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        type_id = _parse_type_id(d.pop("typeId", UNSET))

        def _parse_state(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_first_seen_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_seen_date_type_0 = datetime.datetime.fromisoformat(data)

                return first_seen_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        first_seen_date = _parse_first_seen_date(d.pop("firstSeenDate", UNSET))

        def _parse_last_seen_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_seen_date_type_0 = datetime.datetime.fromisoformat(data)

                return last_seen_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_seen_date = _parse_last_seen_date(d.pop("lastSeenDate", UNSET))

        def _parse_last_maintenance_date(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_maintenance_date_type_0 = datetime.datetime.fromisoformat(data)

                return last_maintenance_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_maintenance_date = _parse_last_maintenance_date(
            d.pop("lastMaintenanceDate", UNSET)
        )

        def _parse_next_maintenance_date(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_maintenance_date_type_0 = datetime.datetime.fromisoformat(data)

                return next_maintenance_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_maintenance_date = _parse_next_maintenance_date(
            d.pop("nextMaintenanceDate", UNSET)
        )

        def _parse_last_calibration_date(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_calibration_date_type_0 = datetime.datetime.fromisoformat(data)

                return last_calibration_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_calibration_date = _parse_last_calibration_date(
            d.pop("lastCalibrationDate", UNSET)
        )

        def _parse_next_calibration_date(
            data: object,
        ) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_calibration_date_type_0 = datetime.datetime.fromisoformat(data)

                return next_calibration_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_calibration_date = _parse_next_calibration_date(
            d.pop("nextCalibrationDate", UNSET)
        )

        def _parse_total_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_count = _parse_total_count(d.pop("totalCount", UNSET))

        def _parse_running_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        running_count = _parse_running_count(d.pop("runningCount", UNSET))

        def _parse_xml_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        xml_data = _parse_xml_data(d.pop("xmlData", UNSET))

        asset_list_item = cls(
            asset_id=asset_id,
            parent_asset_id=parent_asset_id,
            asset_name=asset_name,
            serial_number=serial_number,
            parent_serial_number=parent_serial_number,
            part_number=part_number,
            revision=revision,
            type_id=type_id,
            state=state,
            description=description,
            location=location,
            first_seen_date=first_seen_date,
            last_seen_date=last_seen_date,
            last_maintenance_date=last_maintenance_date,
            next_maintenance_date=next_maintenance_date,
            last_calibration_date=last_calibration_date,
            next_calibration_date=next_calibration_date,
            total_count=total_count,
            running_count=running_count,
            xml_data=xml_data,
        )

        asset_list_item.additional_properties = d
        return asset_list_item

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
