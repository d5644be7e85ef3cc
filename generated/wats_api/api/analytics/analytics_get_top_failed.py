from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response


def _get_kwargs(
    *,
    part_number: str,
    process_code: str,
    product_group_id: str,
    level_id: str,
    days: int,
    count: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["partNumber"] = part_number

    params["processCode"] = process_code

    params["productGroupId"] = product_group_id

    params["levelId"] = level_id

    params["days"] = days

    params["count"] = count

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/App/TopFailed",
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
    part_number: str,
    process_code: str,
    product_group_id: str,
    level_id: str,
    days: int,
    count: int,
) -> Response[Any]:
    """Most frequently failing steps (query form)

     The `count` steps that failed most for a part number and process over the last `days` days.

    Args:
        part_number (str):
        process_code (str):
        product_group_id (str):
        level_id (str):
        days (int):
        count (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        part_number=part_number,
        process_code=process_code,
        product_group_id=product_group_id,
        level_id=level_id,
        days=days,
        count=count,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    part_number: str,
    process_code: str,
    product_group_id: str,
    level_id: str,
    days: int,
    count: int,
) -> Response[Any]:
    """Most frequently failing steps (query form)

     The `count` steps that failed most for a part number and process over the last `days` days.

    Args:
        part_number (str):
        process_code (str):
        product_group_id (str):
        level_id (str):
        days (int):
        count (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        part_number=part_number,
        process_code=process_code,
        product_group_id=product_group_id,
        level_id=level_id,
        days=days,
        count=count,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
