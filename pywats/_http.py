"""The httpx-facing pieces both clients share: auth, status → error, transport → error.

Nothing here retries or sleeps (that is ``_call`` in the async base service, once). This
module imports httpx, so only the clients import it, on first use.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import email.utils
import json
import logging
import ssl
from collections.abc import Generator, Mapping
from typing import Any

import httpx

from pywats._exceptions import (
    ApiError,
    NotFoundError,
    RateLimitError,
    UnsupportedOperationError,
    WatsConnectionError,
    WatsTimeoutError,
    error_for_status,
)
from pywats._route404 import missing_route
from pywats._version import __version__

__all__ = [
    "USER_AGENT",
    "SetCookieOnly",
    "TokenAuth",
    "empty_lookup_error",
    "error_from_response",
    "log_response",
    "lookup_in_flight",
    "parse_retry_after",
    "server_message",
    "set_timeout",
    "ssl_verify",
    "timeout_override",
    "translate_transport_errors",
    "use_set_cookie_only",
]

logger = logging.getLogger("pywats.http")

USER_AGENT = f"pywats/{__version__}"

_MAX_MESSAGE = 2000  # characters of a server message kept in an error

# The timeout of the client copy making the current call (``with_options(timeout=...)``):
# copies share one httpx client, so the copy's timeout travels with the call instead.
timeout_override: contextvars.ContextVar[httpx.Timeout | None] = contextvars.ContextVar(
    "pywats_timeout", default=None
)

# Set while a lookup or an OData list query is in flight. WATS answers some of them with 200
# and an empty or null body when nothing matches (reference/wats-api.md §1.4): the client's
# response hook raises NotFoundError (with the 2xx status) for it, and the caller decides.
lookup_in_flight: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "pywats_lookup", default=False
)


def empty_lookup_error(response: httpx.Response) -> NotFoundError | None:
    """A NotFoundError when a lookup's 2xx answer has no body (its body must have been read)."""
    if response.content.strip() not in (b"", b"null"):
        return None
    request = response.request
    return NotFoundError(
        response.status_code,
        "the server answered with an empty body: nothing matches",
        method=request.method,
        url=_safe_url(request.url.copy_with(query=None)),
        request_id=_request_id(response.headers),
    )


class TokenAuth(httpx.Auth):
    """``Authorization: Basic <token>``, with the token kept out of every repr."""

    __slots__ = ("_header",)

    def __init__(self, token: str) -> None:
        self._header = f"Basic {token}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request

    def __repr__(self) -> str:
        return "TokenAuth(<hidden>)"


class SetCookieOnly(httpx.Cookies):
    """httpx's cookie store, reading a response's cookies only when it sets some.

    httpx hands every response to the store, which wraps the request and the response in
    ``urllib`` adapters (parsing the URL again) only to find no ``Set-Cookie`` header: about
    6 % of the client's CPU per request. WATS authenticates by the token header and sets no
    cookies, but a load balancer in front of it may (affinity cookies): those are still kept
    and sent back, exactly as before. The store reads no other header
    (``http.cookiejar.CookieJar.make_cookies``).
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers:
            super().extract_cookies(response)


def use_set_cookie_only(client: httpx.Client | httpx.AsyncClient) -> bool:
    """Give a new client a :class:`SetCookieOnly` store (same jar); return whether it did.

    httpx offers no public way to choose the store's class (``cookies=`` copies into a plain
    ``httpx.Cookies``), so its attribute is replaced, and only when it is what we expect.
    """
    store = getattr(client, "_cookies", None)
    if type(store) is not httpx.Cookies:
        return False
    client._cookies = SetCookieOnly(store.jar)
    return True


def ssl_verify(verify: bool | str, base_url: str = "") -> ssl.SSLContext | bool:
    """Turn ``verify=True|False|"ca.pem"`` into what httpx takes (a CA path → an SSL context).

    For an ``http://`` server with ``verify=True`` no TLS connection is ever made to it, yet
    httpx would load the whole CA bundle (about 25 ms per client) for one: it gets a context
    that verifies certificates and host names but trusts no CA, so an unexpected TLS
    connection would fail its check rather than pass it. (A proxy's TLS has its own context.)
    """
    if isinstance(verify, str):
        return ssl.create_default_context(cafile=verify)
    if verify and base_url[:7].lower() == "http://":
        return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # CERT_REQUIRED + check_hostname
    return verify


def set_timeout(request: httpx.Request) -> None:
    """Request hook: apply the calling copy's timeout, if it has its own."""
    timeout = timeout_override.get()
    if timeout is not None:
        request.extensions["timeout"] = timeout.as_dict()


def log_response(response: httpx.Response) -> None:
    """Response hook: one debug line per exchange (method, URL, status), never headers."""
    if logger.isEnabledFor(logging.DEBUG):
        request = response.request
        logger.debug("%s %s -> %d", request.method, _safe_url(request.url), response.status_code)


def _safe_url(url: httpx.URL) -> str:
    # URLs never carry credentials here (the base URL refuses them), but be sure.
    return str(url.copy_with(username=None, password=None)) if url.userinfo else str(url)


def server_message(body: bytes, content_type: str = "") -> str:
    """The server's own message from an error body (ASP.NET JSON, a JSON string or text).

    WATS answers errors as ``{"Message": ...}`` (sometimes with ``ExceptionMessage`` or a
    ``ModelState`` of field errors), as a JSON string, or as plain text lines
    (report validation, reference/wats-api.md §1.4). HTML error pages say nothing useful.
    """
    text = body.decode("utf-8", errors="replace").strip()
    if not text or "html" in content_type.lower() or text[:1] == "<":
        return ""
    try:
        data: Any = json.loads(text)
    except ValueError:
        return text[:_MAX_MESSAGE]
    return _message_from_json(data)[:_MAX_MESSAGE]


def _message_from_json(data: Any) -> str:
    if isinstance(data, str):
        return data.strip()
    if isinstance(data, list):
        return "\n".join(filter(None, (_message_from_json(item) for item in data)))
    if not isinstance(data, dict):
        return "" if data is None else str(data)
    lower = {str(key).lower(): value for key, value in data.items()}
    lines: list[str] = []
    for key in ("message", "error", "title", "detail", "exceptionmessage", "errors"):
        value = lower.get(key)
        if value and not isinstance(value, dict):
            line = _message_from_json(value)
            if line and line not in lines:
                lines.append(line)
    # Field errors: ASP.NET's ModelState, or RFC 7807's "errors" object.
    for key in ("modelstate", "errors"):
        fields = lower.get(key)
        if isinstance(fields, dict):
            for field, problems in fields.items():
                for problem in problems if isinstance(problems, list) else [problems]:
                    lines.append(f"{field}: {problem}")
    return "\n".join(lines)


def parse_retry_after(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        seconds = (when - (now or dt.datetime.now(dt.UTC))).total_seconds()
    if seconds != seconds:  # NaN
        return None
    return max(0.0, seconds)


def _request_id(headers: Mapping[str, str]) -> str | None:
    for name in ("request-id", "x-request-id", "x-correlation-id"):
        if name in headers:
            return headers[name]
    return None


def error_from_response(response: httpx.Response) -> ApiError:
    """The typed error for an error response (its body must have been read)."""
    request = response.request
    status = response.status_code
    cls = error_for_status(status)
    message = server_message(response.content, response.headers.get("content-type", ""))
    if 300 <= status < 400:
        where = response.headers.get("location") or "another URL"
        message = (
            f"the server redirected to {where} ({response.reason_phrase}); redirects are not"
            " followed: set the server URL to the address it points to"
        )
    if not message:
        message = response.reason_phrase or "error"
    kwargs: dict[str, Any] = {
        "body": response.text[: _MAX_MESSAGE * 4],
        "method": request.method,
        "url": _safe_url(request.url.copy_with(query=None)),
        "request_id": _request_id(response.headers),
    }
    route = missing_route(status, message, response.content)  # a server without the operation
    if route is not None:
        return UnsupportedOperationError.for_route(page=route == "page", **kwargs)
    retry_after = parse_retry_after(response.headers.get("retry-after"))
    if issubclass(cls, RateLimitError):
        return cls(status, message, retry_after=retry_after, **kwargs)
    error = cls(status, message, **kwargs)
    if retry_after is not None:
        error.retry_after = retry_after
    return error


@contextlib.contextmanager
def translate_transport_errors() -> Generator[None, None, None]:
    """Turn httpx transport failures into WatsTimeoutError / WatsConnectionError."""
    try:
        yield
    except httpx.TimeoutException as exc:
        raise WatsTimeoutError(
            f"{_where(exc)} did not answer in time ({type(exc).__name__}). "
            "Retry later, or raise the client's timeout."
        ) from exc
    except httpx.TransportError as exc:
        detail = str(exc) or type(exc).__name__
        if _is_certificate_failure(exc):
            raise _certificate_error(exc, detail) from exc
        raise WatsConnectionError(
            f"could not reach {_where(exc)}: {detail}. "
            "Check the server URL (PYWATS_SERVER_URL), the network and any proxy."
        ) from exc


def _where(exc: httpx.TransportError) -> str:
    try:
        url = exc.request.url
    except RuntimeError:  # raised before a request existed
        return "the WATS server"
    return f"{url.scheme}://{url.netloc.decode('ascii', 'replace')}"


def _is_certificate_failure(exc: BaseException) -> bool:
    """Whether a transport error is a failed certificate check (untrusted, expired, wrong host).

    httpx wraps httpcore's error, which wraps the ``ssl`` one: walk the chain. The text check
    covers a wrapper that dropped the chain but kept OpenSSL's reason (a host-name mismatch
    is reported as CERTIFICATE_VERIFY_FAILED too).
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            return True
        current = current.__cause__ or current.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(exc)


def _certificate_error(exc: httpx.TransportError, detail: str) -> WatsConnectionError:
    # A certificate the client does not trust stays untrusted: retrying only delays the
    # message (and would open the circuit breaker over a configuration problem).
    error = WatsConnectionError(
        f"TLS certificate verification failed for {_where(exc)}: {detail}. "
        "Retrying will not help. Check the server's certificate (expired, self-signed, or "
        "issued for another host name?); if it is signed by a private CA, trust that CA: "
        'pass verify="ca.pem" to the client ([server] verify = "ca.pem" for a station) '
        "or set SSL_CERT_FILE to the CA bundle."
    )
    error.retryable = False
    return error
