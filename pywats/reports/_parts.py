"""The small WSJF objects a report and its steps are made of (``reference/wats-api.md`` §4).

Plain ``attrs`` classes with slots and no validators: a report can hold tens of thousands of
them, and :func:`pywats.reports.validate` checks the whole tree in one pass instead. Field
names are the Python spelling of the wire names (``low_limit`` is ``lowLimit``); ``None``
means "not set".
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from datetime import datetime

import attrs

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
    "Failure",
    "LoopInfo",
    "MessagePopup",
    "MiscInfo",
    "NumericMeasurement",
    "RefUUR",
    "SeqCall",
    "StringMeasurement",
    "SubUnit",
]


@attrs.define
class NumericMeasurement:
    """One ``numericMeas`` item. Single-limit operators keep their limit in ``low_limit``."""

    name: str | None = None
    value: float | None = None
    unit: str | None = None
    comp_op: str = "LOG"
    low_limit: float | None = None
    high_limit: float | None = None
    status: str = "P"
    value_format: str | None = None
    low_limit_format: str | None = None
    high_limit_format: str | None = None


@attrs.define
class StringMeasurement:
    """One ``stringMeas`` item: the measured ``value`` against the expected ``limit``."""

    name: str | None = None
    value: str | None = None
    limit: str | None = None
    comp_op: str = "LOG"
    status: str = "P"


@attrs.define
class BooleanMeasurement:
    """One ``booleanMeas`` item: the status is the result (there is no value field)."""

    name: str | None = None
    status: str = "P"


@attrs.define
class LoopInfo:
    """``loop``: a summary step has ``idx=None`` and the counts; an iteration has ``idx`` only."""

    idx: int | None = None
    num: int | None = None
    ending_index: int | None = None
    passed: int | None = None
    failed: int | None = None


@attrs.define
class SeqCall:
    """``seqCall`` of a sequence call: the sequence file ``path``, ``name`` and ``version``."""

    path: str | None = None
    name: str | None = None
    version: str | None = None


@attrs.define
class CallExe:
    """``callExe``: the exit code of the executable the step ran."""

    exit_code: float | None = None
    exit_code_format: str | None = None


@attrs.define
class MessagePopup:
    """``messagePopup``: the operator's ``response`` and the index of the ``button`` pressed."""

    response: str | None = None
    button: int | None = None
    button_format: str | None = None


def _join(values: Iterable[float]) -> str:
    # ";"-separated with "." decimals (repr of a float is locale-free and round-trips)
    return ";".join(repr(float(v)) for v in values)


@attrs.define
class ChartSeries:
    """One ``series`` item; ``xdata``/``ydata`` are ``;``-separated numbers (§4.12)."""

    name: str | None = None
    xdata: str | None = None
    ydata: str | None = None
    data_type: str = "XYG"

    @classmethod
    def from_values(
        cls, name: str, y: Iterable[float], x: Iterable[float] | None = None
    ) -> ChartSeries:
        """Build a series from numbers (``x`` defaults to 0..n-1 on the server's side)."""
        return cls(name=name, ydata=_join(y), xdata=None if x is None else _join(x))


@attrs.define
class Chart:
    """``chart`` of a step (at most one): labels, units and XY series."""

    chart_type: str = "Line"
    label: str | None = None
    x_label: str | None = None
    x_unit: str | None = None
    y_label: str | None = None
    y_unit: str | None = None
    series: list[ChartSeries] = attrs.Factory(list)

    def add_series(
        self, name: str, y: Iterable[float], x: Iterable[float] | None = None
    ) -> ChartSeries:
        """Append a series; ``x`` and ``y`` must have the same length when both are given."""
        series = ChartSeries.from_values(name, y, x)
        self.series.append(series)
        return series


@attrs.define
class Attachment:
    """A step ``attachment`` (one file per step); ``data`` is Base64 text."""

    name: str | None = None
    content_type: str | None = None
    data: str | None = None

    @classmethod
    def from_bytes(
        cls, name: str, content: bytes, content_type: str = "application/octet-stream"
    ) -> Attachment:
        """Encode ``content`` as Base64."""
        return cls(name=name, content_type=content_type, data=base64.b64encode(content).decode())

    @property
    def content(self) -> bytes:
        """The decoded bytes (empty when there is no data)."""
        return base64.b64decode(self.data) if self.data else b""


@attrs.define
class BinaryData:
    """A report-level (repair) attachment or a failure attachment; ``id`` is output only."""

    name: str | None = None
    content_type: str | None = None
    data: str | None = None
    id: str | None = None

    @classmethod
    def from_bytes(
        cls, name: str, content: bytes, content_type: str = "application/octet-stream"
    ) -> BinaryData:
        """Encode ``content`` as Base64."""
        return cls(name=name, content_type=content_type, data=base64.b64encode(content).decode())

    @property
    def content(self) -> bytes:
        """The decoded bytes (empty when there is no data)."""
        return base64.b64decode(self.data) if self.data else b""


@attrs.define
class AdditionalDataProperty:
    """A property of additional data: a typed value, a nested object or an array (§4.9)."""

    name: str | None = None
    type: str | None = None
    value: str | None = None
    flags: int | None = None
    num_format: str | None = None
    comment: str | None = None
    props: list[AdditionalDataProperty] | None = None
    array: AdditionalDataArray | None = None


@attrs.define
class AdditionalDataArrayIndex:
    """One element of an additional-data array."""

    text: str | None = None
    indexes: list[int] | None = None
    value: AdditionalDataProperty | None = None


@attrs.define
class AdditionalDataArray:
    """The array part of an additional-data property of type ``Array``."""

    dimension: int | None = None
    type: str | None = None
    indexes: list[AdditionalDataArrayIndex] | None = None


@attrs.define
class AdditionalData:
    """``additionalData`` (report) or ``additionalResults`` (step) item."""

    name: str | None = None
    props: list[AdditionalDataProperty] = attrs.Factory(list)

    def add_property(
        self, name: str, value: object, *, type: str | None = None, comment: str | None = None
    ) -> AdditionalDataProperty:
        """Append a scalar property; ``type`` defaults from the value (Number, Boolean, String)."""
        if type is None:
            if isinstance(value, bool):
                type = "Boolean"
            elif isinstance(value, int | float):
                type = "Number"
            else:
                type = "String"
        text = ("True" if value else "False") if isinstance(value, bool) else str(value)
        prop = AdditionalDataProperty(name=name, type=type, value=text, comment=comment)
        self.props.append(prop)
        return prop


@attrs.define
class MiscInfo:
    """``miscInfos`` item: a searchable key (``description``) and its ``text`` value."""

    description: str | None = None
    text: str | None = None
    numeric: int | None = None
    numeric_format: str | None = None
    typedef: str | None = None
    id: str | None = None


@attrs.define
class Failure:
    """A failure found on a (sub-)unit of a repair report."""

    category: str | None = None
    code: str | None = None
    comment: str | None = None
    com_ref: str | None = None
    func_block: str | None = None
    ref_step_id: int | None = None
    ref_step_name: str | None = None
    art_number: str | None = None
    art_rev: str | None = None
    art_vendor: str | None = None
    art_description: str | None = None
    attachments: list[BinaryData] | None = None

    def add_attachment(
        self, name: str, content: bytes, content_type: str = "application/octet-stream"
    ) -> BinaryData:
        """Attach a file (a photo of the board, a log) to this failure."""
        item = BinaryData.from_bytes(name, content, content_type)
        if self.attachments is None:
            self.attachments = []
        self.attachments.append(item)
        return item


@attrs.define
class SubUnit:
    """``subUnits`` item. In a repair, ``idx`` 0 is the main unit and ``parent_idx`` makes a tree.

    ``replaced_idx`` is set on a removed unit and names the ``idx`` of the unit that replaced it.
    """

    part_type: str | None = None
    pn: str | None = None
    rev: str | None = None
    sn: str | None = None
    idx: int | None = None
    parent_idx: int | None = None
    position: int | None = None
    replaced_idx: int | None = None
    failures: list[Failure] | None = None

    def add_failure(
        self,
        category: str,
        code: str,
        *,
        comment: str | None = None,
        com_ref: str | None = None,
        func_block: str | None = None,
        ref_step_id: int | None = None,
        art_number: str | None = None,
        art_rev: str | None = None,
        art_vendor: str | None = None,
        art_description: str | None = None,
    ) -> Failure:
        """Record a failure on this unit (category and code from the repair fail-code tree)."""
        failure = Failure(
            category=category,
            code=code,
            comment=comment,
            com_ref=com_ref,
            func_block=func_block,
            ref_step_id=ref_step_id,
            art_number=art_number,
            art_rev=art_rev,
            art_vendor=art_vendor,
            art_description=art_description,
        )
        if self.failures is None:
            self.failures = []
        self.failures.append(failure)
        return failure


@attrs.define
class Asset:
    """``assets`` item: equipment used in the test (an asset serial number and a usage count)."""

    asset_sn: str | None = None
    usage_count: int | None = None
    usage_count_format: str | None = None


@attrs.define
class AssetStats:
    """``assetStats`` item (output only): the asset's counters when the report was processed."""

    asset_sn: str | None = None
    running_count: int | None = None
    running_count_exceeded: int | None = None
    total_count: int | None = None
    total_count_exceeded: int | None = None
    days_since_calibration: float | None = None
    is_days_since_calibration_unknown: bool | None = None
    calibration_days_overdue: float | None = None
    days_since_maintenance: float | None = None
    is_days_since_maintenance_unknown: bool | None = None
    maintenance_days_overdue: float | None = None
    message: str | None = None


@attrs.define
class RefUUR:
    """``uut.refUURs`` item (output only): a repair report that references this test."""

    id: str | None = None
    start: datetime | None = None
    _start_memo: tuple[datetime, str] | None = attrs.field(
        default=None, init=False, repr=False, eq=False
    )
