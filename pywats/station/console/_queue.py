"""The Queue page: rows by state, search, a row's detail, retry / drop / export.

Everything goes through :class:`pywats.station.queue.ReportQueue` on the instance's queue
file, as ``wats queue ...`` does (each request opens it in a worker thread, off the
service's event loop); a retry then wakes the uploader.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response, StreamingResponse

from pywats.station.console._web import SECURITY_HEADERS, Ctx
from pywats.station.queue import QueueItem, QueueStateError, ReportQueue, State

__all__ = ["drop", "export_one", "export_state", "queue_page", "retry", "row_page"]

LIST_LIMIT = 200
EXPORT_LIMIT = 5000
NOTICES = {
    "retried": "Sent back to the queue, due now: the uploader has been woken.",
    "dropped": "Dropped from the queue; a copy of the report was kept (see below).",
}


def _state(text: str | None) -> State | None:
    try:
        return State(text) if text else None
    except ValueError:
        return None


def _open(path: Path) -> ReportQueue | None:
    return ReportQueue(path) if path.exists() else None


def _list(
    path: Path, text: str, state: State | None
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    queue = _open(path)
    if queue is None:
        return [], {}
    with queue:
        return queue.search(text, state, limit=LIST_LIMIT), dict(queue.stats().counts)


async def queue_page(ctx: Ctx) -> Response:
    params = ctx.request.query_params
    state = _state(params.get("state"))
    text = params.get("q", "")[:200]
    rows, counts = await run_in_threadpool(_list, ctx.control.queue_path, text, state)
    values: dict[str, Any] = {
        "rows": rows,
        "counts": counts,
        "state": state.value if state else "",
        "q": text,
        "states": [s.value for s in State],
        "limit": LIST_LIMIT,
        "notice": params.get("notice", ""),
        "notices": NOTICES,
        "backup": params.get("backup", ""),
    }
    if ctx.request.headers.get("hx-target") == "queue-rows":
        return ctx.render("_queue_rows.html", **values)
    return ctx.render("queue.html", **values)


def _get(path: Path, item_id: int) -> QueueItem | None:
    queue = _open(path)
    if queue is None:
        return None
    with queue:
        return queue.get(item_id)


def _item_id(ctx: Ctx) -> int:
    return int(ctx.request.path_params["item_id"])


def _not_found(ctx: Ctx, item_id: int) -> Response:
    return ctx.render(
        "message.html", 404, title="Not in the queue", text=f"There is no queue row {item_id}."
    )


async def row_page(ctx: Ctx) -> Response:
    item_id = _item_id(ctx)
    item = await run_in_threadpool(_get, ctx.control.queue_path, item_id)
    if item is None:
        return _not_found(ctx, item_id)
    try:
        report: Any = item.report()
        unreadable = ""
    except ValueError as exc:
        report, unreadable = None, str(exc)
    return ctx.render(
        "row.html",
        item=item,
        report=report,
        unreadable=unreadable,
        notice=ctx.request.query_params.get("notice", ""),
        notices=NOTICES,
        problem="",
    )


def _requeue(path: Path, item_id: int) -> str:
    queue = _open(path)
    if queue is None:
        return "the queue does not exist yet"
    with queue:
        try:
            queue.requeue(item_id)
        except QueueStateError as exc:
            return f"{exc}: only parked or quarantined rows can be retried"
    return ""


async def retry(ctx: Ctx) -> Response:
    item_id = _item_id(ctx)
    problem = await run_in_threadpool(_requeue, ctx.control.queue_path, item_id)
    if problem:
        return ctx.render("message.html", 409, title="Not retried", text=problem)
    ctx.control.wake_uploader()
    return RedirectResponse(ctx.url(f"queue/{item_id}?notice=retried"), status_code=303)


def _drop(path: Path, item_id: int) -> tuple[QueueItem, Path] | str:
    queue = _open(path)
    if queue is None:
        return "the queue does not exist yet"
    with queue:
        item = queue.get(item_id)
        if item is None:
            return f"there is no queue row {item_id}"
        if item.state == State.UPLOADING:
            return f"queue row {item_id} is being uploaded right now; try again in a moment"
        # As `wats queue drop`: a durable copy first, never over an earlier one.
        saved = queue.export(item, path.parent / "dropped", overwrite=False)
        try:
            queue.drop(item.id)
        except QueueStateError as exc:
            return str(exc)
        return item, saved


async def drop(ctx: Ctx) -> Response:
    item_id = _item_id(ctx)
    if ctx.form.get("confirm") != "yes":
        item = await run_in_threadpool(_get, ctx.control.queue_path, item_id)
        if item is None:
            return _not_found(ctx, item_id)
        return ctx.render("confirm_drop.html", item=item)
    outcome = await run_in_threadpool(_drop, ctx.control.queue_path, item_id)
    if isinstance(outcome, str):
        return ctx.render("message.html", 409, title="Not dropped", text=outcome)
    _, saved = outcome
    from urllib.parse import quote

    return RedirectResponse(
        ctx.url(f"queue?notice=dropped&backup={quote(str(saved))}"), status_code=303
    )


async def export_one(ctx: Ctx) -> Response:
    item_id = _item_id(ctx)
    item = await run_in_threadpool(_get, ctx.control.queue_path, item_id)
    if item is None:
        return _not_found(ctx, item_id)
    return Response(
        item.payload.encode("utf-8"),
        media_type="application/json",
        headers={
            **SECURITY_HEADERS,
            "Content-Disposition": f'attachment; filename="{_safe(item.report_id)}.json"',
        },
    )


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:120] or "report"


def _zip(path: Path, state: State) -> tuple[IO[bytes], int]:
    """The rows' reports zipped into an anonymous temporary file (not held in memory)."""
    queue = _open(path)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (closed by _chunks once streamed)
    count = 0
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if queue is not None:
            with queue:
                for item in queue.items(state, limit=EXPORT_LIMIT):
                    archive.writestr(f"{_safe(item.report_id)}.json", item.payload)
                    count += 1
    spool.seek(0)
    return spool, count


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    with spool:
        while block := spool.read(64 * 1024):
            yield block


async def export_state(ctx: Ctx) -> Response:
    """Every row in one state as a zip of ``<report id>.json`` files (``wats queue export``)."""
    state = _state(ctx.request.query_params.get("state")) or State.PARKED
    spool, count = await run_in_threadpool(_zip, ctx.control.queue_path, state)
    name = f"{_safe(ctx.control.instance)}-{state.value}.zip"
    return StreamingResponse(
        _chunks(spool),
        media_type="application/zip",
        headers={
            **SECURITY_HEADERS,
            "Content-Disposition": f'attachment; filename="{name}"',
            "X-Report-Count": str(count),
        },
    )
