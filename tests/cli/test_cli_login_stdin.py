"""``wats login`` reads the token from stdin as Windows editors save it."""

from __future__ import annotations

import pytest

from pywats.credentials import TokenStore


@pytest.mark.parametrize("framing", ["\ufeff{}\r\n", "\ufeff{}", "  {}\r\n\r\n"])
def test_login_stores_the_bare_token_from_a_saved_file(wats, sentinel: str, framing: str) -> None:
    # Notepad's UTF-8 files start with a byte-order mark; before the fix it was stored as
    # part of the token, and every request was then refused with 401.
    wats("config", "set", "server.url", "https://acme.wats.com")
    result = wats("login", "--no-verify", input=framing.format(sentinel))
    assert result.exit_code == 0, result.stderr
    assert TokenStore(use_keyring=False).load("default") == sentinel
    assert sentinel not in result.stdout + result.stderr
