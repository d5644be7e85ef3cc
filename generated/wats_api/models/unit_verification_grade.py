from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.unit_verification_result import UnitVerificationResult


T = TypeVar("T", bound="UnitVerificationGrade")


@_attrs_define
class UnitVerificationGrade:
    """A unit's grade against the verification rules.

    Attributes:
        status (None | str | Unset):
        grade (None | str | Unset):
        all_processes_executed_in_correct_order (bool | None | Unset): Processes ran in process-index order.
        all_processes_passed_first_run (bool | None | Unset): Passed every process on the first run.
        all_processes_passed_any_run (bool | None | Unset): Passed every process at some run.
        all_processes_passed_last_run (bool | None | Unset): Passed every process on the last run.
        no_repairs (bool | None | Unset): Never repaired.
        results (list[UnitVerificationResult] | None | Unset): One result per process of the rule.
    """

    status: None | str | Unset = UNSET
    grade: None | str | Unset = UNSET
    all_processes_executed_in_correct_order: bool | None | Unset = UNSET
    all_processes_passed_first_run: bool | None | Unset = UNSET
    all_processes_passed_any_run: bool | None | Unset = UNSET
    all_processes_passed_last_run: bool | None | Unset = UNSET
    no_repairs: bool | None | Unset = UNSET
    results: list[UnitVerificationResult] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        else:
            grade = self.grade

        all_processes_executed_in_correct_order: bool | None | Unset
        if isinstance(self.all_processes_executed_in_correct_order, Unset):
            all_processes_executed_in_correct_order = UNSET
        else:
            all_processes_executed_in_correct_order = (
                self.all_processes_executed_in_correct_order
            )

        all_processes_passed_first_run: bool | None | Unset
        if isinstance(self.all_processes_passed_first_run, Unset):
            all_processes_passed_first_run = UNSET
        else:
            all_processes_passed_first_run = self.all_processes_passed_first_run

        all_processes_passed_any_run: bool | None | Unset
        if isinstance(self.all_processes_passed_any_run, Unset):
            all_processes_passed_any_run = UNSET
        else:
            all_processes_passed_any_run = self.all_processes_passed_any_run

        all_processes_passed_last_run: bool | None | Unset
        if isinstance(self.all_processes_passed_last_run, Unset):
            all_processes_passed_last_run = UNSET
        else:
            all_processes_passed_last_run = self.all_processes_passed_last_run

        no_repairs: bool | None | Unset
        if isinstance(self.no_repairs, Unset):
            no_repairs = UNSET
        else:
            no_repairs = self.no_repairs

        results: list[dict[str, Any]] | None | Unset
        if isinstance(self.results, Unset):
            results = UNSET
        elif isinstance(self.results, list):
            results = []
            for results_type_0_item_data in self.results:
                results_type_0_item = results_type_0_item_data.to_dict()
                results.append(results_type_0_item)

        else:
            results = self.results

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if grade is not UNSET:
            field_dict["grade"] = grade
        if all_processes_executed_in_correct_order is not UNSET:
            field_dict["allProcessesExecutedInCorrectOrder"] = (
                all_processes_executed_in_correct_order
            )
        if all_processes_passed_first_run is not UNSET:
            field_dict["allProcessesPassedFirstRun"] = all_processes_passed_first_run
        if all_processes_passed_any_run is not UNSET:
            field_dict["allProcessesPassedAnyRun"] = all_processes_passed_any_run
        if all_processes_passed_last_run is not UNSET:
            field_dict["allProcessesPassedLastRun"] = all_processes_passed_last_run
        if no_repairs is not UNSET:
            field_dict["noRepairs"] = no_repairs
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.unit_verification_result import UnitVerificationResult

        d = dict(src_dict)

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_grade(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))

        def _parse_all_processes_executed_in_correct_order(
            data: object,
        ) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        all_processes_executed_in_correct_order = (
            _parse_all_processes_executed_in_correct_order(
                d.pop("allProcessesExecutedInCorrectOrder", UNSET)
            )
        )

        def _parse_all_processes_passed_first_run(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        all_processes_passed_first_run = _parse_all_processes_passed_first_run(
            d.pop("allProcessesPassedFirstRun", UNSET)
        )

        def _parse_all_processes_passed_any_run(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        all_processes_passed_any_run = _parse_all_processes_passed_any_run(
            d.pop("allProcessesPassedAnyRun", UNSET)
        )

        def _parse_all_processes_passed_last_run(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        all_processes_passed_last_run = _parse_all_processes_passed_last_run(
            d.pop("allProcessesPassedLastRun", UNSET)
        )

        def _parse_no_repairs(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        no_repairs = _parse_no_repairs(d.pop("noRepairs", UNSET))

        def _parse_results(data: object) -> list[UnitVerificationResult] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                results_type_0 = []
                _results_type_0 = data
                for results_type_0_item_data in _results_type_0:
                    results_type_0_item = UnitVerificationResult.from_dict(
                        results_type_0_item_data
                    )

                    results_type_0.append(results_type_0_item)

                return results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UnitVerificationResult] | None | Unset, data)

        results = _parse_results(d.pop("results", UNSET))

        unit_verification_grade = cls(
            status=status,
            grade=grade,
            all_processes_executed_in_correct_order=all_processes_executed_in_correct_order,
            all_processes_passed_first_run=all_processes_passed_first_run,
            all_processes_passed_any_run=all_processes_passed_any_run,
            all_processes_passed_last_run=all_processes_passed_last_run,
            no_repairs=no_repairs,
            results=results,
        )

        unit_verification_grade.additional_properties = d
        return unit_verification_grade

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
