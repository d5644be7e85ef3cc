"""Reports: the fields UUT and UUR reports share, and each kind's own (§4.1-4.9).

``finalize()`` settles the step tree (ids, derived statuses, the report ``result``);
``to_wsjf()``/``to_json()`` write the wire form (``_wsjf.py``, ``_json.py``).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from pywats.reports._enums import StepType
from pywats.reports._gc import gc_paused
from pywats.reports._limits import SEQ_NAME_MAX, clip
from pywats.reports._parts import (
    AdditionalData,
    Asset,
    AssetStats,
    BinaryData,
    Failure,
    MiscInfo,
    RefUUR,
    SeqCall,
    SubUnit,
)
from pywats.reports._status import (
    FAIL_RANK,
)
from pywats.reports._steps import Step, _Settler

if TYPE_CHECKING:
    from os import PathLike

__all__ = ["Report", "UURReport", "UUTReport"]


def _new_id() -> str:
    import uuid  # on first use: importing uuid costs ~10 ms (it loads platform)

    return str(uuid.uuid4())


def _now() -> datetime:
    return datetime.now().astimezone()


def _check_aware(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, datetime) and (value.tzinfo is None or value.utcoffset() is None):
        raise ValueError(
            f"{attribute.name} is a naive datetime; WSJF needs a time zone "
            "(use datetime.now().astimezone() or pass tzinfo)"
        )


@attrs.define(kw_only=True)
class Report:
    """Fields common to test (UUT) and repair (UUR) reports (§4.1).

    ``station_name`` is the wire's ``machineName`` and ``operator`` the header's ``user``.
    ``start`` must be time-zone aware; ``startUTC`` is derived from it. ``product_name``,
    ``origin`` and ``asset_stats`` are output only (filled by the server on read).
    ``auto`` is True for a report built here (statuses, ids and ``result`` are derived) and
    False for one parsed from WSJF (kept as read).
    """

    type: ClassVar[str] = "T"

    pn: str
    sn: str
    rev: str
    process_code: int
    station_name: str
    location: str
    purpose: str
    operator: str | None = None
    comment: str | None = None
    exec_time: float | None = None
    id: str = attrs.field(factory=_new_id, converter=str)
    start: datetime = attrs.field(factory=_now, validator=_check_aware)
    result: str | None = None
    process_name: str | None = None
    process_code_format: str | None = None
    product_name: str | None = None
    origin: str | None = None
    misc_infos: list[MiscInfo] = attrs.Factory(list)
    sub_units: list[SubUnit] = attrs.Factory(list)
    assets: list[Asset] = attrs.Factory(list)
    asset_stats: list[AssetStats] = attrs.Factory(list)
    additional_data: list[AdditionalData] = attrs.Factory(list)
    binary_data: list[BinaryData] | None = None
    auto: bool = True
    _start_memo: tuple[datetime, str] | None = attrs.field(
        default=None, init=False, repr=False, eq=False
    )
    _start_utc_memo: tuple[datetime, str] | None = attrs.field(
        default=None, init=False, repr=False, eq=False
    )

    def add_misc_info(
        self, description: str, text: str | None = None, *, numeric: int | None = None
    ) -> MiscInfo:
        """Add a searchable key/value pair to the header."""
        info = MiscInfo(
            description=clip(description),
            text=text if text is None else clip(text),
            numeric=numeric,
        )
        self.misc_infos.append(info)
        return info

    def add_asset(self, asset_sn: str, usage_count: int | None = 1) -> Asset:
        """Record equipment (by its serial number in the Asset module) used in this test."""
        asset = Asset(asset_sn=asset_sn, usage_count=usage_count)
        self.assets.append(asset)
        return asset

    def add_additional_data(self, name: str) -> AdditionalData:
        """Add an ``additionalData`` block; fill it with ``add_property``."""
        data = AdditionalData(name=clip(name, SEQ_NAME_MAX))
        self.additional_data.append(data)
        return data

    def finalize(self) -> None:
        """Derive what the server expects to be consistent; idempotent.

        Built reports (``auto``): step ids in pre-order from 1, sequence statuses from their
        children, ``caused_seq_failure`` on the step that failed each sequence,
        ``caused_uut_failure`` on the one leaf that failed the report (and
        ``step_id_caused_uut_failure`` on UUTs), and ``result`` from the root. Parsed reports:
        only missing ids, statuses and result are filled.
        """
        raise NotImplementedError("use UUTReport or UURReport")

    def to_wsjf(self) -> dict[str, Any]:
        """Finalise, then return the report as a WSJF dict (the server's export shape).

        Keys the server always writes are written, as null when unset; optional ones only when
        set. NaN and ±Infinity are written as the strings ``"NaN"``, ``"Infinity"`` and
        ``"-Infinity"`` (Json.NET reads those for doubles), so the JSON is always valid.

        Raises:
            ValueError: a datetime in the report is naive.
            ReportValidationError: an integer field holds NaN or ±Infinity (an int32 cannot;
                JSON writers would disagree: orjson writes null, ``json.dumps`` refuses).
        """
        from pywats.reports._wsjf import report_to_wsjf

        self.finalize()
        with gc_paused():
            return report_to_wsjf(self)

    def to_json(self, *, indent: int | None = None) -> str:
        """``to_wsjf()`` as JSON text (UTF-8 safe, never NaN tokens).

        Compact text (no ``indent``) is exactly what ``json.dumps(report.to_wsjf(),
        separators=(",", ":"), ensure_ascii=False)`` writes, made faster with orjson.
        """
        import json

        data = self.to_wsjf()
        if indent is None:
            from pywats.reports._json import dumps

            with gc_paused():
                return dumps(data)
        return json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False)

    def save(self, path: str | PathLike[str]) -> None:
        """Write the report to ``path`` as WSJF JSON (UTF-8)."""
        Path(path).write_text(self.to_json(), encoding="utf-8")

    def validate(self) -> None:
        """Check the report as the server would; raise ReportValidationError with every problem."""
        from pywats.reports._validate import validate

        validate(self.to_wsjf())

    @staticmethod
    def from_wsjf(data: dict[str, Any]) -> UUTReport | UURReport:
        """Read a WSJF dict (a submission or a server export) into a UUTReport or UURReport.

        Every field is read, output-only ones included, so ``to_wsjf()`` gives it back.

        Raises:
            ReportValidationError: the data is not a readable report (lines say why).
        """
        from pywats.reports._wsjf import report_from_wsjf

        return report_from_wsjf(data)

    @staticmethod
    def load(path: str | PathLike[str]) -> UUTReport | UURReport:
        """Read a WSJF JSON file (see :meth:`from_wsjf`)."""
        from pywats.reports._wsjf import load

        return load(path)


@attrs.define(kw_only=True)
class UUTReport(Report):
    """A test report: header, the ``uut`` block (flattened here) and the ``root`` step tree.

    Example::

        r = UUTReport(pn="PCB-1001", sn="SN-1", rev="A", process_code=10,
                      station_name="ST-01", location="Line 1", purpose="Production",
                      operator="op1")
        seq = r.root.add_sequence("Power")
        seq.add_numeric_step("3V3", value=3.31, low=3.2, high=3.4, unit="V")
        r.to_json()
    """

    type: ClassVar[str] = "T"

    root: Step = attrs.field(
        factory=lambda: Step(
            name="MainSequence Callback",
            step_type=StepType.SEQUENCE_CALL.value,
            seq_call=SeqCall(path=None, name="MainSequence Callback", version=None),
            steps=[],
            auto=True,
        )
    )
    exec_time_format: str | None = None
    test_socket_index: int | None = None
    test_socket_index_format: str | None = None
    batch_sn: str | None = None
    error_code: int | None = None
    error_code_format: str | None = None
    error_message: str | None = None
    fixture_id: str | None = None
    batch_fail_count: int | None = None
    batch_fail_count_format: str | None = None
    batch_loop_index: int | None = None
    batch_loop_index_format: str | None = None
    step_id_caused_uut_failure: int | None = None
    ref_uurs: list[RefUUR] | None = None

    def add_sub_unit(
        self, part_type: str, sn: str, pn: str, rev: str, *, position: int | None = None
    ) -> SubUnit:
        """Record a component (with its own serial number) of the unit under test."""
        unit = SubUnit(part_type=part_type, pn=pn, rev=rev, sn=sn, position=position)
        self.sub_units.append(unit)
        return unit

    def finalize(self) -> None:
        root = self.root
        if self.auto:
            settler = _Settler(auto=True, next_id=1, renumber=True)
        else:
            ids = [s.id for s in root.walk() if s.id is not None]
            settler = _Settler(auto=False, next_id=max(ids, default=0) + 1, renumber=False)
        cause = settler.settle(root)
        if self.auto:
            if cause is not None:
                cause.caused_uut_failure = True
            self.step_id_caused_uut_failure = cause.id if cause is not None else None
        if self.result is None or self.auto:
            st = root.status
            self.result = st if st in FAIL_RANK else "P"

    def find_step(self, step_id: int) -> Step | None:
        """The step with this id (ids are assigned by finalize/to_wsjf)."""
        for step in self.root.walk():
            if step.id == step_id:
                return step
        return None


@attrs.define(kw_only=True)
class UURReport(Report):
    """A repair report (§4.3): ``process_code`` is the repair operation, ``test_process_code``
    the test operation of the failed UUT (``ref_uut``).

    The unit tree lives in ``sub_units``: ``main_unit`` (idx 0) repeats the report's pn/sn/rev
    and is created when missing. Record failures with ``unit.add_failure(category, code)``.
    """

    type: ClassVar[str] = "R"

    purpose: str = "Repair"
    test_process_code: int | None = None
    test_process_code_format: str | None = None
    test_process_name: str | None = None
    ref_uut: str | None = attrs.field(default=None, converter=attrs.converters.optional(str))
    confirm_date: datetime | None = attrs.field(default=None, validator=_check_aware)
    finalize_date: datetime | None = attrs.field(default=None, validator=_check_aware)
    parent: str | None = None
    children: list[str] | None = None
    _confirm_memo: tuple[datetime, str] | None = attrs.field(
        default=None, init=False, repr=False, eq=False
    )
    _finalize_memo: tuple[datetime, str] | None = attrs.field(
        default=None, init=False, repr=False, eq=False
    )

    @property
    def main_unit(self) -> SubUnit:
        """The unit being repaired (``idx`` 0), created from the report's pn/sn/rev if missing."""
        for unit in self.sub_units:
            if unit.idx == 0:
                return unit
        unit = SubUnit(part_type="Main", pn=self.pn, rev=self.rev, sn=self.sn, idx=0)
        self.sub_units.insert(0, unit)
        return unit

    def add_sub_unit(
        self,
        part_type: str,
        sn: str,
        pn: str,
        rev: str,
        *,
        parent: SubUnit | None = None,
        replaces: SubUnit | None = None,
        position: int | None = None,
    ) -> SubUnit:
        """Add a unit under ``parent`` (default: the main unit) with the next free ``idx``.

        ``replaces=old`` records that this unit replaced ``old`` (sets ``old.replaced_idx``).
        """
        main = self.main_unit
        idx = max((u.idx for u in self.sub_units if u.idx is not None), default=0) + 1
        owner = parent if parent is not None else main
        unit = SubUnit(
            part_type=part_type,
            pn=pn,
            rev=rev,
            sn=sn,
            idx=idx,
            parent_idx=owner.idx,
            position=position,
        )
        self.sub_units.append(unit)
        if replaces is not None:
            replaces.replaced_idx = idx
        return unit

    def add_failure(self, category: str, code: str, **kwargs: Any) -> Failure:
        """Record a failure on the main unit (see :meth:`SubUnit.add_failure`)."""
        return self.main_unit.add_failure(category, code, **kwargs)

    def add_binary_data(
        self, name: str, content: bytes, content_type: str = "application/octet-stream"
    ) -> BinaryData:
        """Attach a file to the repair report (on the main unit)."""
        item = BinaryData.from_bytes(name, content, content_type)
        if self.binary_data is None:
            self.binary_data = []
        self.binary_data.append(item)
        return item

    def finalize(self) -> None:
        if self.auto:
            _ = self.main_unit
        if self.result is None:
            self.result = "P"
