"""The step builder: the ``add_*_step`` methods sequences and loops share (§4.10-4.16)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from pywats.reports._enums import StepStatus, StepType
from pywats.reports._limits import NAME_MAX, SEQ_NAME_MAX, clip
from pywats.reports._measure import _bool_status, _make_numeric, _make_string
from pywats.reports._parts import (
    BooleanMeasurement,
    CallExe,
    Chart,
    LoopInfo,
    MessagePopup,
    SeqCall,
)

if TYPE_CHECKING:
    from pywats.reports._steps import Loop, Step

__all__: list[str] = []


class _StepBuilder:
    """The ``add_*_step`` methods shared by sequence steps and loops."""

    __slots__ = ()

    # Step and Loop subclass this class, so they are defined after it (in _steps.py), which
    # sets these: a new step is made with no import per call in 20,000-step builds.
    _step_class: ClassVar[type[Step]]
    _loop_class: ClassVar[type[Loop]]

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
        step = self._step_class(
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
        summary = self._step_class(
            name=name,
            step_type=StepType.ACTION.value,
            status=None,
            loop=LoopInfo(idx=None, num=0, ending_index=0, passed=0, failed=0),
            auto=True,
        )
        self._attach(summary)
        return self._loop_class(self, summary)
