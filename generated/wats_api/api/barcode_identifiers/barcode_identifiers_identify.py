from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.barcode_identifier import BarcodeIdentifier
from ...types import UNSET, Response


def _get_kwargs(
    *,
    code: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["code"] = code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/BarcodeIdentifiers/IdentifyBarcode",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BarcodeIdentifier | None:
    if response.status_code == 200:
        response_200 = BarcodeIdentifier.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BarcodeIdentifier]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    code: str,
) -> Response[BarcodeIdentifier]:
    """Identify a barcode

     Splits a scanned barcode with the first identifier (by `order`) whose `pattern` matches it; without
    one, by the default format `SerialNumber/PartNumber/Revision/BatchNumber/Process`. The answer is a
    BarcodeIdentifier whose fields hold the values found (our reading of the server's text; it does not
    say more).

    Args:
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BarcodeIdentifier]
    """

    kwargs = _get_kwargs(
        code=code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    code: str,
) -> BarcodeIdentifier | None:
    """Identify a barcode

     Splits a scanned barcode with the first identifier (by `order`) whose `pattern` matches it; without
    one, by the default format `SerialNumber/PartNumber/Revision/BatchNumber/Process`. The answer is a
    BarcodeIdentifier whose fields hold the values found (our reading of the server's text; it does not
    say more).

    Args:
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BarcodeIdentifier
    """

    return sync_detailed(
        client=client,
        code=code,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    code: str,
) -> Response[BarcodeIdentifier]:
    """Identify a barcode

     Splits a scanned barcode with the first identifier (by `order`) whose `pattern` matches it; without
    one, by the default format `SerialNumber/PartNumber/Revision/BatchNumber/Process`. The answer is a
    BarcodeIdentifier whose fields hold the values found (our reading of the server's text; it does not
    say more).

    Args:
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BarcodeIdentifier]
    """

    kwargs = _get_kwargs(
        code=code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    code: str,
) -> BarcodeIdentifier | None:
    """Identify a barcode

     Splits a scanned barcode with the first identifier (by `order`) whose `pattern` matches it; without
    one, by the default format `SerialNumber/PartNumber/Revision/BatchNumber/Process`. The answer is a
    BarcodeIdentifier whose fields hold the values found (our reading of the server's text; it does not
    say more).

    Args:
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BarcodeIdentifier
    """

    return (
        await asyncio_detailed(
            client=client,
            code=code,
        )
    ).parsed
