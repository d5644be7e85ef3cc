from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tag import Tag


T = TypeVar("T", bound="SoftwarePackage")


@_attrs_define
class SoftwarePackage:
    """A software package distributed to stations.

    Attributes:
        package_id (None | Unset | UUID): Package id.
        name (None | str | Unset): Name.
        install_on_root (bool | None | Unset): Install at the root instead of a package folder.
        version (int | None | Unset): Version number, assigned by the server.
        description (None | str | Unset): Description.
        root_directory (None | str | Unset): Installation root.
        tags (list[Tag] | None | Unset):
        modified (datetime.datetime | None | Unset):
        modified_by (None | str | Unset):
        status (None | str | Unset): `Draft`, `Pending`, `Released` or `Revoked`.
        priority (int | None | Unset): Installation priority.
        virtual_folder_id (None | Unset | UUID): Virtual folder holding the package.
        created (datetime.datetime | None | Unset):
        created_by (None | str | Unset):
        released (datetime.datetime | None | Unset):
        released_by (None | str | Unset):
        revoked (datetime.datetime | None | Unset):
        revoked_by (None | str | Unset):
    """

    package_id: None | Unset | UUID = UNSET
    name: None | str | Unset = UNSET
    install_on_root: bool | None | Unset = UNSET
    version: int | None | Unset = UNSET
    description: None | str | Unset = UNSET
    root_directory: None | str | Unset = UNSET
    tags: list[Tag] | None | Unset = UNSET
    modified: datetime.datetime | None | Unset = UNSET
    modified_by: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    priority: int | None | Unset = UNSET
    virtual_folder_id: None | Unset | UUID = UNSET
    created: datetime.datetime | None | Unset = UNSET
    created_by: None | str | Unset = UNSET
    released: datetime.datetime | None | Unset = UNSET
    released_by: None | str | Unset = UNSET
    revoked: datetime.datetime | None | Unset = UNSET
    revoked_by: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        package_id: None | str | Unset
        if isinstance(self.package_id, Unset):
            package_id = UNSET
        elif isinstance(self.package_id, UUID):
            package_id = str(self.package_id)
        else:
            package_id = self.package_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        install_on_root: bool | None | Unset
        if isinstance(self.install_on_root, Unset):
            install_on_root = UNSET
        else:
            install_on_root = self.install_on_root

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        root_directory: None | str | Unset
        if isinstance(self.root_directory, Unset):
            root_directory = UNSET
        else:
            root_directory = self.root_directory

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

        modified: None | str | Unset
        if isinstance(self.modified, Unset):
            modified = UNSET
        elif isinstance(self.modified, datetime.datetime):
            modified = self.modified.isoformat()
        else:
            modified = self.modified

        modified_by: None | str | Unset
        if isinstance(self.modified_by, Unset):
            modified_by = UNSET
        else:
            modified_by = self.modified_by

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        priority: int | None | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        virtual_folder_id: None | str | Unset
        if isinstance(self.virtual_folder_id, Unset):
            virtual_folder_id = UNSET
        elif isinstance(self.virtual_folder_id, UUID):
            virtual_folder_id = str(self.virtual_folder_id)
        else:
            virtual_folder_id = self.virtual_folder_id

        created: None | str | Unset
        if isinstance(self.created, Unset):
            created = UNSET
        elif isinstance(self.created, datetime.datetime):
            created = self.created.isoformat()
        else:
            created = self.created

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        released: None | str | Unset
        if isinstance(self.released, Unset):
            released = UNSET
        elif isinstance(self.released, datetime.datetime):
            released = self.released.isoformat()
        else:
            released = self.released

        released_by: None | str | Unset
        if isinstance(self.released_by, Unset):
            released_by = UNSET
        else:
            released_by = self.released_by

        revoked: None | str | Unset
        if isinstance(self.revoked, Unset):
            revoked = UNSET
        elif isinstance(self.revoked, datetime.datetime):
            revoked = self.revoked.isoformat()
        else:
            revoked = self.revoked

        revoked_by: None | str | Unset
        if isinstance(self.revoked_by, Unset):
            revoked_by = UNSET
        else:
            revoked_by = self.revoked_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if package_id is not UNSET:
            field_dict["packageId"] = package_id
        if name is not UNSET:
            field_dict["name"] = name
        if install_on_root is not UNSET:
            field_dict["installOnRoot"] = install_on_root
        if version is not UNSET:
            field_dict["version"] = version
        if description is not UNSET:
            field_dict["description"] = description
        if root_directory is not UNSET:
            field_dict["rootDirectory"] = root_directory
        if tags is not UNSET:
            field_dict["tags"] = tags
        if modified is not UNSET:
            field_dict["modified"] = modified
        if modified_by is not UNSET:
            field_dict["modifiedBy"] = modified_by
        if status is not UNSET:
            field_dict["status"] = status
        if priority is not UNSET:
            field_dict["priority"] = priority
        if virtual_folder_id is not UNSET:
            field_dict["virtualFolderId"] = virtual_folder_id
        if created is not UNSET:
            field_dict["created"] = created
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by
        if released is not UNSET:
            field_dict["released"] = released
        if released_by is not UNSET:
            field_dict["releasedBy"] = released_by
        if revoked is not UNSET:
            field_dict["revoked"] = revoked
        if revoked_by is not UNSET:
            field_dict["revokedBy"] = revoked_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.tag import Tag

        d = dict(src_dict)

        def _parse_package_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                package_id_type_0 = UUID(data)

                return package_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        package_id = _parse_package_id(d.pop("packageId", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_install_on_root(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        install_on_root = _parse_install_on_root(d.pop("installOnRoot", UNSET))

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_root_directory(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        root_directory = _parse_root_directory(d.pop("rootDirectory", UNSET))

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

        def _parse_modified(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                modified_type_0 = datetime.datetime.fromisoformat(data)

                return modified_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        modified = _parse_modified(d.pop("modified", UNSET))

        def _parse_modified_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        modified_by = _parse_modified_by(d.pop("modifiedBy", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_priority(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        def _parse_virtual_folder_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                virtual_folder_id_type_0 = UUID(data)

                return virtual_folder_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        virtual_folder_id = _parse_virtual_folder_id(d.pop("virtualFolderId", UNSET))

        def _parse_created(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_type_0 = datetime.datetime.fromisoformat(data)

                return created_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created = _parse_created(d.pop("created", UNSET))

        def _parse_created_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_by = _parse_created_by(d.pop("createdBy", UNSET))

        def _parse_released(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                released_type_0 = datetime.datetime.fromisoformat(data)

                return released_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        released = _parse_released(d.pop("released", UNSET))

        def _parse_released_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        released_by = _parse_released_by(d.pop("releasedBy", UNSET))

        def _parse_revoked(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        revoked = _parse_revoked(d.pop("revoked", UNSET))

        def _parse_revoked_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revoked_by = _parse_revoked_by(d.pop("revokedBy", UNSET))

        software_package = cls(
            package_id=package_id,
            name=name,
            install_on_root=install_on_root,
            version=version,
            description=description,
            root_directory=root_directory,
            tags=tags,
            modified=modified,
            modified_by=modified_by,
            status=status,
            priority=priority,
            virtual_folder_id=virtual_folder_id,
            created=created,
            created_by=created_by,
            released=released,
            released_by=released_by,
            revoked=revoked,
            revoked_by=revoked_by,
        )

        software_package.additional_properties = d
        return software_package

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
