"""``api.scim``: SCIM 2.0 user provisioning (RFC 7643/7644), with its own token.

::

    api (API token, Basic) ──create_token()──► SCIM JWT
    api.scim.with_token(jwt) ──(Authorization: Bearer <jwt>)──► /api/SCIM/v2/Users ...

The user operations refuse the API token: they take the JWT from ``GET /api/SCIM/v2/Token``
(90 days by default). Give it with ``with_token`` or the ``PYWATS_SCIM_TOKEN`` environment
variable; without one, or when the server refuses it, they raise ``ScimTokenError`` saying how
to get one. Bodies go out, and answers are asked for, as ``application/scim+json``.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Generator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import httpx
from wats_api import models as wire
from wats_api.api.scim import (
    scim_create_user,
    scim_delete_user,
    scim_get_token,
    scim_get_user,
    scim_get_user_by_user_name,
    scim_list_users,
    scim_update_user,
)

from pywats._admin_models import ScimUser, ScimUserPage
from pywats._async._service import AsyncService
from pywats._async.auth import token_in
from pywats._exceptions import AuthenticationError, ScimTokenError
from pywats._models import from_generated, wire_dict
from pywats._wire import JsonBody, as_uuid, json_of, require

if TYPE_CHECKING:
    from pywats._async._client import AsyncWATS

__all__ = ["ENV_SCIM_TOKEN", "AsyncScimService"]

ENV_SCIM_TOKEN = "PYWATS_SCIM_TOKEN"
MEDIA_TYPE = "application/scim+json"
USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp"

T = TypeVar("T")


class _BearerAuth(httpx.Auth):
    """``Authorization: Bearer <jwt>`` for one request, the token kept out of every repr."""

    def __init__(self, token: str) -> None:
        self._header = f"Bearer {token}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = self._header
        yield request

    def __repr__(self) -> str:
        return "_BearerAuth(<hidden>)"


def _user(content: bytes) -> ScimUser:
    data = json_of(content)
    if not isinstance(data, dict):
        raise ValueError(f"expected a SCIM User object, got {type(data).__name__}")
    return from_generated(ScimUser, wire.ScimUser.from_dict(data))


class AsyncScimService(AsyncService):
    """SCIM users: ``scim = api.scim.with_token(await api.scim.create_token())``."""

    def __init__(self, client: AsyncWATS, token: str | None = None) -> None:
        super().__init__(client)
        self._token = token if token is not None else (os.environ.get(ENV_SCIM_TOKEN) or None)

    def with_token(self, token: str) -> AsyncScimService:
        """This service speaking with the SCIM JWT ``token`` (from ``create_token``)."""
        return type(self)(self._client, require(token, "token").strip())

    @property
    def has_token(self) -> bool:
        """Whether a SCIM token is at hand (given, or from ``PYWATS_SCIM_TOKEN``)."""
        return bool(self._token)

    async def create_token(self, *, duration_days: int | None = None) -> str:
        """Make a SCIM JWT with the API token; return it (never logged).

        Args:
            duration_days: days until it expires (server default 90; longer at your own risk).
        """
        if duration_days is not None and duration_days <= 0:
            raise ValueError(f"duration_days must be > 0, got {duration_days}")
        response = await self._call(
            lambda: scim_get_token.asyncio_detailed(client=self._api, duration=duration_days)
        )
        return token_in(response.content, "SCIM token")

    async def _send(
        self,
        kwargs: dict[str, Any],
        read: Callable[[bytes], T],
        *,
        idempotent: bool = True,
        lookup: bool = False,
    ) -> T | None:
        """One SCIM exchange with the JWT; ``read`` turns the answer's body into the result."""
        if not self._token:
            raise ScimTokenError(401, "no SCIM token was given (the API token is not accepted)")
        auth = _BearerAuth(self._token)
        headers = {**kwargs.pop("headers", {}), "Accept": MEDIA_TYPE}

        async def send() -> T:
            response = await self._http.request(**kwargs, headers=headers, auth=auth)
            return read(response.content)  # a parse error is reported by _attempt

        try:
            if lookup:
                return await self._lookup(send)
            return await self._call(send, idempotent=idempotent)
        except ScimTokenError:
            raise
        except AuthenticationError as exc:
            raise ScimTokenError(
                exc.status,
                exc.server_message,
                body=exc.body,
                method=exc.method,
                url=exc.url,
                request_id=exc.request_id,
            ) from exc

    async def list_users(
        self, *, filter: str | None = None, start_index: int = 1, count: int | None = None
    ) -> ScimUserPage:
        """One page of users.

        Args:
            filter: a SCIM filter, e.g. ``'userName eq "jdoe"'``.
            start_index: 1-based index of the first user on the page.
            count: the most users on the page (the server's default when None).
        """
        kwargs = scim_list_users._get_kwargs(filter_=filter, start_index=start_index, count=count)

        def read(content: bytes) -> ScimUserPage:
            return from_generated(ScimUserPage, wire.ScimListResponse.from_dict(json_of(content)))

        page = await self._send(kwargs, read)
        assert page is not None
        return page

    async def iter_users(
        self, *, filter: str | None = None, page_size: int = 100, limit: int | None = None
    ) -> AsyncIterator[ScimUser]:
        """Every user (matching ``filter``), fetched ``page_size`` at a time."""

        async def fetch(skip: int, top: int) -> list[ScimUser]:
            page = await self.list_users(filter=filter, start_index=skip + 1, count=top)
            return list(page.users or [])

        async for user in self._paginate(fetch, page_size=page_size, limit=limit):
            yield user

    async def get_user(self, user_id: str) -> ScimUser | None:
        """One user by its SCIM id (None if unknown, in lenient mode)."""
        kwargs = scim_get_user._get_kwargs(as_uuid(user_id, "user_id"))
        return await self._send(kwargs, _user, lookup=True)

    async def get_user_by_name(self, user_name: str) -> ScimUser | None:
        """One user by user name (None if unknown, in lenient mode)."""
        kwargs = scim_get_user_by_user_name._get_kwargs(require(user_name, "user_name"))
        return await self._send(kwargs, _user, lookup=True)

    async def create_user(self, user: ScimUser | Mapping[str, Any]) -> ScimUser:
        """Create a user (``user_name`` required and unique); return it with its ``id``.

        Not retried: a repeat after a lost answer would meet the user it made (409).

        Raises:
            ConflictError: the user name is taken.
        """
        data = wire_dict(user)
        data.setdefault("schemas", [USER_SCHEMA])
        require(data.get("userName") or "", "user_name")
        kwargs = scim_create_user._get_kwargs(body=JsonBody(data))
        created = await self._send(kwargs, _user, idempotent=False)
        assert created is not None
        return created

    async def update_user(self, user_id: str, changes: Mapping[str, str | bool]) -> ScimUser:
        """Replace attributes of a user: ``{"givenName": "Jane", "active": False}``.

        The server takes only ``replace`` of ``fullName``, ``familyName``, ``givenName``,
        ``roles``, ``email`` (strings), ``active`` (bool) and ``levels``, ``productGroups``
        (``;``-separated; these only add restrictions).

        Raises:
            BadRequestError: a path the server cannot change, or a role it does not know.
        """
        if not changes:
            raise ValueError("update_user() needs at least one change")
        for path, value in changes.items():
            if not isinstance(value, str | bool):
                raise TypeError(f"{path} must be a str or a bool, got {type(value).__name__}")
        body = {
            "schemas": [PATCH_SCHEMA],
            "Operations": [{"op": "replace", "path": p, "value": v} for p, v in changes.items()],
        }
        uid = str(as_uuid(user_id, "user_id"))
        kwargs = scim_update_user._get_kwargs(uid, body=JsonBody(body))
        updated = await self._send(kwargs, _user)
        assert updated is not None
        return updated

    async def delete_user(self, user_id: str) -> None:
        """Delete a user.

        Raises:
            NotFoundError: no user has this id.
        """
        kwargs = scim_delete_user._get_kwargs(str(as_uuid(user_id, "user_id")))
        await self._send(kwargs, lambda content: None)
