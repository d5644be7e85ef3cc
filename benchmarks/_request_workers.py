"""The request benchmark's workloads (section 4), run in worker processes of ``bench_requests.py``.

* ``make_pywats`` / ``make_httpx``: what one implementation does per request (a sequential
  GET, a 100-step report submission) and its async session (GETs in flight), for
  ``_common.worker_main`` (``bench_requests.py worker IMPL ...``);
* :func:`pair_main` (``bench_requests.py pair ...``): our async client and raw httpx by turns in
  one process, over the socket and over ``httpx.MockTransport``.

The anchor's workload is ``anchor_requests.py`` (its own virtual environment).
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

from _common import AsyncGet, RequestSizes, RequestWorkload, async_rate, timed_calls

__all__ = ["IMPLS", "SESSIONS", "make_httpx", "make_pywats", "pair_main"]


def _report_text(steps: int) -> str:
    from bench_reports import build_ours

    text: str = build_ours(steps).to_json()
    return text


def make_pywats(url: str, token: str, part_number: str, sizes: RequestSizes) -> RequestWorkload:
    """Our SDK: ``pyWATS`` for the sync jobs, ``AsyncWATS`` for the concurrent one."""
    from bench_reports import build_ours

    from pywats import pyWATS

    api = pyWATS(url, token, rate_limit=None)
    report = build_ours(sizes.steps)
    return RequestWorkload(
        get=lambda: api.product.get(part_number),
        submit=lambda: api.report.submit(report),
        async_session=lambda: pywats_session(url, token, part_number),
        close=api.close,
    )


@asynccontextmanager
async def pywats_session(
    url: str, token: str, part_number: str, transport: Any = None
) -> AsyncIterator[AsyncGet]:
    """One ``AsyncWATS`` (the rate limit off, everything else as users run it)."""
    from pywats import AsyncWATS

    async with AsyncWATS(url, token, rate_limit=None, transport=transport) as aapi:

        async def get() -> object:
            return await aapi.product.get(part_number)

        yield get


def make_httpx(url: str, token: str, part_number: str, sizes: RequestSizes) -> RequestWorkload:
    """The floor: httpx with the auth header, status check and JSON decoding, nothing more."""
    import httpx

    headers = {"Authorization": f"Basic {token}", "Accept": "application/json"}
    client = httpx.Client(base_url=url, headers=headers, timeout=30)
    doc: dict[str, Any] = json.loads(_report_text(sizes.steps))
    path = f"/api/Product/{part_number}"

    def get() -> object:
        response = client.get(path)
        response.raise_for_status()
        return response.json()

    def submit() -> object:
        response = client.post("/api/Report/WSJF", json=doc)
        response.raise_for_status()
        return response.json()

    return RequestWorkload(
        get=get,
        submit=submit,
        async_session=lambda: httpx_session(url, token, part_number),
        close=client.close,
    )


@asynccontextmanager
async def httpx_session(
    url: str, token: str, part_number: str, transport: Any = None
) -> AsyncIterator[AsyncGet]:
    """One ``httpx.AsyncClient``: the auth header, the status check, the JSON decoding."""
    import httpx

    headers = {"Authorization": f"Basic {token}", "Accept": "application/json"}
    path = f"/api/Product/{part_number}"
    async with httpx.AsyncClient(
        base_url=url, headers=headers, timeout=30, transport=transport
    ) as aclient:

        async def aget() -> object:
            response = await aclient.get(path)
            response.raise_for_status()
            return response.json()

        yield aget


IMPLS = {"pywats": make_pywats, "httpx": make_httpx}
SESSIONS: dict[str, Callable[..., AbstractAsyncContextManager[AsyncGet]]] = {
    "pywats": pywats_session,
    "httpx": httpx_session,
}


def pair_main(argv: Sequence[str]) -> int:
    """Worker ``pair PART_NUMBER --rounds=R ...``: our async GETs and raw httpx's alternately.

    Both in this one process, round by round in ABBA order (httpx, ours, ours, httpx, ...),
    so that each pair of runs sees the same machine: a ratio per pair, not one ratio of two
    medians taken minutes apart. Each round also measures both over ``httpx.MockTransport``
    answering the server's own body: the client's CPU with no socket and no server at all,
    and both sync clients submitting the report (``submits`` each, after one untimed).
    Prints one JSON line: ``{"socket"|"mock": {"pywats"|"httpx": [[rate, cpu], ...]},
    "submit": {"pywats"|"httpx": [[median seconds, cpu seconds], ...]}}``.
    """
    import httpx

    part_number, *rest = argv
    sizes = RequestSizes.from_args(rest)
    url, token = os.environ["PYWATS_SERVER_URL"], os.environ["PYWATS_API_TOKEN"]
    headers = {"Authorization": f"Basic {token}"}
    body = httpx.get(f"{url}/api/Product/{part_number}", headers=headers, timeout=30).content
    answer = {"content-type": "application/json"}

    def mock() -> httpx.MockTransport:
        return httpx.MockTransport(lambda _: httpx.Response(200, headers=answer, content=body))

    results: dict[str, dict[str, list[tuple[float, float]]]] = {
        "socket": {"pywats": [], "httpx": []},
        "mock": {"pywats": [], "httpx": []},
        "submit": {"pywats": [], "httpx": []},
    }
    workloads = {impl: make(url, token, part_number, sizes) for impl, make in IMPLS.items()}
    for work in workloads.values():
        work.submit()  # first-call imports are start-up, not a submission's cost

    async def measure(impl: str, transport: Any, n: int) -> tuple[float, float]:
        async with SESSIONS[impl](url, token, part_number, transport) as get:
            return await async_rate(get, n, sizes)

    for round_ in range(sizes.rounds):
        order = ("httpx", "pywats") if round_ % 2 == 0 else ("pywats", "httpx")
        for impl in order:
            results["socket"][impl].append(asyncio.run(measure(impl, None, sizes.async_gets)))
        for impl in order:
            results["mock"][impl].append(asyncio.run(measure(impl, mock(), sizes.mock_gets)))
        for impl in order:
            results["submit"][impl].append(timed_calls(workloads[impl].submit, sizes.submits))
    for work in workloads.values():
        work.close()
    print(json.dumps(results))
    return 0
