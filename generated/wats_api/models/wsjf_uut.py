from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wsjf_referenced_by_uur import WsjfReferencedByUur


T = TypeVar("T", bound="WsjfUut")


@_attrs_define
class WsjfUut:
    """Header fields of a test (UUT) report.

    Attributes:
        exec_time (float | None | Unset): Execution time in seconds.
        exec_time_format (None | str | Unset): Display format of `execTime`.
        test_socket_index (int | None | Unset): Test socket index (-1 when there is none).
        test_socket_index_format (None | str | Unset): Display format of `testSocketIndex`.
        batch_sn (None | str | Unset): Batch serial number.
        comment (None | str | Unset): Report comment.
        error_code (int | None | Unset): Report error code.
        error_code_format (None | str | Unset): Display format of `errorCode`.
        error_message (None | str | Unset): Report error message.
        fixture_id (None | str | Unset): Fixture used.
        user (None | str | Unset): Operator name.
        batch_fail_count (int | None | Unset): Batch fail count.
        batch_fail_count_format (None | str | Unset): Display format of `batchFailCount`.
        batch_loop_index (int | None | Unset): Batch loop index.
        batch_loop_index_format (None | str | Unset): Display format of `batchLoopIndex`.
        step_id_caused_uut_failure (int | None | Unset): `id` of the step that made the UUT fail.
        ref_uu_rs (list[WsjfReferencedByUur] | None | Unset): Repair reports that point at this report; filled by the
            server.
    """

    exec_time: float | None | Unset = UNSET
    exec_time_format: None | str | Unset = UNSET
    test_socket_index: int | None | Unset = UNSET
    test_socket_index_format: None | str | Unset = UNSET
    batch_sn: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    error_code: int | None | Unset = UNSET
    error_code_format: None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    fixture_id: None | str | Unset = UNSET
    user: None | str | Unset = UNSET
    batch_fail_count: int | None | Unset = UNSET
    batch_fail_count_format: None | str | Unset = UNSET
    batch_loop_index: int | None | Unset = UNSET
    batch_loop_index_format: None | str | Unset = UNSET
    step_id_caused_uut_failure: int | None | Unset = UNSET
    ref_uu_rs: list[WsjfReferencedByUur] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        exec_time: float | None | Unset
        if isinstance(self.exec_time, Unset):
            exec_time = UNSET
        else:
            exec_time = self.exec_time

        exec_time_format: None | str | Unset
        if isinstance(self.exec_time_format, Unset):
            exec_time_format = UNSET
        else:
            exec_time_format = self.exec_time_format

        test_socket_index: int | None | Unset
        if isinstance(self.test_socket_index, Unset):
            test_socket_index = UNSET
        else:
            test_socket_index = self.test_socket_index

        test_socket_index_format: None | str | Unset
        if isinstance(self.test_socket_index_format, Unset):
            test_socket_index_format = UNSET
        else:
            test_socket_index_format = self.test_socket_index_format

        batch_sn: None | str | Unset
        if isinstance(self.batch_sn, Unset):
            batch_sn = UNSET
        else:
            batch_sn = self.batch_sn

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        error_code: int | None | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        error_code_format: None | str | Unset
        if isinstance(self.error_code_format, Unset):
            error_code_format = UNSET
        else:
            error_code_format = self.error_code_format

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        fixture_id: None | str | Unset
        if isinstance(self.fixture_id, Unset):
            fixture_id = UNSET
        else:
            fixture_id = self.fixture_id

        user: None | str | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        else:
            user = self.user

        batch_fail_count: int | None | Unset
        if isinstance(self.batch_fail_count, Unset):
            batch_fail_count = UNSET
        else:
            batch_fail_count = self.batch_fail_count

        batch_fail_count_format: None | str | Unset
        if isinstance(self.batch_fail_count_format, Unset):
            batch_fail_count_format = UNSET
        else:
            batch_fail_count_format = self.batch_fail_count_format

        batch_loop_index: int | None | Unset
        if isinstance(self.batch_loop_index, Unset):
            batch_loop_index = UNSET
        else:
            batch_loop_index = self.batch_loop_index

        batch_loop_index_format: None | str | Unset
        if isinstance(self.batch_loop_index_format, Unset):
            batch_loop_index_format = UNSET
        else:
            batch_loop_index_format = self.batch_loop_index_format

        step_id_caused_uut_failure: int | None | Unset
        if isinstance(self.step_id_caused_uut_failure, Unset):
            step_id_caused_uut_failure = UNSET
        else:
            step_id_caused_uut_failure = self.step_id_caused_uut_failure

        ref_uu_rs: list[dict[str, Any]] | None | Unset
        if isinstance(self.ref_uu_rs, Unset):
            ref_uu_rs = UNSET
        elif isinstance(self.ref_uu_rs, list):
            ref_uu_rs = []
            for ref_uu_rs_type_0_item_data in self.ref_uu_rs:
                ref_uu_rs_type_0_item = ref_uu_rs_type_0_item_data.to_dict()
                ref_uu_rs.append(ref_uu_rs_type_0_item)

        else:
            ref_uu_rs = self.ref_uu_rs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if exec_time is not UNSET:
            field_dict["execTime"] = exec_time
        if exec_time_format is not UNSET:
            field_dict["execTimeFormat"] = exec_time_format
        if test_socket_index is not UNSET:
            field_dict["testSocketIndex"] = test_socket_index
        if test_socket_index_format is not UNSET:
            field_dict["testSocketIndexFormat"] = test_socket_index_format
        if batch_sn is not UNSET:
            field_dict["batchSN"] = batch_sn
        if comment is not UNSET:
            field_dict["comment"] = comment
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_code_format is not UNSET:
            field_dict["errorCodeFormat"] = error_code_format
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message
        if fixture_id is not UNSET:
            field_dict["fixtureId"] = fixture_id
        if user is not UNSET:
            field_dict["user"] = user
        if batch_fail_count is not UNSET:
            field_dict["batchFailCount"] = batch_fail_count
        if batch_fail_count_format is not UNSET:
            field_dict["batchFailCountFormat"] = batch_fail_count_format
        if batch_loop_index is not UNSET:
            field_dict["batchLoopIndex"] = batch_loop_index
        if batch_loop_index_format is not UNSET:
            field_dict["batchLoopIndexFormat"] = batch_loop_index_format
        if step_id_caused_uut_failure is not UNSET:
            field_dict["stepIdCausedUUTFailure"] = step_id_caused_uut_failure
        if ref_uu_rs is not UNSET:
            field_dict["refUURs"] = ref_uu_rs

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.wsjf_referenced_by_uur import WsjfReferencedByUur

        d = dict(src_dict)

        def _parse_exec_time(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        exec_time = _parse_exec_time(d.pop("execTime", UNSET))

        def _parse_exec_time_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        exec_time_format = _parse_exec_time_format(d.pop("execTimeFormat", UNSET))

        def _parse_test_socket_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        test_socket_index = _parse_test_socket_index(d.pop("testSocketIndex", UNSET))

        def _parse_test_socket_index_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        test_socket_index_format = _parse_test_socket_index_format(
            d.pop("testSocketIndexFormat", UNSET)
        )

        def _parse_batch_sn(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        batch_sn = _parse_batch_sn(d.pop("batchSN", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_error_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        error_code = _parse_error_code(d.pop("errorCode", UNSET))

        def _parse_error_code_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_code_format = _parse_error_code_format(d.pop("errorCodeFormat", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        def _parse_fixture_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fixture_id = _parse_fixture_id(d.pop("fixtureId", UNSET))

        def _parse_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user = _parse_user(d.pop("user", UNSET))

        def _parse_batch_fail_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        batch_fail_count = _parse_batch_fail_count(d.pop("batchFailCount", UNSET))

        def _parse_batch_fail_count_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        batch_fail_count_format = _parse_batch_fail_count_format(
            d.pop("batchFailCountFormat", UNSET)
        )

        def _parse_batch_loop_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        batch_loop_index = _parse_batch_loop_index(d.pop("batchLoopIndex", UNSET))

        def _parse_batch_loop_index_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        batch_loop_index_format = _parse_batch_loop_index_format(
            d.pop("batchLoopIndexFormat", UNSET)
        )

        def _parse_step_id_caused_uut_failure(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        step_id_caused_uut_failure = _parse_step_id_caused_uut_failure(
            d.pop("stepIdCausedUUTFailure", UNSET)
        )

        def _parse_ref_uu_rs(data: object) -> list[WsjfReferencedByUur] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ref_uu_rs_type_0 = []
                _ref_uu_rs_type_0 = data
                for ref_uu_rs_type_0_item_data in _ref_uu_rs_type_0:
                    ref_uu_rs_type_0_item = WsjfReferencedByUur.from_dict(
                        ref_uu_rs_type_0_item_data
                    )

                    ref_uu_rs_type_0.append(ref_uu_rs_type_0_item)

                return ref_uu_rs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfReferencedByUur] | None | Unset, data)

        ref_uu_rs = _parse_ref_uu_rs(d.pop("refUURs", UNSET))

        wsjf_uut = cls(
            exec_time=exec_time,
            exec_time_format=exec_time_format,
            test_socket_index=test_socket_index,
            test_socket_index_format=test_socket_index_format,
            batch_sn=batch_sn,
            comment=comment,
            error_code=error_code,
            error_code_format=error_code_format,
            error_message=error_message,
            fixture_id=fixture_id,
            user=user,
            batch_fail_count=batch_fail_count,
            batch_fail_count_format=batch_fail_count_format,
            batch_loop_index=batch_loop_index,
            batch_loop_index_format=batch_loop_index_format,
            step_id_caused_uut_failure=step_id_caused_uut_failure,
            ref_uu_rs=ref_uu_rs,
        )

        wsjf_uut.additional_properties = d
        return wsjf_uut

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
