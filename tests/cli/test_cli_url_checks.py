"""A server URL is checked once, where it is configured, and never echoed with a password."""

from __future__ import annotations

import pytest

from pywats.config import instance_path


@pytest.mark.parametrize(
    "url", ["https://srv.example.com/wats?tenant=1", "https://srv.example.com/#top"]
)
def test_config_set_refuses_a_url_with_a_query_or_fragment(wats, url: str) -> None:
    # Before the fix the value was saved, and every command then failed in the SDK with a
    # ValueError: exit 2 (usage) instead of 3 (configuration), far from the bad setting.
    result = wats("config", "set", "server.url", url)
    assert result.exit_code == 3
    first = result.stderr.splitlines()[0]
    assert "server.url" in first
    assert url in first
    assert "query" in first
    assert not instance_path("default").exists()


def test_a_query_in_the_url_flag_is_a_configuration_error(wats, sentinel: str, monkeypatch) -> None:
    monkeypatch.setenv("PYWATS_API_TOKEN", sentinel)
    result = wats("--url", "https://srv.example.com/?x=1", "product", "get", "PCB-1")
    assert result.exit_code == 3
    assert "server.url" in result.stderr


def test_a_password_in_the_environment_url_is_not_echoed(wats, sentinel: str, monkeypatch) -> None:
    monkeypatch.setenv("PYWATS_API_TOKEN", sentinel)
    monkeypatch.setenv("PYWATS_SERVER_URL", "https://admin:hunter2-secret@srv.example.com")
    result = wats("product", "get", "PCB-1")
    assert result.exit_code == 3
    assert "server.url" in result.stderr
    assert "hunter2-secret" not in result.stdout + result.stderr
    shown = wats("config", "show", "-o", "json")
    assert "hunter2-secret" not in shown.stdout + shown.stderr
