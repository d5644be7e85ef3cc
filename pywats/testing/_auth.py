"""``/api/Auth/GetToken[/{identifier}]``: API tokens issued by the server itself.

A token is Base64 of ``<identifier>:<secret>``; the emulator keeps the issued ones in its store
(kind ``apitoken``, keyed by identifier), so an issued token authenticates later requests and a
``reset`` makes the old one stop working. The server's Swagger only says the answer is an
object; the emulator answers the token as a JSON string. Asking again for an identifier that
already has a token, without ``reset``, is refused (400): the server shows a token only once,
so it cannot hand the old one back. The tokens the emulator was started with are not in the
store and are never replaced.
"""

from __future__ import annotations

import base64
import binascii
import secrets

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import ApiProblem, Params, now_utc, ok, store_of, user_of

__all__ = ["get_token", "get_token_for_identifier", "issued_token_user"]

KIND = "apitoken"


def _issue(request: Request, identifier: str) -> Response:
    if not identifier or ":" in identifier or len(identifier) > 100:
        raise ApiProblem(
            400, "The request is invalid.", "The identifier must be 1-100 characters, no ':'."
        )
    store = store_of(request)
    reset = Params(request).flag("reset", default=False)
    if store.get(KIND, identifier) is not None and not reset:
        raise ApiProblem(
            400,
            f"A token with the identifier '{identifier}' already exists. Ask with reset=true to "
            "replace it (the old token stops working).",
        )
    token = base64.b64encode(f"{identifier}:{secrets.token_urlsafe(24)}".encode()).decode()
    store.put(KIND, identifier, {"token": token, "user": user_of(request), "createdUtc": now_utc()})
    return ok(token)


async def get_token(request: Request) -> Response:
    """A new token identified by the caller's user name."""
    return _issue(request, user_of(request))


async def get_token_for_identifier(request: Request) -> Response:
    """A new token with the identifier from the path."""
    return _issue(request, request.path_params["identifier"])


def issued_token_user(request: Request) -> str | None:
    """The user an issued ``Authorization: Basic <token>`` belongs to, or None."""
    scheme, _, credential = request.headers.get("authorization", "").partition(" ")
    credential = credential.strip()
    if scheme.lower() != "basic" or not credential:
        return None
    try:
        identifier = base64.b64decode(credential, validate=True).decode().partition(":")[0]
    except (binascii.Error, ValueError):
        return None
    store = getattr(request.app.state, "store", None)
    row = None if store is None or not identifier else store.get(KIND, identifier)
    if row is None or not secrets.compare_digest(credential.encode(), str(row["token"]).encode()):
        return None
    return str(row["user"])
