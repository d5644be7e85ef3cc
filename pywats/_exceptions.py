"""Every error pywats raises, in one tree.

::

    WatsError
    ├── ApiError(status, message, body)      the server answered with an error status
    │   ├── BadRequestError           400    carries the server's validation lines
    │   ├── AuthenticationError       401
    │   │   └── ScimTokenError               SCIM refused (or was not given) its own JWT
    │   ├── PermissionDeniedError     403
    │   ├── NotFoundError             404
    │   ├── ConflictError             409
    │   ├── RateLimitError            429    retryable, may carry retry_after
    │   ├── ServerError               5xx    retryable
    │   └── UnsupportedOperationError 404    on the route itself: the server lacks the
    │                                        operation (older version), not a missing record;
    │                                        ASP.NET's no-route answer or an HTML 404 page
    │                                        (IIS, a proxy), see _route404.py
    ├── WatsConnectionError                  the server could not be reached (retryable,
    │   │                                    except a refused TLS certificate)
    │   └── WatsTimeoutError
    ├── CircuitOpenError                     the breaker refused the call (retryable later)
    └── ReportValidationError                a report failed local validation (never sent)

Each class carries ``retryable`` (an instance may override it: a certificate that failed
verification will not pass on a second try): the SDK's retry policy and the station queue both
read it, so "try again" versus "park it for an operator" is decided in one place.

No error keeps the httpx request or response: those carry the Authorization header into
tracebacks, pickles and logs. Only the method, a URL without credentials, the status, the
server's message and its body are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "CircuitOpenError",
    "ConflictError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ReportValidationError",
    "ScimTokenError",
    "ServerError",
    "UnsupportedOperationError",
    "WatsConnectionError",
    "WatsError",
    "WatsTimeoutError",
    "error_for_status",
    "is_missing_route",
]


class WatsError(Exception):
    """Base class of every error raised by pywats."""

    retryable: bool = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ApiError(WatsError):
    """The server answered with an error status.

    Attributes:
        status: the HTTP status code.
        message: the server's own message where it sent one, else a description.
        body: the response body as text (may be empty).
        method: the HTTP method of the request.
        url: the request URL (never with credentials).
        request_id: the server's request id header, when it sent one.
    """

    default_hint = ""
    retry_after: float | None = None
    """Seconds the server asked us to wait (``Retry-After`` on 429 and 503), if it said."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        body: str = "",
        method: str = "",
        url: str = "",
        request_id: str | None = None,
    ) -> None:
        self.status = status
        self.server_message = message
        self.body = body
        self.method = method
        self.url = url
        self.request_id = request_id
        where = f" from {method} {url}" if url else ""
        text = f"{status}{where}: {message}" if message else f"{status}{where}"
        if self.default_hint:
            # The server's message usually ends a sentence already: never "denied.. Run".
            text = f"{text.rstrip('. ')}. {self.default_hint}"
        super().__init__(text)

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_api_error,
            (
                type(self),
                self.status,
                self.server_message,
                self.body,
                self.method,
                self.url,
                self.request_id,
            ),
        )


def _rebuild_api_error(
    cls: type[ApiError],
    status: int,
    message: str,
    body: str,
    method: str,
    url: str,
    request_id: str | None,
) -> ApiError:
    return cls(status, message, body=body, method=method, url=url, request_id=request_id)


class BadRequestError(ApiError):
    """400: the server rejected the request; ``lines`` holds its validation messages."""

    @property
    def lines(self) -> list[str]:
        """The server's message split into its lines (one per validation problem)."""
        return [line.strip() for line in self.server_message.splitlines() if line.strip()]


class AuthenticationError(ApiError):
    """401: the token was refused."""

    default_hint = "Run `wats login` or set PYWATS_API_TOKEN"


class ScimTokenError(AuthenticationError):
    """401 on a SCIM user operation: its own JWT is missing, expired or refused."""

    default_hint = (
        "SCIM calls need the SCIM token, not the API token: get one with "
        "`api.scim.create_token()` (GET /api/SCIM/v2/Token with the API token), then use "
        "`api.scim.with_token(token)` or set PYWATS_SCIM_TOKEN"
    )


class PermissionDeniedError(ApiError):
    """403: the token is valid but lacks the permission for this operation."""

    default_hint = "Ask a WATS administrator to grant the token's user this permission"


class NotFoundError(ApiError):
    """404: the thing asked for does not exist."""


class ConflictError(ApiError):
    """409: the request conflicts with the server's current state."""


class RateLimitError(ApiError):
    """429: too many requests; ``retry_after`` is the server's wait in seconds, if it sent one."""

    retryable = True

    def __init__(
        self, status: int, message: str, *, retry_after: float | None = None, **kwargs: Any
    ) -> None:
        super().__init__(status, message, **kwargs)
        self.retry_after = retry_after


class ServerError(ApiError):
    """5xx (and 408): the server failed; worth trying again later."""

    retryable = True


class UnsupportedOperationError(ApiError):
    """404 for the route itself: this server has no such operation (it may be older).

    Not a NotFoundError: nothing is missing that a caller could create, and a lenient client
    must not turn it into None. ``operation`` names it (``GET /api/SystemStatus``).
    """

    default_hint = (
        "The server may be an older WATS version without this operation: check its version"
        " (`wats ping`, or api.analytics.get_version()) and ask its administrator about an upgrade"
    )

    @property
    def operation(self) -> str:
        """The missing operation: method and path, without the server's address or query."""
        return f"{self.method} {_path_of(self.url)}"

    @classmethod
    def for_route(
        cls, method: str, url: str, *, page: bool = False, **kwargs: Any
    ) -> UnsupportedOperationError:
        """The error for a 404 on the route ``method url`` itself.

        ``page``: the 404 was an HTML page from the web server or a proxy in front of WATS,
        which is also what every call gets when the server URL misses the site's path.
        """
        message = (
            f"the server has no operation {method} {_path_of(url)}"
            " (a 404 for the route itself, not for a record)"
        )
        if page:
            message += (
                "; the answer was an HTML page from the web server or a proxy, not WATS':"
                " if every call answers so, the server URL is wrong (an on-premise server may"
                " sit under a path such as https://host/wats); if only lookups do, a proxy may"
                " be putting its own pages in place of WATS' error answers (nginx"
                " proxy_intercept_errors, Apache ProxyErrorOverride), which hides a missing"
                " record too: turn that off for the WATS site"
            )
        return cls(404, message, method=method, url=url, **kwargs)


def _path_of(url: str) -> str:
    where = url.split("://", 1)[-1]
    return where[where.find("/") :].split("?", 1)[0] if "/" in where else "/"


# What ASP.NET Web API (the WATS server's framework) answers for a URL no route matches; a
# missing record comes back from a route that exists, with the controller's own message.
_NO_ROUTE = (
    "no http resource was found that matches the request uri",
    "no type was found that matches the controller named",
    "no action was found on the controller",
)


def is_missing_route(status: int, server_message: str) -> bool:
    """Whether an error answer says the route itself does not exist on this server."""
    text = server_message.lower()
    return status == 404 and any(marker in text for marker in _NO_ROUTE)


class WatsConnectionError(WatsError):
    """The server could not be reached (DNS, refused, reset, TLS)."""

    retryable = True


class WatsTimeoutError(WatsConnectionError):
    """The server did not answer in time."""


class CircuitOpenError(WatsError):
    """The circuit breaker is open after repeated failures; calls are refused until it probes."""

    retryable = True

    def __init__(self, message: str, *, retry_in: float = 0.0) -> None:
        super().__init__(message)
        self.retry_in = retry_in


class ReportValidationError(WatsError, ValueError):
    """A report broke the rules the server enforces; it was not sent.

    ``lines`` holds every problem, each prefixed with its path in the server's style
    (``root -> step X -> ...: message``).
    """

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        count = len(self.lines)
        head = f"the report has {count} problem{'s' if count != 1 else ''}"
        super().__init__(head + ":\n" + "\n".join(f"  {line}" for line in self.lines))


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    408: ServerError,
    409: ConflictError,
    429: RateLimitError,
}


def error_for_status(status: int) -> type[ApiError]:
    """Return the error class for an HTTP error status (an unlisted 4xx is a plain ApiError)."""
    if status >= 500:
        return ServerError
    return _BY_STATUS.get(status, ApiError)


for _cls in (
    WatsError,
    ApiError,
    BadRequestError,
    AuthenticationError,
    ScimTokenError,
    PermissionDeniedError,
    NotFoundError,
    ConflictError,
    RateLimitError,
    ServerError,
    UnsupportedOperationError,
    WatsConnectionError,
    WatsTimeoutError,
    CircuitOpenError,
    ReportValidationError,
):
    _cls.__module__ = "pywats"
del _cls
