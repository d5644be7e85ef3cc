"""Real processes for the reliability suite: a station instance run as ``wats watch``.

Everything started here is bounded in time and always cleaned up: every wait has a deadline,
and :class:`Station` kills its process (SIGKILL) when the test ends, whatever happened.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.integration.station._harness import make_report as make_report  # one report maker

if TYPE_CHECKING:
    from pywats.testing import Emulator

RUN_WATS = "import sys; from wats_cli.main import run; sys.argv[0] = 'wats'; run()"
HERE = Path(__file__).resolve().parent
WSJF_POST = ("POST", "/api/Report/WSJF")

#: Timings that make a station react in tenths of a second instead of seconds.
FAST_INTAKE: dict[str, float] = {
    "poll_seconds": 0.1,
    "rescan_seconds": 1.0,
    "stable_seconds": 0.2,
    "min_age_seconds": 0.1,
    "converter_timeout": 10.0,
}


def wait_for(predicate: Callable[[], Any], timeout: float, what: str, step: float = 0.05) -> Any:
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(step)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` under a hidden name, then rename it into place (as test equipment should)."""
    tmp = path.with_name(f".{path.name[:200]}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


class Station:
    """One station instance on ``root``: its folders, environment, config and process."""

    def __init__(
        self,
        root: Path,
        emulator: Emulator,
        *,
        name: str = "rel",
        folders: list[dict[str, Any]] | None = None,
        **sections: Any,
    ) -> None:
        self.emulator = emulator
        self.name = name
        self.root = root
        self.home = root / "home"
        self.inbox = root / "inbox"
        self.inbox.mkdir(parents=True, exist_ok=True)
        self.done = self.inbox / "Done"
        self.error = self.inbox / "Error"
        self.data = self.home / "data" / "instances" / name
        self.config_path = self.home / "config" / "instances" / f"{name}.toml"
        self.log_path = self.home / "log" / f"{name}.log"
        self.output_path = root / "watch-output.log"
        self.env = {
            **os.environ,
            "PYWATS_HOME": str(self.home),
            "PYWATS_API_TOKEN": emulator.token,
            "PYWATS_KEYRING": "0",
            # The suite's converter plugins (``_converters:SlowWSJF``) live beside this file.
            "PYTHONPATH": os.pathsep.join([str(HERE), *sys.path]),
        }
        for key in ("PYWATS_SERVER_URL", "PYWATS_INSTANCE_ID", "PYWATS_RELIABILITY_FULL"):
            self.env.pop(key, None)
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0
        self.document: dict[str, Any] = {
            "server": {"url": emulator.url},
            "station": {"name": "REL-ST-01", "location": "Reliability lab", "purpose": "Test"},
            "queue": {"retry_ladder": [0.2, 0.5, 1.0], "min_free_mb": 0},
            # Generous: an upload timed out on a loaded machine is an extra request, and the
            # tests bound the requests.
            "upload": {"concurrency": 4, "timeout": 30, "requests_per_minute": 0},
            "intake": dict(FAST_INTAKE),
            "service": {"health_port": 0, "shutdown_timeout": 2},
            "folders": folders or [{"path": str(self.inbox), "converter": "wsjf"}],
        }
        for section, values in sections.items():
            if isinstance(values, dict) and isinstance(self.document.get(section), dict):
                self.document[section].update(values)
            else:
                self.document[section] = values
        self.write_config()

    def write_config(self, text: str | None = None) -> None:
        """Write the instance file (the document, or ``text`` verbatim to break it)."""
        import tomli_w

        self.config_path.parent.mkdir(parents=True, exist_ok=True)
        body = tomli_w.dumps(self.document) if text is None else text
        self.config_path.write_text(body, encoding="utf-8")

    # -- the process ----------------------------------------------------------------------

    @property
    def service_json(self) -> Path:
        return self.data / "service.json"

    def spawn(self) -> subprocess.Popen[bytes]:
        """Start ``wats watch`` without waiting for it to be ready."""
        assert self.proc is None or self.proc.poll() is not None, "already running"
        if self.service_json.exists():
            self.service_json.unlink()  # left by a SIGKILLed run; the new one rewrites it
        with self.output_path.open("ab") as handle:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", RUN_WATS, "watch", "-i", self.name, "--plain"],
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=handle,
                stderr=subprocess.STDOUT,
            )
        self.starts += 1
        return self.proc

    def start(self, timeout: float = 30.0) -> None:
        """Start ``wats watch`` and wait until it serves (its service file is written)."""
        self.spawn()
        wait_for(self._started, timeout, "wats watch to start")

    def _started(self) -> bool:
        assert self.proc is not None
        code = self.proc.poll()
        if code is not None:
            raise AssertionError(f"wats watch exited with {code}:\n{self.output()[-3000:]}")
        return self.service_json.exists()

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL: no handler runs, nothing is flushed (a power cut, as far as we can)."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=15)
        self.proc = None

    def stop(self, timeout: float = 20.0) -> int:
        """SIGTERM and wait for a graceful exit; return the exit code."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            if self.proc.poll() is None:
                self.kill()
            self.proc = None

    def run_to_exit(self, timeout: float = 30.0) -> subprocess.CompletedProcess[str]:
        """Run ``wats watch`` expecting it to exit by itself (e.g. on a broken config)."""
        return self.wats("watch", "-i", self.name, "--plain", timeout=timeout)

    def wats(self, *args: str, timeout: float = 30.0) -> subprocess.CompletedProcess[str]:
        """Run one ``wats`` command in this instance's environment."""
        return subprocess.run(
            [sys.executable, "-c", RUN_WATS, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def output(self) -> str:
        """What every run of the process printed (stdout and stderr), oldest first."""
        if not self.output_path.exists():
            return ""
        return self.output_path.read_text(encoding="utf-8", errors="replace")

    def logs(self) -> str:
        """The service's own log file(s), rotated ones included."""
        parts = sorted(self.log_path.parent.glob(f"{self.log_path.name}*"))
        return "".join(p.read_text(encoding="utf-8", errors="replace") for p in parts)

    def health(self) -> dict[str, Any]:
        import urllib.request

        info = json.loads(self.service_json.read_text(encoding="utf-8"))
        with urllib.request.urlopen(info["health_url"], timeout=5) as answer:
            data: dict[str, Any] = json.loads(answer.read())
        return data

    # -- files, queue and server ------------------------------------------------------------

    def drop(self, name: str, content: Any, folder: Path | None = None) -> Path:
        """Drop one result file (atomically, by rename); JSON-encode non-bytes content."""
        if isinstance(content, bytes):
            data = content
        elif isinstance(content, str):
            data = content.encode()
        else:
            data = json.dumps(content).encode()
        path = (folder or self.inbox) / name
        write_atomically(path, data)
        return path

    def stored_ids(self) -> list[str]:
        """Ids of the reports the server stored, one entry per stored record."""
        return [str(r["id"]) for r in self.emulator.reports()]

    def wait_stored(self, ids: set[str], timeout: float) -> None:
        wait_for(
            lambda: ids <= set(self.stored_ids()),
            timeout,
            f"{len(ids)} reports on the server (have {len(set(self.stored_ids()) & ids)})",
            step=0.1,
        )

    def queue_rows(self) -> list[dict[str, Any]]:
        """Every row of the queue (read-only, while the service may run)."""
        path = self.data / "queue.sqlite3"
        if not path.exists():
            return []
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        db.row_factory = sqlite3.Row
        try:
            return [dict(r) for r in db.execute("SELECT * FROM item ORDER BY id")]
        finally:
            db.close()

    def unexplained_rows(self) -> list[dict[str, Any]]:
        """Rows neither delivered nor explained (parked/quarantined with an error text)."""
        return [
            {k: row[k] for k in ("id", "report_id", "state", "source", "last_error")}
            for row in self.queue_rows()
            if row["state"] != "delivered"
            and not (row["state"] in ("parked", "quarantined") and row["last_error"].strip())
        ]

    def wait_drained(self, timeout: float) -> None:
        """Wait until every queue row is delivered (or explained)."""
        wait_for(
            lambda: not self.unexplained_rows(),
            timeout,
            "the queue to drain",
            step=0.1,
        )
