"""UUT and UUR reports: a plain tree of steps with a builder API (``reference/wats-api.md`` §4).

::

    Report ─┬─ UUTReport ── root: Step (SequenceCall "MainSequence Callback")
            │                 └── steps: [Step ...]   one class for every step kind;
            │                      the payload (numeric_meas, chart, ...) says what it is
            └─ UURReport ── sub_units: [SubUnit idx 0 = main unit, ...] ── failures

Statuses: a measurement's status is computed from value and limits when it is added (unless
given); a test step's status from its measurements. Sequences built here are ``auto``: their
status, ``caused_seq_failure``/``caused_uut_failure``, the report ``result`` and the step ids
are (re)derived by :meth:`Report.finalize`, which ``to_wsjf()``/``validate()`` call. A parsed
report is taken as it is (import mode): ``finalize`` then only fills what is missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from pywats.reports._enums import CompOp, StepStatus, StepType
from pywats.reports._gc import gc_paused
from pywats.reports._limits import NAME_MAX, SEQ_NAME_MAX, clip
from pywats.reports._parts import (
    AdditionalData,
    Asset,
    AssetStats,
    Attachment,
    BinaryData,
    BooleanMeasurement,
    CallExe,
    Chart,
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
from pywats.reports._status import (
    FAIL_RANK,
    SINGLE_OPS,
    numeric_status,
    string_status,
    worse_status,
)

if TYPE_CHECKING:
    from os import PathLike

__all__ = ["Loop", "Report", "Step", "UURReport", "UUTReport"]


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


def _make_numeric(
    name: str | None,
    value: float | None,
    *,
    low: float | None,
    high: float | None,
    limit: float | None,
    comp_op: str | None,
    unit: str | None,
    status: str | None,
) -> NumericMeasurement:
    if comp_op is not None:
        op = comp_op.upper()
    # Infer the usual operator from the limits given (§4.14); the CompOp values as plain
    # strings, which skips an enum look-up per step in 20,000-step builds.
    elif limit is not None:
        op = "EQ"
    elif low is not None and high is not None:
        op = "GELE"
    elif low is not None:
        op = "GE"
    elif high is not None:
        op = "LE"
    else:
        op = "LOG"
    lo, hi = low, high
    if op in SINGLE_OPS:
        # Single-limit operators carry their one limit in lowLimit, whatever it was called.
        lo = limit if limit is not None else (low if low is not None else high)
        hi = None
    if status is None:
        status = numeric_status(op, value, lo, hi)
    return NumericMeasurement(
        name=name if name is None else clip(name),
        value=value,
        unit=unit,
        comp_op=op,
        low_limit=lo,
        high_limit=hi,
        status=status,
    )


def _make_string(
    name: str | None,
    value: str | None,
    limit: str | None,
    comp_op: str | None,
    status: str | None,
) -> StringMeasurement:
    if comp_op is None:
        comp_op = CompOp.LOG if limit is None else CompOp.CASESENSIT
    op = comp_op.upper()  # a plain str, upper case as the server writes it (§10.7)
    if status is None:
        status = string_status(op, value, limit)
    return StringMeasurement(
        name=name if name is None else clip(name),
        value=value,
        limit=limit,
        comp_op=op,
        status=status,
    )


def _bool_status(passed: bool | None, status: str | None) -> str:
    if status is not None:
        return status
    if passed is None:
        raise ValueError("give passed=True/False or an explicit status")
    return "P" if passed else "F"


def measurement_status(step: Step) -> str | None:
    """The status a step's measurements give it, or None when it has none (§4.15)."""
    statuses: list[str] = []
    for group in (step.numeric_meas, step.string_meas, step.boolean_meas):
        if group:
            statuses.extend(m.status for m in group)
    if not statuses:
        return None
    if len(statuses) == 1:
        return statuses[0]
    if "F" in statuses:
        return "F"
    if all(s == "S" for s in statuses):
        return "S"
    return "P"


class _StepBuilder:
    """The ``add_*_step`` methods shared by sequence steps and loops."""

    __slots__ = ()

    def _attach(self, step: Step) -> Step:  # pragma: no cover - overridden
        raise NotImplementedError

    def _add(
        self,
        name: str,
        step_type: str,
        group: str,
        status: str | None,
        start: datetime | None,
        tot_time: float | None,
        /,
        **payload: Any,
    ) -> Step:
        """Make a step from the fields every builder takes plus its ``payload``; attach it."""
        if len(name) > NAME_MAX:
            # Clipped by the shared rule (_limits.py); the full name goes to reportText.
            text = payload.get("report_text")
            payload["report_text"] = name if not text else f"{name}\n{text}"
            name = clip(name)
        step = Step(
            name=name,
            step_type=step_type,
            group=group,
            status=status,
            start=start,
            tot_time=tot_time,
            **payload,
        )
        return self._attach(step)

    def _add_multi(
        self,
        name: str,
        step_type: str,
        group: str,
        status: str | None,
        start: datetime | None,
        tot_time: float | None,
        items: str,
    ) -> Step:
        """A multiple-measurement step: an empty ``items`` list, status derived unless given."""
        return self._add(
            name, step_type, group, status, start, tot_time, auto=status is None, **{items: []}
        )

    def add_sequence(
        self,
        name: str,
        *,
        path: str | None = None,
        sequence_name: str | None = None,
        version: str | None = None,
        status: str | None = None,
        group: str = "M",
        start: datetime | None = None,
        tot_time: float | None = None,
        step_type: str = StepType.SEQUENCE_CALL.value,
    ) -> Step:
        """Add a nested sequence call and return it (add its steps to it).

        Its status is derived from its children when the report is finalised, unless given.
        """
        return self._add(
            name,
            step_type,
            group,
            status,
            start,
            tot_time,
            seq_call=SeqCall(
                path=path, name=clip(sequence_name or name, SEQ_NAME_MAX), version=version
            ),
            steps=[],
            auto=status is None,
        )

    def add_numeric_step(
        self,
        name: str,
        value: float | None,
        *,
        low: float | None = None,
        high: float | None = None,
        limit: float | None = None,
        comp_op: str | None = None,
        unit: str | None = None,
        status: str | None = None,
        group: str = "M",
        start: datetime | None = None,
        tot_time: float | None = None,
        step_type: str = StepType.NUMERIC_LIMIT.value,
    ) -> Step:
        """Add a single numeric limit step.

        ``comp_op`` defaults from the limits: low+high → GELE, low → GE, high → LE,
        limit → EQ, none → LOG. Single-limit operators (EQ, NE, GT, GE, LT, LE) take their
        limit from ``limit``, ``low`` or ``high`` and send it as ``lowLimit``. The status is
        computed from the value unless given.

        Raises:
            ValueError: the operator is unknown or a limit it needs is missing.
        """
        # A given P/F/S status is the measurement's too: the server requires them to agree.
        meas = _make_numeric(
            None,
            value,
            low=low,
            high=high,
            limit=limit,
            comp_op=comp_op,
            unit=unit,
            status=status if status in ("P", "F", "S") else None,
        )
        st = status if status is not None else meas.status
        return self._add(name, step_type, group, st, start, tot_time, numeric_meas=[meas])

    def add_multi_numeric_step(
        self,
        name: str,
        *,
        status: str | None = None,
        group: str = "M",
        start: datetime | None = None,
        tot_time: float | None = None,
        step_type: str = StepType.MULTI_NUMERIC_LIMIT.value,
    ) -> Step:
        """Add a multiple numeric limit step; add items with ``add_numeric_measurement``."""
        return self._add_multi(name, step_type, group, status, start, tot_time, "numeric_meas")

    def add_pass_fail_step(
        self,
        name: str,
        passed: bool | None = None,
        *,
        status: str | None = None,
        group: str = "M",
        start: datetime | None = None,
        tot_time: float | None = None,
        step_type: str = StepType.PASS_FAIL.value,
    ) -> Step:
        """Add a single pass/fail step (``passed=True`` or an explicit ``status``)."""
        st = _bool_status(passed, status)
        return self._add(
            name,
            step_type,
            group,
            st,
            start,
            tot_time,
            boolean_meas=[BooleanMeasurement(name=None, status=st)],
        )

    def add_multi_pass_fail_step(
        self,
        name: str,
        *,
        status: str | None = None,
        group: str = "M",
        start: datetime | None = None,
        tot_time: float | None = None,
        step_type: str = StepType.MULTI_PASS_FAIL.value,
    ) -> Step:
        """Add a multiple pass/fail step; add items with ``add_boolean_measurement``."""
        return self._add_multi(name, step_type, group, status, start, tot_time, "boolean_meas")

    def add_string_step(
        self,
        name: str,
        value: str | None,
        *,
        limit: str | None = None,
        comp_op: str | None = None,
        status: str | None = None,
        group: str = "M",
        start: datetime | None = None,
        tot_time: float | None = None,
        step_type: str = StepType.STRING_VALUE.value,
    ) -> Step:
        """Add a single string value step.

        ``comp_op`` defaults to CASESENSIT when a ``limit`` is given, else LOG; use
        ``CompOp.IGNORECASE`` for a case-insensitive comparison.
        """
        meas = _make_string(
            None, value, limit, comp_op, status if status in ("P", "F", "S") else None
        )
        st = status if status is not None else meas.status
        return self._add(name, step_type, group, st, start, tot_time, string_meas=[meas])

    def add_multi_string_step(
        self,
        name: str,
        *,
        status: str | None = None,
        group: str = "M",
        start: datetime | None = None,
        tot_time: float | None = None,
        step_type: str = StepType.MULTI_STRING_VALUE.value,
    ) -> Step:
        """Add a multiple string value step; add items with ``add_string_measurement``."""
        return self._add_multi(name, step_type, group, status, start, tot_time, "string_meas")

    def add_action_step(
        self,
        name: str,
        *,
        status: str = StepStatus.DONE.value,
        group: str = "M",
        start: datetime | None = None,
        tot_time: float | None = None,
        report_text: str | None = None,
        step_type: str = StepType.ACTION.value,
    ) -> Step:
        """Add an action step (no verdict; status Done unless given)."""
        return self._add(name, step_type, group, status, start, tot_time, report_text=report_text)

    def add_call_exe_step(
        self,
        name: str,
        exit_code: float = 0,
        *,
        status: str | None = None,
        group: str = "M",
        start: datetime | None = None,
        tot_time: float | None = None,
        step_type: str = StepType.CALL_EXECUTABLE.value,
    ) -> Step:
        """Add a call-executable step; passed when ``exit_code`` is 0 unless a status is given."""
        st = status if status is not None else ("P" if exit_code == 0 else "F")
        return self._add(name, step_type, group, st, start, tot_time, call_exe=CallExe(exit_code))

    def add_message_popup_step(
        self,
        name: str,
        *,
        response: str | None = None,
        button: int = 0,
        status: str = StepStatus.DONE.value,
        group: str = "M",
        start: datetime | None = None,
        tot_time: float | None = None,
        step_type: str = StepType.MESSAGE_POPUP.value,
    ) -> Step:
        """Add a message popup step: the operator's ``response`` and the ``button`` index."""
        return self._add(
            name,
            step_type,
            group,
            status,
            start,
            tot_time,
            message_popup=MessagePopup(response=response, button=button),
        )

    def add_generic_step(
        self,
        name: str,
        step_type: str = StepType.LABEL.value,
        *,
        status: str = StepStatus.DONE.value,
        group: str = "M",
        start: datetime | None = None,
        tot_time: float | None = None,
        report_text: str | None = None,
    ) -> Step:
        """Add a step of any type without measurements (``Label``, ``NI_Wait``, ``Goto``...)."""
        return self._add(name, step_type, group, status, start, tot_time, report_text=report_text)

    def add_chart_step(
        self,
        name: str,
        *,
        chart_type: str = "Line",
        label: str | None = None,
        x_label: str | None = None,
        x_unit: str | None = None,
        y_label: str | None = None,
        y_unit: str | None = None,
        status: str | None = None,
        group: str = "M",
        start: datetime | None = None,
        tot_time: float | None = None,
        step_type: str = StepType.CHART.value,
    ) -> Step:
        """Add a chart step (``WATS_XYGMNLT``).

        Add curves with ``step.chart.add_series(name, y, x)`` and limits with
        ``add_numeric_measurement``; the status follows the measurements (Passed without any).
        """
        return self._add(
            name,
            step_type,
            group,
            status if status is not None else "P",
            start,
            tot_time,
            numeric_meas=[],
            chart=Chart(
                chart_type=chart_type,
                label=clip(label if label is not None else name),
                x_label=x_label,
                x_unit=x_unit,
                y_label=y_label,
                y_unit=y_unit,
            ),
            auto=status is None,
        )

    def add_loop(self, name: str) -> Loop:
        """Start a loop: a summary step now, then one step per ``loop.add_*_step`` call.

        The summary (``loop.idx`` null) gets ``num``, ``endingIndex``, ``passed``, ``failed``,
        the iterations' step type and a status (F when any iteration failed); iterations get
        ``idx`` 0, 1, ... and the loop's ``name`` (§4.13), whatever name they were given.

        Example::

            loop = seq.add_loop("Retry read")
            for v in readings:
                loop.add_numeric_step("Retry read", v, low=0.9, high=1.1, unit="V")
        """
        summary = Step(
            name=name,
            step_type=StepType.ACTION.value,
            status=None,
            loop=LoopInfo(idx=None, num=0, ending_index=0, passed=0, failed=0),
            auto=True,
        )
        self._attach(summary)
        return Loop(self, summary)


@attrs.define(kw_only=True)
class Step(_StepBuilder):
    """A node of the ``root`` tree: a sequence call, a test step or a flow-control step.

    ``step_type`` is free text (§4.10); which payload is set (``numeric_meas``,
    ``string_meas``, ``boolean_meas``, ``seq_call`` + ``steps``, ``call_exe``,
    ``message_popup``, ``chart``) decides what the server stores. ``id`` is assigned in
    pre-order (root = 1) by :meth:`Report.finalize`. ``auto`` marks a status that pywats
    derives (from children or measurements) at every finalize.
    """

    name: str = ""
    step_type: str = StepType.ACTION.value
    group: str = "M"
    status: str | None = None
    id: int | None = None
    start: datetime | None = None
    tot_time: float | None = None
    tot_time_format: str | None = None
    error_code: int | None = None
    error_code_format: str | None = None
    error_message: str | None = None
    report_text: str | None = None
    ts_guid: str | None = None
    interactive_exe_num: int | None = None
    interactive_exe_num_format: str | None = None
    caused_seq_failure: bool | None = None
    caused_uut_failure: bool | None = None
    loop: LoopInfo | None = None
    steps: list[Step] | None = None
    seq_call: SeqCall | None = None
    numeric_meas: list[NumericMeasurement] | None = None
    string_meas: list[StringMeasurement] | None = None
    boolean_meas: list[BooleanMeasurement] | None = None
    call_exe: CallExe | None = None
    message_popup: MessagePopup | None = None
    chart: Chart | None = None
    attachment: Attachment | None = None
    additional_results: list[AdditionalData] | None = None
    auto: bool = False
    _start_memo: tuple[datetime, str] | None = attrs.field(
        default=None, init=False, repr=False, eq=False
    )

    def _attach(self, step: Step) -> Step:
        if self.steps is None:
            self.steps = []
        self.steps.append(step)
        return step

    def add_step(self, step: Step) -> Step:
        """Append a step made by hand (e.g. ``Step(name=..., step_type=..., status=...)``)."""
        return self._attach(step)

    def _remeasure(self) -> None:
        if self.auto:
            self.status = measurement_status(self)

    def add_numeric_measurement(
        self,
        name: str,
        value: float | None,
        *,
        low: float | None = None,
        high: float | None = None,
        limit: float | None = None,
        comp_op: str | None = None,
        unit: str | None = None,
        status: str | None = None,
    ) -> NumericMeasurement:
        """Add a named numeric measurement to a multiple numeric or chart step.

        Arguments as for :meth:`add_numeric_step`.
        """
        meas = _make_numeric(
            name, value, low=low, high=high, limit=limit, comp_op=comp_op, unit=unit, status=status
        )
        if self.numeric_meas is None:
            self.numeric_meas = []
        self.numeric_meas.append(meas)
        self._remeasure()
        return meas

    def add_string_measurement(
        self,
        name: str,
        value: str | None,
        *,
        limit: str | None = None,
        comp_op: str | None = None,
        status: str | None = None,
    ) -> StringMeasurement:
        """Add a named string measurement to a multiple string value step."""
        meas = _make_string(name, value, limit, comp_op, status)
        if self.string_meas is None:
            self.string_meas = []
        self.string_meas.append(meas)
        self._remeasure()
        return meas

    def add_boolean_measurement(
        self, name: str, passed: bool | None = None, *, status: str | None = None
    ) -> BooleanMeasurement:
        """Add a named pass/fail measurement to a multiple pass/fail step."""
        meas = BooleanMeasurement(name=clip(name), status=_bool_status(passed, status))
        if self.boolean_meas is None:
            self.boolean_meas = []
        self.boolean_meas.append(meas)
        self._remeasure()
        return meas

    def attach(
        self, name: str, content: bytes, content_type: str = "application/octet-stream"
    ) -> Attachment:
        """Attach a file to this step (one per step; a second call replaces the first)."""
        self.attachment = Attachment.from_bytes(name, content, content_type)
        return self.attachment

    def add_additional_result(self, name: str) -> AdditionalData:
        """Add an ``additionalResults`` block; fill it with ``add_property``."""
        data = AdditionalData(name=clip(name, SEQ_NAME_MAX))
        if self.additional_results is None:
            self.additional_results = []
        self.additional_results.append(data)
        return data

    def walk(self) -> Iterable[Step]:
        """This step and every step below it, in pre-order (the id order)."""
        stack = [self]
        while stack:
            step = stack.pop()
            yield step
            if step.steps:
                stack.extend(reversed(step.steps))


class Loop(_StepBuilder):
    """Adds loop iterations after a loop's summary step (see :meth:`Step.add_loop`)."""

    __slots__ = ("_parent", "iterations", "summary")

    def __init__(self, parent: _StepBuilder, summary: Step) -> None:
        self._parent = parent
        self.summary = summary
        self.iterations: list[Step] = []

    def _attach(self, step: Step) -> Step:
        summary = self.summary
        step.name = summary.name
        step.loop = LoopInfo(idx=len(self.iterations))
        parent = self._parent
        if isinstance(parent, Step) and parent.steps is not None:
            siblings = parent.steps
            last = self.iterations[-1] if self.iterations else summary
            if siblings and siblings[-1] is last:
                siblings.append(step)
            else:
                siblings.insert(siblings.index(last) + 1, step)
        else:
            parent._attach(step)
        self.iterations.append(step)
        # The summary takes the iterations' step type but no measurements: its verdict
        # (F when any iteration failed) need not match one iteration's measurement, and the
        # server rejects a single-measurement step whose status differs from it (§4.14).
        summary.step_type = step.step_type
        if step.seq_call is not None:
            summary.seq_call = step.seq_call
            if summary.steps is None:
                summary.steps = []
        return step


def _settle_loop(summary: Step, iterations: list[Step]) -> None:
    passed = failed = 0
    status = "P"
    for it in iterations:
        st = it.status or "P"
        if st in FAIL_RANK:
            failed += 1
        else:
            passed += 1
        status = worse_status(status, st)
    if status == "P" and iterations:
        last = iterations[-1].status
        if last in ("D", "S"):
            status = last
    n = len(iterations)
    # Exports write num == endingIndex == number of iterations (§4.13, §10.3).
    summary.loop = LoopInfo(idx=None, num=n, ending_index=n, passed=passed, failed=failed)
    summary.status = status


class _Settler:
    """One pre-order pass: ids, derived statuses, failure causes (see ``Report.finalize``)."""

    __slots__ = ("auto", "next_id", "renumber")

    def __init__(self, auto: bool, next_id: int, renumber: bool) -> None:
        self.auto = auto
        self.next_id = next_id
        self.renumber = renumber

    def settle(self, step: Step) -> Step | None:
        """Settle ``step``'s subtree; return the leaf that made it fail (or None)."""
        if self.renumber or step.id is None:
            step.id = self.next_id
            self.next_id += 1
        auto = self.auto
        if auto:
            step.caused_uut_failure = False
            step.caused_seq_failure = None
        children = step.steps
        if not children:
            if step.status is None or (step.auto and step.loop is None):
                derived = measurement_status(step)
                if derived is not None or step.status is None:
                    step.status = derived or ("P" if step.steps is not None else "D")
            return step if step.status in FAIL_RANK else None
        causes = [self.settle(child) for child in children]
        # Loop summaries made by the builder follow their iterations.
        i = 0
        n = len(children)
        while i < n:
            child = children[i]
            lp = child.loop
            if child.auto and lp is not None and lp.idx is None:
                j = i + 1
                while j < n:
                    it_loop = children[j].loop
                    if it_loop is None or it_loop.idx is None or children[j].name != child.name:
                        break
                    j += 1
                _settle_loop(child, children[i + 1 : j])
                if child.status in FAIL_RANK:
                    # the failing iteration (or what failed inside it) is the real cause
                    inner = [c for c in causes[i + 1 : j] if c is not None]
                    causes[i] = inner[0] if inner else child
                else:
                    causes[i] = None
                i = j
            else:
                i += 1
        if step.status is None or step.auto:
            status = "P"
            for child in children:
                status = worse_status(status, child.status or "P")
            step.status = status
        cause: Step | None = None
        if step.status in FAIL_RANK:
            for child, leaf in zip(children, causes, strict=True):
                if child.status == step.status:
                    if auto:
                        child.caused_seq_failure = True
                    cause = leaf if leaf is not None else child
                    break
            if cause is None:
                cause = step
        return cause


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
