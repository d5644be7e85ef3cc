from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    duration: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["duration"] = duration

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/SCIM/v2/Token",
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
    duration: int | Unset = UNSET,
) -> Response[Any]:
    """Create a SCIM provisioning token

     Creates the JSON Web Token that SCIM provisioning (e.g. from Azure / Entra ID) sends as
    `Authorization: Bearer <jwt>`. This call itself authenticates with the normal API token. The server
    calls the answer an untyped object; we assume the JWT as a JSON string and the SDK also accepts an
    object holding it.

    Args:
        duration (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        duration=duration,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    duration: int | Unset = UNSET,
) -> Response[Any]:
    """Create a SCIM provisioning token

     Creates the JSON Web Token that SCIM provisioning (e.g. from Azure / Entra ID) sends as
    `Authorization: Bearer <jwt>`. This call itself authenticates with the normal API token. The server
    calls the answer an untyped object; we assume the JWT as a JSON string and the SDK also accepts an
    object holding it.

    Args:
        duration (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        duration=duration,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
