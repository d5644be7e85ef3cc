from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.analytics_filter import AnalyticsFilter
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: AnalyticsFilter,
    header_data_only: bool,
    as_individual_files: bool,
    dimensions: str | Unset = UNSET,
    numeric_format: str | Unset = UNSET,
    body_footer_tag: str | Unset = UNSET,
    document_footer_tag: str | Unset = UNSET,
    email: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["headerDataOnly"] = header_data_only

    params["asIndividualFiles"] = as_individual_files

    params["dimensions"] = dimensions

    params["numericFormat"] = numeric_format

    params["bodyFooterTag"] = body_footer_tag

    params["documentFooterTag"] = document_footer_tag

    params["email"] = email

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/Export/Certificate",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    body: AnalyticsFilter,
    header_data_only: bool,
    as_individual_files: bool,
    dimensions: str | Unset = UNSET,
    numeric_format: str | Unset = UNSET,
    body_footer_tag: str | Unset = UNSET,
    document_footer_tag: str | Unset = UNSET,
    email: str | Unset = UNSET,
) -> Response[Any]:
    """Queue a certificate export

     Starts a background job that renders the certificates (PDF) of the UUT reports the filter selects
    into a zip. When it is done the server mails a download link; or poll `GET /api/Export/List` until
    the job's file name appears, then download it from `GET /api/Export/{fileName}` (with the same token
    that queued it). Assumed, as the server does not say, that the answer names the file: an object with
    `exportFileName`, or that name as a JSON string.

    Args:
        header_data_only (bool):
        as_individual_files (bool):
        dimensions (str | Unset):
        numeric_format (str | Unset):
        body_footer_tag (str | Unset):
        document_footer_tag (str | Unset):
        email (str | Unset):
        body (AnalyticsFilter): Filter for the analytics operations. Each operation honours only
            some fields (see its description).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        header_data_only=header_data_only,
        as_individual_files=as_individual_files,
        dimensions=dimensions,
        numeric_format=numeric_format,
        body_footer_tag=body_footer_tag,
        document_footer_tag=document_footer_tag,
        email=email,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AnalyticsFilter,
    header_data_only: bool,
    as_individual_files: bool,
    dimensions: str | Unset = UNSET,
    numeric_format: str | Unset = UNSET,
    body_footer_tag: str | Unset = UNSET,
    document_footer_tag: str | Unset = UNSET,
    email: str | Unset = UNSET,
) -> Response[Any]:
    """Queue a certificate export

     Starts a background job that renders the certificates (PDF) of the UUT reports the filter selects
    into a zip. When it is done the server mails a download link; or poll `GET /api/Export/List` until
    the job's file name appears, then download it from `GET /api/Export/{fileName}` (with the same token
    that queued it). Assumed, as the server does not say, that the answer names the file: an object with
    `exportFileName`, or that name as a JSON string.

    Args:
        header_data_only (bool):
        as_individual_files (bool):
        dimensions (str | Unset):
        numeric_format (str | Unset):
        body_footer_tag (str | Unset):
        document_footer_tag (str | Unset):
        email (str | Unset):
        body (AnalyticsFilter): Filter for the analytics operations. Each operation honours only
            some fields (see its description).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        header_data_only=header_data_only,
        as_individual_files=as_individual_files,
        dimensions=dimensions,
        numeric_format=numeric_format,
        body_footer_tag=body_footer_tag,
        document_footer_tag=document_footer_tag,
        email=email,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
