from __future__ import annotations

import datetime as dt
import pickle

import httpx
import pytest

from pywats import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    RateLimitError,
    ServerError,
    WatsConnectionError,
    WatsTimeoutError,
)
from pywats._http import (
    error_from_response,
    parse_retry_after,
    server_message,
    translate_transport_errors,
)


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (b'{"Message": "Product not found"}', "application/json", "Product not found"),
        (
            b'{"Message": "An error has occurred.", "ExceptionMessage": "Boom"}',
            "application/json",
            "An error has occurred.\nBoom",
        ),
        (b'"a JSON string"', "application/json", "a JSON string"),
        (
            b"root -> step A: bad\nroot -> step B: worse",
            "text/plain",
            "root -> step A: bad\nroot -> step B: worse",
        ),
        (
            b'{"Message": "Invalid", "ModelState": {"pn": ["too long", "empty"]}}',
            "application/json",
            "Invalid\npn: too long\npn: empty",
        ),
        (b'{"title": "Bad", "errors": {"id": ["not a GUID"]}}', "", "Bad\nid: not a GUID"),
        (b"<html><body>IIS error</body></html>", "text/html", ""),
        (b"", "", ""),
    ],
)
def test_server_message(body: bytes, content_type: str, expected: str) -> None:
    assert server_message(body, content_type) == expected


def test_retry_after_seconds_and_dates() -> None:
    now = dt.datetime(2026, 1, 1, 12, 0, 0, tzinfo=dt.UTC)
    assert parse_retry_after("2") == 2.0
    assert parse_retry_after("0.5") == 0.5
    assert parse_retry_after("-3") == 0.0
    assert parse_retry_after("Thu, 01 Jan 2026 12:00:30 GMT", now=now) == 30.0
    assert parse_retry_after("Thu, 01 Jan 2026 11:00:00 GMT", now=now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def _response(
    status: int, body: bytes = b"", headers: dict[str, str] | None = None
) -> httpx.Response:
    request = httpx.Request(
        "GET",
        "https://acme.wats.com/api/Product/X?a=1",
        headers={"Authorization": "Basic c2VjcmV0"},
    )
    return httpx.Response(status, content=body, headers=headers, request=request)


@pytest.mark.parametrize(
    ("status", "cls", "retryable"),
    [
        (400, BadRequestError, False),
        (401, AuthenticationError, False),
        (404, NotFoundError, False),
        (408, ServerError, True),
        (418, ApiError, False),
        (429, RateLimitError, True),
        (500, ServerError, True),
        (503, ServerError, True),
    ],
)
def test_status_maps_to_a_typed_error(status: int, cls: type[ApiError], retryable: bool) -> None:
    error = error_from_response(_response(status, b'{"Message": "nope"}'))
    assert type(error) is cls
    assert error.status == status
    assert error.retryable is retryable
    assert error.server_message == "nope"
    assert error.method == "GET"
    assert error.url == "https://acme.wats.com/api/Product/X"


def test_errors_keep_no_secret_and_pickle() -> None:
    error = error_from_response(
        _response(429, b"slow down", {"Retry-After": "7", "X-Request-Id": "r-1"})
    )
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 7.0
    assert error.request_id == "r-1"
    state = repr(vars(error)) + str(error)
    assert "c2VjcmV0" not in state
    clone = pickle.loads(pickle.dumps(error))
    assert type(clone) is RateLimitError
    assert clone.status == 429


def test_503_carries_retry_after() -> None:
    error = error_from_response(_response(503, b"", {"Retry-After": "3"}))
    assert error.retry_after == 3.0
    assert error.server_message == "Service Unavailable"


def test_bad_request_lines() -> None:
    error = error_from_response(_response(400, b"root -> a: x\nroot -> b: y\n"))
    assert isinstance(error, BadRequestError)
    assert error.lines == ["root -> a: x", "root -> b: y"]


def test_transport_errors_are_translated() -> None:
    request = httpx.Request("GET", "https://acme.wats.com/api/x")
    with pytest.raises(WatsTimeoutError) as timeout, translate_transport_errors():
        raise httpx.ReadTimeout("timed out", request=request)
    assert "https://acme.wats.com" in str(timeout.value)
    assert isinstance(timeout.value.__cause__, httpx.ReadTimeout)
    with pytest.raises(WatsConnectionError) as refused, translate_transport_errors():
        raise httpx.ConnectError("refused", request=request)
    assert "could not reach https://acme.wats.com" in str(refused.value)
