from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.scim_user import ScimUser
from ...types import Response


def _get_kwargs(
    *,
    body: ScimUser,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/SCIM/v2/Users",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/scim+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ScimUser | None:
    if response.status_code == 200:
        response_200 = ScimUser.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ScimUser]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ScimUser,
) -> Response[ScimUser]:
    """Create a user (SCIM)

     Creates a WATS user from a SCIM User resource (RFC 7643 §4.1); `userName` is required and unique.
    Authenticates with the SCIM JWT.

    Args:
        body (ScimUser): A SCIM User resource (RFC 7643 §4.1), the attributes SCIM provisioning
            sends. The server's Swagger calls it an untyped object; other attributes are kept as they
            come.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimUser]
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
    client: AuthenticatedClient,
    body: ScimUser,
) -> ScimUser | None:
    """Create a user (SCIM)

     Creates a WATS user from a SCIM User resource (RFC 7643 §4.1); `userName` is required and unique.
    Authenticates with the SCIM JWT.

    Args:
        body (ScimUser): A SCIM User resource (RFC 7643 §4.1), the attributes SCIM provisioning
            sends. The server's Swagger calls it an untyped object; other attributes are kept as they
            come.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimUser
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ScimUser,
) -> Response[ScimUser]:
    """Create a user (SCIM)

     Creates a WATS user from a SCIM User resource (RFC 7643 §4.1); `userName` is required and unique.
    Authenticates with the SCIM JWT.

    Args:
        body (ScimUser): A SCIM User resource (RFC 7643 §4.1), the attributes SCIM provisioning
            sends. The server's Swagger calls it an untyped object; other attributes are kept as they
            come.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimUser]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ScimUser,
) -> ScimUser | None:
    """Create a user (SCIM)

     Creates a WATS user from a SCIM User resource (RFC 7643 §4.1); `userName` is required and unique.
    Authenticates with the SCIM JWT.

    Args:
        body (ScimUser): A SCIM User resource (RFC 7643 §4.1), the attributes SCIM provisioning
            sends. The server's Swagger calls it an untyped object; other attributes are kept as they
            come.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimUser
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
