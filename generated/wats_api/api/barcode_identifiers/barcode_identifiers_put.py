from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.barcode_identifier import BarcodeIdentifier
from ...types import Response


def _get_kwargs(
    *,
    body: BarcodeIdentifier,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/BarcodeIdentifiers/BarcodeIdentifier",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BarcodeIdentifier | None:
    if response.status_code == 200:
        response_200 = BarcodeIdentifier.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BarcodeIdentifier]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BarcodeIdentifier,
) -> Response[BarcodeIdentifier]:
    """Add or update a barcode identifier

     Adds the identifier when `id` is not set, otherwise updates the one with that `id`.

    Args:
        body (BarcodeIdentifier): A rule that splits a barcode into its parts; each part field is
            a regular expression. In an IdentifyBarcode answer the same fields hold the values found.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BarcodeIdentifier]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BarcodeIdentifier,
) -> BarcodeIdentifier | None:
    """Add or update a barcode identifier

     Adds the identifier when `id` is not set, otherwise updates the one with that `id`.

    Args:
        body (BarcodeIdentifier): A rule that splits a barcode into its parts; each part field is
            a regular expression. In an IdentifyBarcode answer the same fields hold the values found.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BarcodeIdentifier
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BarcodeIdentifier,
) -> Response[BarcodeIdentifier]:
    """Add or update a barcode identifier

     Adds the identifier when `id` is not set, otherwise updates the one with that `id`.

    Args:
        body (BarcodeIdentifier): A rule that splits a barcode into its parts; each part field is
            a regular expression. In an IdentifyBarcode answer the same fields hold the values found.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BarcodeIdentifier]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BarcodeIdentifier,
) -> BarcodeIdentifier | None:
    """Add or update a barcode identifier

     Adds the identifier when `id` is not set, otherwise updates the one with that `id`.

    Args:
        body (BarcodeIdentifier): A rule that splits a barcode into its parts; each part field is
            a regular expression. In an IdentifyBarcode answer the same fields hold the values found.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BarcodeIdentifier
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
