from http import HTTPStatus
from io import BytesIO
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    serial_number_type: str,
    quantity: int,
    ref_sn: str | Unset = UNSET,
    ref_pn: str | Unset = UNSET,
    station_name: str | Unset = UNSET,
    only_in_sequence: bool | Unset = UNSET,
    format_: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["serialNumberType"] = serial_number_type

    params["quantity"] = quantity

    params["refSN"] = ref_sn

    params["refPN"] = ref_pn

    params["stationName"] = station_name

    params["onlyInSequence"] = only_in_sequence

    params["format"] = format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/Production/SerialNumbers/Take",
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
    serial_number_type: str,
    quantity: int,
    ref_sn: str | Unset = UNSET,
    ref_pn: str | Unset = UNSET,
    station_name: str | Unset = UNSET,
    only_in_sequence: bool | Unset = UNSET,
    format_: str | Unset = UNSET,
) -> Response[File]:
    """Take free serial numbers

     Reserves up to `quantity` free serial numbers (all that remain if fewer are free) and returns them
    as an XML or CSV document (bytes), as `format` asks.

    Args:
        serial_number_type (str):
        quantity (int):
        ref_sn (str | Unset):
        ref_pn (str | Unset):
        station_name (str | Unset):
        only_in_sequence (bool | Unset):
        format_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        serial_number_type=serial_number_type,
        quantity=quantity,
        ref_sn=ref_sn,
        ref_pn=ref_pn,
        station_name=station_name,
        only_in_sequence=only_in_sequence,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    serial_number_type: str,
    quantity: int,
    ref_sn: str | Unset = UNSET,
    ref_pn: str | Unset = UNSET,
    station_name: str | Unset = UNSET,
    only_in_sequence: bool | Unset = UNSET,
    format_: str | Unset = UNSET,
) -> File | None:
    """Take free serial numbers

     Reserves up to `quantity` free serial numbers (all that remain if fewer are free) and returns them
    as an XML or CSV document (bytes), as `format` asks.

    Args:
        serial_number_type (str):
        quantity (int):
        ref_sn (str | Unset):
        ref_pn (str | Unset):
        station_name (str | Unset):
        only_in_sequence (bool | Unset):
        format_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File
    """

    return sync_detailed(
        client=client,
        serial_number_type=serial_number_type,
        quantity=quantity,
        ref_sn=ref_sn,
        ref_pn=ref_pn,
        station_name=station_name,
        only_in_sequence=only_in_sequence,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    serial_number_type: str,
    quantity: int,
    ref_sn: str | Unset = UNSET,
    ref_pn: str | Unset = UNSET,
    station_name: str | Unset = UNSET,
    only_in_sequence: bool | Unset = UNSET,
    format_: str | Unset = UNSET,
) -> Response[File]:
    """Take free serial numbers

     Reserves up to `quantity` free serial numbers (all that remain if fewer are free) and returns them
    as an XML or CSV document (bytes), as `format` asks.

    Args:
        serial_number_type (str):
        quantity (int):
        ref_sn (str | Unset):
        ref_pn (str | Unset):
        station_name (str | Unset):
        only_in_sequence (bool | Unset):
        format_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        serial_number_type=serial_number_type,
        quantity=quantity,
        ref_sn=ref_sn,
        ref_pn=ref_pn,
        station_name=station_name,
        only_in_sequence=only_in_sequence,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    serial_number_type: str,
    quantity: int,
    ref_sn: str | Unset = UNSET,
    ref_pn: str | Unset = UNSET,
    station_name: str | Unset = UNSET,
    only_in_sequence: bool | Unset = UNSET,
    format_: str | Unset = UNSET,
) -> File | None:
    """Take free serial numbers

     Reserves up to `quantity` free serial numbers (all that remain if fewer are free) and returns them
    as an XML or CSV document (bytes), as `format` asks.

    Args:
        serial_number_type (str):
        quantity (int):
        ref_sn (str | Unset):
        ref_pn (str | Unset):
        station_name (str | Unset):
        only_in_sequence (bool | Unset):
        format_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File
    """

    return (
        await asyncio_detailed(
            client=client,
            serial_number_type=serial_number_type,
            quantity=quantity,
            ref_sn=ref_sn,
            ref_pn=ref_pn,
            station_name=station_name,
            only_in_sequence=only_in_sequence,
            format_=format_,
        )
    ).parsed
