from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.unit import Unit
from ...types import Response


def _get_kwargs(
    serial_number: str,
    part_number: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/Production/Unit/{serial_number}/{part_number}".format(
            serial_number=quote(str(serial_number), safe=""),
            part_number=quote(str(part_number), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Unit | None:
    if response.status_code == 200:
        response_200 = Unit.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Unit]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    serial_number: str,
    part_number: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Unit]:
    """Get a unit with its sub-units

     Returns a unit and its sub-unit tree (a preview operation on the server).

    Args:
        serial_number (str):
        part_number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Unit]
    """

    kwargs = _get_kwargs(
        serial_number=serial_number,
        part_number=part_number,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    serial_number: str,
    part_number: str,
    *,
    client: AuthenticatedClient | Client,
) -> Unit | None:
    """Get a unit with its sub-units

     Returns a unit and its sub-unit tree (a preview operation on the server).

    Args:
        serial_number (str):
        part_number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Unit
    """

    return sync_detailed(
        serial_number=serial_number,
        part_number=part_number,
        client=client,
    ).parsed


async def asyncio_detailed(
    serial_number: str,
    part_number: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Unit]:
    """Get a unit with its sub-units

     Returns a unit and its sub-unit tree (a preview operation on the server).

    Args:
        serial_number (str):
        part_number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Unit]
    """

    kwargs = _get_kwargs(
        serial_number=serial_number,
        part_number=part_number,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    serial_number: str,
    part_number: str,
    *,
    client: AuthenticatedClient | Client,
) -> Unit | None:
    """Get a unit with its sub-units

     Returns a unit and its sub-unit tree (a preview operation on the server).

    Args:
        serial_number (str):
        part_number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Unit
    """

    return (
        await asyncio_detailed(
            serial_number=serial_number,
            part_number=part_number,
            client=client,
        )
    ).parsed
