"""WSJF test (UUT) and repair (UUR) reports: build, check, read and write them. No I/O
beyond :func:`load` and :meth:`Report.save`.

::

    from datetime import datetime
    from pywats.reports import CompOp, UUTReport

    r = UUTReport(pn="PCB-1001", sn="SN-1", rev="A", process_code=10, station_name="ST-01",
                  location="Line 1", purpose="Production", operator="op1")
    power = r.root.add_sequence("Power")
    power.add_numeric_step("3V3", value=3.31, low=3.2, high=3.4, comp_op=CompOp.GELE, unit="V")
    r.validate()             # raises pywats.ReportValidationError listing every problem
    body = r.to_json()       # what POST /api/Report/WSJF takes

``validate(data)`` checks a raw WSJF dict the way the server does; ``Report.from_wsjf(data)``
reads one (a server export included) into a :class:`UUTReport` or :class:`UURReport`.
"""

from __future__ import annotations

from pywats.reports._enums import (
    ChartType,
    CompOp,
    MeasStatus,
    ReportResult,
    ReportType,
    StepGroup,
    StepStatus,
    StepType,
)
from pywats.reports._model import Loop, Report, Step, UURReport, UUTReport
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
from pywats.reports._status import numeric_status, string_status
from pywats.reports._validate import check, validate
from pywats.reports._wsjf import load, report_from_wsjf

from_wsjf = report_from_wsjf

__all__ = [
    "AdditionalData",
    "AdditionalDataArray",
    "AdditionalDataArrayIndex",
    "AdditionalDataProperty",
    "Asset",
    "AssetStats",
    "Attachment",
    "BinaryData",
    "BooleanMeasurement",
    "CallExe",
    "Chart",
    "ChartSeries",
    "ChartType",
    "CompOp",
    "Failure",
    "Loop",
    "LoopInfo",
    "MeasStatus",
    "MessagePopup",
    "MiscInfo",
    "NumericMeasurement",
    "RefUUR",
    "Report",
    "ReportResult",
    "ReportType",
    "SeqCall",
    "Step",
    "StepGroup",
    "StepStatus",
    "StepType",
    "StringMeasurement",
    "SubUnit",
    "UURReport",
    "UUTReport",
    "check",
    "from_wsjf",
    "load",
    "numeric_status",
    "string_status",
    "validate",
]
