"""The Folders page (counts, Error/ files with reasons, "try again") and "Try a converter"."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import socket
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from pywats.station.console._web import Ctx, read_limited

if TYPE_CHECKING:
    from pywats.station.config import FolderConfig
    from pywats.station.converters.dryrun import DryRun

__all__ = ["folders_page", "try_again", "try_page", "try_run"]

log = logging.getLogger("pywats.station.console")
COUNT_CAP = 10_000
ERROR_LIST_LIMIT = 200
UPLOAD_LIMIT = 20 * 1024 * 1024
NOTE = ".error.txt"


@attrs.frozen(kw_only=True)
class ErrorFile:
    name: str
    size: int
    mtime: float
    reason: str


def _count(folder: Path) -> int:
    """Regular, visible files directly in ``folder`` (stops at :data:`COUNT_CAP`)."""
    count = 0
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.startswith(".") and entry.is_file(follow_symlinks=False):
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
            "error_count": _count(folder.error_dir),
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


# -- Try a converter ------------------------------------------------------------------------


def _choices(ctx: Ctx) -> tuple[list[str], list[dict[str, Any]]]:
    from pywats.station.converters import available_converters

    folders = [
        {"index": i, "path": str(f.path), "converter": f.converter}
        for i, f in enumerate(ctx.control.config.folders)
    ]
    return available_converters(), folders


async def try_page(ctx: Ctx) -> Response:
    converters, folders = await run_in_threadpool(_choices, ctx)
    return ctx.render("try.html", converters=converters, folders=folders)


def _convert(data: bytes, name: str, converter: str | None, context: Any) -> DryRun:
    from pywats.station.converters.dryrun import dry_run

    work = Path(tempfile.mkdtemp(prefix="pywats-console-"))  # 0700
    try:
        path = work / name
        path.write_bytes(data)
        return dry_run(path, converter, context=context)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _file_name(text: str) -> str:
    name = Path(text.replace("\\", "/")).name.strip()
    name = "".join(c for c in name if c.isprintable() and c not in "/\\\0")
    return name[:200].lstrip(".") or "upload.dat"


async def try_run(ctx: Ctx) -> Response:
    from pywats.config import ConfigError
    from pywats.station.converters import ConversionError, ConverterContext

    params = ctx.request.query_params
    config = ctx.control.config
    data = await read_limited(ctx.request, UPLOAD_LIMIT)
    if data is None:
        return _result(ctx, problem=f"the file is larger than {UPLOAD_LIMIT // 2**20} MB")
    name = _file_name(params.get("name", ""))
    converters, _ = await run_in_threadpool(_choices, ctx)
    converter: str | None = params.get("converter") or None
    parameters: dict[str, Any] = {}
    folder_text = params.get("folder", "")
    if folder_text.isdigit() and int(folder_text) < len(config.folders):
        folder = config.folders[int(folder_text)]
        converter, parameters = folder.converter, dict(folder.parameters)
    elif converter is not None and converter not in converters:
        return _result(ctx, problem=f"{converter!r} is not an installed converter")
    context = ConverterContext(
        station_name=config.station_name or socket.gethostname()[:100] or "localhost",
        location=config.location or "Local",
        purpose=config.purpose or "Development",
        parameters=parameters,
    )
    timeout = float(getattr(config, "converter_timeout", 60.0))
    try:
        result = await asyncio.wait_for(
            run_in_threadpool(_convert, data, name, converter, context), timeout
        )
    except TimeoutError:
        return _result(ctx, problem=f"the converter took longer than {timeout:g} s")
    except (ConversionError, ConfigError, FileNotFoundError) as exc:
        return _result(ctx, problem=str(exc))
    except Exception as exc:  # a converter's own bug: show it, keep serving
        log.warning("console: converter failed on %s: %s", name, exc, exc_info=True)
        return _result(ctx, problem=f"the converter failed: {type(exc).__name__}: {exc}")
    return _result(ctx, result=result, name=name)


def _result(
    ctx: Ctx, *, problem: str = "", result: DryRun | None = None, name: str = ""
) -> Response:
    return ctx.render("_try_result.html", problem=problem, result=result, name=name)
