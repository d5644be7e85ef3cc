"""Building reports: every step kind on the wire, header fields, dates, NaN, UUR repairs."""

from __future__ import annotations

import json
import math
import uuid
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from pywats import ReportValidationError
from pywats.reports import (
    AdditionalDataProperty,
    ChartType,
    CompOp,
    Report,
    StepStatus,
    UURReport,
    UUTReport,
    check,
    load,
)

CET = timezone(timedelta(hours=1))
START = datetime(2026, 3, 2, 10, 15, 30, 123456, tzinfo=CET)


def uut(**kwargs: object) -> UUTReport:
    fields: dict[str, object] = {
        "pn": "PCB-1001",
        "sn": "SN-000123",
        "rev": "A",
        "process_code": 10,
        "station_name": "STATION-01",
        "location": "Line 1",
        "purpose": "Production",
        "operator": "operator1",
        "start": START,
    }
    fields.update(kwargs)
    return UUTReport(**fields)  # type: ignore[arg-type]


def test_header_on_the_wire() -> None:
    r = uut(
        comment="first article",
        exec_time=1.25,
        batch_sn="B-1",
        fixture_id="FX-7",
        test_socket_index=0,
        error_code=0,
        process_name="SW Debug",
    )
    r.add_misc_info("Firmware", "1.4.2")
    r.add_misc_info("Legacy", numeric=100)
    r.add_sub_unit("PCBA", "SUB-42", "SUB-200", "B")
    r.add_asset("DMM-0001", 2)
    r.add_additional_data("Env").add_property("Temperature", 23.5)
    d = r.to_wsjf()
    uuid.UUID(d["id"])
    assert {
        k: d[k]
        for k in (
            "type",
            "pn",
            "sn",
            "rev",
            "processCode",
            "machineName",
            "location",
            "purpose",
            "result",
            "processName",
        )
    } == {
        "type": "T",
        "pn": "PCB-1001",
        "sn": "SN-000123",
        "rev": "A",
        "processCode": 10,
        "machineName": "STATION-01",
        "location": "Line 1",
        "purpose": "Production",
        "result": "P",
        "processName": "SW Debug",
    }
    assert d["start"] == "2026-03-02T10:15:30.123456+01:00"
    assert d["startUTC"] == "2026-03-02T09:15:30.123456Z"
    assert d["uut"]["user"] == "operator1"
    assert d["uut"]["comment"] == "first article"
    assert d["uut"]["batchSN"] == "B-1"
    assert d["uut"]["fixtureId"] == "FX-7"
    assert d["uut"]["batchLoopIndex"] is None  # always written, null when unset (like exports)
    assert d["miscInfos"] == [
        {"description": "Firmware", "text": "1.4.2", "numeric": None},
        {"description": "Legacy", "text": None, "numeric": 100},
    ]
    assert d["subUnits"] == [{"partType": "PCBA", "pn": "SUB-200", "rev": "B", "sn": "SUB-42"}]
    assert d["assets"] == [{"assetSN": "DMM-0001", "usageCount": 2}]
    assert d["assetStats"] == []
    assert d["additionalData"] == [
        {"name": "Env", "props": [{"name": "Temperature", "type": "Number", "value": "23.5"}]}
    ]
    assert d["productName"] is None
    assert d["origin"] is None
    assert "binaryData" not in d
    assert d["root"]["name"] == "MainSequence Callback"
    assert d["root"]["stepType"] == "SequenceCall"
    r.validate()


def test_every_step_kind_on_the_wire() -> None:
    r = uut()
    seq = r.root.add_sequence("Main", path="C:/t/main.seq", version="1.0.0")
    seq.add_action_step("Power on", group="S")
    seq.add_numeric_step("5V", 5.01, low=4.9, high=5.1, unit="V", tot_time=0.1)
    multi = seq.add_multi_numeric_step("Ripple")
    multi.add_numeric_measurement("5V ripple", 12.0, limit=50.0, comp_op=CompOp.LT, unit="mV")
    multi.add_numeric_measurement("Frequency", 412.0, unit="kHz")
    seq.add_pass_fail_step("LED", True)
    mpf = seq.add_multi_pass_fail_step("Connectors")
    mpf.add_boolean_measurement("J1", True)
    seq.add_string_step("FW", "v1.4.2", limit="V1.4.2", comp_op=CompOp.IGNORECASE)
    msv = seq.add_multi_string_step("Identity")
    msv.add_string_measurement("Vendor", "ACME", limit="ACME")
    chart = seq.add_chart_step(
        "Gain",
        chart_type=ChartType.LINE_LOG_X,
        x_label="Frequency",
        x_unit="Hz",
        y_label="Gain",
        y_unit="dB",
    )
    chart.add_numeric_measurement("Min gain", -3.1, low=-6.0, comp_op=CompOp.GE, unit="dB")
    assert chart.chart is not None
    chart.chart.add_series("Gain", [-0.5, -1.2, -3.1], [100, 1000, 10000])
    seq.add_call_exe_step("Flash", exit_code=0)
    seq.add_message_popup_step("Confirm", response="OK", button=1)
    label = seq.add_generic_step("Log", "Label", report_text="raw log attached")
    label.attach("log.txt", b"Hello", "text/plain")
    label.add_additional_result("Extra").add_property("ok", True)
    seq.add_action_step("Power off", group="C")
    d = r.to_wsjf()
    steps = {s["name"]: s for s in d["root"]["steps"][0]["steps"]}
    assert d["root"]["steps"][0]["seqCall"] == {
        "path": "C:/t/main.seq",
        "name": "Main",
        "version": "1.0.0",
    }
    assert steps["Power on"]["group"] == "S"
    assert steps["Power on"]["status"] == "D"
    assert steps["Power off"]["group"] == "C"
    assert steps["5V"]["stepType"] == "ET_NLT"
    assert steps["5V"]["numericMeas"] == [
        {
            "compOp": "GELE",
            "name": None,
            "status": "P",
            "unit": "V",
            "value": 5.01,
            "highLimit": 5.1,
            "lowLimit": 4.9,
        }
    ]
    assert steps["Ripple"]["stepType"] == "ET_MNLT"
    assert steps["Ripple"]["numericMeas"][0]["lowLimit"] == 50.0
    assert steps["Ripple"]["numericMeas"][0]["highLimit"] is None
    assert steps["LED"] == {
        **steps["LED"],
        "stepType": "ET_PFT",
        "booleanMeas": [{"name": None, "status": "P"}],
    }
    assert steps["Connectors"]["stepType"] == "ET_MPFT"
    assert steps["FW"]["stringMeas"] == [
        {"compOp": "IGNORECASE", "name": None, "status": "P", "value": "v1.4.2", "limit": "V1.4.2"}
    ]
    assert steps["Identity"]["stepType"] == "ET_MSVT"
    assert steps["Gain"]["stepType"] == "WATS_XYGMNLT"
    assert steps["Gain"]["chart"] == {
        "chartType": "LineLogX",
        "label": "Gain",
        "xLabel": "Frequency",
        "xUnit": "Hz",
        "yLabel": "Gain",
        "yUnit": "dB",
        "series": [
            {
                "dataType": "XYG",
                "name": "Gain",
                "xdata": "100.0;1000.0;10000.0",
                "ydata": "-0.5;-1.2;-3.1",
            }
        ],
    }
    assert steps["Flash"]["callExe"] == {"exitCode": 0}
    assert steps["Flash"]["status"] == "P"
    assert steps["Confirm"]["messagePopup"] == {"response": "OK", "button": 1}
    assert steps["Log"]["attachment"] == {
        "name": "log.txt",
        "contentType": "text/plain",
        "data": "SGVsbG8=",
    }
    assert steps["Log"]["reportText"] == "raw log attached"
    assert steps["Log"]["additionalResults"][0]["props"][0]["value"] == "True"
    assert label.attachment is not None
    assert label.attachment.content == b"Hello"
    r.validate()
    # the same tree read back is equal, field for field
    again = Report.from_wsjf(json.loads(r.to_json()))
    assert again.to_wsjf() == d


def test_failing_call_exe_and_explicit_statuses() -> None:
    r = uut()
    assert r.root.add_call_exe_step("tool", exit_code=3).status == "F"
    assert r.root.add_call_exe_step("tool2", exit_code=3, status="P").status == "P"
    assert r.root.add_action_step("done").status == StepStatus.DONE


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        uut(start=datetime(2026, 1, 1, 12, 0))
    r = uut()
    with pytest.raises(ValueError, match="naive"):
        r.start = datetime(2026, 1, 1, 12, 0)
    r.root.add_action_step("a", start=datetime(2026, 1, 1, 12, 0))
    with pytest.raises(ValueError, match="naive"):
        r.to_wsjf()


def test_default_start_is_now_and_aware() -> None:
    r = UUTReport(
        pn="P", sn="S", rev="A", process_code=1, station_name="s", location="l", purpose="p"
    )
    assert r.start.tzinfo is not None
    assert abs((datetime.now(UTC) - r.start).total_seconds()) < 60
    assert r.to_wsjf()["startUTC"].endswith("Z")


def test_nan_and_infinity_policy() -> None:
    r = uut()
    nan_step = r.root.add_numeric_step("nan", math.nan, low=0.0, high=1.0)
    r.root.add_numeric_step("inf", math.inf, low=0.0, comp_op=CompOp.GT)
    r.root.add_numeric_step("open", 5.0, low=-math.inf, high=math.inf)
    assert nan_step.status == "F"  # NaN cannot meet a limit
    text = r.to_json()
    json.loads(text)  # strict JSON: no bare NaN/Infinity tokens
    assert "NaN" not in text.replace('"NaN"', "")
    steps = json.loads(text)["root"]["steps"]
    assert steps[0]["numericMeas"][0]["value"] == "NaN"
    assert steps[1]["numericMeas"][0]["value"] == "Infinity"
    assert steps[2]["numericMeas"][0]["lowLimit"] == "-Infinity"
    back = Report.from_wsjf(json.loads(text))
    assert isinstance(back, UUTReport)
    assert back.root.steps is not None
    value = back.root.steps[0].numeric_meas[0].value  # type: ignore[index]
    assert value is not None
    assert math.isnan(value)
    assert back.to_wsjf() == json.loads(text)
    r.validate()


def test_repair_report() -> None:
    failed = uut()
    bad = failed.root.add_numeric_step("3V3", 3.05, low=3.2, comp_op=CompOp.GE)
    failed.finalize()
    confirm = datetime(2026, 3, 3, 8, 25, tzinfo=UTC)
    r = UURReport(
        pn="PCB-1001",
        sn="SN-000123",
        rev="A",
        process_code=500,
        test_process_code=10,
        ref_uut=uuid.UUID(failed.id),
        station_name="REPAIR-01",
        location="Bench",
        operator="tech1",
        comment="Replaced U3",
        confirm_date=confirm,
        finalize_date=confirm,
        exec_time=1500.0,
        start=START,
    )
    failure = r.add_failure(
        "Component",
        "Defective component",
        com_ref="U3",
        func_block="PSU",
        ref_step_id=bad.id,
        art_number="LDO-33",
    )
    failure.add_attachment("u3.jpg", b"\xff\xd8", "image/jpeg")
    old = r.add_sub_unit("Regulator", "LOT-1", "LDO-33", "2")
    new = r.add_sub_unit("Regulator", "LOT-2", "LDO-33", "2", replaces=old)
    r.add_binary_data("repair-log.txt", b"Repair OK", "text/plain")
    d = r.to_wsjf()
    assert d["type"] == "R"
    assert d["processCode"] == 500
    assert d["purpose"] == "Repair"
    assert "root" not in d
    assert "uut" not in d
    assert d["uur"] == {
        "comment": "Replaced U3",
        "user": "tech1",
        "processCode": 10,
        "processName": None,
        "refUUT": failed.id,
        "confirmDate": "2026-03-03T08:25:00.000000+00:00",
        "finalizeDate": "2026-03-03T08:25:00.000000+00:00",
        "execTime": 1500.0,
        "parent": None,
        "children": None,
    }
    main, first, second = d["subUnits"]
    assert main["idx"] == 0
    assert main["partType"] == "Main"
    assert (main["pn"], main["sn"], main["rev"]) == ("PCB-1001", "SN-000123", "A")
    assert main["failures"][0]["refStepId"] == 2
    assert main["failures"][0]["comRef"] == "U3"
    assert main["failures"][0]["attachments"][0]["data"] == "/9g="
    assert (first["idx"], first["parentIdx"], first["replacedIdx"]) == (1, 0, 2)
    assert (second["idx"], second["parentIdx"]) == (2, 0)
    assert new.idx == 2
    assert d["binaryData"] == [
        {"contentType": "text/plain", "data": "UmVwYWlyIE9L", "name": "repair-log.txt"}
    ]
    r.validate()
    again = Report.from_wsjf(d)
    assert isinstance(again, UURReport)
    assert again.to_wsjf() == d


def test_save_and_load(tmp_path: Path) -> None:
    r = uut()
    r.root.add_numeric_step("ä-umlaut ✓", 1.0, low=0.0, high=2.0, unit="°C")
    path = tmp_path / "r.json"
    r.save(path)
    assert "✓" in path.read_text(encoding="utf-8")
    back = load(path)
    assert back.to_wsjf() == r.to_wsjf()


def test_from_wsjf_garbage_raises_validation_error() -> None:
    with pytest.raises(ReportValidationError) as info:
        Report.from_wsjf([1, 2])  # type: ignore[arg-type]
    assert info.value.lines == ["report: must be a JSON object, not list."]
    with pytest.raises(ReportValidationError) as info:
        Report.from_wsjf({"type": "X"})
    assert "report: type 'X' is not valid; use one of T, R." in info.value.lines


def test_validate_lists_every_problem() -> None:
    r = uut(pn="", sn="x" * 101)
    r.root.add_numeric_step("n", 1.0).name = "n" * 101  # set by hand: the builder clips
    with pytest.raises(ReportValidationError) as info:
        r.validate()
    assert info.value.lines == [
        "report: pn cannot be empty.",
        "report: sn cannot be longer than 100 characters (it has 101).",
        f"root -> step {'n' * 101}: name cannot be longer than 100 characters (it has 101).",
    ]


def test_builder_clips_long_names_by_the_shared_rule() -> None:
    r = uut()
    long = "rail_" + "x" * 150 + "_3V3"
    step = r.root.add_multi_numeric_step(long)
    step.add_numeric_measurement("m" * 120 + "_a", 1.0)
    step.add_numeric_measurement("m" * 120 + "_b", 2.0)
    r.add_misc_info("d" * 101, "t" * 101)
    assert len(step.name) == 100
    assert step.name.startswith("rail_x")
    assert step.name.endswith("x_3V3")
    assert "…" in step.name
    assert step.report_text == long  # the full name is kept where WATS has room
    assert [m.name[-2:] for m in step.numeric_meas or []] == ["_a", "_b"]  # still distinct
    assert check(r.to_wsjf()) == []


def test_additional_data_nested_round_trip() -> None:
    r = uut()
    block = r.add_additional_data("Tree")
    block.props.append(
        AdditionalDataProperty(
            name="obj",
            type="Obj",
            props=[AdditionalDataProperty(name="x", type="Number", value="1", num_format="0.0")],
        )
    )
    d = r.to_wsjf()
    assert d["additionalData"][0]["props"][0]["props"][0]["numFormat"] == "0.0"
    assert Report.from_wsjf(d).to_wsjf() == d


def test_start_without_offset_is_echoed_not_invented() -> None:
    d = Report.from_wsjf(
        {
            "type": "R",
            "id": str(uuid.uuid4()),
            "pn": "P",
            "sn": "S",
            "rev": "A",
            "processCode": 500,
            "result": "P",
            "machineName": "m",
            "location": "l",
            "purpose": "p",
            "start": "2026-03-03T09:00:00",
            "uur": {},
            "subUnits": [],
        }
    ).to_wsjf()
    assert d["start"] == "2026-03-03T09:00:00"
    assert d["startUTC"] is None
