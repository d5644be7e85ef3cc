"""Dashboard (live state, chart, last errors) and Log (tail, level filter) pages."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from pywats.station.console._web import SECURITY_HEADERS, Ctx

__all__ = ["LEVELS", "dashboard", "history", "live", "log_page", "log_tail", "tail"]

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
_RANK = {"DEBUG": 10, "INFO": 20, "WARNING": 30, "ERROR": 40, "CRITICAL": 50}
_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d[,.]\d+ (DEBUG|INFO|WARNING|ERROR|CRITICAL)\b"
)
TAIL_BYTES = 256 * 1024
TAIL_LINES = 300
STATES = ("pending", "uploading", "delivered", "parked", "quarantined")


def _server(snapshot: Mapping[str, Any]) -> dict[str, Any]:
    """The server's line: status (online/offline/unauthorized/unknown), version, latency."""
    latency = snapshot.get("server_latency_ms")
    return {
        "status": str(snapshot.get("server") or "unknown"),
        "version": snapshot.get("server_version") or None,
        "latency_ms": round(latency) if isinstance(latency, int | float) else None,
        "url": str(snapshot.get("server_url") or ""),
        "error": str(snapshot.get("server_error") or ""),
    }


def status_values(ctx: Ctx) -> dict[str, Any]:
    snapshot = ctx.control.snapshot()
    queue = snapshot.get("queue") or {}
    counts = queue.get("counts") if isinstance(queue, Mapping) else None
    return {
        "snap": snapshot,
        "server": _server(snapshot),
        "counts": {state: int((counts or {}).get(state, 0)) for state in STATES},
        "errors": list(ctx.control.recent_errors(limit=10)),
    }


async def dashboard(ctx: Ctx) -> Response:
    return ctx.render("dashboard.html", **status_values(ctx))


async def live(ctx: Ctx) -> Response:
    return ctx.render("_live.html", **status_values(ctx))


async def history(ctx: Ctx) -> Response:
    """``{"t": [...], "uploads": [...], "queue_depth": [...]}`` for the chart."""
    samples = list(ctx.control.history())
    data = {
        "t": [s.get("t") for s in samples],
        "uploads": [s.get("uploads") for s in samples],
        "queue_depth": [s.get("queue_depth") for s in samples],
    }
    return JSONResponse(data, headers=SECURITY_HEADERS)


def tail(path: Path | None, level: str = "INFO", lines: int = TAIL_LINES) -> list[tuple[str, str]]:
    """The last ``lines`` log lines at ``level`` or above, as ``(level, text)``.

    A line without a level (a traceback's) belongs to the line before it.
    """
    if path is None:
        return []
    threshold = _RANK.get(level, 20)
    try:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - TAIL_BYTES))
            data = handle.read()
    except OSError:
        return []
    text = data.decode("utf-8", "replace").splitlines()
    if size > TAIL_BYTES and text:
        text = text[1:]  # the first line was cut in the middle
    out: list[tuple[str, str]] = []
    current = "INFO"
    for line in text:
        match = _LINE.match(line)
        if match:
            current = match.group(1)
        if _RANK[current] >= threshold:
            out.append((current, line))
    return out[-lines:]


def _level(ctx: Ctx) -> str:
    level = ctx.request.query_params.get("level", "INFO").upper()
    return level if level in LEVELS else "INFO"


async def log_page(ctx: Ctx) -> Response:
    level = _level(ctx)
    lines = await run_in_threadpool(tail, ctx.control.log_path, level)
    return ctx.render(
        "log.html", lines=lines, level=level, levels=LEVELS, log_path=ctx.control.log_path
    )


async def log_tail(ctx: Ctx) -> Response:
    level = _level(ctx)
    lines = await run_in_threadpool(tail, ctx.control.log_path, level)
    return ctx.render("_log_lines.html", lines=lines, level=level)
