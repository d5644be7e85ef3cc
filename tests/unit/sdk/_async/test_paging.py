"""Auto-paging against servers that do not honour ``$skip``/``$top`` (MockTransport).

Async source; ``_sync/`` is generated from it by scripts/unasync.py.
"""

from __future__ import annotations

import httpx
import pytest

from pywats import WatsError
from pywats._async._client import AsyncWATS

TOKEN = "dGVzdDpzZWNyZXQ="


def products(*numbers: int) -> list[dict[str, object]]:
    return [{"partNumber": f"PCB-{n}", "name": f"Board {n}"} for n in numbers]


@pytest.mark.anyio
async def test_a_server_ignoring_skip_does_not_page_for_ever() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) > 20:  # bound the test if paging never stops
            return httpx.Response(200, json=[])
        return httpx.Response(200, json=products(1, 2, 3))  # $skip ignored: page 1 again

    transport = httpx.MockTransport(handler)
    got: list[str | None] = []

    async def collect() -> None:
        async with AsyncWATS("https://acme.wats.com", TOKEN, transport=transport) as api:
            async for product in api.product.iter(page_size=3):
                got.append(product.part_number)

    with pytest.raises(WatsError, match=r"\$skip"):
        await collect()
    assert got == ["PCB-1", "PCB-2", "PCB-3"]
    assert len(seen) == 2


@pytest.mark.anyio
async def test_a_server_ignoring_top_does_not_pass_the_limit() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=products(1, 2, 3, 4, 5))  # $top ignored

    transport = httpx.MockTransport(handler)
    async with AsyncWATS("https://acme.wats.com", TOKEN, transport=transport) as api:
        got = [p.part_number async for p in api.product.iter(page_size=2, limit=3)]
    assert got == ["PCB-1", "PCB-2", "PCB-3"]
