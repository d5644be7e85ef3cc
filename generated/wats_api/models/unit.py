from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.product import Product
    from ..models.product_revision import ProductRevision
    from ..models.tag import Tag


T = TypeVar("T", bound="Unit")


@_attrs_define
class Unit:
    """A produced unit (serial number of a part number).

    Attributes:
        serial_number (None | str | Unset): Serial number.
        part_number (None | str | Unset): Part number.
        revision (None | str | Unset): Revision.
        parent_serial_number (None | str | Unset): Serial number of the parent unit.
        batch_number (None | str | Unset): Batch number.
        serial_date (datetime.datetime | None | Unset): When the serial number was assigned.
        current_location (None | str | Unset): Where the unit is.
        xml_data (None | str | Unset): Custom key/value data as XML.
        unit_phase_id (int | None | Unset): Phase flag value (see SetUnitPhase).
        unit_phase (None | str | Unset): Phase name (read-only).
        process_code (None | str | Unset): Current process code (a string on the wire).
        tags (list[Tag] | None | Unset): `xmlData` as key/value tags.
        product_revision (None | ProductRevision | Unset):
        product (None | Product | Unset):
        sub_units (list[Unit] | None | Unset): Child units.
    """

    serial_number: None | str | Unset = UNSET
    part_number: None | str | Unset = UNSET
    revision: None | str | Unset = UNSET
    parent_serial_number: None | str | Unset = UNSET
    batch_number: None | str | Unset = UNSET
    serial_date: datetime.datetime | None | Unset = UNSET
    current_location: None | str | Unset = UNSET
    xml_data: None | str | Unset = UNSET
    unit_phase_id: int | None | Unset = UNSET
    unit_phase: None | str | Unset = UNSET
    process_code: None | str | Unset = UNSET
    tags: list[Tag] | None | Unset = UNSET
    product_revision: None | ProductRevision | Unset = UNSET
    product: None | Product | Unset = UNSET
    sub_units: list[Unit] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.product import Product
        from ..models.product_revision import ProductRevision

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

        parent_serial_number: None | str | Unset
        if isinstance(self.parent_serial_number, Unset):
            parent_serial_number = UNSET
        else:
            parent_serial_number = self.parent_serial_number

        batch_number: None | str | Unset
        if isinstance(self.batch_number, Unset):
            batch_number = UNSET
        else:
            batch_number = self.batch_number

        serial_date: None | str | Unset
        if isinstance(self.serial_date, Unset):
            serial_date = UNSET
        elif isinstance(self.serial_date, datetime.datetime):
            serial_date = self.serial_date.isoformat()
        else:
            serial_date = self.serial_date

        current_location: None | str | Unset
        if isinstance(self.current_location, Unset):
            current_location = UNSET
        else:
            current_location = self.current_location

        xml_data: None | str | Unset
        if isinstance(self.xml_data, Unset):
            xml_data = UNSET
        else:
            xml_data = self.xml_data

        unit_phase_id: int | None | Unset
        if isinstance(self.unit_phase_id, Unset):
            unit_phase_id = UNSET
        else:
            unit_phase_id = self.unit_phase_id

        unit_phase: None | str | Unset
        if isinstance(self.unit_phase, Unset):
            unit_phase = UNSET
        else:
            unit_phase = self.unit_phase

        process_code: None | str | Unset
        if isinstance(self.process_code, Unset):
            process_code = UNSET
        else:
            process_code = self.process_code

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

        product_revision: dict[str, Any] | None | Unset
        if isinstance(self.product_revision, Unset):
            product_revision = UNSET
        elif isinstance(self.product_revision, ProductRevision):
            product_revision = self.product_revision.to_dict()
        else:
            product_revision = self.product_revision

        product: dict[str, Any] | None | Unset
        if isinstance(self.product, Unset):
            product = UNSET
        elif isinstance(self.product, Product):
            product = self.product.to_dict()
        else:
            product = self.product

        sub_units: list[dict[str, Any]] | None | Unset
        if isinstance(self.sub_units, Unset):
            sub_units = UNSET
        elif isinstance(self.sub_units, list):
            sub_units = []
            for sub_units_type_0_item_data in self.sub_units:
                sub_units_type_0_item = sub_units_type_0_item_data.to_dict()
                sub_units.append(sub_units_type_0_item)

        else:
            sub_units = self.sub_units

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if serial_number is not UNSET:
            field_dict["serialNumber"] = serial_number
        if part_number is not UNSET:
            field_dict["partNumber"] = part_number
        if revision is not UNSET:
            field_dict["revision"] = revision
        if parent_serial_number is not UNSET:
            field_dict["parentSerialNumber"] = parent_serial_number
        if batch_number is not UNSET:
            field_dict["batchNumber"] = batch_number
        if serial_date is not UNSET:
            field_dict["serialDate"] = serial_date
        if current_location is not UNSET:
            field_dict["currentLocation"] = current_location
        if xml_data is not UNSET:
            field_dict["xmlData"] = xml_data
        if unit_phase_id is not UNSET:
            field_dict["unitPhaseId"] = unit_phase_id
        if unit_phase is not UNSET:
            field_dict["unitPhase"] = unit_phase
        if process_code is not UNSET:
            field_dict["processCode"] = process_code
        if tags is not UNSET:
            field_dict["tags"] = tags
        if product_revision is not UNSET:
            field_dict["productRevision"] = product_revision
        if product is not UNSET:
            field_dict["product"] = product
        if sub_units is not UNSET:
            field_dict["subUnits"] = sub_units

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.product import Product
        from ..models.product_revision import ProductRevision
        from ..models.tag import Tag

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

        def _parse_parent_serial_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_serial_number = _parse_parent_serial_number(
            d.pop("parentSerialNumber", UNSET)
        )

        def _parse_batch_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        batch_number = _parse_batch_number(d.pop("batchNumber", UNSET))

        def _parse_serial_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                serial_date_type_0 = datetime.datetime.fromisoformat(data)

                return serial_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        serial_date = _parse_serial_date(d.pop("serialDate", UNSET))

        def _parse_current_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_location = _parse_current_location(d.pop("currentLocation", UNSET))

        def _parse_xml_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        xml_data = _parse_xml_data(d.pop("xmlData", UNSET))

        def _parse_unit_phase_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unit_phase_id = _parse_unit_phase_id(d.pop("unitPhaseId", UNSET))

        def _parse_unit_phase(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit_phase = _parse_unit_phase(d.pop("unitPhase", UNSET))

        def _parse_process_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        process_code = _parse_process_code(d.pop("processCode", UNSET))

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

        def _parse_product_revision(data: object) -> None | ProductRevision | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                product_revision_type_0 = ProductRevision.from_dict(data)

                return product_revision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProductRevision | Unset, data)

        product_revision = _parse_product_revision(d.pop("productRevision", UNSET))

        def _parse_product(data: object) -> None | Product | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                product_type_0 = Product.from_dict(data)

                return product_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Product | Unset, data)

        product = _parse_product(d.pop("product", UNSET))

        def _parse_sub_units(data: object) -> list[Unit] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sub_units_type_0 = []
                _sub_units_type_0 = data
                for sub_units_type_0_item_data in _sub_units_type_0:
                    sub_units_type_0_item = Unit.from_dict(sub_units_type_0_item_data)

                    sub_units_type_0.append(sub_units_type_0_item)

                return sub_units_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Unit] | None | Unset, data)

        sub_units = _parse_sub_units(d.pop("subUnits", UNSET))

        unit = cls(
            serial_number=serial_number,
            part_number=part_number,
            revision=revision,
            parent_serial_number=parent_serial_number,
            batch_number=batch_number,
            serial_date=serial_date,
            current_location=current_location,
            xml_data=xml_data,
            unit_phase_id=unit_phase_id,
            unit_phase=unit_phase,
            process_code=process_code,
            tags=tags,
            product_revision=product_revision,
            product=product,
            sub_units=sub_units,
        )

        unit.additional_properties = d
        return unit

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
