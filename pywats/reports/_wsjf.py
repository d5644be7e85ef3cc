"""WSJF on the wire: model → dict and dict → model (``reference/wats-api.md`` §4, §4.16).

The writer produces the server's export shape: keys the server always writes (``uut``
fields, measurement limits, loop counters, ...) are present and null when unset; other keys
only when set. So a server export read here and written back is equal to the original.

Numbers: NaN and ±Infinity become ``"NaN"``, ``"Infinity"`` and ``"-Infinity"`` (Json.NET reads
those strings for double fields; a bare NaN token is not JSON) and are read back as floats.

Date-times: a parsed date remembers its text; as long as the model still holds the datetime
that was read, the original text (with the server's 7 fraction digits) is written back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pywats._exceptions import ReportValidationError
from pywats.reports._dates import format_dt, format_utc, parse_dt
from pywats.reports._model import Report, Step, UURReport, UUTReport
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

__all__ = ["load", "report_from_wsjf", "report_to_wsjf"]

_T = TypeVar("_T")

_NONFINITE = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


def _num(x: Any) -> Any:
    # Finite numbers (and None) pass through; x - x is NaN for NaN and ±inf.
    if x is None or x - x == 0:
        return x
    if x != x:
        return "NaN"
    return "Infinity" if x > 0 else "-Infinity"


def _rnum(x: Any) -> Any:
    if type(x) is str:
        return _NONFINITE.get(x, x)
    return x


def _date_out(dt: datetime | None, memo: tuple[datetime, str] | None, what: str) -> str | None:
    if dt is None:
        return None
    if memo is not None and memo[0] is dt:
        return memo[1]
    return format_dt(dt, what)


def _date_in(text: Any) -> tuple[datetime | None, tuple[datetime, str] | None]:
    if text is None:
        return None, None
    dt = parse_dt(text)
    return dt, (dt, text)


# ---------------------------------------------------------------------------------- writing


def _numeric_out(m: NumericMeasurement) -> dict[str, Any]:
    d = {
        "compOp": m.comp_op,
        "name": m.name,
        "status": m.status,
        "unit": m.unit,
        "value": _num(m.value),
        "highLimit": _num(m.high_limit),
        "lowLimit": _num(m.low_limit),
    }
    if m.value_format is not None:
        d["valueFormat"] = m.value_format
    if m.high_limit_format is not None:
        d["highLimitFormat"] = m.high_limit_format
    if m.low_limit_format is not None:
        d["lowLimitFormat"] = m.low_limit_format
    return d


def _binary_out(b: BinaryData) -> dict[str, Any]:
    d: dict[str, Any] = {"contentType": b.content_type, "data": b.data, "name": b.name}
    if b.id is not None:
        d["id"] = b.id
    return d


def _prop_out(p: AdditionalDataProperty) -> dict[str, Any]:
    d: dict[str, Any] = {"name": p.name, "type": p.type}
    if p.flags is not None:
        d["flags"] = p.flags
    d["value"] = p.value
    if p.num_format is not None:
        d["numFormat"] = p.num_format
    if p.comment is not None:
        d["comment"] = p.comment
    if p.props is not None:
        d["props"] = [_prop_out(x) for x in p.props]
    if p.array is not None:
        a = p.array
        d["array"] = {
            "dimension": a.dimension,
            "type": a.type,
            "indexes": None
            if a.indexes is None
            else [
                {
                    "text": i.text,
                    "indexes": i.indexes,
                    "value": None if i.value is None else _prop_out(i.value),
                }
                for i in a.indexes
            ],
        }
    return d


def _additional_out(a: AdditionalData) -> dict[str, Any]:
    return {"name": a.name, "props": [_prop_out(p) for p in a.props]}


def _chart_out(c: Chart) -> dict[str, Any]:
    return {
        "chartType": c.chart_type,
        "label": c.label,
        "xLabel": c.x_label,
        "xUnit": c.x_unit,
        "yLabel": c.y_label,
        "yUnit": c.y_unit,
        "series": [
            {"dataType": s.data_type, "name": s.name, "xdata": s.xdata, "ydata": s.ydata}
            for s in c.series
        ],
    }


def _step_out(s: Step) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": s.id,
        "group": s.group,
        "stepType": s.step_type,
        "name": s.name,
    }
    if s.start is not None:
        d["start"] = _date_out(s.start, s._start_memo, f"step {s.name!r} start")
    d["status"] = s.status
    if s.error_code is not None:
        d["errorCode"] = s.error_code
    if s.error_code_format is not None:
        d["errorCodeFormat"] = s.error_code_format
    if s.error_message is not None:
        d["errorMessage"] = s.error_message
    if s.ts_guid is not None:
        d["tsGuid"] = s.ts_guid
    if s.interactive_exe_num is not None:
        d["interactiveExeNum"] = s.interactive_exe_num
    if s.interactive_exe_num_format is not None:
        d["interactiveExeNumFormat"] = s.interactive_exe_num_format
    d["totTime"] = _num(s.tot_time)
    if s.tot_time_format is not None:
        d["totTimeFormat"] = s.tot_time_format
    if s.caused_seq_failure is not None:
        d["causedSeqFailure"] = s.caused_seq_failure
    if s.caused_uut_failure is not None:
        d["causedUUTFailure"] = s.caused_uut_failure
    if s.report_text is not None:
        d["reportText"] = s.report_text
    lp = s.loop
    if lp is not None:
        d["loop"] = {
            "idx": lp.idx,
            "num": lp.num,
            "endingIndex": lp.ending_index,
            "passed": lp.passed,
            "failed": lp.failed,
        }
    if s.steps is not None:
        d["steps"] = [_step_out(c) for c in s.steps]
    sc = s.seq_call
    if sc is not None:
        d["seqCall"] = {"path": sc.path, "name": sc.name, "version": sc.version}
    if s.numeric_meas is not None:
        d["numericMeas"] = [_numeric_out(m) for m in s.numeric_meas]
    if s.string_meas is not None:
        d["stringMeas"] = [
            {
                "compOp": m.comp_op,
                "name": m.name,
                "status": m.status,
                "value": m.value,
                "limit": m.limit,
            }
            for m in s.string_meas
        ]
    if s.boolean_meas is not None:
        d["booleanMeas"] = [{"name": m.name, "status": m.status} for m in s.boolean_meas]
    ce = s.call_exe
    if ce is not None:
        d["callExe"] = {"exitCode": _num(ce.exit_code)}
        if ce.exit_code_format is not None:
            d["callExe"]["exitCodeFormat"] = ce.exit_code_format
    mp = s.message_popup
    if mp is not None:
        d["messagePopup"] = {"response": mp.response, "button": mp.button}
        if mp.button_format is not None:
            d["messagePopup"]["buttonFormat"] = mp.button_format
    if s.chart is not None:
        d["chart"] = _chart_out(s.chart)
    at = s.attachment
    if at is not None:
        d["attachment"] = {"name": at.name, "contentType": at.content_type, "data": at.data}
    if s.additional_results is not None:
        d["additionalResults"] = [_additional_out(a) for a in s.additional_results]
    return d


def _sub_unit_out(u: SubUnit) -> dict[str, Any]:
    d: dict[str, Any] = {"partType": u.part_type, "pn": u.pn, "rev": u.rev, "sn": u.sn}
    if u.idx is not None:
        d["idx"] = u.idx
    if u.parent_idx is not None:
        d["parentIdx"] = u.parent_idx
    if u.position is not None:
        d["position"] = u.position
    if u.replaced_idx is not None:
        d["replacedIdx"] = u.replaced_idx
    if u.failures is not None:
        d["failures"] = [_failure_out(f) for f in u.failures]
    return d


def _failure_out(f: Failure) -> dict[str, Any]:
    d: dict[str, Any] = {
        "artNumber": f.art_number,
        "artRev": f.art_rev,
        "artVendor": f.art_vendor,
        "artDescription": f.art_description,
        "category": f.category,
        "code": f.code,
        "comment": f.comment,
        "comRef": f.com_ref,
        "funcBlock": f.func_block,
        "refStepId": f.ref_step_id,
        "refStepName": f.ref_step_name,
    }
    if f.attachments is not None:
        d["attachments"] = [_binary_out(b) for b in f.attachments]
    return d


def _misc_out(m: MiscInfo) -> dict[str, Any]:
    d: dict[str, Any] = {"description": m.description, "text": m.text, "numeric": m.numeric}
    if m.numeric_format is not None:
        d["numericFormat"] = m.numeric_format
    if m.typedef is not None:
        d["typedef"] = m.typedef
    if m.id is not None:
        d["id"] = m.id
    return d


def _asset_out(a: Asset) -> dict[str, Any]:
    d: dict[str, Any] = {"assetSN": a.asset_sn, "usageCount": a.usage_count}
    if a.usage_count_format is not None:
        d["usageCountFormat"] = a.usage_count_format
    return d


def _asset_stats_out(a: AssetStats) -> dict[str, Any]:
    return {
        "assetSN": a.asset_sn,
        "runningCount": a.running_count,
        "runningCountExceeded": a.running_count_exceeded,
        "totalCount": a.total_count,
        "totalCountExceeded": a.total_count_exceeded,
        "daysSinceCalibration": _num(a.days_since_calibration),
        "isDaysSinceCalibrationUnknown": a.is_days_since_calibration_unknown,
        "calibrationDaysOverdue": _num(a.calibration_days_overdue),
        "daysSinceMaintenance": _num(a.days_since_maintenance),
        "isDaysSinceMaintenanceUnknown": a.is_days_since_maintenance_unknown,
        "maintenanceDaysOverdue": _num(a.maintenance_days_overdue),
        "message": a.message,
    }


def _opt(d: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        d[key] = value


def report_to_wsjf(r: Report) -> dict[str, Any]:
    """The report as a WSJF dict; call ``finalize()`` first (``Report.to_wsjf`` does)."""
    start_text = _date_out(r.start, r._start_memo, "start")
    memo = r._start_utc_memo
    start_memo = r._start_memo
    utc_text: str | None
    if r.start.tzinfo is None and start_memo is not None and start_memo[0] is r.start:
        # read without an offset (§10.18): echo what came, derive nothing
        utc_text = memo[1] if memo is not None else None
    elif memo is not None and memo[0] == r.start:
        utc_text = memo[1]
    else:
        utc_text = format_utc(r.start, "start")
    d: dict[str, Any] = {
        "type": r.type,
        "id": r.id,
        "pn": r.pn,
        "sn": r.sn,
        "rev": r.rev,
        "productName": r.product_name,
        "processCode": r.process_code,
        "processCodeFormat": r.process_code_format,
        "processName": r.process_name,
        "result": r.result,
        "machineName": r.station_name,
        "location": r.location,
        "purpose": r.purpose,
        "origin": r.origin,
        "start": start_text,
        "startUTC": utc_text,
    }
    if isinstance(r, UUTReport):
        d["root"] = _step_out(r.root)
        uut: dict[str, Any] = {
            "execTime": _num(r.exec_time),
            "testSocketIndex": r.test_socket_index,
            "batchSN": r.batch_sn,
            "comment": r.comment,
            "errorCode": r.error_code,
            "errorMessage": r.error_message,
            "fixtureId": r.fixture_id,
            "user": r.operator,
            "batchFailCount": r.batch_fail_count,
            "batchLoopIndex": r.batch_loop_index,
            "stepIdCausedUUTFailure": r.step_id_caused_uut_failure,
        }
        _opt(uut, "execTimeFormat", r.exec_time_format)
        _opt(uut, "testSocketIndexFormat", r.test_socket_index_format)
        _opt(uut, "errorCodeFormat", r.error_code_format)
        _opt(uut, "batchFailCountFormat", r.batch_fail_count_format)
        _opt(uut, "batchLoopIndexFormat", r.batch_loop_index_format)
        if r.ref_uurs is not None:
            uut["refUURs"] = [
                {"id": x.id, "start": _date_out(x.start, x._start_memo, "refUURs start")}
                for x in r.ref_uurs
            ]
        d["uut"] = uut
    elif isinstance(r, UURReport):
        uur: dict[str, Any] = {
            "comment": r.comment,
            "user": r.operator,
            "processCode": r.test_process_code,
            "processName": r.test_process_name,
            "refUUT": r.ref_uut,
            "confirmDate": _date_out(r.confirm_date, r._confirm_memo, "confirm_date"),
            "finalizeDate": _date_out(r.finalize_date, r._finalize_memo, "finalize_date"),
            "execTime": _num(r.exec_time),
            "parent": r.parent,
            "children": r.children,
        }
        _opt(uur, "processCodeFormat", r.test_process_code_format)
        d["uur"] = uur
    d["miscInfos"] = [_misc_out(m) for m in r.misc_infos]
    d["subUnits"] = [_sub_unit_out(u) for u in r.sub_units]
    d["assets"] = [_asset_out(a) for a in r.assets]
    d["assetStats"] = [_asset_stats_out(a) for a in r.asset_stats]
    if r.binary_data is not None:
        d["binaryData"] = [_binary_out(b) for b in r.binary_data]
    d["additionalData"] = [_additional_out(a) for a in r.additional_data]
    return d


# ---------------------------------------------------------------------------------- reading


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
