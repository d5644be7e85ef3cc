"""Request and response helpers shared by the emulator's handler modules.

Errors follow ASP.NET Web API, which the WATS server is built on (reference §1.4): a JSON object
``{"Message": "..."}``, sometimes with a ``MessageDetail``. Report validation failures put the
path-prefixed lines, one per line, in ``Message``.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import secrets
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

if TYPE_CHECKING:
    from pywats.testing._store import Store

__all__ = [
    "DENIED",
    "ApiProblem",
    "Handler",
    "Op",
    "Params",
    "error",
    "json_body",
    "now_utc",
    "ok",
    "store_of",
    "uploaded_files",
    "user_of",
]

log = logging.getLogger("pywats.testing")

Handler = Callable[[Request], Awaitable[Response]]

DENIED = "Authorization has been denied for this request."


class ApiProblem(Exception):
    """Raised by a handler to answer with an error status and a server-style JSON body."""

    def __init__(self, status: int, message: str, detail: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.detail = detail


class _JSON(JSONResponse):
    def render(self, content: Any) -> bytes:
        # Non-ASCII stays readable (the pilcrow in measurement paths), like Json.NET.
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def ok(content: Any, status: int = 200) -> Response:
    """A JSON response (``null`` included: some server GETs answer 200 with a null body)."""
    return _JSON(content, status_code=status)


def error(status: int, message: str, detail: str | None = None) -> Response:
    body: dict[str, Any] = {"Message": message}
    if detail:
        body["MessageDetail"] = detail
    return _JSON(body, status_code=status)


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def user_of(request: Request) -> str:
    """The identifier part of the caller's token (``<identifier>:<secret>`` Base64-encoded)."""
    user: str = request.scope.get("wats.user", "emulator")
    return user


class Params:
    """Query parameters looked up case-insensitively, as ASP.NET Web API binds them."""

    def __init__(self, request: Request) -> None:
        self._values: dict[str, str] = {}
        for key, value in request.query_params.multi_items():
            self._values.setdefault(key.lower(), value)

    def has(self, name: str) -> bool:
        return name.lower() in self._values

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self._values.get(name.lower())
        if (value is None or value == "") and required:
            raise ApiProblem(
                400, "The request is invalid.", f"The query parameter '{name}' is required."
            )
        return value

    def req(self, name: str) -> str:
        value = self.text(name, required=True)
        assert value is not None
        return value

    def integer(
        self, name: str, *, required: bool = False, default: int | None = None
    ) -> int | None:
        value = self.text(name, required=required)
        if value is None or value == "":
            return default
        try:
            number = int(value)
        except ValueError:
            number = None
        # The server binds Int32: anything else is not a valid value for the parameter.
        if number is None or not -(2**31) <= number < 2**31:
            raise ApiProblem(
                400,
                "The request is invalid.",
                f"The value '{value}' is not valid for the integer parameter '{name}'.",
            )
        return number

    def flag(self, name: str, default: bool | None = None) -> bool | None:
        value = self.text(name)
        if value is None or value == "":
            return default
        lowered = value.lower()
        if lowered in ("true", "1"):
            return True
        if lowered in ("false", "0"):
            return False
        raise ApiProblem(
            400,
            "The request is invalid.",
            f"The value '{value}' is not valid for the boolean parameter '{name}'.",
        )

    def odata(self) -> dict[str, str]:
        """The ``$``-options, keys lower-cased without the dollar (``top``, ``filter`` ...)."""
        return {k[1:]: v for k, v in self._values.items() if k.startswith("$")}


async def json_body(request: Request) -> Any:
    raw = await request.body()
    if not raw.strip():
        raise ApiProblem(400, "The request is invalid.", "The request body is empty.")
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiProblem(
            400, "The request is invalid.", f"The request body is not valid JSON: {exc}"
        ) from None


def check_token(request: Request, tokens: dict[str, str]) -> bool:
    """Accept ``Authorization: Basic <token>`` for a configured token; remember its user."""
    header = request.headers.get("authorization", "")
    scheme, _, credential = header.partition(" ")
    credential = credential.strip()
    if scheme.lower() != "basic" or not credential:
        return False
    for token, user in tokens.items():
        if secrets.compare_digest(credential.encode(), token.encode()):
            request.scope["wats.user"] = user
            return True
    return False


def user_of_token(token: str) -> str:
    """The identifier inside a token, or ``emulator`` when it is not Base64 of ``id:secret``."""
    try:
        decoded = base64.b64decode(token, validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return "emulator"
    ident, sep, _ = decoded.partition(":")
    return ident if sep and ident else "emulator"


def _wrap(handler: Handler) -> Handler:
    async def endpoint(request: Request) -> Response:
        if not check_token(request, request.app.state.tokens):
            from pywats.testing._auth import issued_token_user  # tokens from /api/Auth/GetToken

            issued = issued_token_user(request)
            if issued is None:
                return error(401, DENIED)
            request.scope["wats.user"] = issued
        try:
            return await handler(request)
        except ApiProblem as problem:
            return error(problem.status, problem.message, problem.detail)
        except Exception:
            log.exception("emulator handler failed: %s %s", request.method, request.url.path)
            return error(500, "An error has occurred.")

    endpoint.__name__ = handler.__name__
    endpoint.__doc__ = handler.__doc__
    return endpoint


class Op(Route):
    """One API operation: a method, a server path template and its handler.

    The path pattern is compiled case-insensitively, since the server's routes are
    (reference §1.1); authentication and error mapping wrap the handler.
    """

    def __init__(self, method: str, path: str, handler: Handler) -> None:
        super().__init__(path, _wrap(handler), methods=[method])
        self.method = method.upper()
        self.template = path
        self.handler = handler
        self.path_regex = re.compile(self.path_regex.pattern, re.IGNORECASE)

    def __repr__(self) -> str:
        return f"Op({self.method} {self.template})"


async def uploaded_files(request: Request) -> list[tuple[str, str, bytes]]:
    """The files of a multipart/form-data body as ``(filename, content type, bytes)``.

    Parsed with the standard library's MIME parser (no python-multipart needed). A body that is
    not multipart counts as one file, so raw uploads work too.
    """
    from email.parser import BytesParser
    from email.policy import HTTP

    raw = await request.body()
    content_type = request.headers.get("content-type", "")
    if not content_type.lower().startswith("multipart/"):
        if not raw:
            raise ApiProblem(400, "The request is invalid.", "No file was uploaded.")
        return [("upload", content_type or "application/octet-stream", raw)]
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + raw
    )
    files: list[tuple[str, str, bytes]] = []
    for part in message.iter_parts() if message.is_multipart() else []:
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        name = part.get_filename() or part.get_param("name", header="content-disposition")
        files.append((str(name or "upload"), part.get_content_type(), payload))
    if not files:
        raise ApiProblem(400, "The request is invalid.", "No file was uploaded.")
    return files


def now_utc() -> str:
    """The current time as the server writes it (ISO 8601, UTC, ``Z``)."""
    from datetime import UTC, datetime

    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
