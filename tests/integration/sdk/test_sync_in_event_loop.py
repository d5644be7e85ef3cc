"""The sync client works where an event loop is already running (Jupyter, async apps).

It runs no hidden loop of its own, so a running loop is no obstacle.
"""

from __future__ import annotations

import asyncio

import pytest

from pywats._sync._client import pyWATS
from pywats.testing import Emulator


@pytest.mark.anyio
async def test_sync_client_inside_a_running_loop(fresh: Emulator) -> None:
    asyncio.get_running_loop()  # we really are inside one
    with pyWATS(fresh.url, fresh.token) as api:
        api.product.save({"partNumber": "LOOP-1", "name": "In a loop"})
        product = api.product.get("LOOP-1")
    assert product is not None
    assert product.name == "In a loop"


def test_sync_client_from_a_coroutine_run_by_asyncio(fresh: Emulator) -> None:
    async def main() -> str:
        with pyWATS(fresh.url, fresh.token) as api:
            return api.analytics.get_version()

    assert "emulator" in asyncio.run(main())
