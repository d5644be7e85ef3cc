from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.package_zip_upload import PackageZipUpload
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: PackageZipUpload,
    clean_install: bool | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["cleanInstall"] = clean_install

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/Software/Package/UploadZip/{id}".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

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
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PackageZipUpload,
    clean_install: bool | Unset = UNSET,
) -> Response[Any]:
    """Upload package files as a zip

     Uploads one zip file as multipart form data. Files are merged into the package unless
    `cleanInstall=true`, which first removes every file and folder. The zip root may hold folders only,
    not files.

    Args:
        id (str):
        clean_install (bool | Unset):
        body (PackageZipUpload): Multipart form with one file part. The server does not name the
            part; we send it as `file` (assumed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        clean_install=clean_install,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PackageZipUpload,
    clean_install: bool | Unset = UNSET,
) -> Response[Any]:
    """Upload package files as a zip

     Uploads one zip file as multipart form data. Files are merged into the package unless
    `cleanInstall=true`, which first removes every file and folder. The zip root may hold folders only,
    not files.

    Args:
        id (str):
        clean_install (bool | Unset):
        body (PackageZipUpload): Multipart form with one file part. The server does not name the
            part; we send it as `file` (assumed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        clean_install=clean_install,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
