"""Report files for ``wats report validate`` and ``submit``: files, JSON arrays, stdin.

A file holds one WSJF report (an object) or several (an array: what ``wats report convert``
writes for a multi-report result file). ``-`` is stdin, and so is no file at all when stdin is
a pipe, so ``wats report convert x.csv | wats report submit`` works. Each report gets its own
row (``file``, or ``file[2]`` inside an array); one bad file or report never stops the others.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from typing import Any

import typer

__all__ = ["Item", "items", "stdin_default"]

STDIN = "-"


class Item:
    """One report from a file (``report``), or why there is none (``problem``).

    ``more``: on the first report of an array, how many more the array holds (else 0).
    """

    __slots__ = ("label", "more", "problem", "report")

    def __init__(
        self, label: str, report: Any = None, problem: str | None = None, more: int = 0
    ) -> None:
        self.label = label
        self.report = report
        self.problem = problem
        self.more = more


def stdin_default(files: list[str] | None) -> list[str]:
    """``files``, or ``["-"]`` when none were named and stdin is a pipe (else a usage error)."""
    if files:
        return files
    if sys.stdin is not None and not sys.stdin.isatty():
        return [STDIN]
    raise typer.BadParameter(
        "name WSJF files, or pipe reports in (`-` is stdin)", param_hint="FILE"
    )


def _read(name: str) -> Any:
    """Parse one file (or stdin); OSError or ValueError (not JSON) for the caller to report."""
    import json
    from pathlib import Path

    if name == STDIN:
        return json.loads(sys.stdin.read().lstrip("\ufeff"))
    return json.loads(Path(name).read_text(encoding="utf-8-sig"))


def items(files: list[str]) -> Iterator[Item]:
    """Every report in ``files``, in order; unreadable files become items with a problem."""
    for name in files:
        label = "<stdin>" if name == STDIN else name
        try:
            data = _read(name)
        except OSError as exc:
            yield Item(label, problem=f"cannot read the file: {exc.strerror or exc}")
            continue
        except RecursionError:
            yield Item(label, problem="not valid JSON: the JSON is nested too deeply to read")
            continue
        except ValueError as exc:
            yield Item(label, problem=f"not valid JSON: {exc}")
            continue
        if isinstance(data, list):
            if not data:
                yield Item(label, problem="the array holds no reports")
            for index, report in enumerate(data):
                more = len(data) - 1 if index == 0 else 0
                yield Item(f"{label}[{index}]", report=report, more=more)
        else:
            yield Item(label, report=data)


def with_id(report: Any) -> Any:
    """``report`` with the id ``submit`` would give it when it has none (a copy, for checks)."""
    if isinstance(report, dict) and not report.get("id"):
        return {**report, "id": str(uuid.uuid4())}
    return report
