"""The validator's step checks: the tree, measurements, charts and loops (§4.10-4.16)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pywats.reports._status import NUMERIC_OPS, STRING_OPS
from pywats.reports._validate_fast import (
    _CHART_TYPES,
    _GROUPS,
    _MAX_DEPTH,
    _MEAS_STATUS,
    _STEP_PARTS,
    _STEP_STATUS,
    _plain_measurements,
    _plain_step_fields,
    _short,
)
from pywats.reports._validate_fields import _FieldChecks

__all__: list[str] = []


class _StepChecks(_FieldChecks):
    """Checks of the ``root`` step tree."""

    __slots__ = ()

    # -- steps

    def step(self, step: Mapping[str, Any], path: str, depth: int) -> None:
        if depth > _MAX_DEPTH:
            self.add(path, f"steps are nested deeper than {_MAX_DEPTH} levels.")
            return
        if _plain_step_fields(step):
            status: str | None = step["status"]
            sid = step.get("id")
            if sid is not None:
                if sid in self.step_ids:
                    self.step_id(sid, path)  # adds the line
                else:
                    self.step_ids[sid] = path
        else:
            status = self.step_fields(step, path)

        statuses = _plain_measurements(step)
        if statuses is None:
            statuses = self.measurements(step, path)
        if len(statuses) == 1 and status is not None and statuses[0] not in (None, status):
            self.add(path, "Status cannot be different from measurement status.")

        if not _STEP_PARTS.isdisjoint(step):
            self.step_parts(step, path)

        children = step.get("steps")
        if children is None:
            return
        if not isinstance(children, list):
            self.add(path, f"steps must be a list, not {_short(children)}.")
            return
        named: list[tuple[str, dict[str, Any]]] = []
        for i, child in enumerate(children):
            if not isinstance(child, dict):
                self.add(path, f"steps[{i}] must be an object, not {_short(child)}.")
                continue
            name = child.get("name")
            label = name if isinstance(name, str) else f"[{i}]"
            c_path = f"{path} -> step {label}"
            named.append((c_path, child))
            self.step(child, c_path, depth + 1)
        self.loops(named, path)

    def step_id(self, sid: int, path: str) -> None:
        if sid in self.step_ids:
            self.add(path, f"id {sid} is already used by {self.step_ids[sid]}.")
        else:
            self.step_ids[sid] = path

    def step_fields(self, step: Mapping[str, Any], path: str) -> str | None:
        """Check a step's own fields; return its status when that is usable."""
        sid = self.integer(step, "id", path)
        if sid is not None:
            self.step_id(sid, path)
        self.code(step, "group", path, _GROUPS)
        self.text(step, "stepType", path)
        self.text(step, "name", path, required=True, max_len=100)
        status = self.code(step, "status", path, _STEP_STATUS, required=True)
        self.date(step, "start", path)
        self.number(step, "totTime", path)
        self.integer(step, "errorCode", path)
        self.integer(step, "interactiveExeNum", path)
        for key in ("errorMessage", "reportText", "tsGuid"):
            self.text(step, key, path)
        self.boolean(step, "causedSeqFailure", path)
        self.boolean(step, "causedUUTFailure", path)
        return status

    def step_parts(self, step: Mapping[str, Any], path: str) -> None:
        """Check the objects a step may carry (sequence call, chart, loop, ...)."""
        seq = self.obj(step, "seqCall", path)
        if seq is not None:
            s_path = f"{path} -> seqCall"
            self.text(seq, "path", s_path, max_len=500)
            self.text(seq, "name", s_path, max_len=200)
            self.text(seq, "version", s_path, max_len=30)
        exe = self.obj(step, "callExe", path)
        if exe is not None:
            self.number(exe, "exitCode", f"{path} -> callExe")
        popup = self.obj(step, "messagePopup", path)
        if popup is not None:
            m_path = f"{path} -> messagePopup"
            self.text(popup, "response", m_path, max_len=100)
            self.integer(popup, "button", m_path)
        chart = self.obj(step, "chart", path)
        if chart is not None:
            self.chart(chart, f"{path} -> chart")
        att = self.obj(step, "attachment", path)
        if att is not None:
            self.binary(att, f"{path} -> attachment")
        for r_path, item in self.items(step, "additionalResults", path):
            self.additional(item, r_path)
        loop = self.obj(step, "loop", path)
        if loop is not None:
            self.loop_fields(loop, step, path)

    def measurements(self, step: Mapping[str, Any], path: str) -> list[str | None]:
        statuses: list[str | None] = []
        for key, ops in (
            ("numericMeas", NUMERIC_OPS),
            ("stringMeas", STRING_OPS),
            ("booleanMeas", None),
        ):
            value = step.get(key)
            if value is None:
                continue
            if not isinstance(value, list):
                self.add(path, f"{key} must be a list, not {_short(value)}.")
                continue
            many = len(value) > 1
            names: set[str] = set()
            for i, meas in enumerate(value):
                if not isinstance(meas, dict):
                    self.add(path, f"{key}[{i}] must be an object, not {_short(meas)}.")
                    continue
                name = meas.get("name")
                if isinstance(name, str) and many:
                    m_path = f"{path} -> {key} {name}"
                elif many:
                    m_path = f"{path} -> {key}[{i}]"
                else:
                    m_path = f"{path} -> {key}"
                self.text(meas, "name", m_path, max_len=100)
                if many:
                    if name is None or name == "":
                        self.add(
                            m_path, "name is required when a step has more than one measurement."
                        )
                    elif isinstance(name, str):
                        if name in names:
                            self.add(m_path, f"name {name!r} is used by more than one measurement.")
                        names.add(name)
                statuses.append(self.code(meas, "status", m_path, _MEAS_STATUS, required=True))
                if ops is not None:
                    self.code(meas, "compOp", m_path, ops, required=True, fold=key == "stringMeas")
                if key == "numericMeas":
                    self.text(meas, "unit", m_path)
                    for num_key in ("value", "lowLimit", "highLimit"):
                        self.number(meas, num_key, m_path)
                elif key == "stringMeas":
                    self.text(meas, "value", m_path)
                    self.text(meas, "limit", m_path)
        return statuses

    def chart(self, chart: Mapping[str, Any], path: str) -> None:
        self.code(chart, "chartType", path, _CHART_TYPES)
        self.text(chart, "label", path, max_len=100)
        self.text(chart, "xLabel", path, max_len=50)
        self.text(chart, "yLabel", path, max_len=50)
        self.text(chart, "xUnit", path, max_len=20)
        self.text(chart, "yUnit", path, max_len=20)
        for s_path, series in self.items(chart, "series", path):
            name = series.get("name")
            if isinstance(name, str):
                s_path = f"{path} -> series {name}"
            self.text(series, "name", s_path, max_len=100)
            self.code(series, "dataType", s_path, ("XYG",))
            x = self.values(series, "xdata", s_path)
            y = self.values(series, "ydata", s_path)
            if x is not None and y is not None and x != y:
                self.add(
                    s_path,
                    f"xdata and ydata must hold the same number of values ({x} and {y}).",
                )

    def values(self, series: Mapping[str, Any], key: str, path: str) -> int | None:
        text = self.text(series, key, path)
        if text is None:
            return None
        if not text.strip():
            return 0
        parts = text.split(";")
        if parts[-1].strip() == "":
            parts.pop()  # a trailing separator is harmless
        for part in parts:
            try:
                float(part)
            except ValueError:
                self.add(path, f"{key} must be ';'-separated numbers; {part!r} is not a number.")
                return None
        return len(parts)

    def loop_fields(self, loop: Mapping[str, Any], step: Mapping[str, Any], path: str) -> None:
        name = step.get("name")
        l_path = f"{path.rsplit(' -> ', 1)[0]} -> loop {name}" if " -> " in path else f"loop {name}"
        idx = self.integer(loop, "idx", l_path, minimum=0)
        num = self.integer(loop, "num", l_path, minimum=0)
        self.integer(loop, "endingIndex", l_path, minimum=0)
        self.integer(loop, "passed", l_path, minimum=0)
        self.integer(loop, "failed", l_path, minimum=0)
        # passed + failed <= num is NOT checked: a real export has a skipped loop with
        # num 0 and passed 1.
        if idx is None and loop.get("idx") is None and num is None and loop.get("num") is None:
            self.add(l_path, "num is required on a loop summary step (idx null).")

    def loops(self, children: list[tuple[str, dict[str, Any]]], path: str) -> None:
        i = 0
        n = len(children)
        while i < n:
            _, child = children[i]
            loop = child.get("loop")
            if not (isinstance(loop, dict) and loop.get("idx") is None and "num" in loop):
                i += 1
                continue
            name = child.get("name")
            num = loop.get("num")
            seen: set[Any] = set()
            j = i + 1
            while j < n:
                _, it = children[j]
                it_loop = it.get("loop")
                if not isinstance(it_loop, dict) or it_loop.get("idx") is None:
                    break
                if it.get("name") != name:
                    break
                idx = it_loop.get("idx")
                if isinstance(idx, int) and not isinstance(idx, bool):
                    if idx in seen:
                        self.add(f"{path} -> loop {name}", f"iteration idx {idx} appears twice.")
                    seen.add(idx)
                j += 1
            count = j - i - 1
            if isinstance(num, int) and not isinstance(num, bool) and count > num:
                self.add(
                    f"{path} -> loop {name}",
                    f"has {count} iterations but num is {num}.",
                )
            i = j
