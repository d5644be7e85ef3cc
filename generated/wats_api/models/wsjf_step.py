from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wsjf_additional_data import WsjfAdditionalData
    from ..models.wsjf_attachment import WsjfAttachment
    from ..models.wsjf_boolean_measurement import WsjfBooleanMeasurement
    from ..models.wsjf_call_exe import WsjfCallExe
    from ..models.wsjf_chart import WsjfChart
    from ..models.wsjf_loop_info import WsjfLoopInfo
    from ..models.wsjf_message_popup import WsjfMessagePopup
    from ..models.wsjf_numeric_measurement import WsjfNumericMeasurement
    from ..models.wsjf_sequence_call import WsjfSequenceCall
    from ..models.wsjf_string_measurement import WsjfStringMeasurement


T = TypeVar("T", bound="WsjfStep")


@_attrs_define
class WsjfStep:
    """One node of a UUT's step tree. Which payload is set depends on the kind of step.

    Attributes:
        id (int | None | Unset): Step order number, unique in the report (depth-first, root = 1 in exports).
        group (None | str | Unset): `S` setup, `M` main, `C` cleanup.
        step_type (None | str | Unset): Kind of step, free text (usually the TestStand type, e.g. `ET_NLT`,
            `SequenceCall`).
        interactive_exe_num (int | None | Unset): TestStand interactive execution number.
        interactive_exe_num_format (None | str | Unset): Display format of `interactiveExeNum`.
        loop (None | Unset | WsjfLoopInfo): Loop information for a loop summary step or one iteration.
        name (None | str | Unset): Step name (at most 100 characters).
        start (datetime.datetime | None | Unset): Start time, with UTC offset.
        status (None | str | Unset): `P` passed, `F` failed, `D` done, `S` skipped, `E` error, `T` terminated, `U`
            unknown.
        error_code (int | None | Unset): Error code (0 for none).
        error_code_format (None | str | Unset): Display format of `errorCode`.
        error_message (None | str | Unset): Error message.
        ts_guid (None | str | Unset): TestStand step id.
        tot_time (float | None | Unset): Time spent in the step, in seconds.
        tot_time_format (None | str | Unset): Display format of `totTime`.
        caused_seq_failure (bool | None | Unset): This step made its sequence fail.
        caused_uut_failure (bool | None | Unset): This step made the UUT fail.
        report_text (None | str | Unset): Step comment.
        steps (list[WsjfStep] | None | Unset): Child steps (sequence calls).
        numeric_meas (list[WsjfNumericMeasurement] | None | Unset): Numeric limit measurements; one unnamed item for a
            single-measurement step.
        string_meas (list[WsjfStringMeasurement] | None | Unset): String value measurements.
        boolean_meas (list[WsjfBooleanMeasurement] | None | Unset): Pass/fail measurements.
        additional_results (list[WsjfAdditionalData] | None | Unset): Extra result data as property trees.
        seq_call (None | Unset | WsjfSequenceCall): Sequence-call payload.
        call_exe (None | Unset | WsjfCallExe): Call-executable payload.
        message_popup (None | Unset | WsjfMessagePopup): Message-popup payload.
        chart (None | Unset | WsjfChart): A chart (at most one per step).
        attachment (None | Unset | WsjfAttachment): A file (at most one per step).
    """

    id: int | None | Unset = UNSET
    group: None | str | Unset = UNSET
    step_type: None | str | Unset = UNSET
    interactive_exe_num: int | None | Unset = UNSET
    interactive_exe_num_format: None | str | Unset = UNSET
    loop: None | Unset | WsjfLoopInfo = UNSET
    name: None | str | Unset = UNSET
    start: datetime.datetime | None | Unset = UNSET
    status: None | str | Unset = UNSET
    error_code: int | None | Unset = UNSET
    error_code_format: None | str | Unset = UNSET
    error_message: None | str | Unset = UNSET
    ts_guid: None | str | Unset = UNSET
    tot_time: float | None | Unset = UNSET
    tot_time_format: None | str | Unset = UNSET
    caused_seq_failure: bool | None | Unset = UNSET
    caused_uut_failure: bool | None | Unset = UNSET
    report_text: None | str | Unset = UNSET
    steps: list[WsjfStep] | None | Unset = UNSET
    numeric_meas: list[WsjfNumericMeasurement] | None | Unset = UNSET
    string_meas: list[WsjfStringMeasurement] | None | Unset = UNSET
    boolean_meas: list[WsjfBooleanMeasurement] | None | Unset = UNSET
    additional_results: list[WsjfAdditionalData] | None | Unset = UNSET
    seq_call: None | Unset | WsjfSequenceCall = UNSET
    call_exe: None | Unset | WsjfCallExe = UNSET
    message_popup: None | Unset | WsjfMessagePopup = UNSET
    chart: None | Unset | WsjfChart = UNSET
    attachment: None | Unset | WsjfAttachment = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.wsjf_attachment import WsjfAttachment
        from ..models.wsjf_call_exe import WsjfCallExe
        from ..models.wsjf_chart import WsjfChart
        from ..models.wsjf_loop_info import WsjfLoopInfo
        from ..models.wsjf_message_popup import WsjfMessagePopup
        from ..models.wsjf_sequence_call import WsjfSequenceCall

        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        group: None | str | Unset
        if isinstance(self.group, Unset):
            group = UNSET
        else:
            group = self.group

        step_type: None | str | Unset
        if isinstance(self.step_type, Unset):
            step_type = UNSET
        else:
            step_type = self.step_type

        interactive_exe_num: int | None | Unset
        if isinstance(self.interactive_exe_num, Unset):
            interactive_exe_num = UNSET
        else:
            interactive_exe_num = self.interactive_exe_num

        interactive_exe_num_format: None | str | Unset
        if isinstance(self.interactive_exe_num_format, Unset):
            interactive_exe_num_format = UNSET
        else:
            interactive_exe_num_format = self.interactive_exe_num_format

        loop: dict[str, Any] | None | Unset
        if isinstance(self.loop, Unset):
            loop = UNSET
        elif isinstance(self.loop, WsjfLoopInfo):
            loop = self.loop.to_dict()
        else:
            loop = self.loop

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        start: None | str | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        elif isinstance(self.start, datetime.datetime):
            start = self.start.isoformat()
        else:
            start = self.start

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

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

        ts_guid: None | str | Unset
        if isinstance(self.ts_guid, Unset):
            ts_guid = UNSET
        else:
            ts_guid = self.ts_guid

        tot_time: float | None | Unset
        if isinstance(self.tot_time, Unset):
            tot_time = UNSET
        else:
            tot_time = self.tot_time

        tot_time_format: None | str | Unset
        if isinstance(self.tot_time_format, Unset):
            tot_time_format = UNSET
        else:
            tot_time_format = self.tot_time_format

        caused_seq_failure: bool | None | Unset
        if isinstance(self.caused_seq_failure, Unset):
            caused_seq_failure = UNSET
        else:
            caused_seq_failure = self.caused_seq_failure

        caused_uut_failure: bool | None | Unset
        if isinstance(self.caused_uut_failure, Unset):
            caused_uut_failure = UNSET
        else:
            caused_uut_failure = self.caused_uut_failure

        report_text: None | str | Unset
        if isinstance(self.report_text, Unset):
            report_text = UNSET
        else:
            report_text = self.report_text

        steps: list[dict[str, Any]] | None | Unset
        if isinstance(self.steps, Unset):
            steps = UNSET
        elif isinstance(self.steps, list):
            steps = []
            for steps_type_0_item_data in self.steps:
                steps_type_0_item = steps_type_0_item_data.to_dict()
                steps.append(steps_type_0_item)

        else:
            steps = self.steps

        numeric_meas: list[dict[str, Any]] | None | Unset
        if isinstance(self.numeric_meas, Unset):
            numeric_meas = UNSET
        elif isinstance(self.numeric_meas, list):
            numeric_meas = []
            for numeric_meas_type_0_item_data in self.numeric_meas:
                numeric_meas_type_0_item = numeric_meas_type_0_item_data.to_dict()
                numeric_meas.append(numeric_meas_type_0_item)

        else:
            numeric_meas = self.numeric_meas

        string_meas: list[dict[str, Any]] | None | Unset
        if isinstance(self.string_meas, Unset):
            string_meas = UNSET
        elif isinstance(self.string_meas, list):
            string_meas = []
            for string_meas_type_0_item_data in self.string_meas:
                string_meas_type_0_item = string_meas_type_0_item_data.to_dict()
                string_meas.append(string_meas_type_0_item)

        else:
            string_meas = self.string_meas

        boolean_meas: list[dict[str, Any]] | None | Unset
        if isinstance(self.boolean_meas, Unset):
            boolean_meas = UNSET
        elif isinstance(self.boolean_meas, list):
            boolean_meas = []
            for boolean_meas_type_0_item_data in self.boolean_meas:
                boolean_meas_type_0_item = boolean_meas_type_0_item_data.to_dict()
                boolean_meas.append(boolean_meas_type_0_item)

        else:
            boolean_meas = self.boolean_meas

        additional_results: list[dict[str, Any]] | None | Unset
        if isinstance(self.additional_results, Unset):
            additional_results = UNSET
        elif isinstance(self.additional_results, list):
            additional_results = []
            for additional_results_type_0_item_data in self.additional_results:
                additional_results_type_0_item = (
                    additional_results_type_0_item_data.to_dict()
                )
                additional_results.append(additional_results_type_0_item)

        else:
            additional_results = self.additional_results

        seq_call: dict[str, Any] | None | Unset
        if isinstance(self.seq_call, Unset):
            seq_call = UNSET
        elif isinstance(self.seq_call, WsjfSequenceCall):
            seq_call = self.seq_call.to_dict()
        else:
            seq_call = self.seq_call

        call_exe: dict[str, Any] | None | Unset
        if isinstance(self.call_exe, Unset):
            call_exe = UNSET
        elif isinstance(self.call_exe, WsjfCallExe):
            call_exe = self.call_exe.to_dict()
        else:
            call_exe = self.call_exe

        message_popup: dict[str, Any] | None | Unset
        if isinstance(self.message_popup, Unset):
            message_popup = UNSET
        elif isinstance(self.message_popup, WsjfMessagePopup):
            message_popup = self.message_popup.to_dict()
        else:
            message_popup = self.message_popup

        chart: dict[str, Any] | None | Unset
        if isinstance(self.chart, Unset):
            chart = UNSET
        elif isinstance(self.chart, WsjfChart):
            chart = self.chart.to_dict()
        else:
            chart = self.chart

        attachment: dict[str, Any] | None | Unset
        if isinstance(self.attachment, Unset):
            attachment = UNSET
        elif isinstance(self.attachment, WsjfAttachment):
            attachment = self.attachment.to_dict()
        else:
            attachment = self.attachment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if group is not UNSET:
            field_dict["group"] = group
        if step_type is not UNSET:
            field_dict["stepType"] = step_type
        if interactive_exe_num is not UNSET:
            field_dict["interactiveExeNum"] = interactive_exe_num
        if interactive_exe_num_format is not UNSET:
            field_dict["interactiveExeNumFormat"] = interactive_exe_num_format
        if loop is not UNSET:
            field_dict["loop"] = loop
        if name is not UNSET:
            field_dict["name"] = name
        if start is not UNSET:
            field_dict["start"] = start
        if status is not UNSET:
            field_dict["status"] = status
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if error_code_format is not UNSET:
            field_dict["errorCodeFormat"] = error_code_format
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message
        if ts_guid is not UNSET:
            field_dict["tsGuid"] = ts_guid
        if tot_time is not UNSET:
            field_dict["totTime"] = tot_time
        if tot_time_format is not UNSET:
            field_dict["totTimeFormat"] = tot_time_format
        if caused_seq_failure is not UNSET:
            field_dict["causedSeqFailure"] = caused_seq_failure
        if caused_uut_failure is not UNSET:
            field_dict["causedUUTFailure"] = caused_uut_failure
        if report_text is not UNSET:
            field_dict["reportText"] = report_text
        if steps is not UNSET:
            field_dict["steps"] = steps
        if numeric_meas is not UNSET:
            field_dict["numericMeas"] = numeric_meas
        if string_meas is not UNSET:
            field_dict["stringMeas"] = string_meas
        if boolean_meas is not UNSET:
            field_dict["booleanMeas"] = boolean_meas
        if additional_results is not UNSET:
            field_dict["additionalResults"] = additional_results
        if seq_call is not UNSET:
            field_dict["seqCall"] = seq_call
        if call_exe is not UNSET:
            field_dict["callExe"] = call_exe
        if message_popup is not UNSET:
            field_dict["messagePopup"] = message_popup
        if chart is not UNSET:
            field_dict["chart"] = chart
        if attachment is not UNSET:
            field_dict["attachment"] = attachment

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.wsjf_additional_data import WsjfAdditionalData
        from ..models.wsjf_attachment import WsjfAttachment
        from ..models.wsjf_boolean_measurement import WsjfBooleanMeasurement
        from ..models.wsjf_call_exe import WsjfCallExe
        from ..models.wsjf_chart import WsjfChart
        from ..models.wsjf_loop_info import WsjfLoopInfo
        from ..models.wsjf_message_popup import WsjfMessagePopup
        from ..models.wsjf_numeric_measurement import WsjfNumericMeasurement
        from ..models.wsjf_sequence_call import WsjfSequenceCall
        from ..models.wsjf_string_measurement import WsjfStringMeasurement

        d = dict(src_dict)

        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group = _parse_group(d.pop("group", UNSET))

        def _parse_step_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        step_type = _parse_step_type(d.pop("stepType", UNSET))

        def _parse_interactive_exe_num(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        interactive_exe_num = _parse_interactive_exe_num(
            d.pop("interactiveExeNum", UNSET)
        )

        def _parse_interactive_exe_num_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        interactive_exe_num_format = _parse_interactive_exe_num_format(
            d.pop("interactiveExeNumFormat", UNSET)
        )

        def _parse_loop(data: object) -> None | Unset | WsjfLoopInfo:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                loop_type_0 = WsjfLoopInfo.from_dict(data)

                return loop_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WsjfLoopInfo, data)

        loop = _parse_loop(d.pop("loop", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

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

        def _parse_ts_guid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ts_guid = _parse_ts_guid(d.pop("tsGuid", UNSET))

        def _parse_tot_time(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        tot_time = _parse_tot_time(d.pop("totTime", UNSET))

        def _parse_tot_time_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tot_time_format = _parse_tot_time_format(d.pop("totTimeFormat", UNSET))

        def _parse_caused_seq_failure(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        caused_seq_failure = _parse_caused_seq_failure(d.pop("causedSeqFailure", UNSET))

        def _parse_caused_uut_failure(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        caused_uut_failure = _parse_caused_uut_failure(d.pop("causedUUTFailure", UNSET))

        def _parse_report_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        report_text = _parse_report_text(d.pop("reportText", UNSET))

        def _parse_steps(data: object) -> list[WsjfStep] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                steps_type_0 = []
                _steps_type_0 = data
                for steps_type_0_item_data in _steps_type_0:
                    steps_type_0_item = WsjfStep.from_dict(steps_type_0_item_data)

                    steps_type_0.append(steps_type_0_item)

                return steps_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfStep] | None | Unset, data)

        steps = _parse_steps(d.pop("steps", UNSET))

        def _parse_numeric_meas(
            data: object,
        ) -> list[WsjfNumericMeasurement] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                numeric_meas_type_0 = []
                _numeric_meas_type_0 = data
                for numeric_meas_type_0_item_data in _numeric_meas_type_0:
                    numeric_meas_type_0_item = WsjfNumericMeasurement.from_dict(
                        numeric_meas_type_0_item_data
                    )

                    numeric_meas_type_0.append(numeric_meas_type_0_item)

                return numeric_meas_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfNumericMeasurement] | None | Unset, data)

        numeric_meas = _parse_numeric_meas(d.pop("numericMeas", UNSET))

        def _parse_string_meas(
            data: object,
        ) -> list[WsjfStringMeasurement] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                string_meas_type_0 = []
                _string_meas_type_0 = data
                for string_meas_type_0_item_data in _string_meas_type_0:
                    string_meas_type_0_item = WsjfStringMeasurement.from_dict(
                        string_meas_type_0_item_data
                    )

                    string_meas_type_0.append(string_meas_type_0_item)

                return string_meas_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfStringMeasurement] | None | Unset, data)

        string_meas = _parse_string_meas(d.pop("stringMeas", UNSET))

        def _parse_boolean_meas(
            data: object,
        ) -> list[WsjfBooleanMeasurement] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                boolean_meas_type_0 = []
                _boolean_meas_type_0 = data
                for boolean_meas_type_0_item_data in _boolean_meas_type_0:
                    boolean_meas_type_0_item = WsjfBooleanMeasurement.from_dict(
                        boolean_meas_type_0_item_data
                    )

                    boolean_meas_type_0.append(boolean_meas_type_0_item)

                return boolean_meas_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfBooleanMeasurement] | None | Unset, data)

        boolean_meas = _parse_boolean_meas(d.pop("booleanMeas", UNSET))

        def _parse_additional_results(
            data: object,
        ) -> list[WsjfAdditionalData] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                additional_results_type_0 = []
                _additional_results_type_0 = data
                for additional_results_type_0_item_data in _additional_results_type_0:
                    additional_results_type_0_item = WsjfAdditionalData.from_dict(
                        additional_results_type_0_item_data
                    )

                    additional_results_type_0.append(additional_results_type_0_item)

                return additional_results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WsjfAdditionalData] | None | Unset, data)

        additional_results = _parse_additional_results(
            d.pop("additionalResults", UNSET)
        )

        def _parse_seq_call(data: object) -> None | Unset | WsjfSequenceCall:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                seq_call_type_0 = WsjfSequenceCall.from_dict(data)

                return seq_call_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WsjfSequenceCall, data)

        seq_call = _parse_seq_call(d.pop("seqCall", UNSET))

        def _parse_call_exe(data: object) -> None | Unset | WsjfCallExe:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                call_exe_type_0 = WsjfCallExe.from_dict(data)

                return call_exe_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WsjfCallExe, data)

        call_exe = _parse_call_exe(d.pop("callExe", UNSET))

        def _parse_message_popup(data: object) -> None | Unset | WsjfMessagePopup:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                message_popup_type_0 = WsjfMessagePopup.from_dict(data)

                return message_popup_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WsjfMessagePopup, data)

        message_popup = _parse_message_popup(d.pop("messagePopup", UNSET))

        def _parse_chart(data: object) -> None | Unset | WsjfChart:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                chart_type_0 = WsjfChart.from_dict(data)

                return chart_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WsjfChart, data)

        chart = _parse_chart(d.pop("chart", UNSET))

        def _parse_attachment(data: object) -> None | Unset | WsjfAttachment:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attachment_type_0 = WsjfAttachment.from_dict(data)

                return attachment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WsjfAttachment, data)

        attachment = _parse_attachment(d.pop("attachment", UNSET))

        wsjf_step = cls(
            id=id,
            group=group,
            step_type=step_type,
            interactive_exe_num=interactive_exe_num,
            interactive_exe_num_format=interactive_exe_num_format,
            loop=loop,
            name=name,
            start=start,
            status=status,
            error_code=error_code,
            error_code_format=error_code_format,
            error_message=error_message,
            ts_guid=ts_guid,
            tot_time=tot_time,
            tot_time_format=tot_time_format,
            caused_seq_failure=caused_seq_failure,
            caused_uut_failure=caused_uut_failure,
            report_text=report_text,
            steps=steps,
            numeric_meas=numeric_meas,
            string_meas=string_meas,
            boolean_meas=boolean_meas,
            additional_results=additional_results,
            seq_call=seq_call,
            call_exe=call_exe,
            message_popup=message_popup,
            chart=chart,
            attachment=attachment,
        )

        wsjf_step.additional_properties = d
        return wsjf_step

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
