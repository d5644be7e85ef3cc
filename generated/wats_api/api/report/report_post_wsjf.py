from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.insert_report_result import InsertReportResult
from ...models.wsjf_report import WsjfReport
from ...types import Response


def _get_kwargs(
    *,
    body: WsjfReport,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/Report/WSJF",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InsertReportResult | None:
    if response.status_code == 200:
        response_200 = InsertReportResult.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[InsertReportResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WsjfReport,
) -> Response[InsertReportResult]:
    """Submit a report as WSJF

     Stores a UUT (`type: T`) or UUR (`type: R`) report written in WSJF. The server reads the raw request
    body as JSON. Re-posting an `id` that already exists replaces that report, so a retry never
    duplicates. The server answers 400 with one validation message per line when it rejects the report.

    Args:
        body (WsjfReport): A test (UUT) or repair (UUR) report in WSJF, the WATS Standard JSON
            Format. Submitting requires `type`, `id`, `pn`, `sn`, `rev`, `processCode`, `result`,
            `machineName`, `location`, `purpose` and `start`; a UUT also `root` and `uut`, a UUR `uur`
            and `subUnits`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsertReportResult]
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
    body: WsjfReport,
) -> InsertReportResult | None:
    """Submit a report as WSJF

     Stores a UUT (`type: T`) or UUR (`type: R`) report written in WSJF. The server reads the raw request
    body as JSON. Re-posting an `id` that already exists replaces that report, so a retry never
    duplicates. The server answers 400 with one validation message per line when it rejects the report.

    Args:
        body (WsjfReport): A test (UUT) or repair (UUR) report in WSJF, the WATS Standard JSON
            Format. Submitting requires `type`, `id`, `pn`, `sn`, `rev`, `processCode`, `result`,
            `machineName`, `location`, `purpose` and `start`; a UUT also `root` and `uut`, a UUR `uur`
            and `subUnits`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsertReportResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: WsjfReport,
) -> Response[InsertReportResult]:
    """Submit a report as WSJF

     Stores a UUT (`type: T`) or UUR (`type: R`) report written in WSJF. The server reads the raw request
    body as JSON. Re-posting an `id` that already exists replaces that report, so a retry never
    duplicates. The server answers 400 with one validation message per line when it rejects the report.

    Args:
        body (WsjfReport): A test (UUT) or repair (UUR) report in WSJF, the WATS Standard JSON
            Format. Submitting requires `type`, `id`, `pn`, `sn`, `rev`, `processCode`, `result`,
            `machineName`, `location`, `purpose` and `start`; a UUT also `root` and `uut`, a UUR `uur`
            and `subUnits`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsertReportResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: WsjfReport,
) -> InsertReportResult | None:
    """Submit a report as WSJF

     Stores a UUT (`type: T`) or UUR (`type: R`) report written in WSJF. The server reads the raw request
    body as JSON. Re-posting an `id` that already exists replaces that report, so a retry never
    duplicates. The server answers 400 with one validation message per line when it rejects the report.

    Args:
        body (WsjfReport): A test (UUT) or repair (UUR) report in WSJF, the WATS Standard JSON
            Format. Submitting requires `type`, `id`, `pn`, `sn`, `rev`, `processCode`, `result`,
            `machineName`, `location`, `purpose` and `start`; a UUT also `root` and `uut`, a UUR `uur`
            and `subUnits`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsertReportResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
