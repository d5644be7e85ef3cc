from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_update import ClientUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ClientUpdate,
    move_with_history: bool | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["moveWithHistory"] = move_with_history

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/SystemManager/Client",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    body: ClientUpdate,
    move_with_history: bool | Unset = UNSET,
) -> Response[Any]:
    """Update a client's basic information

     Changes `displayName`, `location`, `purpose` and `clientGroupId` of an existing client, named by
    `clientId` (required); `name` and `type` cannot change. Type codes 1 LocalServer, 2 MasterServer, 5
    Client, 6 WebClient. Assumed, as the server does not say, that the answer is the updated client and
    that every one of the four fields is written as sent (so send them all).

    Args:
        move_with_history (bool | Unset):
        body (ClientUpdate): What PUT /api/SystemManager/Client changes on a client:
            `displayName`, `location`, `purpose` and `clientGroupId` (its level). `clientId` names the
            client; `name` and `type` are read-only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        move_with_history=move_with_history,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ClientUpdate,
    move_with_history: bool | Unset = UNSET,
) -> Response[Any]:
    """Update a client's basic information

     Changes `displayName`, `location`, `purpose` and `clientGroupId` of an existing client, named by
    `clientId` (required); `name` and `type` cannot change. Type codes 1 LocalServer, 2 MasterServer, 5
    Client, 6 WebClient. Assumed, as the server does not say, that the answer is the updated client and
    that every one of the four fields is written as sent (so send them all).

    Args:
        move_with_history (bool | Unset):
        body (ClientUpdate): What PUT /api/SystemManager/Client changes on a client:
            `displayName`, `location`, `purpose` and `clientGroupId` (its level). `clientId` names the
            client; `name` and `type` are read-only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        move_with_history=move_with_history,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
