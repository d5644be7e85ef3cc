"""Fixtures for the ``wats`` command tests: an isolated config home and a runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner, Result
from wats_cli.main import app

if TYPE_CHECKING:
    from pywats.testing import Emulator

# A token that must never appear in any output, error, log or file other than the token store.
SENTINEL = "c2VudGluZWwtdG9rZW4tOWY4ZTdkNmM6c2VjcmV0LXZhbHVlLTAwMQ=="


@pytest.fixture(autouse=True)
def wats_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private PYWATS_HOME per test, no OS keyring, and none of the user's environment."""
    home = tmp_path / "wats-home"
    monkeypatch.setenv("PYWATS_HOME", str(home))
    monkeypatch.setenv("PYWATS_KEYRING", "0")
    monkeypatch.setenv("NO_COLOR", "1")
    for name in ("PYWATS_SERVER_URL", "PYWATS_API_TOKEN", "PYWATS_INSTANCE_ID"):
        monkeypatch.delenv(name, raising=False)
    return home


class Wats:
    """Runs ``wats`` in-process with CliRunner (stdout and stderr kept apart)."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None) -> Result:
        return self.runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def wats() -> Wats:
    return Wats()


@pytest.fixture
def sentinel() -> str:
    return SENTINEL


@pytest.fixture
def online(fresh_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> Emulator:
    """The emulator, reset, named by PYWATS_SERVER_URL / PYWATS_API_TOKEN."""
    monkeypatch.setenv("PYWATS_SERVER_URL", fresh_emulator.url)
    monkeypatch.setenv("PYWATS_API_TOKEN", fresh_emulator.token)
    return fresh_emulator


@pytest.fixture
def api(online: Emulator) -> Iterator[Any]:
    """An SDK client on the same emulator, to seed data."""
    from pywats._sync._client import pyWATS

    with pyWATS(online.url, online.token) as client:
        yield client
