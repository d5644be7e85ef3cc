"""WATS answers some unknown lookups with 200 and an empty or null body (wats-api.md §1.4).

Such an answer is "not found": NotFoundError in strict mode, None in lenient mode. Before,
strict mode returned None for a 204, a null body escaped as a bare TypeError, and an empty
body was reported as "not the WATS server itself".

Async source; ``_sync/`` is generated from it by scripts/unasync.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from pywats import NotFoundError
from pywats._async._client import AsyncWATS

TOKEN = "dGVzdDpzZWNyZXQ="
REPORT_ID = "8c2a3f3e-1b1b-4b1b-8b1b-1b1b1b1b1b1b"

ANSWERS = {
    "null": lambda: httpx.Response(
        200, content=b"null", headers={"content-type": "application/json"}
    ),
    "empty": lambda: httpx.Response(200, content=b""),
    "no content": lambda: httpx.Response(204),
}

LOOKUPS: dict[str, Callable[[AsyncWATS], Any]] = {
    "product.get": lambda api: api.product.get("PCB-1"),
    "product.get_revision": lambda api: api.product.get_revision("PCB-1", "A"),
    "asset.get": lambda api: api.asset.get("A-1"),
    "report.get": lambda api: api.report.get(REPORT_ID),
}


def make(answer: str, mode: str) -> AsyncWATS:
    transport = httpx.MockTransport(lambda request: ANSWERS[answer]())
    return AsyncWATS("https://acme.wats.com", TOKEN, transport=transport, error_mode=mode)  # type: ignore[arg-type]


@pytest.mark.anyio
@pytest.mark.parametrize("answer", sorted(ANSWERS))
@pytest.mark.parametrize("lookup", sorted(LOOKUPS))
async def test_an_empty_answer_is_not_found_in_strict_mode(answer: str, lookup: str) -> None:
    async with make(answer, "strict") as api:
        with pytest.raises(NotFoundError):
            await LOOKUPS[lookup](api)


@pytest.mark.anyio
@pytest.mark.parametrize("answer", sorted(ANSWERS))
@pytest.mark.parametrize("lookup", sorted(LOOKUPS))
async def test_an_empty_answer_is_none_in_lenient_mode(answer: str, lookup: str) -> None:
    async with make(answer, "lenient") as api:
        assert await LOOKUPS[lookup](api) is None


@pytest.mark.anyio
async def test_an_empty_answer_to_a_list_query_is_still_an_empty_list() -> None:
    async with make("empty", "strict") as api:
        assert await api.product.get_vendors() == []


QUERIES: dict[str, Callable[[AsyncWATS], Any]] = {
    "product.query": lambda api: api.product.query(),
    "asset.query": lambda api: api.asset.query(),
    "asset.query_types": lambda api: api.asset.query_types(),
    "report.query_headers": lambda api: api.report.query_headers(),
}


@pytest.mark.anyio
@pytest.mark.parametrize("answer", sorted(ANSWERS))
@pytest.mark.parametrize("query", sorted(QUERIES))
async def test_an_empty_answer_to_an_odata_query_is_an_empty_list(answer: str, query: str) -> None:
    # Before the fix: a bare TypeError for null, "could not be read" for an empty body.
    async with make(answer, "strict") as api:
        assert await QUERIES[query](api) == []
        assert [h async for h in api.report.iter_headers()] == []
