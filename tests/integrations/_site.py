"""A station instance on tmp_path for the integration tests: its files, environment and CLI."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

INSTANCE = "it"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Site:
    """An instance ``it`` under ``PYWATS_HOME=tmp_path/home``, its server at ``url``."""

    def __init__(self, tmp_path: Path, url: str, token: str, **sections: Any) -> None:
        self.root = tmp_path
        self.home = tmp_path / "home"
        self.data = self.home / "data" / "instances" / INSTANCE
        self.queue_path = self.data / "queue.sqlite3"
        self.url = url
        self.env = {**os.environ, "PYWATS_HOME": str(self.home), "PYWATS_API_TOKEN": token}
        for key in ("PYWATS_SERVER_URL", "PYWATS_INSTANCE_ID", "PYTEST_ADDOPTS"):
            self.env.pop(key, None)
        self.write_config(**sections)

    def write_config(self, **sections: Any) -> None:
        import tomli_w

        document: dict[str, Any] = {
            "server": {"url": self.url},
            "station": {"name": "INTEG-01", "location": "Lab", "purpose": "Development"},
            **sections,
        }
        config = self.home / "config" / "instances" / f"{INSTANCE}.toml"
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_bytes(tomli_w.dumps(document).encode())

    def rows(self) -> list[dict[str, Any]]:
        """Every queue row (read with plain sqlite3, as a separate reader would)."""
        if not self.queue_path.exists():
            return []
        db = sqlite3.connect(self.queue_path)
        db.row_factory = sqlite3.Row
        try:
            return [dict(r) for r in db.execute("SELECT * FROM item ORDER BY id")]
        finally:
            db.close()

    def run(
        self, *args: str, timeout: float = 120, **kwargs: Any
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(args),
            env=self.env,
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            **kwargs,
        )

    def wats(self, command: str) -> subprocess.CompletedProcess[str]:
        """Run a ``wats ...`` command line exactly as printed (``wats queue push -i it``)."""
        words = command.split()
        assert words[0] == "wats", command
        return self.run(sys.executable, "-m", "wats_cli", *words[1:], timeout=60)


def run_pytest(pytester: Any, env: dict[str, str], *args: str, autoload: bool = False) -> Any:
    """``pytester.runpytest_subprocess`` with the instance's environment.

    Without ``autoload`` only this plugin is loaded (``-p pywats.pytest`` with
    ``PYTEST_DISABLE_PLUGIN_AUTOLOAD``): every installed plugin costs each run seconds of
    start-up (vcrpy alone ~1 s), which the tests of the entry point itself pay once.
    """
    monkeypatch = pytester._monkeypatch
    for key in ("PYWATS_HOME", "PYWATS_API_TOKEN"):
        monkeypatch.setenv(key, env[key])
    for key in ("PYWATS_SERVER_URL", "PYWATS_INSTANCE_ID", "PYTEST_ADDOPTS"):
        monkeypatch.delenv(key, raising=False)
    # A generous delivery bound: cold imports take seconds on a busy 2-core machine. A test
    # passing its own --wats-timeout later on the line wins.
    args = ("--wats-timeout", "30", *args)
    if autoload:
        monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", raising=False)
        return pytester.runpytest_subprocess(*args)
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    return pytester.runpytest_subprocess("-p", "pywats.pytest", *args)
