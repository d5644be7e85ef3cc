"""The base of every domain service, and ``_call()``: the one resilience boundary.

Every call into the generated client goes through ``_call()``, in this order::

    tenacity retry loop (only for idempotent calls; reads exc.retryable, Retry-After)
    └── one attempt (the first runs before the loop: tenacity loads only when a retry is due)
        ├── circuit breaker: admit or refuse (CircuitOpenError)
        ├── rate limiter: take a slot, or sleep until one frees up
        ├── one HTTP exchange (error statuses become typed errors in the response hook,
        │   transport failures in translate_transport_errors)
        └── circuit breaker: record the outcome

Nothing else in pywats retries, so attempts never multiply.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from pywats._answers import read_json
from pywats._exceptions import NotFoundError, WatsError
from pywats._http import lookup_in_flight, timeout_override, translate_transport_errors
from pywats._retry import retry_kwargs, should_retry
from pywats._synchronization import AsyncExchange, AsyncPageFetch
from pywats._wire import check_shape

if TYPE_CHECKING:
    from types import ModuleType

    from wats_api import Client as GeneratedClient

    from pywats._async._client import AsyncWATS
    from pywats._models import WireValue
    from pywats._odata import ODataQuery

__all__ = ["AsyncService"]

T = TypeVar("T")
V = TypeVar("V", bound="WireValue")


class AsyncService:
    """Base of the domain services: holds the client and makes calls through ``_call``."""

    def __init__(self, client: AsyncWATS) -> None:
        self._client = client

    @property
    def _api(self) -> GeneratedClient:
        return self._client._state.generated

    @property
    def _http(self) -> httpx.AsyncClient:
        # For the few calls whose answer the SDK reads raw (a report's WSJF): the generated
        # module still shapes the request, through its _get_kwargs.
        return self._client._state.http

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"

    async def _call(self, send: AsyncExchange[T], *, idempotent: bool = True) -> T:
        """Make one logical call: ``send`` performs one HTTP exchange and returns its result.

        Args:
            send: performs exactly one exchange (a generated ``asyncio_detailed`` call).
            idempotent: whether a repeat is harmless; only then is the call retried.

        Raises:
            WatsError: the typed error of the last attempt.
        """
        client = self._client
        token = (
            None
            if client._timeout_override is None
            else timeout_override.set(client._timeout_override)
        )
        try:
            retry = client._options.retry
            if not idempotent or retry is None or retry.max_retries == 0:
                return await self._attempt(send)
            started = time.monotonic()
            try:
                return await self._attempt(send)
            except WatsError as exc:
                if not should_retry(exc, retry):
                    raise
                failed = exc
            # Only now is a retry due: tenacity (and tornado, which it imports when installed)
            # costs more to import than most calls take, so the first attempt runs without it.
            from tenacity import AsyncRetrying

            first: list[WatsError] = [failed]

            async def attempt() -> T:
                if first:
                    raise first.pop()  # the loop's attempt 1 is the one already made
                return await self._attempt(send)

            kwargs = retry_kwargs(retry, client._state.breaker, spent=time.monotonic() - started)
            retrying = AsyncRetrying(sleep=client._state.sleep, **kwargs)
            result: T = await retrying(attempt)
            return result
        finally:
            if token is not None:
                timeout_override.reset(token)

    async def _attempt(self, send: AsyncExchange[T]) -> T:
        state = self._client._state
        breaker = state.breaker
        probe = breaker.before_call() if breaker is not None else False
        try:
            if state.limiter is not None:
                while (wait := state.limiter.reserve()) > 0:
                    await state.sleep(wait)
            with translate_transport_errors():
                result = await send()
            check_shape(result)
        except WatsError as exc:
            if breaker is not None:
                breaker.record(exc, probe=probe)
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            # The server answered, but not with what the spec says (e.g. a proxy's HTML
            # login page with 200, or null for a list): say so instead of leaking a
            # JSONDecodeError or the generated parser's TypeError.
            if breaker is not None:
                breaker.record(None, probe=probe)
            raise WatsError(
                f"the server's answer could not be read ({type(exc).__name__}: {exc}). "
                "Check that the URL is the WATS server itself, not a proxy or login page."
            ) from exc
        except BaseException:
            # Not an answer from the server (cancelled, or a bug parsing one): release a
            # half-open probe slot without judging the server either way.
            if breaker is not None:
                breaker.abandon(probe=probe)
            raise
        if breaker is not None:
            breaker.record(None, probe=probe)
        return result

    async def _get_value(self, kwargs: dict[str, Any], cls: type[V]) -> V:
        """One exchange shaped by a generated ``_get_kwargs``, its JSON body read straight
        into ``cls`` (pywats._answers: no generated model built on the way)."""
        response = await self._http.request(**kwargs)
        return read_json(cls, response.content)

    async def _lookup(self, send: AsyncExchange[T]) -> T | None:
        """``_call`` for a lookup: in lenient mode a 404 gives None instead of NotFoundError.

        A 2xx answer with an empty or null body is also "not found" (the hook in the client
        raises NotFoundError for it while ``lookup_in_flight`` is set).
        """
        flag = lookup_in_flight.set(True)
        try:
            return await self._call(send)
        except NotFoundError:
            if self._client._options.error_mode == "lenient":
                return None
            raise
        finally:
            lookup_in_flight.reset(flag)

    async def _query(self, endpoint: ModuleType, query: ODataQuery) -> Any:
        """Call a generated OData list ``endpoint`` with ``query``; return what it parsed."""
        return await self._listing(
            lambda: endpoint.asyncio_detailed(
                client=self._api,
                filter_=query.to_params().get("$filter"),
                top=query.top,
                skip=query.skip,
                orderby=query.orderby,
            )
        )

    async def _listing(self, send: AsyncExchange[Any]) -> Any:
        """``_call`` for a list query; return what it parsed.

        A 2xx answer with an empty or null body means nothing matched: ``[]``.
        """
        flag = lookup_in_flight.set(True)
        try:
            response = await self._call(send)
        except NotFoundError as exc:
            if exc.status < 300:  # the empty answer, not a real 404 (a wrong route)
                return []
            raise
        finally:
            lookup_in_flight.reset(flag)
        return response.parsed

    async def _paginate(
        self,
        fetch: AsyncPageFetch[T],
        *,
        page_size: int,
        limit: int | None = None,
    ) -> AsyncIterator[T]:
        """Yield items page by page: ``fetch(skip, top)`` returns one page.

        Stops at a short page, or after ``limit`` items. Each page is one ``_call``, so a
        page that fails is retried alone; the pages already yielded are not fetched again.

        Raises:
            WatsError: the server sent the previous page again (it ignores ``$skip``), which
                would otherwise repeat the same items for ever.
        """
        if page_size <= 0:
            raise ValueError(f"page_size must be > 0, got {page_size}")
        skip = 0
        remaining = limit
        previous: list[T] | None = None
        while remaining is None or remaining > 0:
            top = page_size if remaining is None else min(page_size, remaining)
            page = list(await fetch(skip, top))
            if page and page == previous:
                raise WatsError(
                    f"the server sent the same page again for $skip={skip}: it does not page "
                    "this query. Narrow the filter, or use query() with one large $top."
                )
            previous = page
            if remaining is not None and len(page) > remaining:
                page = page[:remaining]  # the server ignored $top
            for item in page:
                yield item
            if remaining is not None:
                remaining -= len(page)
            if len(page) < top:
                return
            skip += len(page)
