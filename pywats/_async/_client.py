"""The WATS client, written once as async code (its sync twin is generated from this file).

A client owns one connection pool (an httpx client), one circuit breaker, one rate limiter
and the station registry; ``with_options`` copies share all of them. Domain services
(``api.report``, ``api.product`` ...) are built on first access (``_domains``).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import attrs
import httpx

from pywats._async._domains import AsyncDomains
from pywats._breaker import CircuitBreaker
from pywats._cleartext import warn_plain_http
from pywats._http import (
    USER_AGENT,
    TokenAuth,
    empty_lookup_error,
    error_from_response,
    log_response,
    lookup_in_flight,
    set_timeout,
    ssl_verify,
    use_set_cookie_only,
)
from pywats._limits import (
    DEFAULT_MAX_DOWNLOAD_SIZE,
    DEFAULT_MAX_RESPONSE_SIZE,
    body_budget,
    set_content,
    stamp,
    streaming,
)
from pywats._options import (
    BreakerConfig,
    ClientOptions,
    ErrorMode,
    RateLimit,
    RetryConfig,
    resolve_credentials,
)
from pywats._pool import cache_liveness_checks
from pywats._ratelimit import SlidingWindowLimiter
from pywats._station import Station, StationRegistry
from pywats._synchronization import AsyncSleep
from pywats._synchronization import async_sleep as _default_sleep

if TYPE_CHECKING:
    from wats_api import Client as GeneratedClient

    from pywats._refcache import ReferenceCache

__all__ = ["AsyncWATS"]

_UNSET: Any = object()


async def _on_request(request: httpx.Request, *, max_response_size: int | None) -> None:
    set_timeout(request)
    stamp(request, max_response_size)


async def _read_body(response: httpx.Response) -> None:
    # Read here, not by httpx: the body is counted as it is decoded (a gzip bomb stops at
    # the limit) and the request's deadline covers it (see pywats._limits).
    budget = body_budget(response)
    chunks: list[bytes] = []
    async for chunk in response.aiter_bytes():
        budget.take(len(chunk))
        chunks.append(chunk)
    set_content(response, b"".join(chunks))


async def _on_response(response: httpx.Response) -> None:
    # Every error status becomes a typed error here, where the request (method, URL) is at
    # hand; `_call()` then decides whether to retry it. Redirects are not followed, so a 3xx
    # is an error too: taken as success, a report "sent" to an http:// URL that redirects
    # to https:// would count as stored when the server never saw it.
    log_response(response)
    if response.status_code < 300 and streaming.get():
        return  # a download: its caller streams the body to disk under its own budget
    await _read_body(response)
    if response.status_code >= 300:
        raise error_from_response(response)
    if lookup_in_flight.get() and (empty := empty_lookup_error(response)) is not None:
        raise empty


class AsyncClientState:
    """What a client and its ``with_options`` copies share."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        base_url: str,
        breaker: CircuitBreaker | None,
        limiter: SlidingWindowLimiter | None,
        stations: StationRegistry,
        sleep: AsyncSleep,
    ) -> None:
        self.http = http
        self.base_url = base_url
        self.breaker = breaker
        self.limiter = limiter
        self.stations = stations
        self.sleep = sleep
        self._urls: dict[str, httpx.URL] = {}

    def absolute(self, path: str) -> httpx.URL:
        """A fixed API path (no per-call parts) merged with the base URL as httpx merges it,
        remembered: a request given the merged URL skips httpx's parsing and merging."""
        url = self._urls.get(path)
        if url is None:
            url = self._urls[path] = self.http.build_request("GET", path).url
        return url

    @functools.cached_property
    def generated(self) -> GeneratedClient:
        """The generated client, speaking through our httpx client (so through our hooks)."""
        from wats_api import Client

        client = Client(base_url=self.base_url, raise_on_unexpected_status=False)
        client.set_async_httpx_client(self.http)
        return client

    @functools.cached_property
    def reference(self) -> ReferenceCache:
        """Reference data (processes) the client and its copies remember for a while."""
        from pywats._refcache import ReferenceCache

        return ReferenceCache()


class AsyncWATS(AsyncDomains):
    """A client for one WATS server: ``await api.product.get("ABC-1")``.

    Args:
        base_url: the server, e.g. ``https://acme.wats.com`` (a trailing ``/api`` or an
            on-premise virtual directory is fine). Default: ``PYWATS_SERVER_URL``.
        token: the API token from Control Panel → Tokens. Default: ``PYWATS_API_TOKEN``.
        station: the station reports are submitted from, or a registry of stations; its
            name, location and purpose fill reports that leave them empty.
        timeout: seconds for each request, reading the answer included; None waits forever.
        retry: the retry policy, or None for no retries.
        rate_limit: the client-side request budget, or None for no limit.
        circuit_breaker: the breaker's thresholds, or None for no breaker.
        verify: verify TLS (True), don't (False), or the path of a CA bundle.
        proxy: an HTTP(S) proxy URL.
        max_response_size: the largest answer read into memory, in bytes after
            decompression (default 64 MiB); a larger one raises WatsError. None: no limit.
        max_download_size: the largest file a download (``software.download``,
            ``export.download``) streams to disk, in bytes
            (default 8 GiB); a download must also receive 64 KiB in every ``timeout``.
        error_mode: ``"strict"`` raises NotFoundError on 404; ``"lenient"`` makes lookups
            return None instead.
        transport: an httpx transport to send through (a test seam, e.g. MockTransport).
        clock: monotonic seconds for the breaker and the limiter (a test seam).
        sleep: how the client waits between retries and for the limiter (a test seam).

    Raises:
        ValueError: no URL or token (argument or environment), or a malformed URL.
    """

    def __init__(
        self,
        base_url: str | None = None,
        token: str | None = None,
        *,
        station: Station | StationRegistry | None = None,
        timeout: float | None = 30.0,
        retry: RetryConfig | None = RetryConfig(),
        rate_limit: RateLimit | None = RateLimit(500, 60),
        circuit_breaker: BreakerConfig | None = BreakerConfig(),
        verify: bool | str = True,
        proxy: str | None = None,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        max_download_size: int | None = DEFAULT_MAX_DOWNLOAD_SIZE,
        error_mode: ErrorMode = "strict",
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: AsyncSleep | None = None,
    ) -> None:
        url, secret = resolve_credentials(base_url, token)
        warn_plain_http(url)  # the token would cross the network in clear text
        self._options = ClientOptions(
            base_url=url,
            token=secret,
            timeout=timeout,
            retry=retry,
            verify=verify,
            proxy=proxy,
            error_mode=error_mode,
            max_response_size=max_response_size,
            max_download_size=max_download_size,
        )
        if transport is None:
            transport = httpx.AsyncHTTPTransport(verify=ssl_verify(verify, url), proxy=proxy)
            cache_liveness_checks(transport)
        http = httpx.AsyncClient(
            base_url=url,
            auth=TokenAuth(secret),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            timeout=timeout,
            transport=transport,
            event_hooks={
                "request": [functools.partial(_on_request, max_response_size=max_response_size)],
                "response": [_on_response],
            },
        )
        use_set_cookie_only(http)
        if isinstance(station, StationRegistry):
            stations = station
        else:
            stations = StationRegistry([station] if station is not None else [])
        self._state = AsyncClientState(
            http,
            base_url=url,
            breaker=(
                None if circuit_breaker is None else CircuitBreaker(circuit_breaker, clock=clock)
            ),
            limiter=None if rate_limit is None else SlidingWindowLimiter(rate_limit, clock=clock),
            stations=stations,
            sleep=sleep or _default_sleep,
        )
        self._timeout_override: httpx.Timeout | None = None

    def with_options(
        self,
        *,
        timeout: float | None = _UNSET,
        max_retries: int | None = None,
        retry: RetryConfig | None = _UNSET,
        error_mode: ErrorMode | None = None,
    ) -> Self:
        """Return a copy with other per-call settings, sharing the pool, breaker and limiter.

        ``api.with_options(max_retries=0)`` is the station service's client: its queue is
        its retry layer, so the SDK must not retry underneath it.
        """
        options = self._options
        if retry is not _UNSET:
            options = attrs.evolve(options, retry=retry)
        if max_retries is not None:
            base = options.retry or RetryConfig()
            options = attrs.evolve(options, retry=attrs.evolve(base, max_retries=max_retries))
        if error_mode is not None:
            options = attrs.evolve(options, error_mode=error_mode)
        copy = object.__new__(type(self))
        copy._options = options
        copy._state = self._state
        copy._timeout_override = self._timeout_override
        if timeout is not _UNSET:
            copy._options = attrs.evolve(copy._options, timeout=timeout)
            copy._timeout_override = httpx.Timeout(timeout)
        return copy

    @property
    def base_url(self) -> str:
        """The server root the API paths are appended to."""
        return self._options.base_url

    @property
    def options(self) -> ClientOptions:
        """The settings this client was made with (the token is left out of its repr)."""
        return self._options

    @property
    def breaker(self) -> CircuitBreaker | None:
        """The circuit breaker (``.state``, ``.retry_in``), or None when it is off."""
        return self._state.breaker

    @property
    def rate_limiter(self) -> SlidingWindowLimiter | None:
        """The client-side rate limiter, or None when it is off."""
        return self._state.limiter

    @property
    def stations(self) -> StationRegistry:
        """The stations this client submits for."""
        return self._state.stations

    @property
    def station(self) -> Station | None:
        """The active station, or None."""
        return self._state.stations.active

    async def close(self) -> None:
        """Close the connection pool (shared with every ``with_options`` copy)."""
        await self._state.http.aclose()

    @property
    def is_closed(self) -> bool:
        """Whether the connection pool has been closed."""
        return self._state.http.is_closed

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.base_url!r}, error_mode={self._options.error_mode!r})"
