"""Fixtures: the console on a stand-in control (``fake``, ``served``, ``client``) and a browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.integration.station._harness import Station, station_factory

from ._fake import FakeControl, ServedConsole
from ._webdriver import Browser

if TYPE_CHECKING:
    import httpx

    from pywats.testing import Emulator

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")


@pytest.fixture
def fake(tmp_path: Path) -> FakeControl:
    return FakeControl(tmp_path)


@pytest.fixture
def served(fake: FakeControl) -> Iterator[ServedConsole]:
    pytest.importorskip("uvicorn", reason="starlette/uvicorn are not installed")
    with ServedConsole(fake) as server:
        yield server


@pytest.fixture
def client(served: ServedConsole, fake: FakeControl) -> Iterator[httpx.Client]:
    """An HTTP client signed in to the console (its cookie jar holds the session)."""
    import httpx

    from pywats.station.console import login_url

    with httpx.Client(base_url=served.url, timeout=30) as http:
        answer = http.get(login_url(served.url, fake.secret))
        assert answer.status_code == 200, answer.text
        yield http


def csrf_of(html: str) -> str:
    marker = '"X-CSRF-Token": "'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the module (skips when Chromium or chromedriver is absent)."""
    binary = next((found for name in CHROMIUM if (found := shutil.which(name))), None)
    driver = shutil.which("chromedriver")
    if binary is None or driver is None:
        pytest.skip(
            "headless browser tests need Chromium and chromedriver"
            " (Debian: apt-get install chromium chromium-driver)"
        )
    session = Browser.start(binary, driver)
    try:
        yield session
    finally:
        session.quit()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where page screenshots go: docs/console with PYWATS_CONSOLE_SCREENSHOTS=1, else tmp."""
    if os.environ.get("PYWATS_CONSOLE_SCREENSHOTS") == "1":
        target = Path(__file__).resolve().parents[2] / "docs" / "console"
        target.mkdir(parents=True, exist_ok=True)
        return target
    return tmp_path


@pytest.fixture
def station(tmp_path: Path, fresh_emulator: Emulator) -> Iterator[Callable[..., Station]]:
    """A real ``wats watch`` instance against the emulator (as in tests/integration/station)."""
    yield from station_factory(tmp_path, fresh_emulator)
