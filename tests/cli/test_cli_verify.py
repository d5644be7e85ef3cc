"""``server.verify``: set from the command line, checked, and used by every ``wats`` command."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from pywats.config import instance_path, resolve_connection
from tests.reliability._tls import Certificates, TlsEmulator


def test_set_verify_false_true_and_a_relative_ca_path(
    wats, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert wats("config", "set", "server.verify", "false").exit_code == 0
    assert tomllib.loads(instance_path("default").read_text())["server"]["verify"] is False
    assert wats("config", "set", "server.verify", "true").exit_code == 0
    assert tomllib.loads(instance_path("default").read_text())["server"]["verify"] is True
    (tmp_path / "ca.pem").write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert wats("config", "set", "server.verify", "ca.pem").exit_code == 0
    stored = tomllib.loads(instance_path("default").read_text())["server"]["verify"]
    assert stored == str((tmp_path / "ca.pem").resolve())  # absolute: commands run anywhere
    assert resolve_connection(require_url=False).verify == stored


def test_set_verify_to_a_missing_file_names_key_value_and_allowed(wats) -> None:
    result = wats("config", "set", "server.verify", "nowhere.pem")
    assert result.exit_code == 3
    first = result.stderr.splitlines()[0]
    assert first.startswith("error: invalid value 'nowhere.pem' for server.verify")
    assert "is not an existing file" in first
    assert "true, false, or the path of an existing CA bundle file" in first
    assert not instance_path("default").exists()


def test_a_hand_edited_missing_ca_path_is_a_config_error(wats) -> None:
    path = instance_path("default")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[server]\nurl = "https://x.example"\nverify = "gone.pem"\n')
    result = wats("ping")
    assert result.exit_code == 3
    assert "server.verify" in result.stderr
    assert str(path.parent / "gone.pem") in result.stderr  # relative to the instance file


def test_commands_use_the_verify_setting(
    wats, tls_server: TlsEmulator, certificates: Certificates, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYWATS_API_TOKEN", tls_server.token)
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    assert "SSL_CERT_FILE" not in os.environ
    assert wats("config", "set", "server.url", tls_server.url).exit_code == 0
    refused = wats("ping")
    assert refused.exit_code == 6
    assert "CERTIFICATE_VERIFY_FAILED" in refused.stderr
    assert "wats config set server.verify" in refused.stderr
    assert tls_server.token not in refused.stderr
    assert wats("config", "set", "server.verify", str(certificates.ca)).exit_code == 0
    trusted = wats("ping", "-o", "json")
    assert trusted.exit_code == 0, trusted.stderr
    assert '"authenticated": true' in trusted.stdout
