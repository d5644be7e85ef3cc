from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    include_test_operations: bool | Unset = UNSET,
    include_repair_operations: bool | Unset = UNSET,
    include_wip_operations: bool | Unset = UNSET,
    include_inactive_processes: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["includeTestOperations"] = include_test_operations

    params["includeRepairOperations"] = include_repair_operations

    params["includeWipOperations"] = include_wip_operations

    params["includeInactiveProcesses"] = include_inactive_processes

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/App/Processes",
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
    include_test_operations: bool | Unset = UNSET,
    include_repair_operations: bool | Unset = UNSET,
    include_wip_operations: bool | Unset = UNSET,
    include_inactive_processes: bool | Unset = UNSET,
) -> Response[Any]:
    """List processes (test, repair and WIP operations)

     Returns processes. Without flags the server returns the active test, repair and WIP operations.
    Repair operations carry `uutBinding`, `bomBinding`, `vendorBinding` and `imageConstraint` (0
    required, 1 optional, 2 never) and `repairType`.

    Args:
        include_test_operations (bool | Unset):
        include_repair_operations (bool | Unset):
        include_wip_operations (bool | Unset):
        include_inactive_processes (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        include_test_operations=include_test_operations,
        include_repair_operations=include_repair_operations,
        include_wip_operations=include_wip_operations,
        include_inactive_processes=include_inactive_processes,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    include_test_operations: bool | Unset = UNSET,
    include_repair_operations: bool | Unset = UNSET,
    include_wip_operations: bool | Unset = UNSET,
    include_inactive_processes: bool | Unset = UNSET,
) -> Response[Any]:
    """List processes (test, repair and WIP operations)

     Returns processes. Without flags the server returns the active test, repair and WIP operations.
    Repair operations carry `uutBinding`, `bomBinding`, `vendorBinding` and `imageConstraint` (0
    required, 1 optional, 2 never) and `repairType`.

    Args:
        include_test_operations (bool | Unset):
        include_repair_operations (bool | Unset):
        include_wip_operations (bool | Unset):
        include_inactive_processes (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        include_test_operations=include_test_operations,
        include_repair_operations=include_repair_operations,
        include_wip_operations=include_wip_operations,
        include_inactive_processes=include_inactive_processes,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
