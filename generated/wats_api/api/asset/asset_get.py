from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.asset import Asset
from ...types import Response


def _get_kwargs(
    asset_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/Asset/{asset_id}".format(
            asset_id=quote(str(asset_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Asset | None:
    if response.status_code == 200:
        response_200 = Asset.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Asset]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    asset_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Asset]:
    """Get one asset by id or serial number

     Returns one asset. The server lists this route twice, as `/api/Asset/{assetId}` and
    `/api/Asset/{serialNumber}`; OpenAPI allows one template per path, so it is described once under the
    name `assetId` (the one the reference lists first). The segment may hold either an asset id or a
    serial number; the server tries the id first.

    Args:
        asset_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Asset]
    """

    kwargs = _get_kwargs(
        asset_id=asset_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    asset_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Asset | None:
    """Get one asset by id or serial number

     Returns one asset. The server lists this route twice, as `/api/Asset/{assetId}` and
    `/api/Asset/{serialNumber}`; OpenAPI allows one template per path, so it is described once under the
    name `assetId` (the one the reference lists first). The segment may hold either an asset id or a
    serial number; the server tries the id first.

    Args:
        asset_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Asset
    """

    return sync_detailed(
        asset_id=asset_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    asset_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Asset]:
    """Get one asset by id or serial number

     Returns one asset. The server lists this route twice, as `/api/Asset/{assetId}` and
    `/api/Asset/{serialNumber}`; OpenAPI allows one template per path, so it is described once under the
    name `assetId` (the one the reference lists first). The segment may hold either an asset id or a
    serial number; the server tries the id first.

    Args:
        asset_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Asset]
    """

    kwargs = _get_kwargs(
        asset_id=asset_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    asset_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Asset | None:
    """Get one asset by id or serial number

     Returns one asset. The server lists this route twice, as `/api/Asset/{assetId}` and
    `/api/Asset/{serialNumber}`; OpenAPI allows one template per path, so it is described once under the
    name `assetId` (the one the reference lists first). The segment may hold either an asset id or a
    serial number; the server tries the id first.

    Args:
        asset_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Asset
    """

    return (
        await asyncio_detailed(
            asset_id=asset_id,
            client=client,
        )
    ).parsed
