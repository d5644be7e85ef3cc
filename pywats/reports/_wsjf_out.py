"""WSJF writing: the model → the server's export shape (``reference/wats-api.md`` §4).

Keys the server always writes are present (null when unset), others only when set; NaN and
±Infinity in a double become the strings Json.NET reads, and in an int32 field (which cannot
hold them) a ``ReportValidationError`` naming the field, so no JSON writer ever sees a
non-finite float; a date read from WSJF is written back as its original text while the model
still holds it (see ``_wsjf.py``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pywats._exceptions import ReportValidationError
from pywats.reports._dates import format_dt, format_utc
from pywats.reports._model import Report, Step, UURReport, UUTReport
from pywats.reports._parts import (
    AdditionalData,
    AdditionalDataProperty,
    Asset,
    AssetStats,
    BinaryData,
    Chart,
    Failure,
    MiscInfo,
    NumericMeasurement,
    SubUnit,
)
from pywats.reports._step_more import StepMore

__all__ = ["report_to_wsjf"]

_NO_MORE = StepMore()


def _num(x: Any) -> Any:
    # Finite numbers (and None) pass through; x - x is NaN for NaN and ±inf.
    if x is None or x - x == 0:
        return x
    if x != x:
        return "NaN"
    return "Infinity" if x > 0 else "-Infinity"


def _int(x: Any, key: str, where: str | Step) -> Any:
    """An int32 field as written: NaN and ±Infinity are refused, not written as null.

    orjson writes a non-finite float as ``null`` where ``json.dumps`` raises, so the writer
    refuses them for both, with the validator's words for the same value.
    """
    if x.__class__ is float and x - x != 0:
        owner = where if isinstance(where, str) else f"step {where.name!r}"
        raise ReportValidationError([f"{owner}: {key} must be an integer, not {x!r}."])
    return x


def _date_out(dt: datetime | None, memo: tuple[datetime, str] | None, what: str) -> str | None:
    if dt is None:
        return None
    if memo is not None and memo[0] is dt:
        return memo[1]
    return format_dt(dt, what)


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
        d["flags"] = _int(p.flags, "flags", f"property {p.name!r}")
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
            "dimension": _int(a.dimension, "dimension", f"property {p.name!r}"),
            "type": a.type,
            "indexes": None
            if a.indexes is None
            else [
                {
                    "text": i.text,
                    "indexes": i.indexes
                    if i.indexes is None
                    else [_int(n, "indexes", f"property {p.name!r}") for n in i.indexes],
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
    more = s._more or _NO_MORE  # the rare fields, read from their one object
    d: dict[str, Any] = {
        "id": _int(s.id, "id", s),
        "group": s.group,
        "stepType": s.step_type,
        "name": s.name,
    }
    if s.start is not None:
        d["start"] = _date_out(s.start, s._start_memo, f"step {s.name!r} start")
    d["status"] = s.status
    if s.error_code is not None:
        d["errorCode"] = _int(s.error_code, "errorCode", s)
    if more.error_code_format is not None:
        d["errorCodeFormat"] = more.error_code_format
    if s.error_message is not None:
        d["errorMessage"] = s.error_message
    if more.ts_guid is not None:
        d["tsGuid"] = more.ts_guid
    if more.interactive_exe_num is not None:
        d["interactiveExeNum"] = _int(more.interactive_exe_num, "interactiveExeNum", s)
    if more.interactive_exe_num_format is not None:
        d["interactiveExeNumFormat"] = more.interactive_exe_num_format
    d["totTime"] = _num(s.tot_time)
    if more.tot_time_format is not None:
        d["totTimeFormat"] = more.tot_time_format
    if s.caused_seq_failure is not None:
        d["causedSeqFailure"] = s.caused_seq_failure
    if s.caused_uut_failure is not None:
        d["causedUUTFailure"] = s.caused_uut_failure
    if s.report_text is not None:
        d["reportText"] = s.report_text
    lp = more.loop
    if lp is not None:
        d["loop"] = {
            "idx": _int(lp.idx, "loop idx", s),
            "num": _int(lp.num, "loop num", s),
            "endingIndex": _int(lp.ending_index, "loop endingIndex", s),
            "passed": _int(lp.passed, "loop passed", s),
            "failed": _int(lp.failed, "loop failed", s),
        }
    if s.steps is not None:
        d["steps"] = [_step_out(c) for c in s.steps]
    sc = more.seq_call
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
    ce = more.call_exe
    if ce is not None:
        d["callExe"] = {"exitCode": _num(ce.exit_code)}
        if ce.exit_code_format is not None:
            d["callExe"]["exitCodeFormat"] = ce.exit_code_format
    mp = more.message_popup
    if mp is not None:
        d["messagePopup"] = {"response": mp.response, "button": _int(mp.button, "button", s)}
        if mp.button_format is not None:
            d["messagePopup"]["buttonFormat"] = mp.button_format
    if more.chart is not None:
        d["chart"] = _chart_out(more.chart)
    at = more.attachment
    if at is not None:
        d["attachment"] = {"name": at.name, "contentType": at.content_type, "data": at.data}
    if more.additional_results is not None:
        d["additionalResults"] = [_additional_out(a) for a in more.additional_results]
    return d


def _sub_unit_out(u: SubUnit) -> dict[str, Any]:
    d: dict[str, Any] = {"partType": u.part_type, "pn": u.pn, "rev": u.rev, "sn": u.sn}
    if u.idx is not None:
        d["idx"] = _int(u.idx, "idx", f"subUnit {u.sn!r}")
    if u.parent_idx is not None:
        d["parentIdx"] = _int(u.parent_idx, "parentIdx", f"subUnit {u.sn!r}")
    if u.position is not None:
        d["position"] = _int(u.position, "position", f"subUnit {u.sn!r}")
    if u.replaced_idx is not None:
        d["replacedIdx"] = _int(u.replaced_idx, "replacedIdx", f"subUnit {u.sn!r}")
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
        "refStepId": _int(f.ref_step_id, "refStepId", "failure"),
        "refStepName": f.ref_step_name,
    }
    if f.attachments is not None:
        d["attachments"] = [_binary_out(b) for b in f.attachments]
    return d


def _misc_out(m: MiscInfo) -> dict[str, Any]:
    d: dict[str, Any] = {
        "description": m.description,
        "text": m.text,
        "numeric": _int(m.numeric, "numeric", f"miscInfo {m.description!r}"),
    }
    if m.numeric_format is not None:
        d["numericFormat"] = m.numeric_format
    if m.typedef is not None:
        d["typedef"] = m.typedef
    if m.id is not None:
        d["id"] = m.id
    return d


def _asset_out(a: Asset) -> dict[str, Any]:
    d: dict[str, Any] = {
        "assetSN": a.asset_sn,
        "usageCount": _int(a.usage_count, "usageCount", f"asset {a.asset_sn!r}"),
    }
    if a.usage_count_format is not None:
        d["usageCountFormat"] = a.usage_count_format
    return d


def _asset_stats_out(a: AssetStats) -> dict[str, Any]:
    where = f"assetStats {a.asset_sn!r}"
    return {
        "assetSN": a.asset_sn,
        "runningCount": _int(a.running_count, "runningCount", where),
        "runningCountExceeded": _int(a.running_count_exceeded, "runningCountExceeded", where),
        "totalCount": _int(a.total_count, "totalCount", where),
        "totalCountExceeded": _int(a.total_count_exceeded, "totalCountExceeded", where),
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
        "processCode": _int(r.process_code, "processCode", "report"),
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
            "testSocketIndex": _int(r.test_socket_index, "testSocketIndex", "uut"),
            "batchSN": r.batch_sn,
            "comment": r.comment,
            "errorCode": _int(r.error_code, "errorCode", "uut"),
            "errorMessage": r.error_message,
            "fixtureId": r.fixture_id,
            "user": r.operator,
            "batchFailCount": _int(r.batch_fail_count, "batchFailCount", "uut"),
            "batchLoopIndex": _int(r.batch_loop_index, "batchLoopIndex", "uut"),
            "stepIdCausedUUTFailure": _int(
                r.step_id_caused_uut_failure, "stepIdCausedUUTFailure", "uut"
            ),
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
            "processCode": _int(r.test_process_code, "processCode", "uur"),
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
