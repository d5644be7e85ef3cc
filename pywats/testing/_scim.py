"""``/api/SCIM/v2/*``: SCIM 2.0 user provisioning (RFC 7643/7644) with its own JWT.

::

    GET /api/SCIM/v2/Token            API token (Basic)  -> a JWT (HS256, ``aud`` "scim")
    /api/SCIM/v2/Users...             that JWT (Bearer)  -> SCIM User resources

The user routes refuse the API token: they take only ``Authorization: Bearer <jwt>`` from the
Token route, signed with a key made when the emulator first issues one, and unexpired. Their
answers are ``application/scim+json``, errors included (RFC 7644 §3.12 error messages).

Users live in the store (kind ``scimuser``, keyed by id). The emulator's reading of what the
server leaves unsaid: ``userName`` is unique (case-insensitive, 409 ``uniqueness``); ``filter``
takes ``<attribute> eq "<value>"`` for ``userName``, ``externalId``, ``displayName`` and ``id``;
a PatchOp's ``fullName`` sets ``displayName`` and ``name.formatted``; ``email`` replaces the
e-mail list with one primary work address; ``roles`` must name one of ``ROLES``; ``levels`` and
``productGroups`` are kept (added to, never removed) but not shown in the resource, whose
representation of them the server does not document.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
import secrets
import time
import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import request_response

from pywats.testing._http import (
    ApiProblem,
    Handler,
    Op,
    Params,
    json_body,
    now_utc,
    ok,
    store_of,
    user_of,
)

__all__ = [
    "ROLES",
    "ScimOp",
    "create_user",
    "delete_user",
    "get_token",
    "get_user",
    "get_user_by_user_name",
    "list_users",
    "update_user",
]

KIND = "scimuser"
ROLES = ("Administrator", "Manager", "Operator", "Viewer")
USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error"
MEDIA_TYPE = "application/scim+json"
_PATCH_PATHS = {
    p.lower(): p
    for p in (
        "fullName",
        "familyName",
        "givenName",
        "roles",
        "email",
        "active",
        "levels",
        "productGroups",
    )
}
_FILTER = re.compile(r'^\s*(userName|externalId|displayName|id)\s+eq\s+"([^"]*)"\s*$', re.I)
NEEDS_JWT = (
    "SCIM requests authenticate with the SCIM token (Authorization: Bearer <jwt>), not the API "
    "token. Get one with GET /api/SCIM/v2/Token using the API token."
)


class ScimProblem(ApiProblem):
    """A SCIM error (RFC 7644 §3.12), with its ``scimType`` where the RFC names one."""

    def __init__(self, status: int, detail: str, scim_type: str | None = None) -> None:
        super().__init__(status, detail)
        self.scim_type = scim_type


def scim(content: Any, status: int = 200) -> Response:
    response = ok(content, status)
    response.headers["content-type"] = MEDIA_TYPE
    return response


def _scim_error(status: int, detail: str, scim_type: str | None = None) -> Response:
    body: dict[str, Any] = {"schemas": [ERROR_SCHEMA], "status": str(status), "detail": detail}
    if scim_type:
        body["scimType"] = scim_type
    return scim(body, status)


# -- the JWT --------------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _key(request: Request) -> bytes:
    state = request.app.state
    key: bytes | None = getattr(state, "scim_key", None)
    if key is None:
        key = secrets.token_bytes(32)
        state.scim_key = key
    return key


def _sign(key: bytes, payload: dict[str, Any]) -> str:
    head = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = _b64(json.dumps(payload, separators=(",", ":")).encode())
    mac = hmac.new(key, f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{_b64(mac)}"


def _verify(request: Request) -> str | None:
    """Why the request's bearer token is not acceptable, or None when it is."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return NEEDS_JWT
    try:
        head, body, mac = token.strip().split(".")
        expected = hmac.new(_key(request), f"{head}.{body}".encode(), hashlib.sha256).digest()
        if not hmac.compare_digest(expected, _unb64(mac)):
            return "The SCIM token's signature is not valid. Get a new one: GET /api/SCIM/v2/Token."
        claims = json.loads(_unb64(body))
    except (ValueError, binascii.Error):
        return "The SCIM token is not a JWT. Get one with GET /api/SCIM/v2/Token."
    if claims.get("aud") != "scim" or float(claims.get("exp", 0)) < time.time():
        return "The SCIM token has expired. Get a new one: GET /api/SCIM/v2/Token."
    return None


async def get_token(request: Request) -> Response:
    """A SCIM JWT valid for ``duration`` days (default 90); authenticated by the API token."""
    days = Params(request).integer("duration", default=90) or 0
    if not 1 <= days <= 3650:
        raise ApiProblem(400, "The request is invalid.", "duration must be 1-3650 days.")
    now = int(time.time())
    claims = {
        "sub": user_of(request),
        "aud": "scim",
        "iat": now,
        "exp": now + days * 86400,
        "jti": str(uuid.uuid4()),
    }
    return ok(_sign(_key(request), claims))


def _scim_endpoint(handler: Handler) -> Handler:
    async def endpoint(request: Request) -> Response:
        refused = _verify(request)
        if refused is not None:
            return _scim_error(401, refused)
        try:
            return await handler(request)
        except ScimProblem as problem:
            return _scim_error(problem.status, problem.message, problem.scim_type)
        except ApiProblem as problem:
            return _scim_error(problem.status, problem.detail or problem.message, "invalidValue")

    endpoint.__name__ = handler.__name__
    return endpoint


class ScimOp(Op):
    """An operation on SCIM users: the SCIM JWT instead of the API token, SCIM errors."""

    def __init__(self, method: str, path: str, handler: Handler) -> None:
        super().__init__(method, path, handler)
        self.endpoint = _scim_endpoint(handler)
        self.app = request_response(self.endpoint)


# -- users ----------------------------------------------------------------------------------------


def _shown(user: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in user.items() if not k.startswith("_")}


def _user_or_404(request: Request, user_id: str) -> dict[str, Any]:
    user = store_of(request).get(KIND, user_id)
    if user is None:
        raise ScimProblem(404, f"No user with id '{user_id}' exists.")
    return user


def _by_name(request: Request, user_name: str) -> dict[str, Any] | None:
    lowered = user_name.lower()
    for user in store_of(request).all(KIND):
        if str(user.get("userName", "")).lower() == lowered:
            return user
    return None


def _roles(value: Any) -> list[dict[str, Any]]:
    names = [value] if isinstance(value, str) else [r.get("value") for r in value or []]
    for name in names:
        if name not in ROLES:
            raise ScimProblem(400, f"The role '{name}' does not exist.", "invalidValue")
    return [{"value": name} for name in names]


async def list_users(request: Request) -> Response:
    """A ListResponse page: ``filter`` (``attr eq "v"``), ``startIndex`` (1-based), ``count``."""
    params = Params(request)
    users = store_of(request).all(KIND)
    expression = params.text("filter")
    if expression:
        match = _FILTER.match(expression)
        if match is None:
            raise ScimProblem(400, f"The filter '{expression}' is not supported.", "invalidFilter")
        attribute = {a.lower(): a for a in ("userName", "externalId", "displayName", "id")}[
            match.group(1).lower()
        ]
        wanted = match.group(2).lower()
        users = [u for u in users if str(u.get(attribute) or "").lower() == wanted]
    start = max(params.integer("startIndex", default=1) or 1, 1)
    count = params.integer("count")
    page = users[start - 1 :] if count is None else users[start - 1 : start - 1 + max(count, 0)]
    return scim(
        {
            "schemas": [LIST_SCHEMA],
            "totalResults": len(users),
            "itemsPerPage": len(page),
            "startIndex": start,
            "Resources": [_shown(u) for u in page],
        }
    )


async def create_user(request: Request) -> Response:
    """Create a user from a SCIM User resource; ``userName`` required and unique."""
    body = await json_body(request)
    name_given = isinstance(body, dict) and isinstance(body.get("userName"), str)
    if not name_given or not body["userName"]:
        raise ScimProblem(400, "userName is required.", "invalidValue")
    if _by_name(request, body["userName"]) is not None:
        raise ScimProblem(409, f"The userName '{body['userName']}' is taken.", "uniqueness")
    user_id = str(uuid.uuid4())
    now = now_utc()
    name = body.get("name") if isinstance(body.get("name"), dict) else {}
    user = {
        "schemas": [USER_SCHEMA],
        "id": user_id,
        "externalId": body.get("externalId"),
        "userName": body["userName"],
        "displayName": body.get("displayName") or name.get("formatted"),
        "active": body.get("active") is not False,
        "name": {k: name.get(k) for k in ("formatted", "givenName", "familyName")},
        "emails": [e for e in body.get("emails") or [] if isinstance(e, dict)],
        "roles": _roles(body.get("roles")),
        "meta": {
            "resourceType": "User",
            "created": now,
            "lastModified": now,
            "location": f"/api/SCIM/v2/Users/{user_id}",
        },
        "_levels": [],
        "_productGroups": [],
    }
    store_of(request).put(KIND, user_id, user)
    return scim(_shown(user))


async def get_user(request: Request) -> Response:
    """One user by id."""
    return scim(_shown(_user_or_404(request, request.path_params["id"])))


async def get_user_by_user_name(request: Request) -> Response:
    """One user by ``userName`` (the path is literally ``.../Users/userName=<name>``)."""
    user_name = request.path_params["userName"]
    user = _by_name(request, user_name)
    if user is None:
        raise ScimProblem(404, f"No user with userName '{user_name}' exists.")
    return scim(_shown(user))


async def delete_user(request: Request) -> Response:
    """Delete one user by id."""
    user_id = request.path_params["id"]
    if not store_of(request).delete(KIND, user_id):
        raise ScimProblem(404, f"No user with id '{user_id}' exists.")
    return ok(None)


def _apply(user: dict[str, Any], path: str, value: Any) -> None:
    name = _PATCH_PATHS.get(path.lower())
    if name is None:
        raise ScimProblem(400, f"The path '{path}' cannot be changed.", "invalidPath")
    if name == "active":
        if not isinstance(value, bool):
            raise ScimProblem(400, "active must be a boolean.", "invalidValue")
        user["active"] = value
        return
    if not isinstance(value, str):
        raise ScimProblem(400, f"{name} must be a string.", "invalidValue")
    if name == "fullName":
        user["displayName"] = user["name"]["formatted"] = value
    elif name in ("givenName", "familyName"):
        user["name"][name] = value
    elif name == "email":
        user["emails"] = [{"value": value, "type": "work", "primary": True}]
    elif name == "roles":
        user["roles"] = _roles(value)
    else:  # levels, productGroups: only ever added to
        kept = user[f"_{name}"]
        kept += [v.strip() for v in value.split(";") if v.strip() and v.strip() not in kept]


async def update_user(request: Request) -> Response:
    """Apply a PatchOp whose operations are all ``replace``."""
    user = _user_or_404(request, request.path_params["id"])
    body = await json_body(request)
    if not isinstance(body, dict):
        body = {}
    operations = body.get("Operations")
    if PATCH_SCHEMA not in (body.get("schemas") or []) or not isinstance(operations, list):
        raise ScimProblem(400, "The body must be a SCIM PatchOp with Operations.", "invalidSyntax")
    for operation in operations:
        if not isinstance(operation, dict) or str(operation.get("op", "")).lower() != "replace":
            raise ScimProblem(400, "Only the 'replace' operation is supported.", "invalidValue")
        _apply(user, str(operation.get("path") or ""), operation.get("value"))
    user["meta"]["lastModified"] = now_utc()
    store_of(request).put(KIND, user["id"], user)
    return scim(_shown(user))
