from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.asset_message import AssetMessage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: AssetMessage,
    id: str | Unset = UNSET,
    serial_number: str | Unset = UNSET,
    culture_code: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["id"] = id

    params["serialNumber"] = serial_number

    params["cultureCode"] = culture_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/Asset/Message",
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
    body: AssetMessage,
    id: str | Unset = UNSET,
    serial_number: str | Unset = UNSET,
    culture_code: str | Unset = UNSET,
) -> Response[Any]:
    """Add a message to the asset log

     Writes a free-text message to the log of the asset named by `id` or `serialNumber`.

    Args:
        id (str | Unset):
        serial_number (str | Unset):
        culture_code (str | Unset):
        body (AssetMessage): A message for an asset's log.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        id=id,
        serial_number=serial_number,
        culture_code=culture_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AssetMessage,
    id: str | Unset = UNSET,
    serial_number: str | Unset = UNSET,
    culture_code: str | Unset = UNSET,
) -> Response[Any]:
    """Add a message to the asset log

     Writes a free-text message to the log of the asset named by `id` or `serialNumber`.

    Args:
        id (str | Unset):
        serial_number (str | Unset):
        culture_code (str | Unset):
        body (AssetMessage): A message for an asset's log.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        id=id,
        serial_number=serial_number,
        culture_code=culture_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
