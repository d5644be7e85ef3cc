from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wsjf_additional_data import WsjfAdditionalData
    from ..models.wsjf_asset import WsjfAsset
    from ..models.wsjf_asset_stats import WsjfAssetStats
    from ..models.wsjf_binary_data import WsjfBinaryData
    from ..models.wsjf_misc_info import WsjfMiscInfo
    from ..models.wsjf_step import WsjfStep
    from ..models.wsjf_sub_unit import WsjfSubUnit
    from ..models.wsjf_uur import WsjfUur
    from ..models.wsjf_uut import WsjfUut


T = TypeVar("T", bound="WsjfReport")


@_attrs_define
class WsjfReport:
    """A test (UUT) or repair (UUR) report in WSJF, the WATS Standard JSON Format. Submitting requires `type`, `id`, `pn`,
    `sn`, `rev`, `processCode`, `result`, `machineName`, `location`, `purpose` and `start`; a UUT also `root` and `uut`,
    a UUR `uur` and `subUnits`.

        Attributes:
            type_ (None | str | Unset): `T` for a test (UUT) report, `R` for a repair (UUR) report.
            id (None | Unset | UUID): Client-made GUID. Posting an id again replaces the stored report.
            pn (None | str | Unset): Part number (at most 100 characters).
            sn (None | str | Unset): Serial number (at most 100 characters).
            rev (None | str | Unset): Revision (at most 100 characters).
            product_name (None | str | Unset): Product name; filled by the server.
            process_code (int | None | Unset): Process code: the test operation of a UUT, the repair operation of a UUR.
            process_code_format (None | str | Unset): Display format of `processCode`.
            process_name (None | str | Unset): Process name; when sent it must match the process exactly.
            result (None | str | Unset): `P` passed, `F` failed, `E` error, `T` terminated.
            machine_name (None | str | Unset): Station name.
            location (None | str | Unset): Station location.
            purpose (None | str | Unset): Station purpose, e.g. Production.
            origin (None | str | Unset): Client or user the report came from; filled by the server.
            start (datetime.datetime | None | Unset): Start time in the station's local time, with its UTC offset.
            start_utc (datetime.datetime | None | Unset): The same instant in UTC.
            root (None | Unset | WsjfStep): Root step of a UUT, normally the sequence call `MainSequence Callback`.
            uut (None | Unset | WsjfUut): Header fields of a UUT report.
            uur (None | Unset | WsjfUur): Header fields of a UUR report.
            misc_infos (list[WsjfMiscInfo] | None | Unset): Key/value header data.
            sub_units (list[WsjfSubUnit] | None | Unset): UUT: components. UUR: the unit tree (`idx` 0 is the main unit)
                with failures.
            assets (list[WsjfAsset] | None | Unset): Equipment used during the test.
            asset_stats (list[WsjfAssetStats] | None | Unset): Counters of those assets when the report was processed;
                filled by the server.
            binary_data (list[WsjfBinaryData] | None | Unset): Attachments on the main unit (UUR only).
            additional_data (list[WsjfAdditionalData] | None | Unset): Extra structured header data.
    """

    type_: None | str | Unset = UNSET
    id: None | Unset | UUID = UNSET
    pn: None | str | Unset = UNSET
    sn: None | str | Unset = UNSET
    rev: None | str | Unset = UNSET
    product_name: None | str | Unset = UNSET
    process_code: int | None | Unset = UNSET
    process_code_format: None | str | Unset = UNSET
    process_name: None | str | Unset = UNSET
    result: None | str | Unset = UNSET
    machine_name: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    purpose: None | str | Unset = UNSET
    origin: None | str | Unset = UNSET
    start: datetime.datetime | None | Unset = UNSET
    start_utc: datetime.datetime | None | Unset = UNSET
    root: None | Unset | WsjfStep = UNSET
    uut: None | Unset | WsjfUut = UNSET
    uur: None | Unset | WsjfUur = UNSET
    misc_infos: list[WsjfMiscInfo] | None | Unset = UNSET
    sub_units: list[WsjfSubUnit] | None | Unset = UNSET
    assets: list[WsjfAsset] | None | Unset = UNSET
    asset_stats: list[WsjfAssetStats] | None | Unset = UNSET
    binary_data: list[WsjfBinaryData] | None | Unset = UNSET
    additional_data: list[WsjfAdditionalData] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.wsjf_step import WsjfStep
        from ..models.wsjf_uur import WsjfUur
        from ..models.wsjf_uut import WsjfUut

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        pn: None | str | Unset
        if isinstance(self.pn, Unset):
            pn = UNSET
        else:
            pn = self.pn

        sn: None | str | Unset
        if isinstance(self.sn, Unset):
            sn = UNSET
        else:
            sn = self.sn

        rev: None | str | Unset
        if isinstance(self.rev, Unset):
            rev = UNSET
        else:
            rev = self.rev

        product_name: None | str | Unset
        if isinstance(self.product_name, Unset):
            product_name = UNSET
        else:
            product_name = self.product_name

        process_code: int | None | Unset
        if isinstance(self.process_code, Unset):
            process_code = UNSET
        else:
            process_code = self.process_code

        process_code_format: None | str | Unset
        if isinstance(self.process_code_format, Unset):
            process_code_format = UNSET
        else:
            process_code_format = self.process_code_format

        process_name: None | str | Unset
        if isinstance(self.process_name, Unset):
            process_name = UNSET
        else:
            process_name = self.process_name

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        else:
            result = self.result

        machine_name: None | str | Unset
        if isinstance(self.machine_name, Unset):
            machine_name = UNSET
        else:
            machine_name = self.machine_name

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose

        origin: None | str | Unset
        if isinstance(self.origin, Unset):
            origin = UNSET
        else:
            origin = self.origin

        start: None | str | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        elif isinstance(self.start, datetime.datetime):
            start = self.start.isoformat()
        else:
            start = self.start

        start_utc: None | str | Unset
        if isinstance(self.start_utc, Unset):
            start_utc = UNSET
        elif isinstance(self.start_utc, datetime.datetime):
            start_utc = self.start_utc.isoformat()
        else:
            start_utc = self.start_utc

        root: dict[str, Any] | None | Unset
        if isinstance(self.root, Unset):
            root = UNSET
        elif isinstance(self.root, WsjfStep):
            root = self.root.to_dict()
        else:
            root = self.root

        uut: dict[str, Any] | None | Unset
        if isinstance(self.uut, Unset):
            uut = UNSET
        elif isinstance(self.uut, WsjfUut):
            uut = self.uut.to_dict()
        else:
            uut = self.uut

        uur: dict[str, Any] | None | Unset
        if isinstance(self.uur, Unset):
            uur = UNSET
        elif isinstance(self.uur, WsjfUur):
            uur = self.uur.to_dict()
        else:
            uur = self.uur

        misc_infos: list[dict[str, Any]] | None | Unset
        if isinstance(self.misc_infos, Unset):
            misc_infos = UNSET
        elif isinstance(self.misc_infos, list):
            misc_infos = []
            for misc_infos_type_0_item_data in self.misc_infos:
                misc_infos_type_0_item = misc_infos_type_0_item_data.to_dict()
                misc_infos.append(misc_infos_type_0_item)

        else:
            misc_infos = self.misc_infos

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

        assets: list[dict[str, Any]] | None | Unset
        if isinstance(self.assets, Unset):
            assets = UNSET
        elif isinstance(self.assets, list):
            assets = []
            for assets_type_0_item_data in self.assets:
                assets_type_0_item = assets_type_0_item_data.to_dict()
                assets.append(assets_type_0_item)

        else:
            assets = self.assets

        asset_stats: list[dict[str, Any]] | None | Unset
        if isinstance(self.asset_stats, Unset):
            asset_stats = UNSET
        elif isinstance(self.asset_stats, list):
            asset_stats = []
            for asset_stats_type_0_item_data in self.asset_stats:
                asset_stats_type_0_item = asset_stats_type_0_item_data.to_dict()
                asset_stats.append(asset_stats_type_0_item)

        else:
            asset_stats = self.asset_stats

        binary_data: list[dict[str, Any]] | None | Unset
        if isinstance(self.binary_data, Unset):
            binary_data = UNSET
        elif isinstance(self.binary_data, list):
            binary_data = []
            for binary_data_type_0_item_data in self.binary_data:
                binary_data_type_0_item = binary_data_type_0_item_data.to_dict()
                binary_data.append(binary_data_type_0_item)

        else:
            binary_data = self.binary_data

        additional_data: list[dict[str, Any]] | None | Unset
        if isinstance(self.additional_data, Unset):
            additional_data = UNSET
        elif isinstance(self.additional_data, list):
            additional_data = []
            for additional_data_type_0_item_data in self.additional_data:
                additional_data_type_0_item = additional_data_type_0_item_data.to_dict()
                additional_data.append(additional_data_type_0_item)

        else:
            additional_data = self.additional_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if id is not UNSET:
            field_dict["id"] = id
        if pn is not UNSET:
            field_dict["pn"] = pn
        if sn is not UNSET:
            field_dict["sn"] = sn
        if rev is not UNSET:
            field_dict["rev"] = rev
        if product_name is not UNSET:
            field_dict["productName"] = product_name
        if process_code is not UNSET:
            field_dict["processCode"] = process_code
        if process_code_format is not UNSET:
            field_dict["processCodeFormat"] = process_code_format
        if process_name is not UNSET:
            field_dict["processName"] = process_name
        if result is not UNSET:
            field_dict["result"] = result
        if machine_name is not UNSET:
            field_dict["machineName"] = machine_name
        if location is not UNSET:
            field_dict["location"] = location
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if origin is not UNSET:
            field_dict["origin"] = origin
        if start is not UNSET:
            field_dict["start"] = start
        if start_utc is not UNSET:
            field_dict["startUTC"] = start_utc
        if root is not UNSET:
            field_dict["root"] = root
        if uut is not UNSET:
            field_dict["uut"] = uut
        if uur is not UNSET:
            field_dict["uur"] = uur
        if misc_infos is not UNSET:
            field_dict["miscInfos"] = misc_infos
        if sub_units is not UNSET:
            field_dict["subUnits"] = sub_units
        if assets is not UNSET:
            field_dict["assets"] = assets
        if asset_stats is not UNSET:
            field_dict["assetStats"] = asset_stats
        if binary_data is not UNSET:
            field_dict["binaryData"] = binary_data
        if additional_data is not UNSET:
            field_dict["additionalData"] = additional_data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.wsjf_additional_data import WsjfAdditionalData
        from ..models.wsjf_asset import WsjfAsset
        from ..models.wsjf_asset_stats import WsjfAssetStats
        from ..models.wsjf_binary_data import WsjfBinaryData
        from ..models.wsjf_misc_info import WsjfMiscInfo
        from ..models.wsjf_step import WsjfStep
        from ..models.wsjf_sub_unit import WsjfSubUnit
        from ..models.wsjf_uur import WsjfUur
        from ..models.wsjf_uut import WsjfUut

        d = dict(src_dict)

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_pn(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pn = _parse_pn(d.pop("pn", UNSET))

        def _parse_sn(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sn = _parse_sn(d.pop("sn", UNSET))

        def _parse_rev(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rev = _parse_rev(d.pop("rev", UNSET))

        def _parse_product_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_name = _parse_product_name(d.pop("productName", UNSET))

        def _parse_process_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        process_code = _parse_process_code(d.pop("processCode", UNSET))

        def _parse_process_code_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        process_code_format = _parse_process_code_format(
            d.pop("processCodeFormat", UNSET)
        )

        def _parse_process_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        process_name = _parse_process_name(d.pop("processName", UNSET))

        def _parse_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_machine_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        machine_name = _parse_machine_name(d.pop("machineName", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        def _parse_origin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        origin = _parse_origin(d.pop("origin", UNSET))

        def _parse_start(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_type_0 = datetime.datetime.fromisoformat(data)

                return start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        start = _parse_start(d.pop("start", UNSET))

        def _parse_start_utc(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_utc_type_0 = datetime.datetime.fromisoformat(data)

                return start_utc_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        start_utc = _parse_start_utc(d.pop("startUTC", UNSET))

        def _parse_root(data: object) -> None | Unset | WsjfStep:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                root_type_0 = WsjfStep.from_dict(data)

                return root_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WsjfStep, data)

        root = _parse_root(d.pop("root", UNSET))

        def _parse_uut(data: object) -> None | Unset | WsjfUut:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                uut_type_0 = WsjfUut.from_dict(data)

                return uut_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WsjfUut, data)

        uut = _parse_uut(d.pop("uut", UNSET))

        def _parse_uur(data: object) -> None | Unset | WsjfUur:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                uur_type_0 = WsjfUur.from_dict(data)

                return uur_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WsjfUur, data)

        uur = _parse_uur(d.pop("uur", UNSET))

        def _parse_misc_infos(data: object) -> list[WsjfMiscInfo] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                misc_infos_type_0 = []
                _misc_infos_type_0 = data
                for misc_infos_type_0_item_data in _misc_infos_type_0:
                    misc_infos_type_0_item = WsjfMiscInfo.from_dict(
                        misc_infos_type_0_item_data
                    )

                    misc_infos_type_0.append(misc_infos_type_0_item)

                return misc_infos_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfMiscInfo] | None | Unset, data)

        misc_infos = _parse_misc_infos(d.pop("miscInfos", UNSET))

        def _parse_sub_units(data: object) -> list[WsjfSubUnit] | None | Unset:
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
                    sub_units_type_0_item = WsjfSubUnit.from_dict(
                        sub_units_type_0_item_data
                    )

                    sub_units_type_0.append(sub_units_type_0_item)

                return sub_units_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfSubUnit] | None | Unset, data)

        sub_units = _parse_sub_units(d.pop("subUnits", UNSET))

        def _parse_assets(data: object) -> list[WsjfAsset] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                assets_type_0 = []
                _assets_type_0 = data
                for assets_type_0_item_data in _assets_type_0:
                    assets_type_0_item = WsjfAsset.from_dict(assets_type_0_item_data)

                    assets_type_0.append(assets_type_0_item)

                return assets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfAsset] | None | Unset, data)

        assets = _parse_assets(d.pop("assets", UNSET))

        def _parse_asset_stats(data: object) -> list[WsjfAssetStats] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                asset_stats_type_0 = []
                _asset_stats_type_0 = data
                for asset_stats_type_0_item_data in _asset_stats_type_0:
                    asset_stats_type_0_item = WsjfAssetStats.from_dict(
                        asset_stats_type_0_item_data
                    )

                    asset_stats_type_0.append(asset_stats_type_0_item)

                return asset_stats_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfAssetStats] | None | Unset, data)

        asset_stats = _parse_asset_stats(d.pop("assetStats", UNSET))

        def _parse_binary_data(data: object) -> list[WsjfBinaryData] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                binary_data_type_0 = []
                _binary_data_type_0 = data
                for binary_data_type_0_item_data in _binary_data_type_0:
                    binary_data_type_0_item = WsjfBinaryData.from_dict(
                        binary_data_type_0_item_data
                    )

                    binary_data_type_0.append(binary_data_type_0_item)

                return binary_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfBinaryData] | None | Unset, data)

        binary_data = _parse_binary_data(d.pop("binaryData", UNSET))

        def _parse_additional_data(
            data: object,
        ) -> list[WsjfAdditionalData] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                additional_data_type_0 = []
                _additional_data_type_0 = data
                for additional_data_type_0_item_data in _additional_data_type_0:
                    additional_data_type_0_item = WsjfAdditionalData.from_dict(
                        additional_data_type_0_item_data
                    )

                    additional_data_type_0.append(additional_data_type_0_item)

                return additional_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfAdditionalData] | None | Unset, data)

        additional_data = _parse_additional_data(d.pop("additionalData", UNSET))

        wsjf_report = cls(
            type_=type_,
            id=id,
            pn=pn,
            sn=sn,
            rev=rev,
            product_name=product_name,
            process_code=process_code,
            process_code_format=process_code_format,
            process_name=process_name,
            result=result,
            machine_name=machine_name,
            location=location,
            purpose=purpose,
            origin=origin,
            start=start,
            start_utc=start_utc,
            root=root,
            uut=uut,
            uur=uur,
            misc_infos=misc_infos,
            sub_units=sub_units,
            assets=assets,
            asset_stats=asset_stats,
            binary_data=binary_data,
            additional_data=additional_data,
        )

        wsjf_report.additional_properties = d
        return wsjf_report

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
