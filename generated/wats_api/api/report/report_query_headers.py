from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.report_header import ReportHeader
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    filter_: str | Unset = UNSET,
    top: int | Unset = UNSET,
    skip: int | Unset = UNSET,
    orderby: str | Unset = UNSET,
    select: str | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["$filter"] = filter_

    params["$top"] = top

    params["$skip"] = skip

    params["$orderby"] = orderby

    params["$select"] = select

    params["$expand"] = expand

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/Report/Query/Header",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[ReportHeader] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = ReportHeader.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[ReportHeader]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    top: int | Unset = UNSET,
    skip: int | Unset = UNSET,
    orderby: str | Unset = UNSET,
    select: str | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> Response[list[ReportHeader]]:
    """Query report headers (OData)

     Lists UUT and UUR report headers, newest first. Filter and page with the OData options `$filter`,
    `$top` (default 10, at most 10000), `$skip`, `$orderby` (only `start`, `uuid`, `serialNumber`,
    `timestamp`), `$select` and `$expand`. `$count` is not supported.

    Args:
        filter_ (str | Unset):
        top (int | Unset):
        skip (int | Unset):
        orderby (str | Unset):
        select (str | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[ReportHeader]]
    """

    kwargs = _get_kwargs(
        filter_=filter_,
        top=top,
        skip=skip,
        orderby=orderby,
        select=select,
        expand=expand,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    top: int | Unset = UNSET,
    skip: int | Unset = UNSET,
    orderby: str | Unset = UNSET,
    select: str | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> list[ReportHeader] | None:
    """Query report headers (OData)

     Lists UUT and UUR report headers, newest first. Filter and page with the OData options `$filter`,
    `$top` (default 10, at most 10000), `$skip`, `$orderby` (only `start`, `uuid`, `serialNumber`,
    `timestamp`), `$select` and `$expand`. `$count` is not supported.

    Args:
        filter_ (str | Unset):
        top (int | Unset):
        skip (int | Unset):
        orderby (str | Unset):
        select (str | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[ReportHeader]
    """

    return sync_detailed(
        client=client,
        filter_=filter_,
        top=top,
        skip=skip,
        orderby=orderby,
        select=select,
        expand=expand,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    top: int | Unset = UNSET,
    skip: int | Unset = UNSET,
    orderby: str | Unset = UNSET,
    select: str | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> Response[list[ReportHeader]]:
    """Query report headers (OData)

     Lists UUT and UUR report headers, newest first. Filter and page with the OData options `$filter`,
    `$top` (default 10, at most 10000), `$skip`, `$orderby` (only `start`, `uuid`, `serialNumber`,
    `timestamp`), `$select` and `$expand`. `$count` is not supported.

    Args:
        filter_ (str | Unset):
        top (int | Unset):
        skip (int | Unset):
        orderby (str | Unset):
        select (str | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[ReportHeader]]
    """

    kwargs = _get_kwargs(
        filter_=filter_,
        top=top,
        skip=skip,
        orderby=orderby,
        select=select,
        expand=expand,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    top: int | Unset = UNSET,
    skip: int | Unset = UNSET,
    orderby: str | Unset = UNSET,
    select: str | Unset = UNSET,
    expand: str | Unset = UNSET,
) -> list[ReportHeader] | None:
    """Query report headers (OData)

     Lists UUT and UUR report headers, newest first. Filter and page with the OData options `$filter`,
    `$top` (default 10, at most 10000), `$skip`, `$orderby` (only `start`, `uuid`, `serialNumber`,
    `timestamp`), `$select` and `$expand`. `$count` is not supported.

    Args:
        filter_ (str | Unset):
        top (int | Unset):
        skip (int | Unset):
        orderby (str | Unset):
        select (str | Unset):
        expand (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[ReportHeader]
    """

    return (
        await asyncio_detailed(
            client=client,
            filter_=filter_,
            top=top,
            skip=skip,
            orderby=orderby,
            select=select,
            expand=expand,
        )
    ).parsed
