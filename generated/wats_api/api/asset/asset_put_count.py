from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    id: str | Unset = UNSET,
    serial_number: str | Unset = UNSET,
    total_count: int | Unset = UNSET,
    increment_by: int | Unset = UNSET,
    increment_children: bool | Unset = UNSET,
    culture_code: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["id"] = id

    params["serialNumber"] = serial_number

    params["totalCount"] = total_count

    params["incrementBy"] = increment_by

    params["incrementChildren"] = increment_children

    params["cultureCode"] = culture_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/Asset/Count",
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
    id: str | Unset = UNSET,
    serial_number: str | Unset = UNSET,
    total_count: int | Unset = UNSET,
    increment_by: int | Unset = UNSET,
    increment_children: bool | Unset = UNSET,
    culture_code: str | Unset = UNSET,
) -> Response[Any]:
    """Increment an asset's usage counters

     Raises the running and total counts, either by `incrementBy` or to a new `totalCount` (the
    difference is the increment).

    Args:
        id (str | Unset):
        serial_number (str | Unset):
        total_count (int | Unset):
        increment_by (int | Unset):
        increment_children (bool | Unset):
        culture_code (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        id=id,
        serial_number=serial_number,
        total_count=total_count,
        increment_by=increment_by,
        increment_children=increment_children,
        culture_code=culture_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    id: str | Unset = UNSET,
    serial_number: str | Unset = UNSET,
    total_count: int | Unset = UNSET,
    increment_by: int | Unset = UNSET,
    increment_children: bool | Unset = UNSET,
    culture_code: str | Unset = UNSET,
) -> Response[Any]:
    """Increment an asset's usage counters

     Raises the running and total counts, either by `incrementBy` or to a new `totalCount` (the
    difference is the increment).

    Args:
        id (str | Unset):
        serial_number (str | Unset):
        total_count (int | Unset):
        increment_by (int | Unset):
        increment_children (bool | Unset):
        culture_code (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        id=id,
        serial_number=serial_number,
        total_count=total_count,
        increment_by=increment_by,
        increment_children=increment_children,
        culture_code=culture_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
