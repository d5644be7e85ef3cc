"""WSJF reading, the step tree: steps, measurements and their parts → the model.

The report's header, units, assets and misc infos are read in ``_wsjf_in.py``; the small
readers both use (numbers, dates, lists) live here, beside the step reader that uses most.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from pywats.reports._dates import parse_dt
from pywats.reports._model import Step
from pywats.reports._parts import (
    AdditionalData,
    AdditionalDataArray,
    AdditionalDataArrayIndex,
    AdditionalDataProperty,
    Attachment,
    BinaryData,
    BooleanMeasurement,
    CallExe,
    Chart,
    ChartSeries,
    LoopInfo,
    MessagePopup,
    NumericMeasurement,
    SeqCall,
    StringMeasurement,
)

__all__: list[str] = []  # private readers for _wsjf_in.py

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
