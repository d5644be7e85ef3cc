"""Fixtures for the test-framework integrations' tests (see ``_site.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ._site import Site, free_port

if TYPE_CHECKING:
    from pywats.testing import Emulator


@pytest.fixture
def site(tmp_path: Path, fresh_emulator: Emulator) -> Site:
    """Instance ``it`` pointed at the running emulator."""
    return Site(tmp_path, fresh_emulator.url, fresh_emulator.token)


@pytest.fixture
def offline_site(tmp_path: Path) -> Site:
    """Instance ``it`` pointed at a loopback port nobody listens on (the server is down)."""
    from pywats.testing._server import new_token

    return Site(tmp_path, f"http://127.0.0.1:{free_port()}", new_token())
