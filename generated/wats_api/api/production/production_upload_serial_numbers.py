from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.serial_number_file_upload import SerialNumberFileUpload
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: SerialNumberFileUpload,
    serial_number_type: str,
    format_: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["serialNumberType"] = serial_number_type

    params["format"] = format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/Production/SerialNumbers",
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
    *,
    client: AuthenticatedClient | Client,
    body: SerialNumberFileUpload,
    serial_number_type: str,
    format_: str,
) -> Response[Any]:
    """Import serial numbers from a file

     Uploads an XML or CSV file of serial numbers as multipart form data.

    Args:
        serial_number_type (str):
        format_ (str):
        body (SerialNumberFileUpload): Multipart form with one file part. The server does not name
            the part; we send it as `file` (assumed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        serial_number_type=serial_number_type,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SerialNumberFileUpload,
    serial_number_type: str,
    format_: str,
) -> Response[Any]:
    """Import serial numbers from a file

     Uploads an XML or CSV file of serial numbers as multipart form data.

    Args:
        serial_number_type (str):
        format_ (str):
        body (SerialNumberFileUpload): Multipart form with one file part. The server does not name
            the part; we send it as `file` (assumed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        serial_number_type=serial_number_type,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
