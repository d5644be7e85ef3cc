"""``wats config``, ``login``/``logout`` without a server, and the settings precedence."""

from __future__ import annotations

import json
import os
import stat
import tomllib
from pathlib import Path

import pytest

from pywats.config import (
    ConfigError,
    CredentialsMissingError,
    instance_path,
    parse_value,
    resolve_connection,
)
from pywats.credentials import TokenStore


def test_init_with_flags_writes_the_instance_file(wats, wats_home: Path) -> None:
    result = wats(
        "config",
        "init",
        "--no-input",
        "--url",
        "https://acme.wats.com/",
        "--station-name",
        "ICT-01",
        "--location",
        "Line 2",
        "--purpose",
        "Production",
    )
    assert result.exit_code == 0, result.stderr
    path = wats_home / "config" / "instances" / "default.toml"
    assert tomllib.loads(path.read_text()) == {
        "server": {"url": "https://acme.wats.com"},
        "station": {"name": "ICT-01", "location": "Line 2", "purpose": "Production"},
    }
    assert str(path) in result.stderr
    assert result.stdout == ""


def test_init_without_url_is_a_usage_error(wats) -> None:
    result = wats("config", "init", "--no-input")
    assert result.exit_code == 2
    assert "--url" in result.stderr


def test_init_prompts_when_interactive(wats, sentinel: str) -> None:
    # server.url, station.name, station.location, station.purpose, then the hidden token
    answers = f"https://x.example.com\nST-9\n\n\n{sentinel}\n"
    result = wats("config", "init", "--interactive", input=answers)
    assert result.exit_code == 0, result.stderr
    doc = tomllib.loads(instance_path("default").read_text())
    assert doc == {"server": {"url": "https://x.example.com"}, "station": {"name": "ST-9"}}
    assert TokenStore(use_keyring=False).load("default") == sentinel
    assert sentinel not in result.stdout + result.stderr


def test_set_get_unset_round_trip(wats) -> None:
    assert wats("config", "set", "server.url", "https://a.example.com").exit_code == 0
    got = wats("config", "get", "server.url")
    assert (got.exit_code, got.stdout) == (0, "https://a.example.com\n")
    assert wats("config", "unset", "server.url").exit_code == 0
    missing = wats("config", "get", "server.url")
    assert missing.exit_code == 1
    assert missing.stdout == ""


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("server.url", "ftp://x", ["server.url", "'ftp://x'", "http:// or https://"]),
        ("server.url", "https://u:p@x.com", ["server.url", "without user name or password"]),
        ("station.name", "   ", ["station.name", "1-200 characters"]),
        ("server.token", "abc", ["server.token", "wats login"]),
        ("nodots", "1", ["'nodots'", "dotted"]),
        ("station.foo", "1", ["'station.foo'", "station.name"]),
        ("sever.url", "https://x.com", ["'sever.url'", "server.url", "upload.concurrency"]),
        ("upload.concurrency", "many", ["upload.concurrency", "'many'", "whole number"]),
    ],
)
def test_set_rejects_bad_values_naming_key_value_and_allowed(
    wats, key: str, value: str, expected: list[str]
) -> None:
    result = wats("config", "set", key, value)
    assert result.exit_code == 3
    first = result.stderr.splitlines()[0]
    assert first.startswith("error: ")
    for fragment in expected:
        assert fragment in first
    assert not instance_path("default").exists()


def test_set_accepts_the_station_service_keys(wats) -> None:
    assert wats("config", "set", "upload.concurrency", "8").exit_code == 0
    assert wats("config", "set", "queue.retry_ladder", "[5, 15, 60]").exit_code == 0
    doc = tomllib.loads(instance_path("default").read_text())
    assert doc == {"upload": {"concurrency": 8}, "queue": {"retry_ladder": [5, 15, 60]}}


def test_show_reports_sources_and_never_the_token(wats, sentinel: str, monkeypatch) -> None:
    wats("config", "set", "server.url", "https://file.example.com")
    monkeypatch.setenv("PYWATS_API_TOKEN", sentinel)
    shown = json.loads(wats("config", "show", "-o", "json").stdout)
    assert shown["server.url"] == "https://file.example.com"
    assert shown["server.url source"] == "file"
    assert shown["token"] == "set (env PYWATS_API_TOKEN)"
    monkeypatch.setenv("PYWATS_SERVER_URL", "https://env.example.com")
    shown = json.loads(wats("config", "show").stdout)
    assert shown["server.url"] == "https://env.example.com"
    flagged = json.loads(wats("--url", "https://flag.example.com", "config", "show").stdout)
    assert (flagged["server.url"], flagged["server.url source"]) == (
        "https://flag.example.com",
        "flag",
    )
    for args in (("config", "show", "-o", "table"), ("config", "show", "-o", "csv")):
        result = wats(*args)
        assert sentinel not in result.stdout + result.stderr


def test_instances_are_separate_and_listed(wats, monkeypatch) -> None:
    wats("config", "set", "server.url", "https://one.example.com")
    wats("-i", "line2", "config", "set", "server.url", "https://two.example.com")
    monkeypatch.setenv("PYWATS_INSTANCE_ID", "line2")
    assert wats("config", "get", "server.url").stdout == "https://two.example.com\n"
    assert wats("-i", "default", "config", "get", "server.url").stdout.startswith("https://one")
    rows = json.loads(wats("config", "list").stdout)
    assert [(r["instance"], r["server.url"], r["token"]) for r in rows] == [
        ("default", "https://one.example.com", "none"),
        ("line2", "https://two.example.com", "none"),
    ]
    path = wats("-i", "line2", "config", "path").stdout.strip()
    assert path == str(instance_path("line2"))


def test_bad_instance_name_is_a_configuration_error(wats) -> None:
    result = wats("-i", "../etc", "config", "path")
    assert result.exit_code == 3
    assert "'../etc'" in result.stderr


def test_broken_instance_file_is_a_configuration_error(wats) -> None:
    path = instance_path("default")
    path.parent.mkdir(parents=True)
    path.write_text("[server\nurl = 1")
    result = wats("config", "show")
    assert result.exit_code == 3
    assert "not valid TOML" in result.stderr
    assert "Traceback" not in result.stderr


def test_login_reads_stdin_stores_0600_and_logout_removes(wats, sentinel: str) -> None:
    wats("config", "set", "server.url", "https://acme.wats.com")
    result = wats("login", "--no-verify", input=sentinel + "\n")
    assert result.exit_code == 0, result.stderr
    assert "no usable OS keyring" in result.stderr  # the file fallback warns
    token_file = instance_path("default").with_suffix(".token")
    assert token_file.read_text().strip() == sentinel
    if os.name == "posix":
        assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(token_file.parent.stat().st_mode) == 0o700
    assert sentinel not in result.stdout + result.stderr
    assert sentinel not in instance_path("default").read_text()
    assert json.loads(wats("config", "show").stdout)["token"] == "set (stored)"
    assert wats("logout").exit_code == 0
    assert not token_file.exists()
    assert "had no stored token" in wats("logout").stderr


def test_login_saves_the_flag_url_when_the_instance_has_none(wats, sentinel: str) -> None:
    result = wats(
        "-i", "new", "--url", "https://n.example.com", "login", "--no-verify", input=sentinel
    )
    assert result.exit_code == 0, result.stderr
    assert wats("-i", "new", "config", "get", "server.url").stdout == "https://n.example.com\n"


def test_login_without_any_url_is_a_configuration_error(wats, sentinel: str) -> None:
    result = wats("login", "--no-verify", input=sentinel)
    assert result.exit_code == 3
    assert "wats config init" in result.stderr


def test_login_with_empty_stdin_is_a_usage_error(wats) -> None:
    wats("config", "set", "server.url", "https://acme.wats.com")
    assert wats("login", "--no-verify", input="").exit_code == 2


def test_token_precedence_env_over_store(monkeypatch) -> None:
    TokenStore(use_keyring=False).save("default", "stored-token")
    monkeypatch.setenv("PYWATS_SERVER_URL", "https://e.example.com")
    conn = resolve_connection(load_token=TokenStore(use_keyring=False).load)
    assert (conn.token, conn.token_source) == ("stored-token", "stored")
    monkeypatch.setenv("PYWATS_API_TOKEN", "env-token")
    conn = resolve_connection(load_token=TokenStore(use_keyring=False).load)
    assert (conn.token, conn.token_source) == ("env-token", "env PYWATS_API_TOKEN")
    assert "env-token" not in repr(conn)


def test_missing_token_says_run_login() -> None:
    conn = resolve_connection(url="https://x.example.com", load_token=lambda name: None)
    with pytest.raises(CredentialsMissingError, match="wats login"):
        conn.require_token()


def test_parse_value_reads_toml_literals_for_other_sections() -> None:
    assert parse_value("upload.concurrency", "8", known_only=False) == 8
    assert parse_value("queue.retry_ladder", "[5, 15]", known_only=False) == [5, 15]
    assert parse_value("station.name", "  ICT  ") == "ICT"
    with pytest.raises(ConfigError, match=r"unknown key 'upload\.concurrency'"):
        parse_value("upload.concurrency", "8")


def test_instance_folder_is_private_from_the_first_write(wats, wats_home: Path) -> None:
    assert wats("config", "set", "server.url", "https://a.example.com").exit_code == 0
    path = instance_path("default")
    if os.name == "posix":
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
