from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    serial_number: str,
    part_number: str,
    passed: bool | Unset = UNSET,
    operator_name: str | Unset = UNSET,
    station_name: str | Unset = UNSET,
    status: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["serialNumber"] = serial_number

    params["partNumber"] = part_number

    params["passed"] = passed

    params["operatorName"] = operator_name

    params["stationName"] = station_name

    params["status"] = status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/Workflow/EndTest",
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
    serial_number: str,
    part_number: str,
    passed: bool | Unset = UNSET,
    operator_name: str | Unset = UNSET,
    station_name: str | Unset = UNSET,
    status: int | Unset = UNSET,
) -> Response[Any]:
    """End a workflow test activity

     Ends the test activity started by `StartTest`, passed (the default) or failed. The same rules as
    `StartTest` apply; the answer is `true` when the test ended and `false` otherwise.

    Args:
        serial_number (str):
        part_number (str):
        passed (bool | Unset):
        operator_name (str | Unset):
        station_name (str | Unset):
        status (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        serial_number=serial_number,
        part_number=part_number,
        passed=passed,
        operator_name=operator_name,
        station_name=station_name,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    serial_number: str,
    part_number: str,
    passed: bool | Unset = UNSET,
    operator_name: str | Unset = UNSET,
    station_name: str | Unset = UNSET,
    status: int | Unset = UNSET,
) -> Response[Any]:
    """End a workflow test activity

     Ends the test activity started by `StartTest`, passed (the default) or failed. The same rules as
    `StartTest` apply; the answer is `true` when the test ended and `false` otherwise.

    Args:
        serial_number (str):
        part_number (str):
        passed (bool | Unset):
        operator_name (str | Unset):
        station_name (str | Unset):
        status (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        serial_number=serial_number,
        part_number=part_number,
        passed=passed,
        operator_name=operator_name,
        station_name=station_name,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
