from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    reset: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["reset"] = reset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/Auth/GetToken",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | None:
    if response.status_code == 200:
        return None

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    reset: bool | Unset = UNSET,
) -> Response[Any]:
    """Create an API token for the caller

     Creates an API token identified by the authenticated user and returns it. The token is shown only
    this once. With `reset=true` an existing token of that identifier is replaced (the old one stops
    working). The server calls the answer an untyped object; we assume it is the token itself as a JSON
    string and the SDK also accepts an object holding it. Legacy provisioning; tokens are normally made
    under Control Panel → Tokens.

    Args:
        reset (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        reset=reset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    reset: bool | Unset = UNSET,
) -> Response[Any]:
    """Create an API token for the caller

     Creates an API token identified by the authenticated user and returns it. The token is shown only
    this once. With `reset=true` an existing token of that identifier is replaced (the old one stops
    working). The server calls the answer an untyped object; we assume it is the token itself as a JSON
    string and the SDK also accepts an object holding it. Legacy provisioning; tokens are normally made
    under Control Panel → Tokens.

    Args:
        reset (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        reset=reset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
