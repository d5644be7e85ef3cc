from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    serial_number: str | Unset = UNSET,
    part_number: str | Unset = UNSET,
    revision: str | Unset = UNSET,
    batch_number: str | Unset = UNSET,
    station_name: str | Unset = UNSET,
    test_operation: str | Unset = UNSET,
    status: str | Unset = UNSET,
    date_from: str | Unset = UNSET,
    date_to: str | Unset = UNSET,
    product_group_id: str | Unset = UNSET,
    level_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["serialNumber"] = serial_number

    params["partNumber"] = part_number

    params["revision"] = revision

    params["batchNumber"] = batch_number

    params["stationName"] = station_name

    params["testOperation"] = test_operation

    params["status"] = status

    params["dateFrom"] = date_from

    params["dateTo"] = date_to

    params["productGroupId"] = product_group_id

    params["levelId"] = level_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/App/UutReport",
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
    serial_number: str | Unset = UNSET,
    part_number: str | Unset = UNSET,
    revision: str | Unset = UNSET,
    batch_number: str | Unset = UNSET,
    station_name: str | Unset = UNSET,
    test_operation: str | Unset = UNSET,
    status: str | Unset = UNSET,
    date_from: str | Unset = UNSET,
    date_to: str | Unset = UNSET,
    product_group_id: str | Unset = UNSET,
    level_id: str | Unset = UNSET,
) -> Response[Any]:
    """UUT report headers (query form)

     The 1000 newest UUT report headers matching the query. Meant for reporting, not for production
    control (use the Production operations for that).

    Args:
        serial_number (str | Unset):
        part_number (str | Unset):
        revision (str | Unset):
        batch_number (str | Unset):
        station_name (str | Unset):
        test_operation (str | Unset):
        status (str | Unset):
        date_from (str | Unset):
        date_to (str | Unset):
        product_group_id (str | Unset):
        level_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        serial_number=serial_number,
        part_number=part_number,
        revision=revision,
        batch_number=batch_number,
        station_name=station_name,
        test_operation=test_operation,
        status=status,
        date_from=date_from,
        date_to=date_to,
        product_group_id=product_group_id,
        level_id=level_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    serial_number: str | Unset = UNSET,
    part_number: str | Unset = UNSET,
    revision: str | Unset = UNSET,
    batch_number: str | Unset = UNSET,
    station_name: str | Unset = UNSET,
    test_operation: str | Unset = UNSET,
    status: str | Unset = UNSET,
    date_from: str | Unset = UNSET,
    date_to: str | Unset = UNSET,
    product_group_id: str | Unset = UNSET,
    level_id: str | Unset = UNSET,
) -> Response[Any]:
    """UUT report headers (query form)

     The 1000 newest UUT report headers matching the query. Meant for reporting, not for production
    control (use the Production operations for that).

    Args:
        serial_number (str | Unset):
        part_number (str | Unset):
        revision (str | Unset):
        batch_number (str | Unset):
        station_name (str | Unset):
        test_operation (str | Unset):
        status (str | Unset):
        date_from (str | Unset):
        date_to (str | Unset):
        product_group_id (str | Unset):
        level_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        serial_number=serial_number,
        part_number=part_number,
        revision=revision,
        batch_number=batch_number,
        station_name=station_name,
        test_operation=test_operation,
        status=status,
        date_from=date_from,
        date_to=date_to,
        product_group_id=product_group_id,
        level_id=level_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
