from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.scim_patch_op import ScimPatchOp
from ...models.scim_user import ScimUser
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: ScimPatchOp,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/SCIM/v2/Users/{id}".format(
            id=quote(str(id), safe=""),
        ),
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
    id: str,
    *,
    client: AuthenticatedClient,
    body: ScimPatchOp,
) -> Response[ScimUser]:
    """Update a user (SCIM PatchOp)

     Applies a SCIM PatchOp (RFC 7644 §3.5.2). Only `replace` is supported, with a string or boolean
    value. Paths: `fullName`, `familyName`, `givenName`, `roles`, `email` (strings), `active` (boolean;
    false deactivates the user), `levels` and `productGroups` (`;`-separated; they only add
    restrictions). An unknown role is an error. Authenticates with the SCIM JWT.

    Args:
        id (str):
        body (ScimPatchOp): A SCIM PatchOp request (RFC 7644 §3.5.2).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimUser]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: ScimPatchOp,
) -> ScimUser | None:
    """Update a user (SCIM PatchOp)

     Applies a SCIM PatchOp (RFC 7644 §3.5.2). Only `replace` is supported, with a string or boolean
    value. Paths: `fullName`, `familyName`, `givenName`, `roles`, `email` (strings), `active` (boolean;
    false deactivates the user), `levels` and `productGroups` (`;`-separated; they only add
    restrictions). An unknown role is an error. Authenticates with the SCIM JWT.

    Args:
        id (str):
        body (ScimPatchOp): A SCIM PatchOp request (RFC 7644 §3.5.2).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimUser
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: ScimPatchOp,
) -> Response[ScimUser]:
    """Update a user (SCIM PatchOp)

     Applies a SCIM PatchOp (RFC 7644 §3.5.2). Only `replace` is supported, with a string or boolean
    value. Paths: `fullName`, `familyName`, `givenName`, `roles`, `email` (strings), `active` (boolean;
    false deactivates the user), `levels` and `productGroups` (`;`-separated; they only add
    restrictions). An unknown role is an error. Authenticates with the SCIM JWT.

    Args:
        id (str):
        body (ScimPatchOp): A SCIM PatchOp request (RFC 7644 §3.5.2).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScimUser]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: ScimPatchOp,
) -> ScimUser | None:
    """Update a user (SCIM PatchOp)

     Applies a SCIM PatchOp (RFC 7644 §3.5.2). Only `replace` is supported, with a string or boolean
    value. Paths: `fullName`, `familyName`, `givenName`, `roles`, `email` (strings), `active` (boolean;
    false deactivates the user), `levels` and `productGroups` (`;`-separated; they only add
    restrictions). An unknown role is an error. Authenticates with the SCIM JWT.

    Args:
        id (str):
        body (ScimPatchOp): A SCIM PatchOp request (RFC 7644 §3.5.2).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScimUser
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
