from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    product_group: str,
    part_number: str,
    revision: str | Unset = UNSET,
    exclude: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["productGroup"] = product_group

    params["partNumber"] = part_number

    params["revision"] = revision

    params["exclude"] = exclude

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/Product/ProductGroupFilter",
        "params": params,
    }

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
    product_group: str,
    part_number: str,
    revision: str | Unset = UNSET,
    exclude: bool | Unset = UNSET,
) -> Response[Any]:
    """Add a product to a product group

     Adds an include (or, with `exclude=true`, an exclude) filter for a part number and optional revision
    to an existing product group.

    Args:
        product_group (str):
        part_number (str):
        revision (str | Unset):
        exclude (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        product_group=product_group,
        part_number=part_number,
        revision=revision,
        exclude=exclude,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    product_group: str,
    part_number: str,
    revision: str | Unset = UNSET,
    exclude: bool | Unset = UNSET,
) -> Response[Any]:
    """Add a product to a product group

     Adds an include (or, with `exclude=true`, an exclude) filter for a part number and optional revision
    to an existing product group.

    Args:
        product_group (str):
        part_number (str):
        revision (str | Unset):
        exclude (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        product_group=product_group,
        part_number=part_number,
        revision=revision,
        exclude=exclude,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
