from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.software_package import SoftwarePackage
from ...types import Response


def _get_kwargs(
    *,
    body: SoftwarePackage,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/Software/Package",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    body: SoftwarePackage,
) -> Response[SoftwarePackage]:
    """Create a package (as Draft)

     Creates a Draft package. Only `name` is required. If the name exists the new package gets the next
    version number.

    Args:
        body (SoftwarePackage): A software package distributed to stations.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SoftwarePackage]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SoftwarePackage,
) -> SoftwarePackage | None:
    """Create a package (as Draft)

     Creates a Draft package. Only `name` is required. If the name exists the new package gets the next
    version number.

    Args:
        body (SoftwarePackage): A software package distributed to stations.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SoftwarePackage
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SoftwarePackage,
) -> Response[SoftwarePackage]:
    """Create a package (as Draft)

     Creates a Draft package. Only `name` is required. If the name exists the new package gets the next
    version number.

    Args:
        body (SoftwarePackage): A software package distributed to stations.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SoftwarePackage]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SoftwarePackage,
) -> SoftwarePackage | None:
    """Create a package (as Draft)

     Creates a Draft package. Only `name` is required. If the name exists the new package gets the next
    version number.

    Args:
        body (SoftwarePackage): A software package distributed to stations.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SoftwarePackage
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
