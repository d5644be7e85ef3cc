"""A progress bar on stderr for long work, shown only where a person is watching."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

__all__ = ["progress"]


@contextlib.contextmanager
def progress(total: int, description: str) -> Iterator[Callable[[], None]]:
    """Yield ``advance()``; draw a rich bar on stderr for more than one item on a terminal.

    Nothing is drawn with ``--quiet``, for a single item, or when stderr is not a terminal
    (logs and CI output stay clean).
    """
    from wats_cli._context import state

    if total < 2 or state().quiet or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from wats_cli._context import err_console

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console(),
        transient=True,
    ) as bar:
        task = bar.add_task(description, total=total)
        yield lambda: bar.advance(task)
