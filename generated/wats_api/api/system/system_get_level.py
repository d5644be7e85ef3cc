from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response


def _get_kwargs(
    *,
    hierarchy: list[str],
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_hierarchy = hierarchy

    params["hierarchy"] = json_hierarchy

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/SystemManager/Level",
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
    hierarchy: list[str],
) -> Response[Any]:
    """Find a level by its path

     Resolves a level path, topmost level first (`hierarchy=Acme&hierarchy=Line 2`), to the id of its
    last level: a JSON number, or null when the path does not exist. Not available to users restricted
    to levels.

    Args:
        hierarchy (list[str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        hierarchy=hierarchy,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    hierarchy: list[str],
) -> Response[Any]:
    """Find a level by its path

     Resolves a level path, topmost level first (`hierarchy=Acme&hierarchy=Line 2`), to the id of its
    last level: a JSON number, or null when the path does not exist. Not available to users restricted
    to levels.

    Args:
        hierarchy (list[str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        hierarchy=hierarchy,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
