from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.product_revision import ProductRevision
from ...types import Response


def _get_kwargs(
    part_number: str,
    revision: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/Product/{part_number}/{revision}".format(
            part_number=quote(str(part_number), safe=""),
            revision=quote(str(revision), safe=""),
        ),
    }

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
    part_number: str,
    revision: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ProductRevision]:
    """Get one product revision

     Returns one revision of a product.

    Args:
        part_number (str):
        revision (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProductRevision]
    """

    kwargs = _get_kwargs(
        part_number=part_number,
        revision=revision,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    part_number: str,
    revision: str,
    *,
    client: AuthenticatedClient | Client,
) -> ProductRevision | None:
    """Get one product revision

     Returns one revision of a product.

    Args:
        part_number (str):
        revision (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProductRevision
    """

    return sync_detailed(
        part_number=part_number,
        revision=revision,
        client=client,
    ).parsed


async def asyncio_detailed(
    part_number: str,
    revision: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ProductRevision]:
    """Get one product revision

     Returns one revision of a product.

    Args:
        part_number (str):
        revision (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProductRevision]
    """

    kwargs = _get_kwargs(
        part_number=part_number,
        revision=revision,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    part_number: str,
    revision: str,
    *,
    client: AuthenticatedClient | Client,
) -> ProductRevision | None:
    """Get one product revision

     Returns one revision of a product.

    Args:
        part_number (str):
        revision (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProductRevision
    """

    return (
        await asyncio_detailed(
            part_number=part_number,
            revision=revision,
            client=client,
        )
    ).parsed
