from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.uut_misc_info_match import UutMiscInfoMatch
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    process_code: int | Unset = UNSET,
    serial_number: str | Unset = UNSET,
    description: str | Unset = UNSET,
    data: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["processCode"] = process_code

    params["serialNumber"] = serial_number

    params["description"] = description

    params["data"] = data

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/Report/Query/HeaderByMiscInfo",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[UutMiscInfoMatch] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = UutMiscInfoMatch.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[UutMiscInfoMatch]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    process_code: int | Unset = UNSET,
    serial_number: str | Unset = UNSET,
    description: str | Unset = UNSET,
    data: str | Unset = UNSET,
) -> Response[list[UutMiscInfoMatch]]:
    """Find UUT reports by misc info

     Searches UUT reports whose misc info matches `description` and/or `data`, optionally narrowed to one
    serial number and one test operation.

    Args:
        process_code (int | Unset):
        serial_number (str | Unset):
        description (str | Unset):
        data (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[UutMiscInfoMatch]]
    """

    kwargs = _get_kwargs(
        process_code=process_code,
        serial_number=serial_number,
        description=description,
        data=data,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    process_code: int | Unset = UNSET,
    serial_number: str | Unset = UNSET,
    description: str | Unset = UNSET,
    data: str | Unset = UNSET,
) -> list[UutMiscInfoMatch] | None:
    """Find UUT reports by misc info

     Searches UUT reports whose misc info matches `description` and/or `data`, optionally narrowed to one
    serial number and one test operation.

    Args:
        process_code (int | Unset):
        serial_number (str | Unset):
        description (str | Unset):
        data (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[UutMiscInfoMatch]
    """

    return sync_detailed(
        client=client,
        process_code=process_code,
        serial_number=serial_number,
        description=description,
        data=data,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    process_code: int | Unset = UNSET,
    serial_number: str | Unset = UNSET,
    description: str | Unset = UNSET,
    data: str | Unset = UNSET,
) -> Response[list[UutMiscInfoMatch]]:
    """Find UUT reports by misc info

     Searches UUT reports whose misc info matches `description` and/or `data`, optionally narrowed to one
    serial number and one test operation.

    Args:
        process_code (int | Unset):
        serial_number (str | Unset):
        description (str | Unset):
        data (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[UutMiscInfoMatch]]
    """

    kwargs = _get_kwargs(
        process_code=process_code,
        serial_number=serial_number,
        description=description,
        data=data,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    process_code: int | Unset = UNSET,
    serial_number: str | Unset = UNSET,
    description: str | Unset = UNSET,
    data: str | Unset = UNSET,
) -> list[UutMiscInfoMatch] | None:
    """Find UUT reports by misc info

     Searches UUT reports whose misc info matches `description` and/or `data`, optionally narrowed to one
    serial number and one test operation.

    Args:
        process_code (int | Unset):
        serial_number (str | Unset):
        description (str | Unset):
        data (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[UutMiscInfoMatch]
    """

    return (
        await asyncio_detailed(
            client=client,
            process_code=process_code,
            serial_number=serial_number,
            description=description,
            data=data,
        )
    ).parsed
