from http import HTTPStatus
from io import BytesIO
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, File, Response


def _get_kwargs(
    *,
    repository_folder_file_id: UUID,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_repository_folder_file_id = str(repository_folder_file_id)
    params["repositoryFolderFileId"] = json_repository_folder_file_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/internal/Software/DownloadFile",
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
    repository_folder_file_id: UUID,
) -> Response[File]:
    """Download one package file

     Returns the contents of one file of a software package. This is an internal endpoint of
    the server (it is in the server's internal Swagger, not the public one), the one the
    official WATS client uses to fetch package files to a station; the public API only lists
    a package's files (`GET /api/Software/PackageFiles/{id}`, metadata) and has no way to
    read their contents.

    Assumptions, as the server's Swagger types the answer as an untyped object: the id is a
    file's `packageFileId` from `GET /api/Software/PackageFiles/{id}`, and the body is the
    file's bytes, unchanged.

    Args:
        repository_folder_file_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        repository_folder_file_id=repository_folder_file_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    repository_folder_file_id: UUID,
) -> File | None:
    """Download one package file

     Returns the contents of one file of a software package. This is an internal endpoint of
    the server (it is in the server's internal Swagger, not the public one), the one the
    official WATS client uses to fetch package files to a station; the public API only lists
    a package's files (`GET /api/Software/PackageFiles/{id}`, metadata) and has no way to
    read their contents.

    Assumptions, as the server's Swagger types the answer as an untyped object: the id is a
    file's `packageFileId` from `GET /api/Software/PackageFiles/{id}`, and the body is the
    file's bytes, unchanged.

    Args:
        repository_folder_file_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File
    """

    return sync_detailed(
        client=client,
        repository_folder_file_id=repository_folder_file_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    repository_folder_file_id: UUID,
) -> Response[File]:
    """Download one package file

     Returns the contents of one file of a software package. This is an internal endpoint of
    the server (it is in the server's internal Swagger, not the public one), the one the
    official WATS client uses to fetch package files to a station; the public API only lists
    a package's files (`GET /api/Software/PackageFiles/{id}`, metadata) and has no way to
    read their contents.

    Assumptions, as the server's Swagger types the answer as an untyped object: the id is a
    file's `packageFileId` from `GET /api/Software/PackageFiles/{id}`, and the body is the
    file's bytes, unchanged.

    Args:
        repository_folder_file_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        repository_folder_file_id=repository_folder_file_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    repository_folder_file_id: UUID,
) -> File | None:
    """Download one package file

     Returns the contents of one file of a software package. This is an internal endpoint of
    the server (it is in the server's internal Swagger, not the public one), the one the
    official WATS client uses to fetch package files to a station; the public API only lists
    a package's files (`GET /api/Software/PackageFiles/{id}`, metadata) and has no way to
    read their contents.

    Assumptions, as the server's Swagger types the answer as an untyped object: the id is a
    file's `packageFileId` from `GET /api/Software/PackageFiles/{id}`, and the body is the
    file's bytes, unchanged.

    Args:
        repository_folder_file_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File
    """

    return (
        await asyncio_detailed(
            client=client,
            repository_folder_file_id=repository_folder_file_id,
        )
    ).parsed
