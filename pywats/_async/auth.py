"""``api.auth``: API tokens made by the server for the caller (legacy provisioning).

Tokens are normally made in the web app (Control Panel → Tokens). ``GET /api/Auth/GetToken``
makes one for the authenticated user, or with a chosen identifier; the server shows each token
only once, so the SDK hands it back and never logs it.
"""

from __future__ import annotations

from typing import Any

from wats_api.api.auth import auth_get_token, auth_get_token_for_identifier

from pywats._async._service import AsyncService
from pywats._exceptions import WatsError
from pywats._wire import json_of, require

__all__ = ["AsyncAuthService", "token_in"]

_TOKEN_KEYS = ("token", "Token", "access_token", "accessToken", "jwt")


def token_in(content: bytes, what: str) -> str:
    """The token in an answer: a JSON string, or an object holding it under a usual key.

    The server's Swagger calls these answers untyped objects; both shapes are accepted.

    Raises:
        WatsError: neither shape (the answer is not quoted: it may hold a secret).
    """
    answer: Any = json_of(content)
    if isinstance(answer, dict):
        answer = next((answer[k] for k in _TOKEN_KEYS if isinstance(answer.get(k), str)), None)
    if not isinstance(answer, str) or not answer.strip():
        raise WatsError(f"the server's answer holds no {what} (expected a JSON string)")
    return answer.strip()


class AsyncAuthService(AsyncService):
    """Tokens: ``token = await api.auth.create_token("ICT-01")``."""

    async def create_token(self, identifier: str | None = None, *, reset: bool = False) -> str:
        """Make a new API token and return it (the server shows it only this once).

        Args:
            identifier: the token's identifier (e.g. a station name); default: the caller's
                user name.
            reset: replace the identifier's existing token; the old one stops working.

        Not retried: a repeat could make (or reset) a token whose answer was lost.

        Raises:
            BadRequestError: the identifier already has a token and ``reset`` is False (as the
                emulator answers; the server's answer is not documented).
        """
        flag = True if reset else None
        if identifier is None:
            response = await self._call(
                lambda: auth_get_token.asyncio_detailed(client=self._api, reset=flag),
                idempotent=False,
            )
        else:
            name = require(identifier, "identifier")
            response = await self._call(
                lambda: auth_get_token_for_identifier.asyncio_detailed(
                    name, client=self._api, reset=flag
                ),
                idempotent=False,
            )
        return token_in(response.content, "token")
