"""Atomic file replacement: write a temporary sibling, fsync it, rename it over the target.

A reader sees the old file or the new one, never half of one, and a crash or an error mid-write
leaves the old copy in place and no temporary file behind. ``mkstemp`` creates the temporary
file readable only by its owner, so secrets are never briefly world-readable.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal

__all__ = ["atomic_file"]


@contextlib.contextmanager
def atomic_file(
    path: Path,
    mode: Literal["w", "wb"],
    *,
    prefix: str | None = None,
    suffix: str = ".tmp",
    fsync: bool = True,
) -> Iterator[IO[Any]]:
    """Yield a handle on a temporary file in ``path``'s folder; on success it replaces ``path``.

    Text mode writes UTF-8. The folder must exist. ``prefix`` defaults to ``.<name>.``.
    ``fsync=False`` skips the flush to disk: still whole or absent if the process dies, but
    not across a power cut (for many files where a re-run can redo the work).
    """
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}." if prefix is None else prefix, suffix=suffix, dir=path.parent
    )
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as handle:
            yield handle
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
