from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.unit_verification_grade import UnitVerificationGrade
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    serial_number: str,
    part_number: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["serialNumber"] = serial_number

    params["partNumber"] = part_number

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/Production/UnitVerification",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> UnitVerificationGrade | None:
    if response.status_code == 200:
        response_200 = UnitVerificationGrade.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[UnitVerificationGrade]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    serial_number: str,
    part_number: str | Unset = UNSET,
) -> Response[UnitVerificationGrade]:
    """Verify a unit and grade it

     Checks the unit's test history against the verification rules and returns its grade with one result
    per process.

    Args:
        serial_number (str):
        part_number (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UnitVerificationGrade]
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
    *,
    client: AuthenticatedClient | Client,
    serial_number: str,
    part_number: str | Unset = UNSET,
) -> UnitVerificationGrade | None:
    """Verify a unit and grade it

     Checks the unit's test history against the verification rules and returns its grade with one result
    per process.

    Args:
        serial_number (str):
        part_number (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UnitVerificationGrade
    """

    return sync_detailed(
        client=client,
        serial_number=serial_number,
        part_number=part_number,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    serial_number: str,
    part_number: str | Unset = UNSET,
) -> Response[UnitVerificationGrade]:
    """Verify a unit and grade it

     Checks the unit's test history against the verification rules and returns its grade with one result
    per process.

    Args:
        serial_number (str):
        part_number (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UnitVerificationGrade]
    """

    kwargs = _get_kwargs(
        serial_number=serial_number,
        part_number=part_number,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    serial_number: str,
    part_number: str | Unset = UNSET,
) -> UnitVerificationGrade | None:
    """Verify a unit and grade it

     Checks the unit's test history against the verification rules and returns its grade with one result
    per process.

    Args:
        serial_number (str):
        part_number (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UnitVerificationGrade
    """

    return (
        await asyncio_detailed(
            client=client,
            serial_number=serial_number,
            part_number=part_number,
        )
    ).parsed
