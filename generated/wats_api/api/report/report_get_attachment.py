from http import HTTPStatus
from io import BytesIO
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    report_id: UUID,
    attachment_id: UUID | Unset = UNSET,
    step_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_report_id = str(report_id)
    params["reportId"] = json_report_id

    json_attachment_id: str | Unset = UNSET
    if not isinstance(attachment_id, Unset):
        json_attachment_id = str(attachment_id)
    params["attachmentId"] = json_attachment_id

    params["stepId"] = step_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/Report/Attachment",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    report_id: UUID,
    attachment_id: UUID | Unset = UNSET,
    step_id: int | Unset = UNSET,
) -> Response[File]:
    """Download one report attachment

     Returns the bytes of one attachment. For a UUT report give `stepId` (the step carrying the
    attachment); for a UUR report give `attachmentId` (the `id` of a `binaryData` item).

    Args:
        report_id (UUID):
        attachment_id (UUID | Unset):
        step_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        report_id=report_id,
        attachment_id=attachment_id,
        step_id=step_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    report_id: UUID,
    attachment_id: UUID | Unset = UNSET,
    step_id: int | Unset = UNSET,
) -> File | None:
    """Download one report attachment

     Returns the bytes of one attachment. For a UUT report give `stepId` (the step carrying the
    attachment); for a UUR report give `attachmentId` (the `id` of a `binaryData` item).

    Args:
        report_id (UUID):
        attachment_id (UUID | Unset):
        step_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File
    """

    return sync_detailed(
        client=client,
        report_id=report_id,
        attachment_id=attachment_id,
        step_id=step_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    report_id: UUID,
    attachment_id: UUID | Unset = UNSET,
    step_id: int | Unset = UNSET,
) -> Response[File]:
    """Download one report attachment

     Returns the bytes of one attachment. For a UUT report give `stepId` (the step carrying the
    attachment); for a UUR report give `attachmentId` (the `id` of a `binaryData` item).

    Args:
        report_id (UUID):
        attachment_id (UUID | Unset):
        step_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        report_id=report_id,
        attachment_id=attachment_id,
        step_id=step_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    report_id: UUID,
    attachment_id: UUID | Unset = UNSET,
    step_id: int | Unset = UNSET,
) -> File | None:
    """Download one report attachment

     Returns the bytes of one attachment. For a UUT report give `stepId` (the step carrying the
    attachment); for a UUR report give `attachmentId` (the `id` of a `binaryData` item).

    Args:
        report_id (UUID):
        attachment_id (UUID | Unset):
        step_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File
    """

    return (
        await asyncio_detailed(
            client=client,
            report_id=report_id,
            attachment_id=attachment_id,
            step_id=step_id,
        )
    ).parsed
