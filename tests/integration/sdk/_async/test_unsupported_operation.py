"""An operation the server does not have is one clear error (async source; ``_sync/`` generated)."""

from __future__ import annotations

import json
import pickle

import pytest

from pywats import NotFoundError, UnsupportedOperationError
from pywats._async._client import AsyncWATS
from pywats.testing import Emulator


@pytest.mark.anyio
async def test_a_route_the_server_lacks_names_the_operation(
    async_api: AsyncWATS, fresh: Emulator
) -> None:
    # An older server: the emulator without the SystemStatus route answers like ASP.NET does.
    fresh.faults.add(
        "GET",
        "/api/SystemStatus",
        status=404,
        times=None,
        body=json.dumps(
            {
                "Message": "No HTTP resource was found that matches the request URI "
                f"'{fresh.url}/api/SystemStatus'.",
                "MessageDetail": "No type was found that matches the controller named"
                " 'SystemStatus'.",
            }
        ),
    )
    with pytest.raises(UnsupportedOperationError) as caught:
        await async_api.system.get_status()
    error = caught.value
    assert error.status == 404
    assert error.operation == "GET /api/SystemStatus"
    assert "no operation GET /api/SystemStatus" in str(error)
    assert "older WATS version" in str(error)
    assert not isinstance(error, NotFoundError)  # lenient mode must not hide it
    assert error.retryable is False
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), str(again)) == (UnsupportedOperationError, str(error))

    lenient = async_api.with_options(error_mode="lenient")
    with pytest.raises(UnsupportedOperationError):
        await lenient.system.get_status()


@pytest.mark.anyio
async def test_an_unknown_route_of_the_emulator_is_unsupported(async_api: AsyncWATS) -> None:
    # The emulator answers a route it does not have as the server does; the client's response
    # hook (every exchange passes it) makes the error.
    with pytest.raises(UnsupportedOperationError) as caught:
        await async_api.system._http.get("/api/NoSuchController/Action?x=1")
    assert caught.value.operation == "GET /api/NoSuchController/Action"


@pytest.mark.anyio
async def test_a_missing_record_stays_not_found(async_api: AsyncWATS) -> None:
    with pytest.raises(NotFoundError) as caught:
        await async_api.system.get_client("NO-SUCH-STATION")
    assert not isinstance(caught.value, UnsupportedOperationError)
