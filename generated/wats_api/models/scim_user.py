from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scim_email import ScimEmail
    from ..models.scim_meta import ScimMeta
    from ..models.scim_name import ScimName
    from ..models.scim_role import ScimRole


T = TypeVar("T", bound="ScimUser")


@_attrs_define
class ScimUser:
    """A SCIM User resource (RFC 7643 §4.1), the attributes SCIM provisioning sends. The server's Swagger calls it an
    untyped object; other attributes are kept as they come.

        Attributes:
            schemas (list[str] | None | Unset): `["urn:ietf:params:scim:schemas:core:2.0:User"]`.
            id (None | str | Unset): The server's id for the user (a GUID).
            external_id (None | str | Unset): The provisioning client's id for the user.
            user_name (None | str | Unset): Unique user name; required when creating.
            display_name (None | str | Unset):
            active (bool | None | Unset):
            name (None | ScimName | Unset):
            emails (list[ScimEmail] | None | Unset):
            roles (list[ScimRole] | None | Unset):
            meta (None | ScimMeta | Unset):
    """

    schemas: list[str] | None | Unset = UNSET
    id: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    user_name: None | str | Unset = UNSET
    display_name: None | str | Unset = UNSET
    active: bool | None | Unset = UNSET
    name: None | ScimName | Unset = UNSET
    emails: list[ScimEmail] | None | Unset = UNSET
    roles: list[ScimRole] | None | Unset = UNSET
    meta: None | ScimMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.scim_meta import ScimMeta
        from ..models.scim_name import ScimName

        schemas: list[str] | None | Unset
        if isinstance(self.schemas, Unset):
            schemas = UNSET
        elif isinstance(self.schemas, list):
            schemas = self.schemas

        else:
            schemas = self.schemas

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        user_name: None | str | Unset
        if isinstance(self.user_name, Unset):
            user_name = UNSET
        else:
            user_name = self.user_name

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        name: dict[str, Any] | None | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        elif isinstance(self.name, ScimName):
            name = self.name.to_dict()
        else:
            name = self.name

        emails: list[dict[str, Any]] | None | Unset
        if isinstance(self.emails, Unset):
            emails = UNSET
        elif isinstance(self.emails, list):
            emails = []
            for emails_type_0_item_data in self.emails:
                emails_type_0_item = emails_type_0_item_data.to_dict()
                emails.append(emails_type_0_item)

        else:
            emails = self.emails

        roles: list[dict[str, Any]] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = []
            for roles_type_0_item_data in self.roles:
                roles_type_0_item = roles_type_0_item_data.to_dict()
                roles.append(roles_type_0_item)

        else:
            roles = self.roles

        meta: dict[str, Any] | None | Unset
        if isinstance(self.meta, Unset):
            meta = UNSET
        elif isinstance(self.meta, ScimMeta):
            meta = self.meta.to_dict()
        else:
            meta = self.meta

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if schemas is not UNSET:
            field_dict["schemas"] = schemas
        if id is not UNSET:
            field_dict["id"] = id
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if user_name is not UNSET:
            field_dict["userName"] = user_name
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if active is not UNSET:
            field_dict["active"] = active
        if name is not UNSET:
            field_dict["name"] = name
        if emails is not UNSET:
            field_dict["emails"] = emails
        if roles is not UNSET:
            field_dict["roles"] = roles
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.scim_email import ScimEmail
        from ..models.scim_meta import ScimMeta
        from ..models.scim_name import ScimName
        from ..models.scim_role import ScimRole

        d = dict(src_dict)

        def _parse_schemas(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                schemas_type_0 = cast(list[str], data)

                return schemas_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        schemas = _parse_schemas(d.pop("schemas", UNSET))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("externalId", UNSET))

        def _parse_user_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_name = _parse_user_name(d.pop("userName", UNSET))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("displayName", UNSET))

        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        def _parse_name(data: object) -> None | ScimName | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_type_0 = ScimName.from_dict(data)

                return name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScimName | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_emails(data: object) -> list[ScimEmail] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                emails_type_0 = []
                _emails_type_0 = data
                for emails_type_0_item_data in _emails_type_0:
                    emails_type_0_item = ScimEmail.from_dict(emails_type_0_item_data)

                    emails_type_0.append(emails_type_0_item)

                return emails_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ScimEmail] | None | Unset, data)

        emails = _parse_emails(d.pop("emails", UNSET))

        def _parse_roles(data: object) -> list[ScimRole] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = []
                _roles_type_0 = data
                for roles_type_0_item_data in _roles_type_0:
                    roles_type_0_item = ScimRole.from_dict(roles_type_0_item_data)

                    roles_type_0.append(roles_type_0_item)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ScimRole] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        def _parse_meta(data: object) -> None | ScimMeta | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                meta_type_0 = ScimMeta.from_dict(data)

                return meta_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScimMeta | Unset, data)

        meta = _parse_meta(d.pop("meta", UNSET))

        scim_user = cls(
            schemas=schemas,
            id=id,
            external_id=external_id,
            user_name=user_name,
            display_name=display_name,
            active=active,
            name=name,
            emails=emails,
            roles=roles,
            meta=meta,
        )

        scim_user.additional_properties = d
        return scim_user

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
