"""Levels in the local reference copy: a level's path → its id, offline.

A level path is its names, topmost first (``["Acme", "Line 2"]``, on the command line
``Acme/Line 2``). The copy's ``levelPaths`` section holds one row per level,
``{"path": [...], "id": n, "fetchedAt": t}``: the whole tree from the System Manager when the
service refreshes it, and each path ``wats system level get|create`` resolved since (``id``
null: the server said the path does not exist). Names are matched without regard to case, as
the server does.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pywats._models_system import SystemNode
    from pywats._refcache import Freshness
    from pywats.station.reference import ReferenceCopy

__all__ = ["learn_level", "level_id_with_fallback", "level_paths", "names_of"]

log = logging.getLogger("pywats.station")


def names_of(path: Sequence[str] | str) -> list[str]:
    """The names of a level path (``"Acme/Line 2"`` or a list), stripped."""
    names = path.split("/") if isinstance(path, str) else list(path)
    return [str(name).strip() for name in names]


def _key(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(name.strip().casefold() for name in names)


def level_paths(nodes: Iterable[SystemNode]) -> list[dict[str, Any]]:
    """One ``{"path", "id"}`` row per level of a System Manager tree (clients left out)."""
    levels: dict[int, SystemNode] = {}
    for node in nodes:
        level_id = node.id if node.id is not None else node.client_group_id
        if node.is_level and level_id is not None and node.name:
            levels[level_id] = node
    rows = []
    for level_id, node in levels.items():
        names: list[str] = []
        seen: set[int] = set()
        current: SystemNode | None = node
        while current is not None and id(current) not in seen:  # a cycle ends the walk
            seen.add(id(current))
            names.append(str(current.name))
            parent = current.parent_id
            current = None if parent is None else levels.get(parent)
        rows.append({"path": names[::-1], "id": level_id})
    return sorted(rows, key=lambda row: [n.casefold() for n in row["path"]])


def _saved_id(copy: ReferenceCopy, names: list[str]) -> tuple[bool, int | None, Freshness | None]:
    from pywats.station.reference import LEVEL_PATHS

    saved = copy.load(LEVEL_PATHS)
    if saved is None:
        return False, None, None
    wanted = _key(names)
    for row in saved.rows:
        path = row.get("path")
        if isinstance(path, list) and _key(str(n) for n in path) == wanted:
            when = row.get("fetchedAt")
            own = float(when) if isinstance(when, int | float) and 0 < when < 1e11 else None
            level_id = row.get("id") if type(row.get("id")) is int else None
            return True, level_id, saved.freshness(fetched_at=own)
    # Not among the paths kept: absent from the whole tree when it came from the server.
    return False, None, saved.freshness()


def learn_level(copy: ReferenceCopy, path: Sequence[str] | str, level_id: int | None) -> None:
    """Keep what the server said of ``path``: its id, or (None) that it does not exist."""
    from pywats.station.reference import LEVEL_PATHS

    now = time.time()
    names = names_of(path)
    wanted = _key(names)

    def change(old: dict[str, Any] | None) -> dict[str, Any]:
        old = old or {}
        rows = [
            row
            for row in old.get("rows", [])
            if isinstance(row, dict)
            and not (isinstance(row.get("path"), list) and _key(map(str, row["path"])) == wanted)
        ]
        rows.append({"path": names, "id": level_id, "fetchedAt": now})  # None: no such path
        # A path learnt is not the whole tree: the section's own time stays (0 if never).
        return {**old, "rows": rows, "fetchedAt": old.get("fetchedAt", 0.0)}

    try:
        copy.update(LEVEL_PATHS, change)
    except OSError as exc:  # a read-only data folder must not fail the lookup
        log.warning("cannot save the local level paths in %s: %s", copy.path, exc)


def level_id_with_fallback(
    lookup: Callable[[Sequence[str] | str], int | None],
    copy: ReferenceCopy,
    path: Sequence[str] | str,
) -> tuple[int | None, Freshness | None]:
    """A level's id from the server (``lookup``), else from the copy; and where it came from.

    What the server said is kept in the copy (the id, or that the path does not exist).
    The freshness is None when the server answered.

    Raises:
        ValueError: an empty name in the path (nothing was sent).
        WatsError: the server could not be reached and the copy does not know the path's
            levels, or another error.
    """
    from pywats.station.reference import UNREACHABLE

    try:
        level_id = lookup(path)
    except UNREACHABLE as exc:
        names = names_of(path)
        known, saved_id, fresh = _saved_id(copy, names)
        if fresh is None:
            raise
        if not known and not _whole_tree(copy):
            raise  # only some paths are kept: not finding one says nothing
        log.info("server unreachable (%s); level %s from %s", exc, "/".join(names), copy.path)
        return saved_id, fresh
    learn_level(copy, path, level_id)
    return level_id, None


def _whole_tree(copy: ReferenceCopy) -> bool:
    from pywats.station.reference import LEVEL_PATHS

    saved = copy.load(LEVEL_PATHS)
    return saved is not None and saved.fetched_at > 0
