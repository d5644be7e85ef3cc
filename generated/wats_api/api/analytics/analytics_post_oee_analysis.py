from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.analytics_filter import AnalyticsFilter
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: AnalyticsFilter,
    available_time: str,
    min_connection_time: int | Unset = UNSET,
    max_connection_time: int | Unset = UNSET,
    min_execution_time: int | Unset = UNSET,
    max_execution_time: int | Unset = UNSET,
    target_output: int | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["availableTime"] = available_time

    params["minConnectionTime"] = min_connection_time

    params["maxConnectionTime"] = max_connection_time

    params["minExecutionTime"] = min_execution_time

    params["maxExecutionTime"] = max_execution_time

    params["targetOutput"] = target_output

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/App/OeeAnalysis",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    body: AnalyticsFilter,
    available_time: str,
    min_connection_time: int | Unset = UNSET,
    max_connection_time: int | Unset = UNSET,
    min_execution_time: int | Unset = UNSET,
    max_execution_time: int | Unset = UNSET,
    target_output: int | Unset = UNSET,
) -> Response[Any]:
    """Overall equipment effectiveness

     OEE analysis. Honours `productGroup`, `level`, `partNumber`, `revision`, `stationName`,
    `testOperation`, `status`, `swFilename`, `swVersion`, `socket`, `dateFrom` and `dateTo`.

    Args:
        available_time (str):
        min_connection_time (int | Unset):
        max_connection_time (int | Unset):
        min_execution_time (int | Unset):
        max_execution_time (int | Unset):
        target_output (int | Unset):
        body (AnalyticsFilter): Filter for the analytics operations. Each operation honours only
            some fields (see its description).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        available_time=available_time,
        min_connection_time=min_connection_time,
        max_connection_time=max_connection_time,
        min_execution_time=min_execution_time,
        max_execution_time=max_execution_time,
        target_output=target_output,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AnalyticsFilter,
    available_time: str,
    min_connection_time: int | Unset = UNSET,
    max_connection_time: int | Unset = UNSET,
    min_execution_time: int | Unset = UNSET,
    max_execution_time: int | Unset = UNSET,
    target_output: int | Unset = UNSET,
) -> Response[Any]:
    """Overall equipment effectiveness

     OEE analysis. Honours `productGroup`, `level`, `partNumber`, `revision`, `stationName`,
    `testOperation`, `status`, `swFilename`, `swVersion`, `socket`, `dateFrom` and `dateTo`.

    Args:
        available_time (str):
        min_connection_time (int | Unset):
        max_connection_time (int | Unset):
        min_execution_time (int | Unset):
        max_execution_time (int | Unset):
        target_output (int | Unset):
        body (AnalyticsFilter): Filter for the analytics operations. Each operation honours only
            some fields (see its description).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        available_time=available_time,
        min_connection_time=min_connection_time,
        max_connection_time=max_connection_time,
        min_execution_time=min_execution_time,
        max_execution_time=max_execution_time,
        target_output=target_output,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
