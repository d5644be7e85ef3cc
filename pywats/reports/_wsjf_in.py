"""WSJF reading: a submission or a server export → the model (``reference/wats-api.md`` §4).

Every field is read, output-only ones included, so writing gives the export back; dates keep
their text, ``"NaN"``/``"Infinity"`` strings become floats again (see ``_wsjf.py``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pywats._exceptions import ReportValidationError
from pywats.reports._dates import parse_dt
from pywats.reports._model import Step, UURReport, UUTReport
from pywats.reports._parts import (
    AdditionalData,
    AdditionalDataArray,
    AdditionalDataArrayIndex,
    AdditionalDataProperty,
    Asset,
    AssetStats,
    Attachment,
    BinaryData,
    BooleanMeasurement,
    CallExe,
    Chart,
    ChartSeries,
    Failure,
    LoopInfo,
    MessagePopup,
    MiscInfo,
    NumericMeasurement,
    RefUUR,
    SeqCall,
    StringMeasurement,
    SubUnit,
)

if TYPE_CHECKING:
    from os import PathLike

__all__ = ["load", "report_from_wsjf"]


_T = TypeVar("_T")

_NONFINITE = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


def _rnum(x: Any) -> Any:
    if type(x) is str:
        return _NONFINITE.get(x, x)
    return x


def _date_in(text: Any) -> tuple[datetime | None, tuple[datetime, str] | None]:
    if text is None:
        return None, None
    dt = parse_dt(text)
    return dt, (dt, text)


def _get(d: dict[str, Any], key: str) -> Any:
    # Any, not "Any | None": parsed values are taken as they come
    return d.get(key)


def _list(data: Any, item: Callable[[dict[str, Any]], _T]) -> list[_T] | None:
    if data is None:
        return None
    return [item(x) for x in data]


def _numeric_in(m: dict[str, Any]) -> NumericMeasurement:
    g: Callable[[str], Any] = m.get  # parsed values are taken as they come
    return NumericMeasurement(
        name=g("name"),
        value=_rnum(g("value")),
        unit=g("unit"),
        comp_op=g("compOp"),
        low_limit=_rnum(g("lowLimit")),
        high_limit=_rnum(g("highLimit")),
        status=g("status"),
        value_format=g("valueFormat"),
        low_limit_format=g("lowLimitFormat"),
        high_limit_format=g("highLimitFormat"),
    )


def _binary_in(b: dict[str, Any]) -> BinaryData:
    return BinaryData(
        name=b.get("name"), content_type=b.get("contentType"), data=b.get("data"), id=b.get("id")
    )


def _prop_in(p: dict[str, Any]) -> AdditionalDataProperty:
    arr = p.get("array")
    array = None
    if arr is not None:
        array = AdditionalDataArray(
            dimension=arr.get("dimension"),
            type=arr.get("type"),
            indexes=_list(
                arr.get("indexes"),
                lambda i: AdditionalDataArrayIndex(
                    text=i.get("text"),
                    indexes=i.get("indexes"),
                    value=None if i.get("value") is None else _prop_in(i["value"]),
                ),
            ),
        )
    return AdditionalDataProperty(
        name=p.get("name"),
        type=p.get("type"),
        value=p.get("value"),
        flags=p.get("flags"),
        num_format=p.get("numFormat"),
        comment=p.get("comment"),
        props=_list(p.get("props"), _prop_in),
        array=array,
    )


def _additional_in(a: dict[str, Any]) -> AdditionalData:
    return AdditionalData(name=a.get("name"), props=_list(a.get("props"), _prop_in) or [])


def _step_in(d: dict[str, Any]) -> Step:
    g: Callable[[str], Any] = d.get  # parsed values are taken as they come
    lp = g("loop")
    sc = g("seqCall")
    ce = g("callExe")
    mp = g("messagePopup")
    ch = g("chart")
    at = g("attachment")
    sm = g("stringMeas")
    bm = g("booleanMeas")
    nm = g("numericMeas")
    steps = g("steps")
    step = Step(
        id=g("id"),
        group=g("group"),
        step_type=g("stepType"),
        name=g("name"),
        status=g("status"),
        tot_time=_rnum(g("totTime")),
        tot_time_format=g("totTimeFormat"),
        error_code=g("errorCode"),
        error_code_format=g("errorCodeFormat"),
        error_message=g("errorMessage"),
        report_text=g("reportText"),
        ts_guid=g("tsGuid"),
        interactive_exe_num=g("interactiveExeNum"),
        interactive_exe_num_format=g("interactiveExeNumFormat"),
        caused_seq_failure=g("causedSeqFailure"),
        caused_uut_failure=g("causedUUTFailure"),
        loop=None
        if lp is None
        else LoopInfo(
            idx=lp.get("idx"),
            num=lp.get("num"),
            ending_index=lp.get("endingIndex"),
            passed=lp.get("passed"),
            failed=lp.get("failed"),
        ),
        steps=None if steps is None else [_step_in(c) for c in steps],
        seq_call=None
        if sc is None
        else SeqCall(path=sc.get("path"), name=sc.get("name"), version=sc.get("version")),
        numeric_meas=None if nm is None else [_numeric_in(m) for m in nm],
        string_meas=None
        if sm is None
        else [
            StringMeasurement(
                name=m.get("name"),
                value=m.get("value"),
                limit=m.get("limit"),
                comp_op=_get(m, "compOp"),
                status=_get(m, "status"),
            )
            for m in sm
        ],
        boolean_meas=None
        if bm is None
        else [BooleanMeasurement(name=m.get("name"), status=_get(m, "status")) for m in bm],
        call_exe=None
        if ce is None
        else CallExe(
            exit_code=_rnum(ce.get("exitCode")), exit_code_format=ce.get("exitCodeFormat")
        ),
        message_popup=None
        if mp is None
        else MessagePopup(
            response=mp.get("response"),
            button=mp.get("button"),
            button_format=mp.get("buttonFormat"),
        ),
        chart=None
        if ch is None
        else Chart(
            chart_type=ch.get("chartType"),
            label=ch.get("label"),
            x_label=ch.get("xLabel"),
            x_unit=ch.get("xUnit"),
            y_label=ch.get("yLabel"),
            y_unit=ch.get("yUnit"),
            series=[
                ChartSeries(
                    name=s.get("name"),
                    xdata=s.get("xdata"),
                    ydata=s.get("ydata"),
                    data_type=s.get("dataType"),
                )
                for s in ch.get("series") or []
            ],
        ),
        attachment=None
        if at is None
        else Attachment(
            name=at.get("name"), content_type=at.get("contentType"), data=at.get("data")
        ),
        additional_results=_list(g("additionalResults"), _additional_in),
    )
    start = g("start")
    if start is not None:
        step.start, step._start_memo = _date_in(start)
    return step


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
