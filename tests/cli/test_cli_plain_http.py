"""The token over plain http:// to another machine gets a loud warning (issue 19, item 6):
at `config init`, at `login` and at first use; loopback (the emulator) stays quiet."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest

from pywats import pyWATS
from tests.cli.conftest import Wats

WARNING = "plain http:// to another machine"


@pytest.fixture(autouse=True)
def fresh_warnings() -> Iterator[None]:
    from pywats import _cleartext

    _cleartext._warned_http.clear()
    yield
    _cleartext._warned_http.clear()


def test_config_init_warns_for_http_to_another_machine(wats: Wats) -> None:
    result = wats("config", "init", "--url", "http://wats.plant.example", "--no-input")
    assert result.exit_code == 0, result.stderr
    assert f"warning: the server URL http://wats.plant.example is {WARNING}" in result.stderr
    assert "https://" in result.stderr


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8080", "http://localhost:5000", "http://[::1]:80", "https://a.b"]
)
def test_loopback_and_https_stay_quiet(wats: Wats, url: str) -> None:
    result = wats("config", "init", "--url", url, "--no-input")
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr


def test_login_warns_before_the_token_is_sent(wats: Wats) -> None:
    result = wats("--url", "http://10.1.2.3", "login", "--no-verify", input="dG9rZW4=\n")
    assert result.exit_code == 0, result.stderr
    assert WARNING in result.stderr


def test_first_use_warns_once(wats: Wats, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYWATS_SERVER_URL", "http://10.1.2.3:9")
    monkeypatch.setenv("PYWATS_API_TOKEN", "dG9rZW4=")
    result = wats("ping")  # unreachable, but the warning comes first
    assert result.stderr.count(WARNING) == 1


def test_the_sdk_logs_the_warning_once_per_url(caplog: pytest.LogCaptureFixture) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json="1.0"))
    with caplog.at_level(logging.WARNING, logger="pywats"):
        for _ in range(2):
            pyWATS("http://wats.plant.example", "dG9rZW4=", transport=transport).close()
        pyWATS("http://127.0.0.1:1", "dG9rZW4=", transport=transport).close()
    assert [r.getMessage().count(WARNING) for r in caplog.records] == [1]
