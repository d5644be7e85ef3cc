from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.product_revision import ProductRevision
from ...types import Response


def _get_kwargs(
    *,
    body: ProductRevision,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/Product/Revision",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProductRevision | None:
    if response.status_code == 200:
        response_200 = ProductRevision.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ProductRevision]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ProductRevision,
) -> Response[ProductRevision]:
    """Create or update a product revision

     Creates the revision when `productRevisionId` is empty, otherwise updates that revision. Returns the
    stored revision.

    Args:
        body (ProductRevision): One revision of a product.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProductRevision]
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
    body: ProductRevision,
) -> ProductRevision | None:
    """Create or update a product revision

     Creates the revision when `productRevisionId` is empty, otherwise updates that revision. Returns the
    stored revision.

    Args:
        body (ProductRevision): One revision of a product.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProductRevision
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ProductRevision,
) -> Response[ProductRevision]:
    """Create or update a product revision

     Creates the revision when `productRevisionId` is empty, otherwise updates that revision. Returns the
    stored revision.

    Args:
        body (ProductRevision): One revision of a product.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProductRevision]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ProductRevision,
) -> ProductRevision | None:
    """Create or update a product revision

     Creates the revision when `productRevisionId` is empty, otherwise updates that revision. Returns the
    stored revision.

    Args:
        body (ProductRevision): One revision of a product.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProductRevision
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
