"""Wire codes of WSJF (``reference/wats-api.md`` §7).

Every enum is a :class:`enum.StrEnum`, so a member *is* its wire string: it goes into JSON
unchanged and compares equal to the plain string a parsed report holds.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "ChartType",
    "CompOp",
    "MeasStatus",
    "ReportResult",
    "ReportType",
    "StepGroup",
    "StepStatus",
    "StepType",
]


class ReportType(StrEnum):
    """``type`` of a report."""

    UUT = "T"  #: a test report
    UUR = "R"  #: a repair report


class ReportResult(StrEnum):
    """``result`` of a report (``D`` is not a valid report result)."""

    PASSED = "P"
    FAILED = "F"
    ERROR = "E"
    TERMINATED = "T"


class StepStatus(StrEnum):
    """``status`` of a step."""

    PASSED = "P"
    FAILED = "F"
    DONE = "D"  #: executed, no pass/fail verdict (actions, popups)
    SKIPPED = "S"
    ERROR = "E"
    TERMINATED = "T"
    UNKNOWN = "U"


class MeasStatus(StrEnum):
    """``status`` of a measurement (numeric, string or boolean)."""

    PASSED = "P"
    FAILED = "F"
    SKIPPED = "S"


class StepGroup(StrEnum):
    """``group`` of a step."""

    SETUP = "S"
    MAIN = "M"
    CLEANUP = "C"


class CompOp(StrEnum):
    """``compOp`` of a measurement (§4.14).

    Single-limit operators (EQ, NE, GT, GE, LT, LE) compare against ``lowLimit``; the dual
    ones use ``lowLimit`` and ``highLimit``. CASESENSIT and IGNORECASE are for string steps.
    """

    LOG = "LOG"  #: log only, always passes
    EQ = "EQ"
    NE = "NE"
    GT = "GT"
    GE = "GE"
    LT = "LT"
    LE = "LE"
    GTLT = "GTLT"  #: low < x < high
    GTLE = "GTLE"  #: low < x <= high
    GELT = "GELT"  #: low <= x < high
    GELE = "GELE"  #: low <= x <= high (the usual one)
    LTGT = "LTGT"  #: x < low or x > high (outside)
    LTGE = "LTGE"  #: x < low or x >= high
    LEGT = "LEGT"  #: x <= low or x > high
    LEGE = "LEGE"  #: x <= low or x >= high
    CASESENSIT = "CASESENSIT"  #: string equals limit, case-sensitive
    IGNORECASE = "IGNORECASE"  #: string equals limit, ignoring case


class ChartType(StrEnum):
    """``chartType`` of a chart."""

    LINE = "Line"
    LINE_LOG_XY = "LineLogXY"
    LINE_LOG_X = "LineLogX"
    LINE_LOG_Y = "LineLogY"


class StepType(StrEnum):
    """The ``stepType`` strings the builder writes (the field itself is free text)."""

    SEQUENCE_CALL = "SequenceCall"
    NUMERIC_LIMIT = "ET_NLT"
    MULTI_NUMERIC_LIMIT = "ET_MNLT"
    PASS_FAIL = "ET_PFT"
    MULTI_PASS_FAIL = "ET_MPFT"
    STRING_VALUE = "ET_SVT"
    MULTI_STRING_VALUE = "ET_MSVT"
    ACTION = "Action"
    CALL_EXECUTABLE = "CallExecutable"
    MESSAGE_POPUP = "MessagePopup"
    CHART = "WATS_XYGMNLT"
    LABEL = "Label"
