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
    measurement_paths: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["measurementPaths"] = measurement_paths

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/App/AggregatedMeasurements",
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
    measurement_paths: str | Unset = UNSET,
) -> Response[Any]:
    """Aggregated numeric measurements

     Statistics (count, min, max, average, deviation, Cpk...) per measurement path. The filter should
    name `partNumber` and `testOperation`.

    Args:
        measurement_paths (str | Unset):
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
        measurement_paths=measurement_paths,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AnalyticsFilter,
    measurement_paths: str | Unset = UNSET,
) -> Response[Any]:
    """Aggregated numeric measurements

     Statistics (count, min, max, average, deviation, Cpk...) per measurement path. The filter should
    name `partNumber` and `testOperation`.

    Args:
        measurement_paths (str | Unset):
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
        measurement_paths=measurement_paths,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
