"""A progress bar on stderr for long work, shown only where a person is watching."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

__all__ = ["progress"]


@contextlib.contextmanager
def progress(total: int, description: str, *, unit: str = "") -> Iterator[Callable[..., None]]:
    """Yield ``advance(done=1, *, more=0)``; draw a rich bar on stderr on a terminal.

    ``more`` grows the total (work found on the way, e.g. reports inside an array file).
    Nothing is drawn with ``--quiet``, for a total below 2, or when stderr is not a terminal
    (logs and CI output stay clean). With ``unit`` (e.g. "reports"), the bar also shows the
    rate ("42.0 reports/s").
    """
    from wats_cli._context import state

    if total < 2 or state().quiet or not sys.stderr.isatty():
        yield lambda done=1, *, more=0: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TimeRemainingColumn,
    )

    from wats_cli._context import err_console

    columns: list[str | ProgressColumn] = [
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
    ]
    if unit:
        # task.speed is None until rich has two samples: show nothing rather than "None".
        columns.append("[progress.data.speed]{task.fields[rate]}")
    columns.append(TimeRemainingColumn())
    with Progress(*columns, console=err_console(), transient=True) as bar:
        task = bar.add_task(description, total=total, rate="")

        def advance(done: int = 1, *, more: int = 0) -> None:
            if more:
                bar.update(task, total=(bar.tasks[0].total or 0) + more)
            bar.advance(task, done)
            speed = bar.tasks[0].speed if unit else None  # the only task
            if speed is not None:
                bar.update(task, rate=f"{speed:,.1f} {unit}/s")

        yield advance
