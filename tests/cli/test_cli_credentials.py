"""The token store: keyring when usable, else a private file; never leaks the token."""

from __future__ import annotations

import os
import stat
import sys
import types
from pathlib import Path

import pytest

from pywats.config import ConfigError
from pywats.credentials import TokenStore


def test_file_store_round_trip_is_private(tmp_path: Path, sentinel: str) -> None:
    store = TokenStore(use_keyring=False, directory=tmp_path / "creds")
    stored = store.save("ict", sentinel + "\n")
    assert stored.warning is not None
    assert sentinel not in stored.warning + repr(stored)
    assert store.load("ict") == sentinel
    path = tmp_path / "creds" / "ict.token"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert store.delete("ict") is True
    assert store.load("ict") is None
    assert store.delete("ict") is False
    assert [p.name for p in path.parent.iterdir()] == []  # no temporary files left behind


@pytest.mark.parametrize("bad", ["", "  ", "two\nlines"])
def test_bad_tokens_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError, match="token"):
        TokenStore(use_keyring=False, directory=tmp_path).save("x", bad)


def test_bad_instance_names_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not allowed"):
        TokenStore(use_keyring=False, directory=tmp_path).save("../x", "t")


class _MemoryKeyring:
    priority = 5

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, user: str, secret: str) -> None:
        self.items[(service, user)] = secret

    def get_password(self, service: str, user: str) -> str | None:
        return self.items.get((service, user))

    def delete_password(self, service: str, user: str) -> None:
        del self.items[(service, user)]


def _install_keyring(monkeypatch: pytest.MonkeyPatch, backend: object) -> None:
    """Put a keyring module with ``backend`` in sys.modules (keyring is not a dependency)."""
    fail = types.ModuleType("keyring.backends.fail")

    class FailKeyring:
        priority = 0

    fail.Keyring = FailKeyring  # type: ignore[attr-defined]
    backends = types.ModuleType("keyring.backends")
    backends.fail = fail  # type: ignore[attr-defined]
    keyring = types.ModuleType("keyring")
    keyring.backends = backends  # type: ignore[attr-defined]
    keyring.get_keyring = lambda: backend  # type: ignore[attr-defined]
    for name in ("set_password", "get_password", "delete_password"):
        setattr(keyring, name, getattr(backend, name, None))
    monkeypatch.setitem(sys.modules, "keyring", keyring)
    monkeypatch.setitem(sys.modules, "keyring.backends", backends)
    monkeypatch.setitem(sys.modules, "keyring.backends.fail", fail)
    monkeypatch.delenv("PYWATS_KEYRING", raising=False)


def test_usable_keyring_is_preferred(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    backend = _MemoryKeyring()
    _install_keyring(monkeypatch, backend)
    store = TokenStore(directory=tmp_path)
    stored = store.save("ict", "tok-1")
    assert (stored.location, stored.warning) == ("OS keyring", None)
    assert backend.items == {("pywats", "ict"): "tok-1"}
    assert list(tmp_path.iterdir()) == []
    assert store.load("ict") == "tok-1"
    assert store.delete("ict") is True
    assert backend.items == {}


def test_null_keyring_falls_back_to_the_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    backend = _MemoryKeyring()
    backend.priority = -1  # keyring's null backend: it would silently drop the secret
    _install_keyring(monkeypatch, backend)
    stored = TokenStore(directory=tmp_path).save("ict", "tok-2")
    assert stored.warning is not None
    assert backend.items == {}
    assert (tmp_path / "ict.token").read_text().strip() == "tok-2"


def test_keyring_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    backend = _MemoryKeyring()
    _install_keyring(monkeypatch, backend)
    monkeypatch.setenv("PYWATS_KEYRING", "0")
    TokenStore(directory=tmp_path).save("ict", "tok-3")
    assert backend.items == {}
