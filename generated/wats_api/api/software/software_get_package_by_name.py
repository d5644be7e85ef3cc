from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.software_package import SoftwarePackage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    name: str,
    status: str,
    version: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["name"] = name

    params["status"] = status

    params["version"] = version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/Software/PackageByName",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SoftwarePackage | None:
    if response.status_code == 200:
        response_200 = SoftwarePackage.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SoftwarePackage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    name: str,
    status: str,
    version: int | Unset = UNSET,
) -> Response[SoftwarePackage]:
    """Find a package by name and status

     Returns the package with this name and status; the highest version unless `version` is given.

    Args:
        name (str):
        status (str):
        version (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SoftwarePackage]
    """

    kwargs = _get_kwargs(
        name=name,
        status=status,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    name: str,
    status: str,
    version: int | Unset = UNSET,
) -> SoftwarePackage | None:
    """Find a package by name and status

     Returns the package with this name and status; the highest version unless `version` is given.

    Args:
        name (str):
        status (str):
        version (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SoftwarePackage
    """

    return sync_detailed(
        client=client,
        name=name,
        status=status,
        version=version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    name: str,
    status: str,
    version: int | Unset = UNSET,
) -> Response[SoftwarePackage]:
    """Find a package by name and status

     Returns the package with this name and status; the highest version unless `version` is given.

    Args:
        name (str):
        status (str):
        version (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SoftwarePackage]
    """

    kwargs = _get_kwargs(
        name=name,
        status=status,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    name: str,
    status: str,
    version: int | Unset = UNSET,
) -> SoftwarePackage | None:
    """Find a package by name and status

     Returns the package with this name and status; the highest version unless `version` is given.

    Args:
        name (str):
        status (str):
        version (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SoftwarePackage
    """

    return (
        await asyncio_detailed(
            client=client,
            name=name,
            status=status,
            version=version,
        )
    ).parsed
