from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.asset_list_item import AssetListItem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    filter_: str | Unset = UNSET,
    top: int | Unset = UNSET,
    skip: int | Unset = UNSET,
    orderby: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["$filter"] = filter_

    params["$top"] = top

    params["$skip"] = skip

    params["$orderby"] = orderby

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/Asset",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[AssetListItem] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = AssetListItem.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[AssetListItem]]:
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
) -> Response[list[AssetListItem]]:
    """Query assets (OData)

     Lists assets. Filter and page with OData `$filter` (e.g. `typeId eq <guid>`, `runningCount gt
    1000`), `$top` (default 1000), `$skip` and `$orderby` (default `assetId`). `xmlData` can be filtered
    with an XPath and `eq` only.

    Args:
        filter_ (str | Unset):
        top (int | Unset):
        skip (int | Unset):
        orderby (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[AssetListItem]]
    """

    kwargs = _get_kwargs(
        filter_=filter_,
        top=top,
        skip=skip,
        orderby=orderby,
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
) -> list[AssetListItem] | None:
    """Query assets (OData)

     Lists assets. Filter and page with OData `$filter` (e.g. `typeId eq <guid>`, `runningCount gt
    1000`), `$top` (default 1000), `$skip` and `$orderby` (default `assetId`). `xmlData` can be filtered
    with an XPath and `eq` only.

    Args:
        filter_ (str | Unset):
        top (int | Unset):
        skip (int | Unset):
        orderby (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[AssetListItem]
    """

    return sync_detailed(
        client=client,
        filter_=filter_,
        top=top,
        skip=skip,
        orderby=orderby,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    top: int | Unset = UNSET,
    skip: int | Unset = UNSET,
    orderby: str | Unset = UNSET,
) -> Response[list[AssetListItem]]:
    """Query assets (OData)

     Lists assets. Filter and page with OData `$filter` (e.g. `typeId eq <guid>`, `runningCount gt
    1000`), `$top` (default 1000), `$skip` and `$orderby` (default `assetId`). `xmlData` can be filtered
    with an XPath and `eq` only.

    Args:
        filter_ (str | Unset):
        top (int | Unset):
        skip (int | Unset):
        orderby (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[AssetListItem]]
    """

    kwargs = _get_kwargs(
        filter_=filter_,
        top=top,
        skip=skip,
        orderby=orderby,
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
) -> list[AssetListItem] | None:
    """Query assets (OData)

     Lists assets. Filter and page with OData `$filter` (e.g. `typeId eq <guid>`, `runningCount gt
    1000`), `$top` (default 1000), `$skip` and `$orderby` (default `assetId`). `xmlData` can be filtered
    with an XPath and `eq` only.

    Args:
        filter_ (str | Unset):
        top (int | Unset):
        skip (int | Unset):
        orderby (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[AssetListItem]
    """

    return (
        await asyncio_detailed(
            client=client,
            filter_=filter_,
            top=top,
            skip=skip,
            orderby=orderby,
        )
    ).parsed
