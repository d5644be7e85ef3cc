from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scim_user import ScimUser


T = TypeVar("T", bound="ScimListResponse")


@_attrs_define
class ScimListResponse:
    """One page of a SCIM query (RFC 7644 §3.4.2).

    Attributes:
        schemas (list[str] | None | Unset):
        total_results (int | None | Unset):
        items_per_page (int | None | Unset):
        start_index (int | None | Unset):
        resources (list[ScimUser] | None | Unset):
    """

    schemas: list[str] | None | Unset = UNSET
    total_results: int | None | Unset = UNSET
    items_per_page: int | None | Unset = UNSET
    start_index: int | None | Unset = UNSET
    resources: list[ScimUser] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        schemas: list[str] | None | Unset
        if isinstance(self.schemas, Unset):
            schemas = UNSET
        elif isinstance(self.schemas, list):
            schemas = self.schemas

        else:
            schemas = self.schemas

        total_results: int | None | Unset
        if isinstance(self.total_results, Unset):
            total_results = UNSET
        else:
            total_results = self.total_results

        items_per_page: int | None | Unset
        if isinstance(self.items_per_page, Unset):
            items_per_page = UNSET
        else:
            items_per_page = self.items_per_page

        start_index: int | None | Unset
        if isinstance(self.start_index, Unset):
            start_index = UNSET
        else:
            start_index = self.start_index

        resources: list[dict[str, Any]] | None | Unset
        if isinstance(self.resources, Unset):
            resources = UNSET
        elif isinstance(self.resources, list):
            resources = []
            for resources_type_0_item_data in self.resources:
                resources_type_0_item = resources_type_0_item_data.to_dict()
                resources.append(resources_type_0_item)

        else:
            resources = self.resources

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if schemas is not UNSET:
            field_dict["schemas"] = schemas
        if total_results is not UNSET:
            field_dict["totalResults"] = total_results
        if items_per_page is not UNSET:
            field_dict["itemsPerPage"] = items_per_page
        if start_index is not UNSET:
            field_dict["startIndex"] = start_index
        if resources is not UNSET:
            field_dict["Resources"] = resources

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.scim_user import ScimUser

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

        def _parse_total_results(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total_results = _parse_total_results(d.pop("totalResults", UNSET))

        def _parse_items_per_page(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        items_per_page = _parse_items_per_page(d.pop("itemsPerPage", UNSET))

        def _parse_start_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        start_index = _parse_start_index(d.pop("startIndex", UNSET))

        def _parse_resources(data: object) -> list[ScimUser] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                resources_type_0 = []
                _resources_type_0 = data
                for resources_type_0_item_data in _resources_type_0:
                    resources_type_0_item = ScimUser.from_dict(
                        resources_type_0_item_data
                    )

                    resources_type_0.append(resources_type_0_item)

                return resources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ScimUser] | None | Unset, data)

        resources = _parse_resources(d.pop("Resources", UNSET))

        scim_list_response = cls(
            schemas=schemas,
            total_results=total_results,
            items_per_page=items_per_page,
            start_index=start_index,
            resources=resources,
        )

        scim_list_response.additional_properties = d
        return scim_list_response

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
