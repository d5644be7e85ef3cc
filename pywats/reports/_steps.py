"""Steps: the ``root`` tree of a UUT report, loops, and the pass that settles them.

``Step`` is one class for every step kind (its payload says what it is); ``Loop`` adds loop
iterations after a summary step; ``_Settler`` numbers the steps and derives statuses and
failure causes in one pre-order pass (``Report.finalize``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import attrs

from pywats.reports._builder import _StepBuilder
from pywats.reports._enums import StepType
from pywats.reports._limits import SEQ_NAME_MAX, clip
from pywats.reports._measure import _bool_status, _make_numeric, _make_string, measurement_status
from pywats.reports._parts import (
    AdditionalData,
    Attachment,
    BooleanMeasurement,
    CallExe,
    Chart,
    LoopInfo,
    MessagePopup,
    NumericMeasurement,
    SeqCall,
    StringMeasurement,
)
from pywats.reports._status import (
    FAIL_RANK,
    worse_status,
)
from pywats.reports._step_more import RareFields, StepMore, same_more

__all__ = ["Loop", "Step"]


@attrs.define(kw_only=True, init=False)
class Step(RareFields, _StepBuilder):
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
    error_code: int | None = None
    error_message: str | None = None
    report_text: str | None = None
    caused_seq_failure: bool | None = None
    caused_uut_failure: bool | None = None
    steps: list[Step] | None = None
    numeric_meas: list[NumericMeasurement] | None = None
    string_meas: list[StringMeasurement] | None = None
    boolean_meas: list[BooleanMeasurement] | None = None
    auto: bool = False
    _start_memo: tuple[datetime, str] | None = attrs.field(
        default=None, init=False, repr=False, eq=False
    )
    # tot_time_format, error_code_format, ts_guid, interactive_exe_num(_format), loop,
    # seq_call, call_exe, message_popup, chart, attachment, additional_results: properties
    # over this one slot (_step_more.py), so a plain leaf step is small.
    _more: StepMore | None = attrs.field(
        default=None, eq=attrs.cmp_using(eq=same_more, require_same_type=False)
    )

    def __init__(
        self,
        *,
        name: str = "",
        step_type: str = StepType.ACTION.value,
        group: str = "M",
        status: str | None = None,
        id: int | None = None,
        start: datetime | None = None,
        tot_time: float | None = None,
        tot_time_format: str | None = None,
        error_code: int | None = None,
        error_code_format: str | None = None,
        error_message: str | None = None,
        report_text: str | None = None,
        ts_guid: str | None = None,
        interactive_exe_num: int | None = None,
        interactive_exe_num_format: str | None = None,
        caused_seq_failure: bool | None = None,
        caused_uut_failure: bool | None = None,
        loop: LoopInfo | None = None,
        steps: list[Step] | None = None,
        seq_call: SeqCall | None = None,
        numeric_meas: list[NumericMeasurement] | None = None,
        string_meas: list[StringMeasurement] | None = None,
        boolean_meas: list[BooleanMeasurement] | None = None,
        call_exe: CallExe | None = None,
        message_popup: MessagePopup | None = None,
        chart: Chart | None = None,
        attachment: Attachment | None = None,
        additional_results: list[AdditionalData] | None = None,
        auto: bool = False,
    ) -> None:
        more = None
        if (
            tot_time_format is not None
            or error_code_format is not None
            or ts_guid is not None
            or interactive_exe_num is not None
            or interactive_exe_num_format is not None
            or loop is not None
            or seq_call is not None
            or call_exe is not None
            or message_popup is not None
            or chart is not None
            or attachment is not None
            or additional_results is not None
        ):
            more = StepMore(
                tot_time_format=tot_time_format,
                error_code_format=error_code_format,
                ts_guid=ts_guid,
                interactive_exe_num=interactive_exe_num,
                interactive_exe_num_format=interactive_exe_num_format,
                loop=loop,
                seq_call=seq_call,
                call_exe=call_exe,
                message_popup=message_popup,
                chart=chart,
                attachment=attachment,
                additional_results=additional_results,
            )
        # What attrs' own __init__ would do, without its extra call (a step is made per leaf).
        self.name = name
        self.step_type = step_type
        self.group = group
        self.status = status
        self.id = id
        self.start = start
        self.tot_time = tot_time
        self.error_code = error_code
        self.error_message = error_message
        self.report_text = report_text
        self.caused_seq_failure = caused_seq_failure
        self.caused_uut_failure = caused_uut_failure
        self.steps = steps
        self.numeric_meas = numeric_meas
        self.string_meas = string_meas
        self.boolean_meas = boolean_meas
        self.auto = auto
        self._start_memo = None
        self._more = more

    def _more_for_write(self) -> StepMore:
        more = self._more
        if more is None:
            more = self._more = StepMore()
        return more

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


_StepBuilder._step_class = Step
_StepBuilder._loop_class = Loop
