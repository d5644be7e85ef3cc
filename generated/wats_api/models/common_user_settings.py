from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CommonUserSettings")


@_attrs_define
class CommonUserSettings:
    """Settings shared by a user across WATS.

    Attributes:
        full_name (None | str | Unset):
        culture_code (None | str | Unset):
        email (None | str | Unset):
        roles (list[str] | None | Unset):
        levels (list[str] | None | Unset):
        product_groups (list[str] | None | Unset):
    """

    full_name: None | str | Unset = UNSET
    culture_code: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    roles: list[str] | None | Unset = UNSET
    levels: list[str] | None | Unset = UNSET
    product_groups: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        full_name: None | str | Unset
        if isinstance(self.full_name, Unset):
            full_name = UNSET
        else:
            full_name = self.full_name

        culture_code: None | str | Unset
        if isinstance(self.culture_code, Unset):
            culture_code = UNSET
        else:
            culture_code = self.culture_code

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = self.roles

        else:
            roles = self.roles

        levels: list[str] | None | Unset
        if isinstance(self.levels, Unset):
            levels = UNSET
        elif isinstance(self.levels, list):
            levels = self.levels

        else:
            levels = self.levels

        product_groups: list[str] | None | Unset
        if isinstance(self.product_groups, Unset):
            product_groups = UNSET
        elif isinstance(self.product_groups, list):
            product_groups = self.product_groups

        else:
            product_groups = self.product_groups

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if full_name is not UNSET:
            field_dict["fullName"] = full_name
        if culture_code is not UNSET:
            field_dict["cultureCode"] = culture_code
        if email is not UNSET:
            field_dict["email"] = email
        if roles is not UNSET:
            field_dict["roles"] = roles
        if levels is not UNSET:
            field_dict["levels"] = levels
        if product_groups is not UNSET:
            field_dict["productGroups"] = product_groups

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_full_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        full_name = _parse_full_name(d.pop("fullName", UNSET))

        def _parse_culture_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        culture_code = _parse_culture_code(d.pop("cultureCode", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_roles(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = cast(list[str], data)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        def _parse_levels(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                levels_type_0 = cast(list[str], data)

                return levels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        levels = _parse_levels(d.pop("levels", UNSET))

        def _parse_product_groups(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                product_groups_type_0 = cast(list[str], data)

                return product_groups_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        product_groups = _parse_product_groups(d.pop("productGroups", UNSET))

        common_user_settings = cls(
            full_name=full_name,
            culture_code=culture_code,
            email=email,
            roles=roles,
            levels=levels,
            product_groups=product_groups,
        )

        common_user_settings.additional_properties = d
        return common_user_settings

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
