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


IIS_404 = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
<title>404 - File or directory not found.</title>
</head>
<body><div id="header"><h1>Server Error</h1></div>
<div id="content"><div class="content-container"><fieldset>
<h2>404 - File or directory not found.</h2>
<h3>The resource you are looking for might have been removed, had its name changed, or is
temporarily unavailable.</h3></fieldset></div></div></body></html>"""

NGINX_404 = """<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not
Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"""


@pytest.mark.anyio
@pytest.mark.parametrize("page", [IIS_404, NGINX_404], ids=["iis", "nginx"])
async def test_an_html_404_page_for_the_route_is_unsupported(
    async_api: AsyncWATS, fresh: Emulator, page: str
) -> None:
    # IIS or a reverse proxy answers a URL that reached no WATS route with its own page.
    fresh.faults.add(
        "GET",
        "/api/SystemStatus",
        status=404,
        times=None,
        body=page,
        headers={"Content-Type": "text/html"},
    )
    with pytest.raises(UnsupportedOperationError) as caught:
        await async_api.system.get_status()
    assert caught.value.operation == "GET /api/SystemStatus"
    assert "HTML page from the web server or a proxy" in str(caught.value)
    assert "https://host/wats" in str(caught.value)
    lenient = async_api.with_options(error_mode="lenient")
    with pytest.raises(UnsupportedOperationError):
        await lenient.system.get_status()


@pytest.mark.anyio
@pytest.mark.parametrize(
    "body",
    [
        json.dumps({"Message": "Client NO-SUCH-STATION not found (404)."}),
        "Client not found",
        "",
    ],
    ids=["json-message", "text", "empty"],
)
async def test_a_missing_records_404_is_not_read_as_a_missing_route(
    async_api: AsyncWATS, fresh: Emulator, body: str
) -> None:
    # WATS' own answer for a record, even labelled text/html or saying "not found" and "404".
    fresh.faults.add(
        "GET",
        "/api/SystemManager/Client",
        status=404,
        times=None,
        body=body,
        headers={"Content-Type": "text/html"},
    )
    with pytest.raises(NotFoundError) as caught:
        await async_api.system.get_client("NO-SUCH-STATION")
    assert not isinstance(caught.value, UnsupportedOperationError)
    lenient = async_api.with_options(error_mode="lenient")
    assert await lenient.system.get_client("NO-SUCH-STATION") is None
