"""WSJF reading: a submission or a server export → the model (``reference/wats-api.md`` §4).

Every field is read, output-only ones included, so writing gives the export back; dates keep
their text, ``"NaN"``/``"Infinity"`` strings become floats again (see ``_wsjf.py``). The
header, sub-units, assets and misc infos are read here, the step tree in ``_wsjf_in_steps.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pywats._exceptions import ReportValidationError
from pywats.reports._model import Step, UURReport, UUTReport
from pywats.reports._parts import Asset, AssetStats, Failure, MiscInfo, RefUUR, SubUnit
from pywats.reports._wsjf_in_steps import (
    _additional_in,
    _binary_in,
    _date_in,
    _list,
    _rnum,
    _step_in,
)

if TYPE_CHECKING:
    from os import PathLike

__all__ = ["load", "report_from_wsjf"]


def _sub_unit_in(u: dict[str, Any]) -> SubUnit:
    return SubUnit(
        part_type=u.get("partType"),
        pn=u.get("pn"),
        rev=u.get("rev"),
        sn=u.get("sn"),
        idx=u.get("idx"),
        parent_idx=u.get("parentIdx"),
        position=u.get("position"),
        replaced_idx=u.get("replacedIdx"),
        failures=_list(
            u.get("failures"),
            lambda f: Failure(
                category=f.get("category"),
                code=f.get("code"),
                comment=f.get("comment"),
                com_ref=f.get("comRef"),
                func_block=f.get("funcBlock"),
                ref_step_id=f.get("refStepId"),
                ref_step_name=f.get("refStepName"),
                art_number=f.get("artNumber"),
                art_rev=f.get("artRev"),
                art_vendor=f.get("artVendor"),
                art_description=f.get("artDescription"),
                attachments=_list(f.get("attachments"), _binary_in),
            ),
        ),
    )


def _misc_in(m: dict[str, Any]) -> MiscInfo:
    return MiscInfo(
        description=m.get("description"),
        text=m.get("text"),
        numeric=m.get("numeric"),
        numeric_format=m.get("numericFormat"),
        typedef=m.get("typedef"),
        id=m.get("id"),
    )


def _asset_stats_in(a: dict[str, Any]) -> AssetStats:
    return AssetStats(
        asset_sn=a.get("assetSN"),
        running_count=a.get("runningCount"),
        running_count_exceeded=a.get("runningCountExceeded"),
        total_count=a.get("totalCount"),
        total_count_exceeded=a.get("totalCountExceeded"),
        days_since_calibration=_rnum(a.get("daysSinceCalibration")),
        is_days_since_calibration_unknown=a.get("isDaysSinceCalibrationUnknown"),
        calibration_days_overdue=_rnum(a.get("calibrationDaysOverdue")),
        days_since_maintenance=_rnum(a.get("daysSinceMaintenance")),
        is_days_since_maintenance_unknown=a.get("isDaysSinceMaintenanceUnknown"),
        maintenance_days_overdue=_rnum(a.get("maintenanceDaysOverdue")),
        message=a.get("message"),
    )


def _ref_uur_in(x: dict[str, Any]) -> RefUUR:
    ref = RefUUR(id=x.get("id"))
    ref.start, ref._start_memo = _date_in(x.get("start"))
    return ref


def _read(data: dict[str, Any]) -> UUTReport | UURReport:
    g = data.get
    kind = g("type")
    start, start_memo = _date_in(g("start"))
    utc, utc_memo = _date_in(g("startUTC"))
    if start is None:
        if utc is None:
            raise ValueError("start is required")
        start = utc
    common: dict[str, Any] = {
        "id": g("id"),
        "pn": g("pn"),
        "sn": g("sn"),
        "rev": g("rev"),
        "process_code": g("processCode"),
        "process_code_format": g("processCodeFormat"),
        "process_name": g("processName"),
        "product_name": g("productName"),
        "origin": g("origin"),
        "result": g("result"),
        "station_name": g("machineName"),
        "location": g("location"),
        "purpose": g("purpose"),
        "misc_infos": [_misc_in(m) for m in g("miscInfos") or []],
        "sub_units": [_sub_unit_in(u) for u in g("subUnits") or []],
        "assets": [
            Asset(
                asset_sn=a.get("assetSN"),
                usage_count=a.get("usageCount"),
                usage_count_format=a.get("usageCountFormat"),
            )
            for a in g("assets") or []
        ],
        "asset_stats": [_asset_stats_in(a) for a in g("assetStats") or []],
        "additional_data": [_additional_in(a) for a in g("additionalData") or []],
        "binary_data": _list(g("binaryData"), _binary_in),
        "auto": False,
    }
    report: UUTReport | UURReport
    if kind == "R":
        uur = g("uur") or {}
        u = uur.get
        confirm, confirm_memo = _date_in(u("confirmDate"))
        final, final_memo = _date_in(u("finalizeDate"))
        report = UURReport(
            **common,
            operator=u("user"),
            comment=u("comment"),
            exec_time=_rnum(u("execTime")),
            test_process_code=u("processCode"),
            test_process_code_format=u("processCodeFormat"),
            test_process_name=u("processName"),
            ref_uut=u("refUUT"),
            parent=u("parent"),
            children=u("children"),
        )
        # set after __init__: a parsed date may be naive, which the builder refuses
        object.__setattr__(report, "confirm_date", confirm)
        object.__setattr__(report, "finalize_date", final)
        report._confirm_memo = confirm_memo
        report._finalize_memo = final_memo
    elif kind == "T":
        uut = g("uut") or {}
        u = uut.get
        root = g("root")
        report = UUTReport(
            **common,
            root=_step_in(root) if root is not None else Step(name="MainSequence Callback"),
            operator=u("user"),
            comment=u("comment"),
            exec_time=_rnum(u("execTime")),
            exec_time_format=u("execTimeFormat"),
            test_socket_index=u("testSocketIndex"),
            test_socket_index_format=u("testSocketIndexFormat"),
            batch_sn=u("batchSN"),
            error_code=u("errorCode"),
            error_code_format=u("errorCodeFormat"),
            error_message=u("errorMessage"),
            fixture_id=u("fixtureId"),
            batch_fail_count=u("batchFailCount"),
            batch_fail_count_format=u("batchFailCountFormat"),
            batch_loop_index=u("batchLoopIndex"),
            batch_loop_index_format=u("batchLoopIndexFormat"),
            step_id_caused_uut_failure=u("stepIdCausedUUTFailure"),
            ref_uurs=_list(u("refUURs"), _ref_uur_in),
        )
    else:
        raise ValueError(f"type must be 'T' or 'R', not {kind!r}")
    # Bypass the aware-check: the text is echoed as read (memo) even if it had no offset.
    object.__setattr__(report, "start", start)
    report._start_memo = start_memo
    report._start_utc_memo = utc_memo
    return report


def report_from_wsjf(data: Any) -> UUTReport | UURReport:
    """Read a WSJF dict; raise ReportValidationError (with the validator's lines) if unreadable."""
    try:
        return _read(data)
    except (AttributeError, KeyError, TypeError, ValueError, RecursionError) as exc:
        from pywats.reports._validate import check

        lines = check(data) or [f"report: cannot be read ({type(exc).__name__}: {exc})."]
        raise ReportValidationError(lines) from exc


def load(path: str | PathLike[str]) -> UUTReport | UURReport:
    """Read a WSJF JSON file (UTF-8, a BOM is tolerated)."""
    text = Path(path).read_text(encoding="utf-8-sig")
    return report_from_wsjf(json.loads(text))
