"""A step's rarely set fields, kept apart so that a plain leaf step is small.

A leaf step from JUnit, CSV or the builder sets a name, a status, a time and a measurement;
twelve of the WSJF step's fields (formats, TestStand ids, the loop, sequence call, call-exe,
popup, chart, attachment and additional results) are nearly always None there, yet a slot
costs 8 bytes on every step: 238,000 JUnit cases held 64 MB of 85 in ``Step`` objects.
``Step`` keeps them in one ``StepMore``, made when the first of them is set::

    Step ── 19 slots (name, status, times, measurements, children, ...)
      └── _more: StepMore | None ── the twelve rare fields

The fields read and write as before (``step.chart = ...``, ``Step(chart=...)``); two steps
are equal when their rare fields are, whether or not either holds a ``StepMore``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from pywats.reports._parts import (
        AdditionalData,
        Attachment,
        CallExe,
        Chart,
        LoopInfo,
        MessagePopup,
        SeqCall,
    )

__all__ = ["RARE", "RareFields", "StepMore", "same_more"]


@attrs.define(kw_only=True)
class StepMore:
    """The rare fields of one step (see the module)."""

    tot_time_format: str | None = None
    error_code_format: str | None = None
    ts_guid: str | None = None
    interactive_exe_num: int | None = None
    interactive_exe_num_format: str | None = None
    loop: LoopInfo | None = None
    seq_call: SeqCall | None = None
    call_exe: CallExe | None = None
    message_popup: MessagePopup | None = None
    chart: Chart | None = None
    attachment: Attachment | None = None
    additional_results: list[AdditionalData] | None = None


RARE: tuple[str, ...] = tuple(a.name for a in attrs.fields(StepMore))
"""The names of the rare fields, in the order ``Step`` declares them."""

_EMPTY = StepMore()


def same_more(a: StepMore | None, b: StepMore | None) -> bool:
    """Whether two steps' rare fields are equal (None and all-None are the same)."""
    return (a or _EMPTY) == (b or _EMPTY)


class RareFields:
    """The rare fields as properties over ``_more`` (a mixin of ``Step``)."""

    __slots__ = ()
    _more: StepMore | None

    def _more_for_write(self) -> StepMore:
        """``_more``, made first if there is none (``Step`` defines it: it owns the slot)."""
        raise NotImplementedError

    @property
    def tot_time_format(self) -> str | None:
        more = self._more
        return None if more is None else more.tot_time_format

    @tot_time_format.setter
    def tot_time_format(self, value: str | None) -> None:
        if value is not None or self._more is not None:
            self._more_for_write().tot_time_format = value

    @property
    def error_code_format(self) -> str | None:
        more = self._more
        return None if more is None else more.error_code_format

    @error_code_format.setter
    def error_code_format(self, value: str | None) -> None:
        if value is not None or self._more is not None:
            self._more_for_write().error_code_format = value

    @property
    def ts_guid(self) -> str | None:
        more = self._more
        return None if more is None else more.ts_guid

    @ts_guid.setter
    def ts_guid(self, value: str | None) -> None:
        if value is not None or self._more is not None:
            self._more_for_write().ts_guid = value

    @property
    def interactive_exe_num(self) -> int | None:
        more = self._more
        return None if more is None else more.interactive_exe_num

    @interactive_exe_num.setter
    def interactive_exe_num(self, value: int | None) -> None:
        if value is not None or self._more is not None:
            self._more_for_write().interactive_exe_num = value

    @property
    def interactive_exe_num_format(self) -> str | None:
        more = self._more
        return None if more is None else more.interactive_exe_num_format

    @interactive_exe_num_format.setter
    def interactive_exe_num_format(self, value: str | None) -> None:
        if value is not None or self._more is not None:
            self._more_for_write().interactive_exe_num_format = value

    @property
    def loop(self) -> LoopInfo | None:
        more = self._more
        return None if more is None else more.loop

    @loop.setter
    def loop(self, value: LoopInfo | None) -> None:
        if value is not None or self._more is not None:
            self._more_for_write().loop = value

    @property
    def seq_call(self) -> SeqCall | None:
        more = self._more
        return None if more is None else more.seq_call

    @seq_call.setter
    def seq_call(self, value: SeqCall | None) -> None:
        if value is not None or self._more is not None:
            self._more_for_write().seq_call = value

    @property
    def call_exe(self) -> CallExe | None:
        more = self._more
        return None if more is None else more.call_exe

    @call_exe.setter
    def call_exe(self, value: CallExe | None) -> None:
        if value is not None or self._more is not None:
            self._more_for_write().call_exe = value

    @property
    def message_popup(self) -> MessagePopup | None:
        more = self._more
        return None if more is None else more.message_popup

    @message_popup.setter
    def message_popup(self, value: MessagePopup | None) -> None:
        if value is not None or self._more is not None:
            self._more_for_write().message_popup = value

    @property
    def chart(self) -> Chart | None:
        more = self._more
        return None if more is None else more.chart

    @chart.setter
    def chart(self, value: Chart | None) -> None:
        if value is not None or self._more is not None:
            self._more_for_write().chart = value

    @property
    def attachment(self) -> Attachment | None:
        more = self._more
        return None if more is None else more.attachment

    @attachment.setter
    def attachment(self, value: Attachment | None) -> None:
        if value is not None or self._more is not None:
            self._more_for_write().attachment = value

    @property
    def additional_results(self) -> list[AdditionalData] | None:
        more = self._more
        return None if more is None else more.additional_results

    @additional_results.setter
    def additional_results(self, value: list[AdditionalData] | None) -> None:
        if value is not None or self._more is not None:
            self._more_for_write().additional_results = value
