"""WSJF test (UUT) and repair (UUR) reports: build, check, read and write them. No I/O
beyond :func:`load` and :meth:`Report.save`.

::

    from pywats.reports import CompOp, UURReport, UUTReport

    r = UUTReport(pn="PCB-1001", sn="SN-1", rev="A", process_code=10, station_name="ST-01",
                  location="Line 1", purpose="Production", operator="op1")
    power = r.root.add_sequence("Power")
    power.add_numeric_step("3V3", 3.31, low=3.2, high=3.4, comp_op=CompOp.GELE, unit="V")
    power.add_numeric_step("Ripple", 12.0, limit=50.0, comp_op=CompOp.LT, unit="mV")
    rails = power.add_multi_numeric_step("Rails")
    rails.add_numeric_measurement("5V", 5.01, low=4.9, high=5.1, unit="V")
    r.root.add_pass_fail_step("LED", True)
    r.root.add_string_step("FW", "v1.4", limit="V1.4", comp_op=CompOp.IGNORECASE)
    loop = r.root.add_loop("Retry read")
    for v in (0.8, 1.0):
        loop.add_numeric_step("Retry read", v, low=0.9, high=1.1)
    r.add_misc_info("Firmware", "1.4.2")
    r.validate()             # raises pywats.ReportValidationError listing every problem
    body = r.to_json()       # what POST /api/Report/WSJF takes (ids, statuses, result derived)

    fix = UURReport(pn="PCB-1001", sn="SN-1", rev="A", process_code=500,
                    test_process_code=10, ref_uut=r.id, station_name="R-01",
                    location="Repair", operator="tech1")
    fix.add_failure("Component", "Defective", com_ref="U3", ref_step_id=3)

``validate(data)`` / ``check(data)`` judge a raw WSJF dict the way the server does;
``Report.from_wsjf(data)`` reads one (a server export included) into a :class:`UUTReport` or
:class:`UURReport`, and ``to_wsjf()`` gives it back unchanged.
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
