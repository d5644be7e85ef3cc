"""A stand-in for the service's ``StationControl`` (same names), and a server to mount it on.

The console's unit-level tests run it against this; the browser tests also drive the real
``wats watch`` process (``test_browser.py``).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pywats.config import read_toml, write_toml
from pywats.station.config import StationConfig, config_from_mapping


class FakeControl:
    """What the console uses of the running service, backed by files under ``home``."""

    def __init__(self, home: Path, *, instance: str = "it") -> None:
        self.instance = instance
        self.home = home
        self.inbox = home / "inbox"
        self.inbox.mkdir(parents=True, exist_ok=True)
        self.config_path = home / "config" / f"{instance}.toml"
        self.config_path.parent.mkdir(parents=True, exist_ok=True)
        write_toml(
            self.config_path,
            {
                "server": {"url": "http://127.0.0.1:9"},
                "station": {"name": "FAKE-01", "location": "Line 1", "purpose": "Test"},
                "upload": {"concurrency": 2},
                "folders": [{"path": str(self.inbox), "converter": "wsjf"}],
            },
        )
        self.data = home / "data"
        self.queue_path = self.data / "queue.sqlite3"
        self.log_path: Path | None = home / "log" / f"{instance}.log"
        self.secret = "s3cret-" + "x" * 36
        self.config: StationConfig = self._load()
        self.woken = 0
        self.reloads = 0
        self.errors: list[dict[str, Any]] = []
        self.samples: list[dict[str, Any]] = []
        self.state = "running"

    def _load(self) -> StationConfig:
        return config_from_mapping(
            self.instance,
            read_toml(self.config_path),
            base=self.config_path.parent,
            data_path=self.data,
            log_path=self.home / "log" / f"{self.instance}.log",
        )

    def snapshot(self) -> dict[str, Any]:
        from pywats.station.queue import ReportQueue

        stats: dict[str, Any] = {"counts": {}}
        if self.queue_path.exists():
            with ReportQueue(self.queue_path) as queue:
                stats = queue.stats().as_dict()
        return {
            "instance": self.instance,
            "state": self.state,
            "server": "online",
            "server_url": "https://acme.wats.com",
            "server_version": "25.3.1",
            "server_latency_ms": 12.3,
            "server_error": "",
            "breaker": "closed",
            "intake_paused": None,
            "files_waiting": 0,
            "queue": stats,
            "last_upload_at": time.time() - 30,
            "last_error": "",
        }

    def history(self) -> Sequence[dict[str, Any]]:
        return self.samples

    def recent_errors(self, limit: int = 20) -> Sequence[dict[str, Any]]:
        return self.errors[-limit:]

    def wake_uploader(self) -> None:
        self.woken += 1

    async def reload(self) -> None:
        self.config = self._load()
        self.reloads += 1


class ServedConsole:
    """The console mounted at ``/console`` on uvicorn in a thread, on a loopback port."""

    def __init__(self, control: Any) -> None:
        import uvicorn
        from starlette.applications import Starlette
        from starlette.routing import Mount

        from pywats.station.console import build_console

        app = Starlette(routes=[Mount("/console", app=build_console(control))])
        # Bound here and handed to uvicorn: a port only probed as free could be taken by
        # someone else before uvicorn binds it.
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.port = int(self.sock.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_config=None, access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    def __enter__(self) -> ServedConsole:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the console test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(30)
        self.sock.close()
