"""``api.auth`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import pytest

from pywats import AuthenticationError, BadRequestError
from pywats._async._client import AsyncWATS
from pywats.testing import Emulator
from tests.integration.sdk.conftest import client_kwargs


@pytest.mark.anyio
async def test_a_made_token_works_and_a_reset_retires_it(
    async_api: AsyncWATS, fresh: Emulator
) -> None:
    token = await async_api.auth.create_token("ICT-01")
    assert token != fresh.token
    assert token not in repr(async_api.auth)
    async with AsyncWATS(fresh.url, token, **client_kwargs()) as station:
        assert (await station.process.get(100))["code"] == 100

    with pytest.raises(BadRequestError, match="reset"):
        await async_api.auth.create_token("ICT-01")
    renewed = await async_api.auth.create_token("ICT-01", reset=True)
    assert renewed != token
    async with AsyncWATS(fresh.url, token, **client_kwargs(retry=None)) as old:
        with pytest.raises(AuthenticationError):
            await old.process.query()
    async with AsyncWATS(fresh.url, renewed, **client_kwargs()) as station:
        assert await station.process.query()


@pytest.mark.anyio
async def test_a_token_for_the_caller(async_api: AsyncWATS, fresh: Emulator) -> None:
    token = await async_api.auth.create_token()
    async with AsyncWATS(fresh.url, token, **client_kwargs()) as mine:
        assert await mine.barcode.query() == []
    assert len(fresh.entities("apitoken")) == 1
