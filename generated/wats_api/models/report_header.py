from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_header_asset import ReportHeaderAsset
    from ..models.report_header_attachment import ReportHeaderAttachment
    from ..models.report_header_misc_info import ReportHeaderMiscInfo
    from ..models.report_header_sub_unit import ReportHeaderSubUnit
    from ..models.report_header_uur_attachment import ReportHeaderUurAttachment
    from ..models.report_header_uur_misc_info import ReportHeaderUurMiscInfo
    from ..models.report_header_uur_sub_unit import ReportHeaderUurSubUnit


T = TypeVar("T", bound="ReportHeader")


@_attrs_define
class ReportHeader:
    """Summary of a UUT or UUR report. The collections are filled only when `$expand` asks for them.

    Attributes:
        uuid (None | Unset | UUID): Report id.
        serial_number (None | str | Unset): Serial number.
        part_number (None | str | Unset): Part number.
        report_type (None | str | Unset): `T` UUT, `R` UUR.
        start (datetime.datetime | None | Unset): Start time (UTC).
        revision (None | str | Unset): Revision.
        result (None | str | Unset): Passed, Failed, Error or Terminated.
        batch_number (None | str | Unset): Batch number.
        user_name (None | str | Unset): Operator.
        station_name (None | str | Unset): Station name.
        location (None | str | Unset): Location.
        purpose (None | str | Unset): Purpose.
        measures_deleted (bool | None | Unset):
        time_stamp (int | None | Unset): Processing order (a counter, not a time).
        process_code (int | None | Unset): Process code.
        process_name (None | str | Unset): Process name.
        comment (None | str | Unset): Comment.
        execution_time (float | None | Unset): Execution time in seconds.
        sw_filename (None | str | Unset):
        sw_version (None | str | Unset):
        test_socket_index (int | None | Unset):
        fixture_id (None | str | Unset):
        error_code (int | None | Unset):
        error_message (None | str | Unset):
        run (int | None | Unset): Run number of the serial number in this process.
        receive_count (int | None | Unset):
        report_size (int | None | Unset): Size in KB.
        caused_uut_failure (None | str | Unset): Name of the step that failed the UUT.
        caused_uut_failure_path (None | str | Unset): Path of that step.
        passed_in_run (int | None | Unset): Run in which the unit first passed.
        referenced_uut (None | Unset | UUID): For a UUR: the UUT it repairs.
        sub_units (list[ReportHeaderSubUnit] | None | Unset):
        misc_info (list[ReportHeaderMiscInfo] | None | Unset):
        assets (list[ReportHeaderAsset] | None | Unset):
        attachments (list[ReportHeaderAttachment] | None | Unset):
        uur_sub_units (list[ReportHeaderUurSubUnit] | None | Unset):
        uur_misc_info (list[ReportHeaderUurMiscInfo] | None | Unset):
        uur_attachments (list[ReportHeaderUurAttachment] | None | Unset):
    """

    uuid: None | Unset | UUID = UNSET
    serial_number: None | str | Unset = UNSET
    part_number: None | str | Unset = UNSET
    report_type: None | str | Unset = UNSET
    start: datetime.datetime | None | Unset = UNSET
    revision: None | str | Unset = UNSET
    result: None | str | Unset = UNSET
    batch_number: None | str | Unset = UNSET
    user_name: None | str | Unset = UNSET
    station_name: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    purpose: None | str | Unset = UNSET
    measures_deleted: bool | None | Unset = UNSET
    time_stamp: int | None | Unset = UNSET
    process_code: int | None | Unset = UNSET
    process_name: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    execution_time: float | None | Unset = UNSET
    sw_filename: None | str | Unset = UNSET
    sw_version: None | str | Unset = UNSET
    test_socket_index: int | None | Unset = UNSET
    fixture_id: None | str | Unset = UNSET
    error_code: int | None | Unset = UNSET
    error_message: None | str | Unset = UNSET
    run: int | None | Unset = UNSET
    receive_count: int | None | Unset = UNSET
    report_size: int | None | Unset = UNSET
    caused_uut_failure: None | str | Unset = UNSET
    caused_uut_failure_path: None | str | Unset = UNSET
    passed_in_run: int | None | Unset = UNSET
    referenced_uut: None | Unset | UUID = UNSET
    sub_units: list[ReportHeaderSubUnit] | None | Unset = UNSET
    misc_info: list[ReportHeaderMiscInfo] | None | Unset = UNSET
    assets: list[ReportHeaderAsset] | None | Unset = UNSET
    attachments: list[ReportHeaderAttachment] | None | Unset = UNSET
    uur_sub_units: list[ReportHeaderUurSubUnit] | None | Unset = UNSET
    uur_misc_info: list[ReportHeaderUurMiscInfo] | None | Unset = UNSET
    uur_attachments: list[ReportHeaderUurAttachment] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid: None | str | Unset
        if isinstance(self.uuid, Unset):
            uuid = UNSET
        elif isinstance(self.uuid, UUID):
            uuid = str(self.uuid)
        else:
            uuid = self.uuid

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

        report_type: None | str | Unset
        if isinstance(self.report_type, Unset):
            report_type = UNSET
        else:
            report_type = self.report_type

        start: None | str | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        elif isinstance(self.start, datetime.datetime):
            start = self.start.isoformat()
        else:
            start = self.start

        revision: None | str | Unset
        if isinstance(self.revision, Unset):
            revision = UNSET
        else:
            revision = self.revision

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        else:
            result = self.result

        batch_number: None | str | Unset
        if isinstance(self.batch_number, Unset):
            batch_number = UNSET
        else:
            batch_number = self.batch_number

        user_name: None | str | Unset
        if isinstance(self.user_name, Unset):
            user_name = UNSET
        else:
            user_name = self.user_name

        station_name: None | str | Unset
        if isinstance(self.station_name, Unset):
            station_name = UNSET
        else:
            station_name = self.station_name

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

        measures_deleted: bool | None | Unset
        if isinstance(self.measures_deleted, Unset):
            measures_deleted = UNSET
        else:
            measures_deleted = self.measures_deleted

        time_stamp: int | None | Unset
        if isinstance(self.time_stamp, Unset):
            time_stamp = UNSET
        else:
            time_stamp = self.time_stamp

        process_code: int | None | Unset
        if isinstance(self.process_code, Unset):
            process_code = UNSET
        else:
            process_code = self.process_code

        process_name: None | str | Unset
        if isinstance(self.process_name, Unset):
            process_name = UNSET
        else:
            process_name = self.process_name

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        execution_time: float | None | Unset
        if isinstance(self.execution_time, Unset):
            execution_time = UNSET
        else:
            execution_time = self.execution_time

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

        test_socket_index: int | None | Unset
        if isinstance(self.test_socket_index, Unset):
            test_socket_index = UNSET
        else:
            test_socket_index = self.test_socket_index

        fixture_id: None | str | Unset
        if isinstance(self.fixture_id, Unset):
            fixture_id = UNSET
        else:
            fixture_id = self.fixture_id

        error_code: int | None | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        run: int | None | Unset
        if isinstance(self.run, Unset):
            run = UNSET
        else:
            run = self.run

        receive_count: int | None | Unset
        if isinstance(self.receive_count, Unset):
            receive_count = UNSET
        else:
            receive_count = self.receive_count

        report_size: int | None | Unset
        if isinstance(self.report_size, Unset):
            report_size = UNSET
        else:
            report_size = self.report_size

        caused_uut_failure: None | str | Unset
        if isinstance(self.caused_uut_failure, Unset):
            caused_uut_failure = UNSET
        else:
            caused_uut_failure = self.caused_uut_failure

        caused_uut_failure_path: None | str | Unset
        if isinstance(self.caused_uut_failure_path, Unset):
            caused_uut_failure_path = UNSET
        else:
            caused_uut_failure_path = self.caused_uut_failure_path

        passed_in_run: int | None | Unset
        if isinstance(self.passed_in_run, Unset):
            passed_in_run = UNSET
        else:
            passed_in_run = self.passed_in_run

        referenced_uut: None | str | Unset
        if isinstance(self.referenced_uut, Unset):
            referenced_uut = UNSET
        elif isinstance(self.referenced_uut, UUID):
            referenced_uut = str(self.referenced_uut)
        else:
            referenced_uut = self.referenced_uut

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

        misc_info: list[dict[str, Any]] | None | Unset
        if isinstance(self.misc_info, Unset):
            misc_info = UNSET
        elif isinstance(self.misc_info, list):
            misc_info = []
            for misc_info_type_0_item_data in self.misc_info:
                misc_info_type_0_item = misc_info_type_0_item_data.to_dict()
                misc_info.append(misc_info_type_0_item)

        else:
            misc_info = self.misc_info

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

        attachments: list[dict[str, Any]] | None | Unset
        if isinstance(self.attachments, Unset):
            attachments = UNSET
        elif isinstance(self.attachments, list):
            attachments = []
            for attachments_type_0_item_data in self.attachments:
                attachments_type_0_item = attachments_type_0_item_data.to_dict()
                attachments.append(attachments_type_0_item)

        else:
            attachments = self.attachments

        uur_sub_units: list[dict[str, Any]] | None | Unset
        if isinstance(self.uur_sub_units, Unset):
            uur_sub_units = UNSET
        elif isinstance(self.uur_sub_units, list):
            uur_sub_units = []
            for uur_sub_units_type_0_item_data in self.uur_sub_units:
                uur_sub_units_type_0_item = uur_sub_units_type_0_item_data.to_dict()
                uur_sub_units.append(uur_sub_units_type_0_item)

        else:
            uur_sub_units = self.uur_sub_units

        uur_misc_info: list[dict[str, Any]] | None | Unset
        if isinstance(self.uur_misc_info, Unset):
            uur_misc_info = UNSET
        elif isinstance(self.uur_misc_info, list):
            uur_misc_info = []
            for uur_misc_info_type_0_item_data in self.uur_misc_info:
                uur_misc_info_type_0_item = uur_misc_info_type_0_item_data.to_dict()
                uur_misc_info.append(uur_misc_info_type_0_item)

        else:
            uur_misc_info = self.uur_misc_info

        uur_attachments: list[dict[str, Any]] | None | Unset
        if isinstance(self.uur_attachments, Unset):
            uur_attachments = UNSET
        elif isinstance(self.uur_attachments, list):
            uur_attachments = []
            for uur_attachments_type_0_item_data in self.uur_attachments:
                uur_attachments_type_0_item = uur_attachments_type_0_item_data.to_dict()
                uur_attachments.append(uur_attachments_type_0_item)

        else:
            uur_attachments = self.uur_attachments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if uuid is not UNSET:
            field_dict["uuid"] = uuid
        if serial_number is not UNSET:
            field_dict["serialNumber"] = serial_number
        if part_number is not UNSET:
            field_dict["partNumber"] = part_number
        if report_type is not UNSET:
            field_dict["reportType"] = report_type
        if start is not UNSET:
            field_dict["start"] = start
        if revision is not UNSET:
            field_dict["revision"] = revision
        if result is not UNSET:
            field_dict["result"] = result
        if batch_number is not UNSET:
            field_dict["batchNumber"] = batch_number
        if user_name is not UNSET:
            field_dict["userName"] = user_name
        if station_name is not UNSET:
            field_dict["stationName"] = station_name
        if location is not UNSET:
            field_dict["location"] = location
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if measures_deleted is not UNSET:
            field_dict["measuresDeleted"] = measures_deleted
        if time_stamp is not UNSET:
            field_dict["timeStamp"] = time_stamp
        if process_code is not UNSET:
            field_dict["processCode"] = process_code
        if process_name is not UNSET:
            field_dict["processName"] = process_name
        if comment is not UNSET:
            field_dict["comment"] = comment
        if execution_time is not UNSET:
            field_dict["executionTime"] = execution_time
        if sw_filename is not UNSET:
            field_dict["swFilename"] = sw_filename
        if sw_version is not UNSET:
            field_dict["swVersion"] = sw_version
        if test_socket_index is not UNSET:
            field_dict["testSocketIndex"] = test_socket_index
        if fixture_id is not UNSET:
            field_dict["fixtureId"] = fixture_id
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message
        if run is not UNSET:
            field_dict["run"] = run
        if receive_count is not UNSET:
            field_dict["receiveCount"] = receive_count
        if report_size is not UNSET:
            field_dict["reportSize"] = report_size
        if caused_uut_failure is not UNSET:
            field_dict["causedUutFailure"] = caused_uut_failure
        if caused_uut_failure_path is not UNSET:
            field_dict["causedUutFailurePath"] = caused_uut_failure_path
        if passed_in_run is not UNSET:
            field_dict["passedInRun"] = passed_in_run
        if referenced_uut is not UNSET:
            field_dict["referencedUut"] = referenced_uut
        if sub_units is not UNSET:
            field_dict["subUnits"] = sub_units
        if misc_info is not UNSET:
            field_dict["miscInfo"] = misc_info
        if assets is not UNSET:
            field_dict["assets"] = assets
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if uur_sub_units is not UNSET:
            field_dict["uurSubUnits"] = uur_sub_units
        if uur_misc_info is not UNSET:
            field_dict["uurMiscInfo"] = uur_misc_info
        if uur_attachments is not UNSET:
            field_dict["uurAttachments"] = uur_attachments

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.report_header_asset import ReportHeaderAsset
        from ..models.report_header_attachment import ReportHeaderAttachment
        from ..models.report_header_misc_info import ReportHeaderMiscInfo
        from ..models.report_header_sub_unit import ReportHeaderSubUnit
        from ..models.report_header_uur_attachment import ReportHeaderUurAttachment
        from ..models.report_header_uur_misc_info import ReportHeaderUurMiscInfo
        from ..models.report_header_uur_sub_unit import ReportHeaderUurSubUnit

        d = dict(src_dict)

        def _parse_uuid(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                uuid_type_0 = UUID(data)

                return uuid_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        uuid = _parse_uuid(d.pop("uuid", UNSET))

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

        def _parse_report_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        report_type = _parse_report_type(d.pop("reportType", UNSET))

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

        def _parse_revision(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revision = _parse_revision(d.pop("revision", UNSET))

        def _parse_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_batch_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        batch_number = _parse_batch_number(d.pop("batchNumber", UNSET))

        def _parse_user_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_name = _parse_user_name(d.pop("userName", UNSET))

        def _parse_station_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        station_name = _parse_station_name(d.pop("stationName", UNSET))

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

        def _parse_measures_deleted(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        measures_deleted = _parse_measures_deleted(d.pop("measuresDeleted", UNSET))

        def _parse_time_stamp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        time_stamp = _parse_time_stamp(d.pop("timeStamp", UNSET))

        def _parse_process_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        process_code = _parse_process_code(d.pop("processCode", UNSET))

        def _parse_process_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        process_name = _parse_process_name(d.pop("processName", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_execution_time(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        execution_time = _parse_execution_time(d.pop("executionTime", UNSET))

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

        def _parse_test_socket_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        test_socket_index = _parse_test_socket_index(d.pop("testSocketIndex", UNSET))

        def _parse_fixture_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fixture_id = _parse_fixture_id(d.pop("fixtureId", UNSET))

        def _parse_error_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        error_code = _parse_error_code(d.pop("errorCode", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        def _parse_run(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        run = _parse_run(d.pop("run", UNSET))

        def _parse_receive_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        receive_count = _parse_receive_count(d.pop("receiveCount", UNSET))

        def _parse_report_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        report_size = _parse_report_size(d.pop("reportSize", UNSET))

        def _parse_caused_uut_failure(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        caused_uut_failure = _parse_caused_uut_failure(d.pop("causedUutFailure", UNSET))

        def _parse_caused_uut_failure_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        caused_uut_failure_path = _parse_caused_uut_failure_path(
            d.pop("causedUutFailurePath", UNSET)
        )

        def _parse_passed_in_run(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        passed_in_run = _parse_passed_in_run(d.pop("passedInRun", UNSET))

        def _parse_referenced_uut(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                referenced_uut_type_0 = UUID(data)

                return referenced_uut_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        referenced_uut = _parse_referenced_uut(d.pop("referencedUut", UNSET))

        def _parse_sub_units(data: object) -> list[ReportHeaderSubUnit] | None | Unset:
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
                    sub_units_type_0_item = ReportHeaderSubUnit.from_dict(
                        sub_units_type_0_item_data
                    )

                    sub_units_type_0.append(sub_units_type_0_item)

                return sub_units_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ReportHeaderSubUnit] | None | Unset, data)

        sub_units = _parse_sub_units(d.pop("subUnits", UNSET))

        def _parse_misc_info(data: object) -> list[ReportHeaderMiscInfo] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                misc_info_type_0 = []
                _misc_info_type_0 = data
                for misc_info_type_0_item_data in _misc_info_type_0:
                    misc_info_type_0_item = ReportHeaderMiscInfo.from_dict(
                        misc_info_type_0_item_data
                    )

                    misc_info_type_0.append(misc_info_type_0_item)

                return misc_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ReportHeaderMiscInfo] | None | Unset, data)

        misc_info = _parse_misc_info(d.pop("miscInfo", UNSET))

        def _parse_assets(data: object) -> list[ReportHeaderAsset] | None | Unset:
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
                    assets_type_0_item = ReportHeaderAsset.from_dict(
                        assets_type_0_item_data
                    )

                    assets_type_0.append(assets_type_0_item)

                return assets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ReportHeaderAsset] | None | Unset, data)

        assets = _parse_assets(d.pop("assets", UNSET))

        def _parse_attachments(
            data: object,
        ) -> list[ReportHeaderAttachment] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                attachments_type_0 = []
                _attachments_type_0 = data
                for attachments_type_0_item_data in _attachments_type_0:
                    attachments_type_0_item = ReportHeaderAttachment.from_dict(
                        attachments_type_0_item_data
                    )

                    attachments_type_0.append(attachments_type_0_item)

                return attachments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ReportHeaderAttachment] | None | Unset, data)

        attachments = _parse_attachments(d.pop("attachments", UNSET))

        def _parse_uur_sub_units(
            data: object,
        ) -> list[ReportHeaderUurSubUnit] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                uur_sub_units_type_0 = []
                _uur_sub_units_type_0 = data
                for uur_sub_units_type_0_item_data in _uur_sub_units_type_0:
                    uur_sub_units_type_0_item = ReportHeaderUurSubUnit.from_dict(
                        uur_sub_units_type_0_item_data
                    )

                    uur_sub_units_type_0.append(uur_sub_units_type_0_item)

                return uur_sub_units_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ReportHeaderUurSubUnit] | None | Unset, data)

        uur_sub_units = _parse_uur_sub_units(d.pop("uurSubUnits", UNSET))

        def _parse_uur_misc_info(
            data: object,
        ) -> list[ReportHeaderUurMiscInfo] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                uur_misc_info_type_0 = []
                _uur_misc_info_type_0 = data
                for uur_misc_info_type_0_item_data in _uur_misc_info_type_0:
                    uur_misc_info_type_0_item = ReportHeaderUurMiscInfo.from_dict(
                        uur_misc_info_type_0_item_data
                    )

                    uur_misc_info_type_0.append(uur_misc_info_type_0_item)

                return uur_misc_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ReportHeaderUurMiscInfo] | None | Unset, data)

        uur_misc_info = _parse_uur_misc_info(d.pop("uurMiscInfo", UNSET))

        def _parse_uur_attachments(
            data: object,
        ) -> list[ReportHeaderUurAttachment] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                uur_attachments_type_0 = []
                _uur_attachments_type_0 = data
                for uur_attachments_type_0_item_data in _uur_attachments_type_0:
                    uur_attachments_type_0_item = ReportHeaderUurAttachment.from_dict(
                        uur_attachments_type_0_item_data
                    )

                    uur_attachments_type_0.append(uur_attachments_type_0_item)

                return uur_attachments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ReportHeaderUurAttachment] | None | Unset, data)

        uur_attachments = _parse_uur_attachments(d.pop("uurAttachments", UNSET))

        report_header = cls(
            uuid=uuid,
            serial_number=serial_number,
            part_number=part_number,
            report_type=report_type,
            start=start,
            revision=revision,
            result=result,
            batch_number=batch_number,
            user_name=user_name,
            station_name=station_name,
            location=location,
            purpose=purpose,
            measures_deleted=measures_deleted,
            time_stamp=time_stamp,
            process_code=process_code,
            process_name=process_name,
            comment=comment,
            execution_time=execution_time,
            sw_filename=sw_filename,
            sw_version=sw_version,
            test_socket_index=test_socket_index,
            fixture_id=fixture_id,
            error_code=error_code,
            error_message=error_message,
            run=run,
            receive_count=receive_count,
            report_size=report_size,
            caused_uut_failure=caused_uut_failure,
            caused_uut_failure_path=caused_uut_failure_path,
            passed_in_run=passed_in_run,
            referenced_uut=referenced_uut,
            sub_units=sub_units,
            misc_info=misc_info,
            assets=assets,
            attachments=attachments,
            uur_sub_units=uur_sub_units,
            uur_misc_info=uur_misc_info,
            uur_attachments=uur_attachments,
        )

        report_header.additional_properties = d
        return report_header

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
