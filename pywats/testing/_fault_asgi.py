"""The ASGI side of fault injection: the middleware that applies :class:`Faults` to requests."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from pywats.testing._faults import ASGIApp, DroppedConnection, Faults

__all__ = ["FaultMiddleware", "quiet_dropped_connections"]

_REASONS = {
    408: "The request timed out.",
    429: "Too many requests. Try again later.",
    500: "An error has occurred.",
    502: "Bad gateway.",
    503: "The service is unavailable.",
    504: "Gateway timeout.",
}


class FaultMiddleware:
    """Pure ASGI middleware applying :class:`Faults` to every HTTP request."""

    def __init__(self, app: ASGIApp, faults: Faults) -> None:
        self.app = app
        self.faults = faults

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        epoch = self.faults.enter()
        try:
            await self._handle(scope, receive, send)
        finally:
            self.faults.leave(epoch)

    async def _handle(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        latency, rule = self.faults.decide(scope["method"], scope["path"])
        delay = latency + (rule.delay if rule else 0.0)
        if delay > 0:
            await asyncio.sleep(delay)
        if rule is None or (rule.status is None and not rule.drop):
            await self.app(scope, receive, send)
            return
        if rule.drop:
            if rule.after:
                await self.app(scope, receive, _swallow)
            await _drop(send)
            return
        assert rule.status is not None
        body = rule.body
        if body is None:
            body = json.dumps({"Message": _REASONS.get(rule.status, "Injected fault.")})
        headers = [(b"content-type", b"application/json; charset=utf-8")]
        headers += [(k.lower().encode(), str(v).encode()) for k, v in rule.headers.items()]
        payload = body.encode()
        headers.append((b"content-length", str(len(payload)).encode()))
        await send({"type": "http.response.start", "status": rule.status, "headers": headers})
        await send({"type": "http.response.body", "body": payload})


async def _swallow(message: dict[str, Any]) -> None:
    """An ASGI ``send`` that discards the app's response."""


async def _drop(send: Any) -> None:
    # ASGI has no "abort". Promise a body, then fail: the server closes the transport and
    # the client sees the connection die before the response is complete.
    await send(
        {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"65536")]}
    )
    raise DroppedConnection("connection dropped by fault injection")


class _HideDrops(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, DroppedConnection)


def quiet_dropped_connections() -> None:
    """Keep uvicorn from logging injected drops as application errors (idempotent)."""
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _HideDrops) for f in logger.filters):
        logger.addFilter(_HideDrops())
