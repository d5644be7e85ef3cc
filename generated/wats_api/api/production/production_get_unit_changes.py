from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.unit_change import UnitChange
from ...types import UNSET, Response


def _get_kwargs(
    *,
    max_count: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["maxCount"] = max_count

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/Production/Units/Changes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[UnitChange] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = UnitChange.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[UnitChange]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    max_count: int,
) -> Response[list[UnitChange]]:
    """List pending unit changes

     Returns units whose parent, part number, revision or phase changed. Delete each change once it is
    handled.

    Args:
        max_count (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[UnitChange]]
    """

    kwargs = _get_kwargs(
        max_count=max_count,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    max_count: int,
) -> list[UnitChange] | None:
    """List pending unit changes

     Returns units whose parent, part number, revision or phase changed. Delete each change once it is
    handled.

    Args:
        max_count (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[UnitChange]
    """

    return sync_detailed(
        client=client,
        max_count=max_count,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    max_count: int,
) -> Response[list[UnitChange]]:
    """List pending unit changes

     Returns units whose parent, part number, revision or phase changed. Delete each change once it is
    handled.

    Args:
        max_count (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[UnitChange]]
    """

    kwargs = _get_kwargs(
        max_count=max_count,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    max_count: int,
) -> list[UnitChange] | None:
    """List pending unit changes

     Returns units whose parent, part number, revision or phase changed. Delete each change once it is
    handled.

    Args:
        max_count (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[UnitChange]
    """

    return (
        await asyncio_detailed(
            client=client,
            max_count=max_count,
        )
    ).parsed
