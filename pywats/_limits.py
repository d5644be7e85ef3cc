"""Bounds on what a server can make the client hold or wait for (shared by both twins).

A hostile or broken server (or a proxy in front of it) must not be able to exhaust the
client's memory or hang it:

* an answer read into memory may hold at most ``max_response_size`` bytes *after*
  decompression (so a gzip bomb stops at the same bound as a plain body), checked against
  ``Content-Length`` before reading and against the bytes actually decoded while reading;
* the whole exchange, body included, must finish within the client's ``timeout`` (httpx's
  own timeouts are per read: a body that drips one byte every few seconds never trips them);
* a file download streamed to disk may be large (``max_download_size``), but must keep
  moving: at least :data:`MIN_PROGRESS` bytes in every ``timeout`` seconds.

Nothing here retries: the deadline raises httpx's ``ReadTimeout`` (so it becomes the usual
retryable ``WatsTimeoutError``); a body over the limit raises ``WatsError`` (not retryable:
asking again returns the same body).
"""

from __future__ import annotations

import contextvars
import time

import httpx

from pywats._exceptions import WatsError

__all__ = [
    "DEFAULT_MAX_DOWNLOAD_SIZE",
    "DEFAULT_MAX_RESPONSE_SIZE",
    "MIN_PROGRESS",
    "BodyBudget",
    "DownloadBudget",
    "body_budget",
    "set_content",
    "streaming",
]

DEFAULT_MAX_RESPONSE_SIZE = 64 * 1024 * 1024
"""64 MiB: ten times the WSJF of a 20,000-step report; larger answers are refused."""
DEFAULT_MAX_DOWNLOAD_SIZE = 8 * 1024 * 1024 * 1024
"""8 GiB: a software package file streamed to disk."""
MIN_PROGRESS = 64 * 1024
"""A streamed download must receive this many bytes in every ``timeout`` seconds."""

_DEADLINE = "pywats.deadline"
_LIMIT = "pywats.max_response_size"

# Set while a download is streamed to disk: the response hook leaves a 2xx body unread.
streaming: contextvars.ContextVar[bool] = contextvars.ContextVar("pywats_streaming", default=False)


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MiB" if size >= 1024 * 1024 else f"{size} bytes"


def too_large(request: httpx.Request, limit: int, setting: str) -> WatsError:
    return WatsError(
        f"the server's answer to {request.method} {request.url.path} is larger than"
        f" {_mib(limit)} (after decompression); refused. If such answers are expected, raise"
        f" the client's {setting}."
    )


def stamp(request: httpx.Request, max_response_size: int | None) -> None:
    """Request hook: note the exchange's deadline and size limit on the request."""
    timeout = request.extensions.get("timeout") or {}
    total = max((v for v in timeout.values() if v is not None), default=None)
    request.extensions[_DEADLINE] = None if total is None else time.monotonic() + total
    request.extensions[_LIMIT] = max_response_size


class BodyBudget:
    """Counts the decoded bytes of one answer against its size limit and its deadline."""

    __slots__ = ("_deadline", "_limit", "_request", "_seen")

    def __init__(self, request: httpx.Request) -> None:
        self._request = request
        self._deadline: float | None = request.extensions.get(_DEADLINE)
        self._limit: int | None = request.extensions.get(_LIMIT)
        self._seen = 0

    def check_length(self, response: httpx.Response) -> None:
        """Refuse at once an answer whose ``Content-Length`` is over the limit."""
        declared = response.headers.get("content-length", "")
        if self._limit is not None and declared.isdigit() and int(declared) > self._limit:
            raise too_large(self._request, self._limit, "max_response_size")

    def take(self, size: int) -> None:
        """Count ``size`` more bytes; raise when over the limit or past the deadline."""
        self._seen += size
        if self._limit is not None and self._seen > self._limit:
            raise too_large(self._request, self._limit, "max_response_size")
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise httpx.ReadTimeout(
                "the answer was still arriving when the request's time ran out",
                request=self._request,
            )


def body_budget(response: httpx.Response) -> BodyBudget:
    budget = BodyBudget(response.request)
    budget.check_length(response)
    return budget


class DownloadBudget:
    """For a body streamed to disk: a size limit and a minimum rate, not a total deadline."""

    __slots__ = ("_limit", "_mark", "_request", "_seen", "_since", "_window")

    def __init__(self, request: httpx.Request, limit: int | None, window: float | None) -> None:
        self._request = request
        self._limit = limit
        self._window = window
        self._seen = 0
        self._mark = 0
        self._since = time.monotonic()

    def take(self, size: int) -> None:
        self._seen += size
        if self._limit is not None and self._seen > self._limit:
            raise too_large(self._request, self._limit, "max_download_size")
        if self._window is None:
            return
        now = time.monotonic()
        if self._seen - self._mark >= MIN_PROGRESS:
            self._mark, self._since = self._seen, now
        elif now - self._since > self._window:
            raise httpx.ReadTimeout(
                f"the download moved less than {MIN_PROGRESS // 1024} KiB in {self._window:g} s",
                request=self._request,
            )


def set_content(response: httpx.Response, content: bytes) -> None:
    """Give ``response`` the body read under a budget (what ``read()`` would have set)."""
    response._content = content
