"""The "Try a converter" page: upload a file, see the WSJF and the validator's lines.

The conversion is :func:`pywats.station.converters.dryrun.dry_run` (what ``wats report
convert`` runs), in a child process (``_tryrun``): the converters' modules and memory stay
out of the service, and the time limit (the instance's converter timeout) really stops it.
Nothing is queued or sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import shutil
import socket
import sys
import tempfile
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from pywats.station.console._web import Ctx, read_limited

__all__ = ["UPLOAD_LIMIT", "try_page", "try_run"]

UPLOAD_LIMIT = 20 * 1024 * 1024
OUTPUT_LIMIT = 64 * 1024 * 1024


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


def _file_name(text: str) -> str:
    name = Path(text.replace("\\", "/")).name.strip()
    name = "".join(c for c in name if c.isprintable() and c not in "/\\\0")
    return name[:200].lstrip(".") or "upload.dat"


async def convert_in_child(
    data: bytes, name: str, converter: str | None, context: dict[str, Any], timeout: float
) -> dict[str, Any]:
    """Run the dry run in a child process; its JSON outcome, or ``{"error": ...}``."""
    work = Path(await run_in_threadpool(tempfile.mkdtemp, None, "pywats-console-"))  # 0700
    try:
        path = work / name
        await run_in_threadpool(path.write_bytes, data)
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "pywats.station.console._tryrun",
            str(path),
            converter or "",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            out, err = await asyncio.wait_for(
                child.communicate(json.dumps(context).encode()), timeout
            )
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                child.kill()
            await child.wait()
            return {"error": f"the converter took longer than {timeout:g} s (stopped)"}
        if child.returncode != 0 or not out:
            last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            return {"error": f"the conversion process failed: {last[0]}"}
        if len(out) > OUTPUT_LIMIT:
            return {"error": "the converter made more than 64 MB of reports"}
        result: dict[str, Any] = json.loads(out)
        return result
    finally:
        await run_in_threadpool(shutil.rmtree, work, True)


async def try_run(ctx: Ctx) -> Response:
    params = ctx.request.query_params
    config = ctx.control.config
    data = await read_limited(ctx.request, UPLOAD_LIMIT)
    if data is None:
        return _result(ctx, {"error": f"the file is larger than {UPLOAD_LIMIT // 2**20} MB"})
    name = _file_name(params.get("name", ""))
    converters, _ = await run_in_threadpool(_choices, ctx)
    converter: str | None = params.get("converter") or None
    parameters: dict[str, Any] = {}
    folder_text = params.get("folder", "")
    if folder_text.isdigit() and int(folder_text) < len(config.folders):
        folder = config.folders[int(folder_text)]
        converter, parameters = folder.converter, dict(folder.parameters)
    elif converter is not None and converter not in converters:
        return _result(ctx, {"error": f"{converter!r} is not an installed converter"})
    context = {
        "station_name": config.station_name or socket.gethostname()[:100] or "localhost",
        "location": config.location or "Local",
        "purpose": config.purpose or "Development",
        "parameters": parameters,
    }
    timeout = float(getattr(config, "converter_timeout", 60.0)) + 5.0  # + the child's start
    outcome = await convert_in_child(data, name, converter, context, timeout)
    return _result(ctx, outcome, name)


def _result(ctx: Ctx, outcome: dict[str, Any], name: str = "") -> Response:
    return ctx.render(
        "_try_result.html",
        problem=str(outcome.get("error") or ""),
        converter=outcome.get("converter", ""),
        reports=outcome.get("reports") or [],
        problems=outcome.get("problems") or [],
        name=name,
    )
