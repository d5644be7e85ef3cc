from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SoftwarePackageFile")


@_attrs_define
class SoftwarePackageFile:
    """A file of a software package (metadata).

    Attributes:
        package_file_id (None | str | Unset): File id (use it to set the file attribute).
        name (None | str | Unset): Name.
        package_folder_name (None | str | Unset): Folder holding the file.
        attributes (None | str | Unset): Install attributes.
        description (None | str | Unset): Description (capitalised on the wire).
    """

    package_file_id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    package_folder_name: None | str | Unset = UNSET
    attributes: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        package_file_id: None | str | Unset
        if isinstance(self.package_file_id, Unset):
            package_file_id = UNSET
        else:
            package_file_id = self.package_file_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        package_folder_name: None | str | Unset
        if isinstance(self.package_folder_name, Unset):
            package_folder_name = UNSET
        else:
            package_folder_name = self.package_folder_name

        attributes: None | str | Unset
        if isinstance(self.attributes, Unset):
            attributes = UNSET
        else:
            attributes = self.attributes

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if package_file_id is not UNSET:
            field_dict["packageFileId"] = package_file_id
        if name is not UNSET:
            field_dict["name"] = name
        if package_folder_name is not UNSET:
            field_dict["packageFolderName"] = package_folder_name
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if description is not UNSET:
            field_dict["Description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_package_file_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        package_file_id = _parse_package_file_id(d.pop("packageFileId", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_package_folder_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        package_folder_name = _parse_package_folder_name(
            d.pop("packageFolderName", UNSET)
        )

        def _parse_attributes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        attributes = _parse_attributes(d.pop("attributes", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("Description", UNSET))

        software_package_file = cls(
            package_file_id=package_file_id,
            name=name,
            package_folder_name=package_folder_name,
            attributes=attributes,
            description=description,
        )

        software_package_file.additional_properties = d
        return software_package_file

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
