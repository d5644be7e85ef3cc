"""A malformed token is refused before any request, without being echoed."""

from __future__ import annotations

import httpx
import pytest

from pywats import WatsError, pyWATS

SECRET = "U0VDUkVULXNlbnRpbmVs"


@pytest.mark.parametrize("token", [f"{SECRET}\nline2", f"{SECRET}\r\nx", f"{SECRET}\x00x"])
def test_a_token_with_a_control_character_is_refused_without_echoing_it(token: str) -> None:
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, json=[])

    # Before the fix h11 refused the header with "Illegal header value b'Basic <token>'",
    # which became the WatsConnectionError's message: the token in the error text.
    def query() -> None:
        with pyWATS("https://acme.wats.com", token, transport=httpx.MockTransport(handler)) as api:
            api.product.query()

    with pytest.raises((ValueError, WatsError)) as info:
        query()
    assert isinstance(info.value, ValueError)
    assert "token" in str(info.value)
    assert SECRET not in str(info.value)
    assert SECRET not in repr(info.value.args)
    assert requests == []
