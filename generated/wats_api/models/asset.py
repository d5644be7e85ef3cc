from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.asset_log_entry import AssetLogEntry
    from ..models.asset_type import AssetType
    from ..models.tag import Tag


T = TypeVar("T", bound="Asset")


@_attrs_define
class Asset:
    """An asset (fixture, instrument, tool) with its counters and dates.

    Attributes:
        serial_number (str): Serial number.
        type_id (UUID): Id of the asset type.
        asset_id (None | str | Unset): Asset id; empty to create.
        parent_asset_id (None | str | Unset): Id of the parent asset.
        parent_serial_number (None | str | Unset): Serial number of the parent asset.
        asset_name (None | str | Unset):
        part_number (None | str | Unset): Part number.
        revision (None | str | Unset): Revision.
        client_id (int | None | Unset): Station (client) the asset belongs to.
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
        total_count (int | None | Unset): Uses in the asset's lifetime (read-only here).
        running_count (int | None | Unset): Uses since the last calibration (read-only here).
        tags (list[Tag] | None | Unset): Key/value tags.
        asset_children (list[Asset] | None | Unset): Sub-assets.
        asset_type (AssetType | None | Unset): The asset's type.
        asset_log (list[AssetLogEntry] | None | Unset): Log records.
    """

    serial_number: str
    type_id: UUID
    asset_id: None | str | Unset = UNSET
    parent_asset_id: None | str | Unset = UNSET
    parent_serial_number: None | str | Unset = UNSET
    asset_name: None | str | Unset = UNSET
    part_number: None | str | Unset = UNSET
    revision: None | str | Unset = UNSET
    client_id: int | None | Unset = UNSET
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
    tags: list[Tag] | None | Unset = UNSET
    asset_children: list[Asset] | None | Unset = UNSET
    asset_type: AssetType | None | Unset = UNSET
    asset_log: list[AssetLogEntry] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.asset_type import AssetType

        serial_number = self.serial_number

        type_id = str(self.type_id)

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

        parent_serial_number: None | str | Unset
        if isinstance(self.parent_serial_number, Unset):
            parent_serial_number = UNSET
        else:
            parent_serial_number = self.parent_serial_number

        asset_name: None | str | Unset
        if isinstance(self.asset_name, Unset):
            asset_name = UNSET
        else:
            asset_name = self.asset_name

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

        client_id: int | None | Unset
        if isinstance(self.client_id, Unset):
            client_id = UNSET
        else:
            client_id = self.client_id

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

        tags: list[dict[str, Any]] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = []
            for tags_type_0_item_data in self.tags:
                tags_type_0_item = tags_type_0_item_data.to_dict()
                tags.append(tags_type_0_item)

        else:
            tags = self.tags

        asset_children: list[dict[str, Any]] | None | Unset
        if isinstance(self.asset_children, Unset):
            asset_children = UNSET
        elif isinstance(self.asset_children, list):
            asset_children = []
            for asset_children_type_0_item_data in self.asset_children:
                asset_children_type_0_item = asset_children_type_0_item_data.to_dict()
                asset_children.append(asset_children_type_0_item)

        else:
            asset_children = self.asset_children

        asset_type: dict[str, Any] | None | Unset
        if isinstance(self.asset_type, Unset):
            asset_type = UNSET
        elif isinstance(self.asset_type, AssetType):
            asset_type = self.asset_type.to_dict()
        else:
            asset_type = self.asset_type

        asset_log: list[dict[str, Any]] | None | Unset
        if isinstance(self.asset_log, Unset):
            asset_log = UNSET
        elif isinstance(self.asset_log, list):
            asset_log = []
            for asset_log_type_0_item_data in self.asset_log:
                asset_log_type_0_item = asset_log_type_0_item_data.to_dict()
                asset_log.append(asset_log_type_0_item)

        else:
            asset_log = self.asset_log

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "serialNumber": serial_number,
                "typeId": type_id,
            }
        )
        if asset_id is not UNSET:
            field_dict["assetId"] = asset_id
        if parent_asset_id is not UNSET:
            field_dict["parentAssetId"] = parent_asset_id
        if parent_serial_number is not UNSET:
            field_dict["parentSerialNumber"] = parent_serial_number
        if asset_name is not UNSET:
            field_dict["assetName"] = asset_name
        if part_number is not UNSET:
            field_dict["partNumber"] = part_number
        if revision is not UNSET:
            field_dict["revision"] = revision
        if client_id is not UNSET:
            field_dict["ClientId"] = client_id
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
        if tags is not UNSET:
            field_dict["tags"] = tags
        if asset_children is not UNSET:
            field_dict["assetChildren"] = asset_children
        if asset_type is not UNSET:
            field_dict["assetType"] = asset_type
        if asset_log is not UNSET:
            field_dict["assetLog"] = asset_log

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.asset_log_entry import AssetLogEntry
        from ..models.asset_type import AssetType
        from ..models.tag import Tag

        d = dict(src_dict)
        serial_number = d.pop("serialNumber")

        type_id = UUID(d.pop("typeId"))

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

        def _parse_parent_serial_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_serial_number = _parse_parent_serial_number(
            d.pop("parentSerialNumber", UNSET)
        )

        def _parse_asset_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        asset_name = _parse_asset_name(d.pop("assetName", UNSET))

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

        def _parse_client_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        client_id = _parse_client_id(d.pop("ClientId", UNSET))

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

        def _parse_tags(data: object) -> list[Tag] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = []
                _tags_type_0 = data
                for tags_type_0_item_data in _tags_type_0:
                    tags_type_0_item = Tag.from_dict(tags_type_0_item_data)

                    tags_type_0.append(tags_type_0_item)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Tag] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_asset_children(data: object) -> list[Asset] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                asset_children_type_0 = []
                _asset_children_type_0 = data
                for asset_children_type_0_item_data in _asset_children_type_0:
                    asset_children_type_0_item = Asset.from_dict(
                        asset_children_type_0_item_data
                    )

                    asset_children_type_0.append(asset_children_type_0_item)

                return asset_children_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Asset] | None | Unset, data)

        asset_children = _parse_asset_children(d.pop("assetChildren", UNSET))

        def _parse_asset_type(data: object) -> AssetType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                asset_type_type_0 = AssetType.from_dict(data)

                return asset_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetType | None | Unset, data)

        asset_type = _parse_asset_type(d.pop("assetType", UNSET))

        def _parse_asset_log(data: object) -> list[AssetLogEntry] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                asset_log_type_0 = []
                _asset_log_type_0 = data
                for asset_log_type_0_item_data in _asset_log_type_0:
                    asset_log_type_0_item = AssetLogEntry.from_dict(
                        asset_log_type_0_item_data
                    )

                    asset_log_type_0.append(asset_log_type_0_item)

                return asset_log_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AssetLogEntry] | None | Unset, data)

        asset_log = _parse_asset_log(d.pop("assetLog", UNSET))

        asset = cls(
            serial_number=serial_number,
            type_id=type_id,
            asset_id=asset_id,
            parent_asset_id=parent_asset_id,
            parent_serial_number=parent_serial_number,
            asset_name=asset_name,
            part_number=part_number,
            revision=revision,
            client_id=client_id,
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
            tags=tags,
            asset_children=asset_children,
            asset_type=asset_type,
            asset_log=asset_log,
        )

        asset.additional_properties = d
        return asset

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
