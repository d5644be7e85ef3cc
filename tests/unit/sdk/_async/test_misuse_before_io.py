"""Misuse is a ValueError before any request, never a server error.

Async source; ``_sync/`` is generated from it by scripts/unasync.py.
"""

from __future__ import annotations

import httpx
import pytest

from pywats._async._client import AsyncWATS

TOKEN = "dGVzdDpzZWNyZXQ="


@pytest.mark.anyio
@pytest.mark.parametrize("empty", ["parent_sn", "parent_pn", "child_sn", "child_pn"])
async def test_remove_child_unit_refuses_an_empty_identifier(empty: str) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=True)

    values = {"parent_sn": "SN-1", "parent_pn": "PCB-1", "child_sn": "SN-2", "child_pn": "PCB-2"}
    values[empty] = " "
    transport = httpx.MockTransport(handler)
    async with AsyncWATS("https://acme.wats.com", TOKEN, transport=transport) as api:
        # Before the fix the check ran inside the exchange, and its ValueError was reported
        # as "the server's answer could not be read" (a WatsError).
        with pytest.raises(ValueError, match="must not be empty") as info:
            await api.production.remove_child_unit(
                values["parent_sn"],
                values["parent_pn"],
                child_serial_number=values["child_sn"],
                child_part_number=values["child_pn"],
            )
    assert type(info.value) is ValueError
    assert seen == []


@pytest.mark.anyio
async def test_an_answer_of_the_wrong_shape_is_a_wats_error_not_a_type_error() -> None:
    from pywats import WatsError

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"null")  # where the spec promises a list

    transport = httpx.MockTransport(handler)
    async with AsyncWATS("https://acme.wats.com", TOKEN, transport=transport) as api:
        # Before the fix a bare TypeError escaped (the CLI then said "usage error", exit 2).
        with pytest.raises(WatsError, match="could not be read"):
            await api.production.get_unit_changes()
        with pytest.raises(WatsError, match="could not be read"):
            await api.rootcause.query()
