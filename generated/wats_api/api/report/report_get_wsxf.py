from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    detail_level: int | Unset = UNSET,
    include_attachments: bool | Unset = UNSET,
    include_chartdata: bool | Unset = UNSET,
    include_indexes: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["detailLevel"] = detail_level

    params["includeAttachments"] = include_attachments

    params["includeChartdata"] = include_chartdata

    params["includeIndexes"] = include_indexes

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/Report/Wsxf/{id}".format(
            id=quote(str(id), safe=""),
        ),
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
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    detail_level: int | Unset = UNSET,
    include_attachments: bool | Unset = UNSET,
    include_chartdata: bool | Unset = UNSET,
    include_indexes: bool | Unset = UNSET,
) -> Response[File]:
    """Read a report as WSXF (XML)

     Returns one report as a WSXF XML document (bytes).

    Args:
        id (UUID):
        detail_level (int | Unset):
        include_attachments (bool | Unset):
        include_chartdata (bool | Unset):
        include_indexes (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        id=id,
        detail_level=detail_level,
        include_attachments=include_attachments,
        include_chartdata=include_chartdata,
        include_indexes=include_indexes,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    detail_level: int | Unset = UNSET,
    include_attachments: bool | Unset = UNSET,
    include_chartdata: bool | Unset = UNSET,
    include_indexes: bool | Unset = UNSET,
) -> File | None:
    """Read a report as WSXF (XML)

     Returns one report as a WSXF XML document (bytes).

    Args:
        id (UUID):
        detail_level (int | Unset):
        include_attachments (bool | Unset):
        include_chartdata (bool | Unset):
        include_indexes (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File
    """

    return sync_detailed(
        id=id,
        client=client,
        detail_level=detail_level,
        include_attachments=include_attachments,
        include_chartdata=include_chartdata,
        include_indexes=include_indexes,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    detail_level: int | Unset = UNSET,
    include_attachments: bool | Unset = UNSET,
    include_chartdata: bool | Unset = UNSET,
    include_indexes: bool | Unset = UNSET,
) -> Response[File]:
    """Read a report as WSXF (XML)

     Returns one report as a WSXF XML document (bytes).

    Args:
        id (UUID):
        detail_level (int | Unset):
        include_attachments (bool | Unset):
        include_chartdata (bool | Unset):
        include_indexes (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        id=id,
        detail_level=detail_level,
        include_attachments=include_attachments,
        include_chartdata=include_chartdata,
        include_indexes=include_indexes,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    detail_level: int | Unset = UNSET,
    include_attachments: bool | Unset = UNSET,
    include_chartdata: bool | Unset = UNSET,
    include_indexes: bool | Unset = UNSET,
) -> File | None:
    """Read a report as WSXF (XML)

     Returns one report as a WSXF XML document (bytes).

    Args:
        id (UUID):
        detail_level (int | Unset):
        include_attachments (bool | Unset):
        include_chartdata (bool | Unset):
        include_indexes (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            detail_level=detail_level,
            include_attachments=include_attachments,
            include_chartdata=include_chartdata,
            include_indexes=include_indexes,
        )
    ).parsed
