from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.scim_list_response import ScimListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    filter_: str | Unset = UNSET,
    start_index: int | Unset = UNSET,
    count: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["filter"] = filter_

    params["startIndex"] = start_index

    params["count"] = count

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/SCIM/v2/Users",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ScimListResponse | None:
    if response.status_code == 200:
        response_200 = ScimListResponse.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ScimListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    filter_: str | Unset = UNSET,
    start_index: int | Unset = UNSET,
    count: int | Unset = UNSET,
) -> Response[ScimListResponse]:
    """List users (SCIM)

     Lists users as a SCIM ListResponse (RFC 7644 §3.4.2), paged by `startIndex` (1-based) and `count`.
    `filter` takes a SCIM filter; provisioning clients send `userName eq "jdoe"`. Authenticates with the
    SCIM JWT.

    Args:
        filter_ (str | Unset):
        start_index (int | Unset):
        count (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimListResponse]
    """

    kwargs = _get_kwargs(
        filter_=filter_,
        start_index=start_index,
        count=count,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    filter_: str | Unset = UNSET,
    start_index: int | Unset = UNSET,
    count: int | Unset = UNSET,
) -> ScimListResponse | None:
    """List users (SCIM)

     Lists users as a SCIM ListResponse (RFC 7644 §3.4.2), paged by `startIndex` (1-based) and `count`.
    `filter` takes a SCIM filter; provisioning clients send `userName eq "jdoe"`. Authenticates with the
    SCIM JWT.

    Args:
        filter_ (str | Unset):
        start_index (int | Unset):
        count (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimListResponse
    """

    return sync_detailed(
        client=client,
        filter_=filter_,
        start_index=start_index,
        count=count,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    filter_: str | Unset = UNSET,
    start_index: int | Unset = UNSET,
    count: int | Unset = UNSET,
) -> Response[ScimListResponse]:
    """List users (SCIM)

     Lists users as a SCIM ListResponse (RFC 7644 §3.4.2), paged by `startIndex` (1-based) and `count`.
    `filter` takes a SCIM filter; provisioning clients send `userName eq "jdoe"`. Authenticates with the
    SCIM JWT.

    Args:
        filter_ (str | Unset):
        start_index (int | Unset):
        count (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimListResponse]
    """

    kwargs = _get_kwargs(
        filter_=filter_,
        start_index=start_index,
        count=count,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    filter_: str | Unset = UNSET,
    start_index: int | Unset = UNSET,
    count: int | Unset = UNSET,
) -> ScimListResponse | None:
    """List users (SCIM)

     Lists users as a SCIM ListResponse (RFC 7644 §3.4.2), paged by `startIndex` (1-based) and `count`.
    `filter` takes a SCIM filter; provisioning clients send `userName eq "jdoe"`. Authenticates with the
    SCIM JWT.

    Args:
        filter_ (str | Unset):
        start_index (int | Unset):
        count (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            filter_=filter_,
            start_index=start_index,
            count=count,
        )
    ).parsed
