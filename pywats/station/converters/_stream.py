"""A converted UUT report to its queue JSON one step at a time, checked on the way.

::

    UUTReport objects ──► one step dict ──► validator (that step) ──► JSON text piece
       (released as         (released)                                  (kept, joined
        they are read)                                                   at the end)

``to_wsjf()`` then ``validate()`` then ``json.dumps()`` holds the object tree, the dict tree
and the text at once: for a 100 MB JUnit file, well over ten times its size. Here only the
objects not yet written and the text written so far are alive, and each step's memory goes
back to the allocator as its text is made, so the peak is about the object tree alone.

The text is byte for byte what the station always queued: ``json.dumps`` (compact,
``ensure_ascii=False``) of the report's WSJF dict with each step's ``steps`` member written
last. The problems are the validator's own lines, in its order; one message differs: a step
id used twice among ids met in order (1, 2, 3...) names "an earlier step" rather than that
step's path, which is not kept (one path per step is most of the validator's memory).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pywats.reports._validate import _MAX_DEPTH, _Checker
from pywats.reports._wsjf import _step_out, report_to_wsjf

if TYPE_CHECKING:
    from pywats.reports import Step, UUTReport

__all__ = ["TextSink", "dumps", "write_uut"]

_CHUNK = 4096  # pieces joined into one string: fewer small objects alive at once


def dumps(value: Any) -> str:
    """Compact JSON, as the queue stores it."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


class TextSink:
    """Collects JSON pieces; small pieces are joined as they come, the whole at the end."""

    __slots__ = ("_chunks", "_pieces")

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self._chunks: list[str] = []

    def add(self, text: str) -> None:
        pieces = self._pieces
        pieces.append(text)
        if len(pieces) >= _CHUNK:
            self._chunks.append("".join(pieces))
            pieces.clear()

    def text(self) -> str:
        """Everything written, as one string (the sink is emptied)."""
        self._chunks.append("".join(self._pieces))
        self._pieces.clear()
        chunks, self._chunks = self._chunks, []
        if len(chunks) == 1:
            return chunks[0]
        chunks.reverse()
        # Join in halves so that no more than about twice the text is alive at once.
        while len(chunks) > 1:
            merged: list[str] = []
            while chunks:
                pair = chunks[-2:]
                del chunks[-2:]
                pair.reverse()
                merged.append("".join(pair))
            merged.reverse()
            chunks = merged
        return chunks[0]


class _StepIds:
    """The validator's ``step_ids`` without a path per step: ids met in order (1, 2, 3, as
    ``finalize`` numbers them) are kept as a count; others with their path."""

    __slots__ = ("_dense", "_paths")

    def __init__(self) -> None:
        self._dense = 0
        self._paths: dict[Any, str] = {}

    def __contains__(self, sid: object) -> bool:
        if type(sid) is int and 1 <= sid <= self._dense:
            return True
        return sid in self._paths

    def __setitem__(self, sid: Any, path: str) -> None:
        if type(sid) is int and sid == self._dense + 1 and sid not in self._paths:
            self._dense = sid
        else:
            self._paths[sid] = path

    def __getitem__(self, sid: Any) -> str:
        return self._paths.get(sid, "an earlier step")


def write_uut(report: UUTReport, header: dict[str, Any], sink: TextSink) -> list[str]:
    """Write ``report`` (finalised, its root's steps already detached into ``header``'s
    ``"\\x00steps"`` slot by :func:`uut_header`) to ``sink``; return the validator's lines.

    The report's steps are released as they are written: the report is empty afterwards.
    """
    checker = _Checker()
    checker.step_ids = _StepIds()  # type: ignore[assignment]
    children: list[Step] | None = header.pop("\x00steps")
    kind = checker.header(header)
    if kind == "T":
        checker.uut(header)
    sink.add("{")
    first = True
    for key, value in header.items():
        sink.add(("" if first else ",") + dumps(key) + ":")
        first = False
        if key == "root" and isinstance(value, dict) and children is not None:
            text = dumps(value)
            sink.add(text[:-1] + ',"steps":[')
            _write_steps(children, "root", 1, sink, checker)
            sink.add("]}")
        else:
            sink.add(dumps(value))
    sink.add("}")
    if kind == "T":
        checker.sub_units(header, repair=False)
    return checker.lines


def uut_header(report: UUTReport) -> dict[str, Any]:
    """``report``'s WSJF dict without its steps (finalised first); the root's steps are
    moved out of the report into the dict's ``"\\x00steps"`` slot for :func:`write_uut`."""
    report.finalize()
    root = report.root
    children, root.steps = root.steps, None
    header = report_to_wsjf(report)
    header["\x00steps"] = children
    return header


def _write_steps(
    steps: list[Step], path: str, depth: int, sink: TextSink, checker: _Checker | None
) -> None:
    """Write ``steps`` (the children of the step at ``path``) and empty the list."""
    steps.reverse()
    loops: list[dict[str, Any]] = []  # what the validator's loop rule reads, and only that
    index = 0
    while steps:
        step = steps.pop()
        children, step.steps = step.steps, None
        data = _step_out(step)
        del step
        sub_checker = checker
        c_path = path
        if checker is not None:
            name = data.get("name")
            c_path = f"{path} -> step {name if isinstance(name, str) else f'[{index}]'}"
            checker.step(data, c_path, depth)
            if depth > _MAX_DEPTH:
                sub_checker = None  # the validator skips what is below (one line said so)
            loop = data.get("loop")
            if isinstance(loop, dict):
                loops.append({"name": data.get("name"), "loop": loop})
            elif loops and loops[-1]:
                loops.append({})  # a step that is no loop ends a run of iterations
        text = dumps(data)
        del data
        lead = "," if index else ""
        if children is None:
            sink.add(lead + text)
        else:
            sink.add(lead + text[:-1] + ',"steps":[')
            _write_steps(children, c_path, depth + 1, sink, sub_checker)
            sink.add("]}")
        index += 1
    if checker is not None and loops:
        checker.loops([("", item) for item in loops], path)
