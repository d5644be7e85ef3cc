from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    part_number: str,
    revision: str,
    repair_operation_code: str | Unset = UNSET,
    test_operation_code: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["partNumber"] = part_number

    params["revision"] = revision

    params["repairOperationCode"] = repair_operation_code

    params["testOperationCode"] = test_operation_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/App/RelatedRepairHistory",
        "params": params,
    }

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
    part_number: str,
    revision: str,
    repair_operation_code: str | Unset = UNSET,
    test_operation_code: str | Unset = UNSET,
) -> Response[Any]:
    """Repairs related to a product revision

     Lists repaired failures for a part number and revision.

    Args:
        part_number (str):
        revision (str):
        repair_operation_code (str | Unset):
        test_operation_code (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        part_number=part_number,
        revision=revision,
        repair_operation_code=repair_operation_code,
        test_operation_code=test_operation_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    part_number: str,
    revision: str,
    repair_operation_code: str | Unset = UNSET,
    test_operation_code: str | Unset = UNSET,
) -> Response[Any]:
    """Repairs related to a product revision

     Lists repaired failures for a part number and revision.

    Args:
        part_number (str):
        revision (str):
        repair_operation_code (str | Unset):
        test_operation_code (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        part_number=part_number,
        revision=revision,
        repair_operation_code=repair_operation_code,
        test_operation_code=test_operation_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
