"""An httpx client on a freshly reset emulator for every test in this folder."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from pywats.testing import Emulator


@pytest.fixture
def client(fresh_emulator: Emulator) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=fresh_emulator.url, headers=fresh_emulator.auth_headers, timeout=10.0
    ) as http:
        yield http
