from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ticket_attachment_upload import TicketAttachmentUpload
from ...types import Response


def _get_kwargs(
    *,
    body: TicketAttachmentUpload,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/RootCause/Attachment",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> UUID | None:
    if response.status_code == 200:
        response_200 = UUID(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[UUID]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TicketAttachmentUpload,
) -> Response[UUID]:
    """Upload a ticket attachment

     Uploads one file as multipart form data and returns its attachment id; reference it afterwards in a
    ticket update's `attachments`.

    Args:
        body (TicketAttachmentUpload): Multipart form with one file part. The server does not name
            the part; we send it as `file` (assumed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UUID]
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
    body: TicketAttachmentUpload,
) -> UUID | None:
    """Upload a ticket attachment

     Uploads one file as multipart form data and returns its attachment id; reference it afterwards in a
    ticket update's `attachments`.

    Args:
        body (TicketAttachmentUpload): Multipart form with one file part. The server does not name
            the part; we send it as `file` (assumed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UUID
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TicketAttachmentUpload,
) -> Response[UUID]:
    """Upload a ticket attachment

     Uploads one file as multipart form data and returns its attachment id; reference it afterwards in a
    ticket update's `attachments`.

    Args:
        body (TicketAttachmentUpload): Multipart form with one file part. The server does not name
            the part; we send it as `file` (assumed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UUID]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TicketAttachmentUpload,
) -> UUID | None:
    """Upload a ticket attachment

     Uploads one file as multipart form data and returns its attachment id; reference it afterwards in a
    ticket update's `attachments`.

    Args:
        body (TicketAttachmentUpload): Multipart form with one file part. The server does not name
            the part; we send it as `file` (assumed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UUID
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
