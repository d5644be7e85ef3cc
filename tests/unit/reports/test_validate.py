"""Every validation rule with a failing and a passing example, and garbage that never crashes."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pywats import ReportValidationError
from pywats.reports import check, validate

Data = dict[str, Any]


def base_uut() -> Data:
    """§5.1 of the reference: the minimal valid test report."""
    return {
        "type": "T",
        "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        "pn": "PCB-1001",
        "sn": "SN-000123",
        "rev": "A",
        "processCode": 10,
        "result": "P",
        "machineName": "STATION-01",
        "location": "Line 1",
        "purpose": "Production",
        "start": "2026-03-02T10:15:30.000+01:00",
        "startUTC": "2026-03-02T09:15:30.000Z",
        "uut": {"user": "operator1", "execTime": 1.25},
        "root": {
            "id": 1,
            "group": "M",
            "stepType": "SequenceCall",
            "name": "MainSequence Callback",
            "status": "P",
            "totTime": 1.25,
            "seqCall": {"path": "C:/Tests/main.seq", "name": "MainSequence", "version": "1.0.0"},
            "steps": [
                {
                    "id": 2,
                    "group": "M",
                    "stepType": "ET_NLT",
                    "name": "Supply voltage",
                    "status": "P",
                    "totTime": 0.12,
                    "numericMeas": [
                        {
                            "compOp": "GELE",
                            "name": None,
                            "status": "P",
                            "unit": "V",
                            "value": 5.02,
                            "lowLimit": 4.75,
                            "highLimit": 5.25,
                        }
                    ],
                },
            ],
        },
    }


def base_uur() -> Data:
    """§5.3 of the reference, trimmed: a valid repair report."""
    return {
        "type": "R",
        "id": "c2b1e6f4-3d2a-4a8e-9f3b-1a2b3c4d5e6f",
        "pn": "PCB-1001",
        "sn": "SN-000124",
        "rev": "A",
        "processCode": 500,
        "result": "P",
        "machineName": "REPAIR-01",
        "location": "Repair bench",
        "purpose": "Repair",
        "start": "2026-03-03T09:00:00.000+01:00",
        "uur": {
            "user": "technician1",
            "processCode": 10,
            "refUUT": "0f8fad5b-d9cb-469f-a165-70867728950e",
            "confirmDate": "2026-03-03T08:25:00.000Z",
        },
        "subUnits": [
            {
                "partType": "Main",
                "pn": "PCB-1001",
                "rev": "A",
                "sn": "SN-000124",
                "idx": 0,
                "failures": [
                    {
                        "category": "Component",
                        "code": "Defective",
                        "comRef": "U3",
                        "refStepId": 5,
                        "attachments": [
                            {
                                "name": "u3.jpg",
                                "contentType": "image/jpeg",
                                "data": "/9j/4AAQSkZJRg==",
                            }
                        ],
                    }
                ],
            },
            {
                "partType": "Regulator",
                "pn": "LDO-33",
                "rev": "2",
                "sn": "L1",
                "idx": 1,
                "parentIdx": 0,
                "replacedIdx": 2,
            },
            {
                "partType": "Regulator",
                "pn": "LDO-33",
                "rev": "2",
                "sn": "L2",
                "idx": 2,
                "parentIdx": 0,
            },
        ],
        "binaryData": [{"name": "log.txt", "contentType": "text/plain", "data": "UmVwYWlyIE9L"}],
    }


def step(d: Data, i: int = 0) -> Data:
    s: Data = d["root"]["steps"][i]
    return s


def add_step(d: Data, s: Data) -> Data:
    d["root"]["steps"].append(s)
    return s


def multi(kind: str, items: list[Data]) -> Callable[[Data], None]:
    def mutate(d: Data) -> None:
        add_step(
            d, {"id": 3, "group": "M", "stepType": "X", "name": "Multi", "status": "P", kind: items}
        )

    return mutate


def set_path(*keys: Any, value: Any) -> Callable[[Data], None]:
    def mutate(d: Data) -> None:
        target = d
        for k in keys[:-1]:
            target = target[k]
        if value is _DELETE:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value

    return mutate


_DELETE = object()
STEP = "root -> step Supply voltage"
MEAS = f"{STEP} -> numericMeas"

# (rule id, base, mutation that breaks it, expected line, mutation that satisfies it)
RULES: list[tuple[str, Callable[[], Data], Callable[[Data], None], str, Callable[[Data], None]]] = [
    (
        "type required",
        base_uut,
        set_path("type", value=_DELETE),
        "report: type is required.",
        set_path("type", value="T"),
    ),
    (
        "type enum",
        base_uut,
        set_path("type", value="U"),
        "report: type 'U' is not valid; use one of T, R.",
        set_path("type", value="T"),
    ),
    (
        "id guid",
        base_uut,
        set_path("id", value="not-a-guid"),
        "report: id 'not-a-guid' is not a GUID.",
        set_path("id", value="{7C9E6679-7425-40DE-944B-E07FC1F90AE7}"),
    ),
    (
        "pn required",
        base_uut,
        set_path("pn", value=_DELETE),
        "report: pn is required.",
        set_path("pn", value="X"),
    ),
    (
        "pn nonempty",
        base_uut,
        set_path("pn", value="  "),
        "report: pn cannot be empty.",
        set_path("pn", value="X"),
    ),
    (
        "sn length",
        base_uut,
        set_path("sn", value="s" * 101),
        "report: sn cannot be longer than 100 characters (it has 101).",
        set_path("sn", value="s" * 100),
    ),
    (
        "rev type",
        base_uut,
        set_path("rev", value=1),
        "report: rev must be a string, not 1.",
        set_path("rev", value="1"),
    ),
    (
        "machineName required",
        base_uut,
        set_path("machineName", value=_DELETE),
        "report: machineName is required.",
        set_path("machineName", value=""),
    ),
    (
        "location length",
        base_uut,
        set_path("location", value="l" * 101),
        "report: location cannot be longer than 100 characters (it has 101).",
        set_path("location", value="l" * 100),
    ),
    (
        "purpose required",
        base_uut,
        set_path("purpose", value=None),
        "report: purpose is required.",
        set_path("purpose", value="Debug"),
    ),
    (
        "processCode integer",
        base_uut,
        set_path("processCode", value="ten"),
        "report: processCode must be an integer, not 'ten'.",
        set_path("processCode", value="10"),
    ),
    (
        "processCode int32",
        base_uut,
        set_path("processCode", value=2**31),
        "report: processCode 2147483648 is out of range for a 32-bit integer.",
        set_path("processCode", value=2**31 - 1),
    ),
    (
        "result enum",
        base_uut,
        set_path("result", value="D"),
        "report: result 'D' is not valid; use one of P, F, E, T.",
        set_path("result", value="E"),
    ),
    (
        "start required",
        base_uut,
        set_path("start", value=_DELETE),
        "report: start is required.",
        set_path("start", value="2026-03-02T10:15:30.4707353+01:00"),
    ),
    (
        "start date",
        base_uut,
        set_path("start", value="yesterday"),
        "report: start 'yesterday' is not a date-time.",
        set_path("start", value="2026-03-02"),
    ),
    (
        "startUTC date",
        base_uut,
        set_path("startUTC", value="2026-13-45T00:00:00Z"),
        "report: startUTC '2026-13-45T00:00:00Z' is not a date-time.",
        set_path("startUTC", value="2026-03-02T09:15:30Z"),
    ),
    (
        "root required",
        base_uut,
        set_path("root", value=_DELETE),
        "report: root is required for a test report.",
        lambda d: None,
    ),
    (
        "uut required",
        base_uut,
        set_path("uut", value=_DELETE),
        "report: uut is required for a test report.",
        set_path("uut", value={}),
    ),
    (
        "uut object",
        base_uut,
        set_path("uut", value=[]),
        "report: uut must be an object, not [].",
        set_path("uut", value={}),
    ),
    (
        "uut user length",
        base_uut,
        set_path("uut", "user", value="u" * 101),
        "report -> uut: user cannot be longer than 100 characters (it has 101).",
        set_path("uut", "user", value="u" * 100),
    ),
    (
        "uut comment length",
        base_uut,
        set_path("uut", "comment", value="c" * 5001),
        "report -> uut: comment cannot be longer than 5000 characters (it has 5001).",
        set_path("uut", "comment", value="c" * 5000),
    ),
    (
        "uut batchSN length",
        base_uut,
        set_path("uut", "batchSN", value="b" * 101),
        "report -> uut: batchSN cannot be longer than 100 characters (it has 101).",
        set_path("uut", "batchSN", value="b"),
    ),
    (
        "uut fixtureId length",
        base_uut,
        set_path("uut", "fixtureId", value="f" * 101),
        "report -> uut: fixtureId cannot be longer than 100 characters (it has 101).",
        set_path("uut", "fixtureId", value="f"),
    ),
    (
        "uut execTime number",
        base_uut,
        set_path("uut", "execTime", value="fast"),
        "report -> uut: execTime must be a number, not 'fast'.",
        set_path("uut", "execTime", value="NaN"),
    ),
    (
        "misc description required",
        base_uut,
        set_path("miscInfos", value=[{"text": "x"}]),
        "report -> miscInfos[0]: description is required.",
        set_path("miscInfos", value=[{"description": "d", "text": "x"}]),
    ),
    (
        "misc text length",
        base_uut,
        set_path("miscInfos", value=[{"description": "d", "text": "t" * 101}]),
        "report -> miscInfos[0]: text cannot be longer than 100 characters (it has 101).",
        set_path("miscInfos", value=[{"description": "d", "text": "t" * 100}]),
    ),
    (
        "misc typedef length",
        base_uut,
        set_path("miscInfos", value=[{"description": "d", "typedef": "t" * 31}]),
        "report -> miscInfos[0]: typedef cannot be longer than 30 characters (it has 31).",
        set_path("miscInfos", value=[{"description": "d", "typedef": "t" * 30}]),
    ),
    (
        "misc list",
        base_uut,
        set_path("miscInfos", value={"description": "d"}),
        "report: miscInfos must be a list, not {'description': 'd'}.",
        set_path("miscInfos", value=[]),
    ),
    (
        "asset sn required",
        base_uut,
        set_path("assets", value=[{"usageCount": 1}]),
        "report -> assets[0]: assetSN is required.",
        set_path("assets", value=[{"assetSN": "DMM", "usageCount": 1}]),
    ),
    (
        "subunit partType length",
        base_uut,
        set_path("subUnits", value=[{"partType": "p" * 51, "pn": "a", "sn": "b", "rev": "c"}]),
        "report -> subUnits[0]: partType cannot be longer than 50 characters (it has 51).",
        set_path("subUnits", value=[{"partType": "p" * 50, "pn": "a", "sn": "b", "rev": "c"}]),
    ),
    (
        "step name required",
        base_uut,
        lambda d: step(d).pop("name"),
        "root -> step [0]: name is required.",
        lambda d: None,
    ),
    (
        "step name length",
        base_uut,
        lambda d: step(d).update(name="n" * 101),
        f"root -> step {'n' * 101}: name cannot be longer than 100 characters (it has 101).",
        lambda d: step(d).update(name="n" * 100),
    ),
    (
        "step status required",
        base_uut,
        lambda d: step(d).pop("status"),
        f"{STEP}: status is required.",
        lambda d: None,
    ),
    (
        "step status enum",
        base_uut,
        lambda d: d["root"].update(status="X"),
        "root: status 'X' is not valid; use one of P, F, D, S, E, T, U.",
        lambda d: d["root"].update(status="U"),
    ),
    (
        "step group enum",
        base_uut,
        lambda d: step(d).update(group="Main"),
        f"{STEP}: group 'Main' is not valid; use one of S, M, C.",
        lambda d: step(d).update(group="C"),
    ),
    (
        "step id unique",
        base_uut,
        lambda d: step(d).update(id=1),
        f"{STEP}: id 1 is already used by root.",
        lambda d: step(d).update(id=3),
    ),
    (
        "step start date",
        base_uut,
        lambda d: step(d).update(start="noon"),
        f"{STEP}: start 'noon' is not a date-time.",
        lambda d: step(d).update(start="2024-04-15T02:49:36.93+00:00"),
    ),
    (
        "steps list",
        base_uut,
        lambda d: d["root"].update(steps={}),
        "root: steps must be a list, not {}.",
        lambda d: d["root"].update(steps=[]),
    ),
    (
        "meas status required",
        base_uut,
        lambda d: step(d)["numericMeas"][0].pop("status"),
        f"{MEAS}: status is required.",
        lambda d: None,
    ),
    (
        "meas status enum",
        base_uut,
        lambda d: (step(d).update(status="D"), step(d)["numericMeas"][0].update(status="D")),
        f"{MEAS}: status 'D' is not valid; use one of P, F, S.",
        lambda d: (step(d).update(status="S"), step(d)["numericMeas"][0].update(status="S")),
    ),
    (
        "numeric compOp enum",
        base_uut,
        lambda d: step(d)["numericMeas"][0].update(compOp="EQT"),
        f"{MEAS}: compOp 'EQT' is not valid; use one of DUAL.",
        lambda d: step(d)["numericMeas"][0].update(compOp="LTGT"),
    ),
    (
        "numeric value number",
        base_uut,
        lambda d: step(d)["numericMeas"][0].update(value=True),
        f"{MEAS}: value must be a number, not True.",
        lambda d: step(d)["numericMeas"][0].update(value="Infinity"),
    ),
    (
        "string compOp enum",
        base_uut,
        multi("stringMeas", [{"compOp": "REGEX", "status": "P", "value": "a", "limit": "a"}]),
        "root -> step Multi -> stringMeas: compOp 'REGEX' is not valid; use one of STRING.",
        multi("stringMeas", [{"compOp": "IgnoreCase", "status": "P", "value": "a", "limit": "A"}]),
    ),
    (
        "single meas status equals step status",
        base_uut,
        lambda d: step(d).update(status="D"),
        f"{STEP}: Status cannot be different from measurement status.",
        lambda d: step(d).update(status="P"),
    ),
    (
        "multi meas names required",
        base_uut,
        multi("booleanMeas", [{"name": "a", "status": "P"}, {"status": "P"}]),
        "root -> step Multi -> booleanMeas[1]: "
        "name is required when a step has more than one measurement.",
        multi("booleanMeas", [{"name": "a", "status": "P"}, {"name": "b", "status": "F"}]),
    ),
    (
        "multi meas names unique",
        base_uut,
        multi("booleanMeas", [{"name": "a", "status": "P"}, {"name": "a", "status": "P"}]),
        "root -> step Multi -> booleanMeas a: name 'a' is used by more than one measurement.",
        multi("booleanMeas", [{"name": "a", "status": "P"}, {"name": "A", "status": "P"}]),
    ),
    (
        "seqCall lengths",
        base_uut,
        lambda d: d["root"]["seqCall"].update(version="v" * 31),
        "root -> seqCall: version cannot be longer than 30 characters (it has 31).",
        lambda d: d["root"]["seqCall"].update(version=None),
    ),
    (
        "seqCall path length",
        base_uut,
        lambda d: d["root"]["seqCall"].update(path="p" * 501),
        "root -> seqCall: path cannot be longer than 500 characters (it has 501).",
        lambda d: d["root"]["seqCall"].update(path="p" * 500),
    ),
    (
        "popup response length",
        base_uut,
        lambda d: step(d).update(messagePopup={"response": "r" * 101, "button": 0}),
        f"{STEP} -> messagePopup: response cannot be longer than 100 characters (it has 101).",
        lambda d: step(d).update(messagePopup={"response": "OK", "button": 0}),
    ),
    (
        "callExe number",
        base_uut,
        lambda d: step(d).update(callExe={"exitCode": "zero"}),
        f"{STEP} -> callExe: exitCode must be a number, not 'zero'.",
        lambda d: step(d).update(callExe={"exitCode": -1}),
    ),
    (
        "attachment base64",
        base_uut,
        lambda d: step(d).update(attachment={"name": "a", "contentType": "x", "data": "***"}),
        f"{STEP} -> attachment: data must be Base64 text.",
        lambda d: step(d).update(attachment={"name": "a", "contentType": "x", "data": "SGk="}),
    ),
    (
        "chart series counts",
        base_uut,
        lambda d: step(d).update(
            chart={
                "chartType": "Line",
                "series": [{"dataType": "XYG", "name": "s", "xdata": "1;2;3", "ydata": "1;2"}],
            }
        ),
        f"{STEP} -> chart -> series s: xdata and ydata must hold the same number of values "
        "(3 and 2).",
        lambda d: step(d).update(
            chart={
                "chartType": "Line",
                "series": [
                    {"dataType": "XYG", "name": "s", "xdata": "1;2", "ydata": "1;2"},
                    {"dataType": "XYG", "name": "y only", "ydata": "1;2;3"},
                ],
            }
        ),
    ),
    (
        "chart series numbers",
        base_uut,
        lambda d: step(d).update(chart={"series": [{"name": "s", "ydata": "1;x"}]}),
        f"{STEP} -> chart -> series s: ydata must be ';'-separated numbers; 'x' is not a number.",
        lambda d: step(d).update(chart={"series": [{"name": "s", "ydata": "1;2.5e3;-1"}]}),
    ),
    (
        "chart type",
        base_uut,
        lambda d: step(d).update(chart={"chartType": "Pie"}),
        f"{STEP} -> chart: chartType 'Pie' is not valid; use one of Line, LineLogXY, LineLogX, "
        "LineLogY.",
        lambda d: step(d).update(chart={"chartType": "LineLogXY"}),
    ),
    (
        "chart label lengths",
        base_uut,
        lambda d: step(d).update(chart={"xUnit": "u" * 21}),
        f"{STEP} -> chart: xUnit cannot be longer than 20 characters (it has 21).",
        lambda d: step(d).update(chart={"xUnit": "u" * 20, "xLabel": "l" * 50}),
    ),
    (
        "series dataType",
        base_uut,
        lambda d: step(d).update(chart={"series": [{"name": "s", "dataType": "XY"}]}),
        f"{STEP} -> chart -> series s: dataType 'XY' is not valid; use one of XYG.",
        lambda d: step(d).update(chart={"series": [{"name": "s", "dataType": "XYG"}]}),
    ),
    (
        "loop counters non-negative",
        base_uut,
        lambda d: step(d).update(loop={"idx": -1}),
        "root -> loop Supply voltage: idx cannot be less than 0 (it is -1).",
        lambda d: step(d).update(loop={"idx": 0}),
    ),
    (
        "loop summary needs num",
        base_uut,
        lambda d: step(d).update(loop={"idx": None, "passed": 1}),
        "root -> loop Supply voltage: num is required on a loop summary step (idx null).",
        lambda d: step(d).update(loop={"idx": None, "num": 0, "passed": 1}),
    ),
    (
        "loop iterations within num",
        base_uut,
        lambda d: loop_steps(d, num=1, idxs=[0, 1]),
        "root -> loop Retry: has 2 iterations but num is 1.",
        lambda d: loop_steps(d, num=2, idxs=[0, 1]),
    ),
    (
        "loop iteration idx unique",
        base_uut,
        lambda d: loop_steps(d, num=2, idxs=[0, 0]),
        "root -> loop Retry: iteration idx 0 appears twice.",
        lambda d: loop_steps(d, num=2, idxs=[1, 0]),
    ),
    (
        "uur required",
        base_uur,
        set_path("uur", value=_DELETE),
        "report: uur is required for a repair report.",
        set_path("uur", value={}),
    ),
    (
        "uur refUUT guid",
        base_uur,
        set_path("uur", "refUUT", value="123"),
        "report -> uur: refUUT '123' is not a GUID.",
        set_path("uur", "refUUT", value=None),
    ),
    (
        "uur confirmDate",
        base_uur,
        set_path("uur", "confirmDate", value="soon"),
        "report -> uur: confirmDate 'soon' is not a date-time.",
        set_path("uur", "confirmDate", value="2025-12-21T22:01:45.472138+00:00"),
    ),
    (
        "uur subUnits required",
        base_uur,
        set_path("subUnits", value=_DELETE),
        "report: subUnits is required for a repair report (with the main unit, idx 0).",
        lambda d: None,
    ),
    (
        "uur main unit",
        base_uur,
        set_path("subUnits", value=[{"partType": "X", "pn": "a", "sn": "b", "rev": "c", "idx": 1}]),
        "report: subUnits must hold the main unit (idx 0).",
        lambda d: None,
    ),
    (
        "subunit idx unique",
        base_uur,
        lambda d: d["subUnits"][1].update(idx=2),
        "report -> subUnits[2]: idx 2 is used by more than one sub-unit.",
        lambda d: d["subUnits"][2].update(idx=2),
    ),
    (
        "subunit parentIdx exists",
        base_uur,
        lambda d: d["subUnits"][1].update(parentIdx=7),
        "report -> subUnits[1]: parentIdx 7 does not match the idx of any sub-unit.",
        lambda d: d["subUnits"][1].update(parentIdx=2),
    ),
    (
        "failure comRef length",
        base_uur,
        lambda d: d["subUnits"][0]["failures"][0].update(comRef="c" * 51),
        "report -> subUnits[0] -> failures[0]: comRef cannot be longer than 50 characters "
        "(it has 51).",
        lambda d: d["subUnits"][0]["failures"][0].update(comRef="c" * 50),
    ),
    (
        "failure art length",
        base_uur,
        lambda d: d["subUnits"][0]["failures"][0].update(artVendor="v" * 101),
        "report -> subUnits[0] -> failures[0]: artVendor cannot be longer than 100 characters "
        "(it has 101).",
        lambda d: d["subUnits"][0]["failures"][0].update(artVendor="v"),
    ),
    (
        "binaryData name length",
        base_uur,
        lambda d: d["binaryData"][0].update(name="n" * 257),
        "report -> binaryData[0]: name cannot be longer than 256 characters (it has 257).",
        lambda d: d["binaryData"][0].update(name="n" * 256),
    ),
    (
        "binaryData contentType length",
        base_uur,
        lambda d: d["binaryData"][0].update(contentType="c" * 101),
        "report -> binaryData[0]: contentType cannot be longer than 100 characters (it has 101).",
        lambda d: d["binaryData"][0].update(contentType="application/pdf"),
    ),
    (
        "additionalData name length",
        base_uut,
        set_path("additionalData", value=[{"name": "n" * 201, "props": []}]),
        "report -> additionalData[0]: name cannot be longer than 200 characters (it has 201).",
        set_path(
            "additionalData",
            value=[
                {
                    "name": "n" * 200,
                    "props": [
                        {
                            "name": "p",
                            "type": "Array",
                            "array": {
                                "dimension": 1,
                                "type": "Number",
                                "indexes": [
                                    {
                                        "text": "[0]",
                                        "indexes": [0],
                                        "value": {"type": "Number", "value": "1"},
                                    }
                                ],
                            },
                        }
                    ],
                }
            ],
        ),
    ),
]


def loop_steps(d: Data, *, num: int, idxs: list[int]) -> None:
    d["root"]["steps"] = [
        {
            "id": 2,
            "group": "M",
            "stepType": "Action",
            "name": "Retry",
            "status": "P",
            "loop": {"idx": None, "num": num, "endingIndex": num, "passed": num, "failed": 0},
        },
        *[
            {
                "id": 3 + i,
                "group": "M",
                "stepType": "Action",
                "name": "Retry",
                "status": "P",
                "loop": {"idx": idx},
            }
            for i, idx in enumerate(idxs)
        ],
    ]


def _expand(line: str) -> str:
    # the operator lists are long; spell them out once here
    from pywats.reports._status import NUMERIC_OPS, STRING_OPS

    return line.replace(
        "use one of DUAL.", f"use one of {', '.join(sorted(NUMERIC_OPS))}."
    ).replace("use one of STRING.", f"use one of {', '.join(sorted(STRING_OPS))}.")


@pytest.mark.parametrize(
    ("base", "breaks", "line", "fixes"), [r[1:] for r in RULES], ids=[r[0] for r in RULES]
)
def test_rule_fails_then_passes(
    base: Callable[[], Data],
    breaks: Callable[[Data], None],
    line: str,
    fixes: Callable[[Data], None],
) -> None:
    assert check(base()) == []
    bad = base()
    breaks(bad)
    assert check(bad) == [_expand(line)]
    with pytest.raises(ReportValidationError) as info:
        validate(bad)
    assert info.value.lines == [_expand(line)]
    good = base()
    fixes(good)
    assert check(good) == []
    validate(good)


def test_all_problems_are_reported_together() -> None:
    d = base_uut()
    d["pn"] = ""
    d["result"] = "X"
    step(d)["status"] = "F"
    assert check(d) == [
        "report: pn cannot be empty.",
        "report: result 'X' is not valid; use one of P, F, E, T.",
        f"{STEP}: Status cannot be different from measurement status.",
    ]


def test_reference_example_with_every_step_kind_is_valid() -> None:
    d = base_uut()
    d["result"] = "F"
    d["root"]["status"] = "F"
    add_step(
        d,
        {
            "id": 3,
            "group": "M",
            "stepType": "ET_NLT",
            "name": "3V3 rail",
            "status": "F",
            "causedUUTFailure": True,
            "numericMeas": [
                {"compOp": "GE", "status": "F", "unit": "V", "value": 3.05, "lowLimit": 3.2}
            ],
        },
    )
    add_step(d, {"id": 4, "group": "M", "stepType": "ET_PFT", "name": "Skipped", "status": "S"})
    d["uut"]["stepIdCausedUUTFailure"] = 3
    assert check(d) == []


@pytest.mark.parametrize(
    "garbage",
    [
        None,
        1,
        "text",
        [],
        {},
        {"type": None},
        {"type": "T", "root": "x", "uut": 5},
        {"type": "T", "root": {"steps": [1, None, {"steps": "x"}]}},
        {"type": "R", "subUnits": [None, {"idx": "a", "failures": {}}]},
        {"type": "T", "root": {"name": 5, "status": ["P"], "numericMeas": [None, 3]}},
    ],
)
def test_garbage_gives_lines_not_exceptions(garbage: Any) -> None:
    lines = check(garbage)
    assert lines
    assert all(isinstance(line, str) and ": " in line for line in lines)


def test_deep_nesting_is_reported_not_crashed() -> None:
    d = base_uut()
    node = d["root"]
    for i in range(300):
        child = {"name": f"s{i}", "status": "P", "steps": []}
        node["steps"] = [child]
        node = child
    lines = check(d)
    assert any("nested deeper than 200 levels" in line for line in lines)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "type",
                    "root",
                    "steps",
                    "name",
                    "status",
                    "numericMeas",
                    "loop",
                    "chart",
                    "series",
                    "subUnits",
                    "uur",
                    "uut",
                    "idx",
                    "num",
                    "compOp",
                    "value",
                    "start",
                    "id",
                    "xdata",
                    "ydata",
                    "failures",
                    "props",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=30,
)


@settings(max_examples=200, deadline=None)
@given(mutation=json_values, key=st.sampled_from(["root", "uut", "subUnits", "type", "start"]))
def test_fuzzed_reports_never_crash(mutation: Any, key: str) -> None:
    d = copy.deepcopy(base_uut())
    d[key] = mutation
    lines = check(d)
    assert all(isinstance(line, str) for line in lines)
    check(mutation)
