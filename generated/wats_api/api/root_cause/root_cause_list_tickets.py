from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ticket import Ticket
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: int,
    view: int,
    search_string: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["status"] = status

    params["view"] = view

    params["searchString"] = search_string

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/RootCause/Tickets",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[Ticket] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Ticket.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[Ticket]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: int,
    view: int,
    search_string: str | Unset = UNSET,
) -> Response[list[Ticket]]:
    """List tickets

     Returns tickets whose status matches the `status` flags, from the chosen `view`.

    Args:
        status (int):
        view (int):
        search_string (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Ticket]]
    """

    kwargs = _get_kwargs(
        status=status,
        view=view,
        search_string=search_string,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    status: int,
    view: int,
    search_string: str | Unset = UNSET,
) -> list[Ticket] | None:
    """List tickets

     Returns tickets whose status matches the `status` flags, from the chosen `view`.

    Args:
        status (int):
        view (int):
        search_string (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Ticket]
    """

    return sync_detailed(
        client=client,
        status=status,
        view=view,
        search_string=search_string,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: int,
    view: int,
    search_string: str | Unset = UNSET,
) -> Response[list[Ticket]]:
    """List tickets

     Returns tickets whose status matches the `status` flags, from the chosen `view`.

    Args:
        status (int):
        view (int):
        search_string (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Ticket]]
    """

    kwargs = _get_kwargs(
        status=status,
        view=view,
        search_string=search_string,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    status: int,
    view: int,
    search_string: str | Unset = UNSET,
) -> list[Ticket] | None:
    """List tickets

     Returns tickets whose status matches the `status` flags, from the chosen `view`.

    Args:
        status (int):
        view (int):
        search_string (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Ticket]
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            view=view,
            search_string=search_string,
        )
    ).parsed
