"""Answers from the instance's local reference copy while the server cannot be reached.

A command that can answer from the copy (``wats process``, ``wats system level``) says on
stderr where the answer came from: a warning naming the copy and its age when it was the
copy, else (with ``what`` given) a line like ``processes: server, just now``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pywats.station.reference import Freshness, ReferenceCopy

__all__ = ["local_copy", "tell"]


def local_copy() -> ReferenceCopy:
    """The local copy of the instance this command runs for."""
    from pywats.config import resolve_instance
    from pywats.station.reference import copy_for_instance
    from wats_cli._context import state

    return copy_for_instance(resolve_instance(state().instance))


def tell(fresh: Freshness | None, copy: ReferenceCopy, what: str, *, online: bool = True) -> None:
    """Say where ``what`` came from (``online``: also when it was the server or a cache)."""
    from wats_cli._context import info, warn

    if fresh is None:
        return
    if fresh.source == "disk":
        warn(
            f"the server could not be reached: {what} from the local copy {copy.path}, fetched"
            f" {fresh.fetched_at:%Y-%m-%d %H:%M:%S} UTC ({fresh.age})"
        )
    elif online:
        info(f"{what}: {fresh.describe()}")
