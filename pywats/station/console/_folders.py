"""The Folders page: each folder's counts, its Error/ files with their reasons, "try again"."""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from pywats.station.console._web import Ctx

if TYPE_CHECKING:
    from pywats.station.config import FolderConfig

__all__ = ["error_files", "folders_page", "try_again"]

log = logging.getLogger("pywats.station.console")
COUNT_CAP = 10_000
ERROR_LIST_LIMIT = 200
NOTE = ".error.txt"


@attrs.frozen(kw_only=True)
class ErrorFile:
    name: str
    size: int
    mtime: float
    reason: str


def _count(folder: Path, *, notes: bool = True) -> int:
    """Regular, visible files directly in ``folder`` (stops at :data:`COUNT_CAP`).

    With ``notes=False`` the ``<name>.error.txt`` reasons are not counted.
    """
    count = 0
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(".") or (not notes and entry.name.endswith(NOTE)):
                continue
            if entry.is_file(follow_symlinks=False):
                count += 1
                if count >= COUNT_CAP:
                    break
    return count


def _reason(note: Path) -> str:
    try:
        text = note.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return "(no reason recorded)"
    lines = text.splitlines()
    return "\n".join(lines[1:]).strip() or "(no reason recorded)"  # line 1 is the source path


def error_files(folder: FolderConfig) -> list[ErrorFile]:
    from pywats.station._files import note_path

    out: list[ErrorFile] = []
    with contextlib.suppress(OSError), os.scandir(folder.error_dir) as entries:
        for entry in entries:
            if entry.name.endswith(NOTE) or entry.name.startswith("."):
                continue
            if not entry.is_file(follow_symlinks=False):
                continue
            info = entry.stat(follow_symlinks=False)
            path = Path(entry.path)
            out.append(
                ErrorFile(
                    name=entry.name,
                    size=info.st_size,
                    mtime=info.st_mtime,
                    reason=_reason(note_path(path)),
                )
            )
    out.sort(key=lambda f: f.mtime, reverse=True)
    return out[:ERROR_LIST_LIMIT]


def _folders(folders: tuple[FolderConfig, ...]) -> list[dict[str, Any]]:
    return [
        {
            "index": index,
            "folder": folder,
            "waiting": _count(folder.path),
            "done": _count(folder.done_dir),
            "errors": error_files(folder),
            "error_count": _count(folder.error_dir, notes=False),
        }
        for index, folder in enumerate(folders)
    ]


async def folders_page(ctx: Ctx) -> Response:
    views = await run_in_threadpool(_folders, tuple(ctx.control.config.folders))
    params = ctx.request.query_params
    return ctx.render(
        "folders.html",
        views=views,
        cap=COUNT_CAP,
        moved=params.get("moved", ""),
        problem=params.get("problem", ""),
    )


def _move_back(folder: FolderConfig, name: str) -> str:
    """Move ``Error/<name>`` back into the watched folder; '' or what went wrong."""
    from pywats.station._files import move_unique, note_path

    if not name or name != Path(name).name or name.startswith(".") or name.endswith(NOTE):
        return f"{name!r} is not a file of the error folder"
    source = folder.error_dir / name
    if source.is_symlink() or not source.is_file():
        return f"{name} is no longer in {folder.error_dir}"
    note = note_path(source)
    try:
        target = move_unique(source, folder.path)
    except OSError as exc:
        return f"{name} could not be moved back: {exc.strerror or exc}"
    with contextlib.suppress(OSError):
        note.unlink()
    log.info("console: moved %s back to %s to be converted again", source, target)
    return ""


async def try_again(ctx: Ctx) -> Response:
    from urllib.parse import quote

    folders = ctx.control.config.folders
    index = int(ctx.request.path_params["index"])
    if not 0 <= index < len(folders):
        return ctx.render("message.html", 404, title="No such folder", text=f"folder {index}")
    name = ctx.form.get("name", "")
    problem = await run_in_threadpool(_move_back, folders[index], name)
    query = f"problem={quote(problem)}" if problem else f"moved={quote(name)}"
    return RedirectResponse(ctx.url(f"folders?{query}"), status_code=303)
