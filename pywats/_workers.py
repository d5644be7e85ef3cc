"""Bounded concurrency for the bulk calls, written by hand as a pair (unasync maps the names).

``AsyncWorkers(n).map(func, items)`` runs ``func`` over ``items`` with at most ``n`` calls in
flight, as asyncio tasks; ``Workers(n).map`` does the same with ``n`` threads for the sync
client (one connection pool, shared). Both::

    items ──► the first one alone ──► then up to n at once ──► results, as they finish
                  (a server that is down            or in input order (``ordered=True``:
                   costs one request, not n)         at most 2n started and not yet yielded)

A call that raises stops the map: nothing new starts, what is running is cancelled (async) or
finished (threads cannot be stopped), and the exception comes out of the iterator. So ``func``
turns the failures that concern one item into a result, and lets the others stop the run.
"""

from __future__ import annotations

import collections
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["AsyncWorkers", "Workers"]

T = TypeVar("T")
R = TypeVar("R")


def _check(concurrency: int) -> int:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ValueError(f"concurrency must be a whole number >= 1, got {concurrency!r}")
    return concurrency


class AsyncWorkers:
    """Run a coroutine function over many items, at most ``concurrency`` at once (asyncio)."""

    def __init__(self, concurrency: int) -> None:
        self.concurrency = _check(concurrency)

    async def map(
        self,
        func: Callable[[T], Awaitable[R]],
        items: AsyncIterable[T],
        *,
        ordered: bool = False,
    ) -> AsyncIterator[R]:
        """Yield ``await func(item)`` for every item, as they finish or in input order."""
        import asyncio

        gate = asyncio.Semaphore(self.concurrency)
        window = 2 * self.concurrency if ordered else self.concurrency

        async def run(item: T) -> R:
            async with gate:
                return await func(item)

        source = aiter(items)
        tasks: collections.deque[asyncio.Task[R]] = collections.deque()
        started = 0
        exhausted = False
        try:
            while True:
                # The first item runs alone; then the window fills.
                while not exhausted and len(tasks) < (1 if started == 1 else window):
                    try:
                        item = await anext(source)
                    except StopAsyncIteration:
                        exhausted = True
                        break
                    tasks.append(asyncio.ensure_future(run(item)))
                    started += 1
                if not tasks:
                    return
                if ordered or started == 1:
                    head = tasks[0]
                    await asyncio.wait([head])
                    tasks.popleft()
                    yield head.result()
                    continue
                done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
                for task in [t for t in tasks if t in done]:
                    tasks.remove(task)
                    yield task.result()
        finally:
            for task in tasks:
                task.cancel()
            if tasks:
                await asyncio.gather(*tasks, return_exceptions=True)


class Workers:
    """Run a function over many items in ``concurrency`` threads (the sync client's pool)."""

    def __init__(self, concurrency: int) -> None:
        self.concurrency = _check(concurrency)

    def map(
        self,
        func: Callable[[T], R],
        items: Iterable[T],
        *,
        ordered: bool = False,
    ) -> Iterator[R]:
        """Yield ``func(item)`` for every item, as they finish or in input order."""
        import contextvars
        from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

        window = 2 * self.concurrency if ordered else self.concurrency
        pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix="pywats-bulk")
        source = iter(items)
        futures: collections.deque[Future[R]] = collections.deque()
        started = 0
        exhausted = False
        try:
            while True:
                while not exhausted and len(futures) < (1 if started == 1 else window):
                    try:
                        item = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    # Each call sees the caller's context variables (timeouts, lookups).
                    context = contextvars.copy_context()
                    futures.append(pool.submit(context.run, func, item))
                    started += 1
                if not futures:
                    return
                if ordered or started == 1:
                    yield futures.popleft().result()
                    continue
                done, _ = wait(futures, return_when=FIRST_COMPLETED)
                for future in [f for f in futures if f in done]:
                    futures.remove(future)
                    yield future.result()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
