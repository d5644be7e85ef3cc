"""WSXF attribute and word tables shared by the reader and the writer (see ``wsxf``)."""

from __future__ import annotations

__all__ = [
    "ASSET_ATTRS",
    "ASSET_STATS_ATTRS",
    "CHART_ATTRS",
    "FAILURE_ATTRS",
    "GROUP_IN",
    "GROUP_OUT",
    "MISC_ATTRS",
    "NAMESPACE",
    "NS",
    "NUMERIC_ATTRS",
    "RESULT_IN",
    "RESULT_OUT",
    "STATUS_IN",
    "STATUS_OUT",
    "STEP_ATTRS",
    "UNIT_ATTRS",
    "UUR_ATTRS",
    "UUT_ATTRS",
]

NAMESPACE = "http://wats.virinco.com/schemas/WATS/Report/wsxf"
NS = "{" + NAMESPACE + "}"

RESULT_IN = {"passed": "P", "failed": "F", "error": "E", "terminated": "T", "done": "D"}
RESULT_OUT = {"P": "Passed", "F": "Failed", "E": "Error", "T": "Terminated", "D": "Done"}
STATUS_IN = {
    "passed": "P",
    "failed": "F",
    "done": "D",
    "skipped": "S",
    "error": "E",
    "terminated": "T",
    "unknown": "U",
}
STATUS_OUT = {v: k.capitalize() for k, v in STATUS_IN.items()}
GROUP_IN = {"setup": "S", "main": "M", "cleanup": "C"}
GROUP_OUT = {"S": "Setup", "M": "Main", "C": "Cleanup"}

# (WSXF attribute, WSJF key, kind) for the flat parts; kind: s text, i int, f float, b bool.
UUT_ATTRS = (
    ("UserLoginName", "user", "s"),
    ("BatchSN", "batchSN", "s"),
    ("TestSocketIndex", "testSocketIndex", "i"),
    ("TestSocketIndexFormat", "testSocketIndexFormat", "s"),
    ("ExecutionTime", "execTime", "f"),
    ("ExecutionTimeFormat", "execTimeFormat", "s"),
    ("FixtureId", "fixtureId", "s"),
    ("ErrorCode", "errorCode", "i"),
    ("ErrorCodeFormat", "errorCodeFormat", "s"),
    ("ErrorMessage", "errorMessage", "s"),
    ("BatchFailCount", "batchFailCount", "i"),
    ("BatchFailCountFormat", "batchFailCountFormat", "s"),
    ("BatchLoopIndex", "batchLoopIndex", "i"),
    ("BatchLoopIndexFormat", "batchLoopIndexFormat", "s"),
    ("StepIdCausedUUTFailure", "stepIdCausedUUTFailure", "i"),
)
UUR_ATTRS = (
    ("UserLoginName", "user", "s"),
    ("ReferencedUUT", "refUUT", "s"),
    ("ConfirmDate", "confirmDate", "s"),
    ("FinalizeDate", "finalizeDate", "s"),
    ("ExecutionTime", "execTime", "f"),
    ("Parent", "parent", "s"),
)
MISC_ATTRS = (
    ("Typedef", "typedef", "s"),
    ("Description", "description", "s"),
    ("Numeric", "numeric", "i"),
    ("NumericFormat", "numericFormat", "s"),
    ("Id", "id", "s"),
)
UNIT_ATTRS = (
    ("PartType", "partType", "s"),
    ("PN", "pn", "s"),
    ("SN", "sn", "s"),
    ("Rev", "rev", "s"),
    ("Position", "position", "i"),
    ("Idx", "idx", "i"),
    ("ParentIDX", "parentIdx", "i"),
    ("ReplacedIDX", "replacedIdx", "i"),
)
FAILURE_ATTRS = (
    ("Category", "category", "s"),
    ("Code", "code", "s"),
    ("CompRef", "comRef", "s"),
    ("FunctionBlock", "funcBlock", "s"),
    ("StepID", "refStepId", "i"),
    ("StepName", "refStepName", "s"),
    ("ArticleNumber", "artNumber", "s"),
    ("ArticleRevision", "artRev", "s"),
    ("ArticleVendor", "artVendor", "s"),
    ("ArticleDescription", "artDescription", "s"),
)
ASSET_ATTRS = (
    ("AssetSN", "assetSN", "s"),
    ("UsageCount", "usageCount", "i"),
    ("UsageCountFormat", "usageCountFormat", "s"),
)
ASSET_STATS_ATTRS = (
    ("AssetSN", "assetSN", "s"),
    ("RunningCount", "runningCount", "i"),
    ("RunningCountExceeded", "runningCountExceeded", "i"),
    ("TotalCount", "totalCount", "i"),
    ("TotalCountExceeded", "totalCountExceeded", "i"),
    ("DaysSinceCalibration", "daysSinceCalibration", "f"),
    ("IsDaysSinceCalibrationUnknown", "isDaysSinceCalibrationUnknown", "b"),
    ("CalibrationDaysOverdue", "calibrationDaysOverdue", "f"),
    ("DaysSinceMaintenance", "daysSinceMaintenance", "f"),
    ("IsDaysSinceMaintenanceUnknown", "isDaysSinceMaintenanceUnknown", "b"),
    ("MaintenanceDaysOverdue", "maintenanceDaysOverdue", "f"),
    ("Message", "message", "s"),
)
STEP_ATTRS = (
    ("Start", "start", "s"),
    ("total_time", "totTime", "f"),
    ("total_timeFormat", "totTimeFormat", "s"),
    ("StepErrorCode", "errorCode", "i"),
    ("StepErrorCodeFormat", "errorCodeFormat", "s"),
    ("StepErrorMessage", "errorMessage", "s"),
    ("TSGuid", "tsGuid", "s"),
    ("InteractiveExeNum", "interactiveExeNum", "i"),
    ("InteractiveExeNumFormat", "interactiveExeNumFormat", "s"),
    ("StepCausedSequenceFailure", "causedSeqFailure", "b"),
    ("StepCausedUUTFailure", "causedUUTFailure", "b"),
)
NUMERIC_ATTRS = (
    ("Name", "name", "s"),
    ("NumericValue", "value", "f"),
    ("NumericValueFormat", "valueFormat", "s"),
    ("Units", "unit", "s"),
    ("CompOperator", "compOp", "s"),
    ("LowLimit", "lowLimit", "f"),
    ("LowLimitFormat", "lowLimitFormat", "s"),
    ("HighLimit", "highLimit", "f"),
    ("HighLimitFormat", "highLimitFormat", "s"),
)
CHART_ATTRS = (
    ("ChartType", "chartType", "s"),
    ("Label", "label", "s"),
    ("XLabel", "xLabel", "s"),
    ("XUnit", "xUnit", "s"),
    ("YLabel", "yLabel", "s"),
    ("YUnit", "yUnit", "s"),
)
