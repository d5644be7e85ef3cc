"""A station instance on tmp_path, run as a real ``wats watch`` process against the emulator."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pywats.testing import Emulator

RUN_WATS = "import sys; from wats_cli.main import run; sys.argv[0] = 'wats'; run()"


def make_report(sn: str, *, report_id: str | None = None) -> dict[str, Any]:
    """A valid UUT report as WSJF, with its own id (the station fills the station identity)."""
    from pywats.reports import CompOp, UUTReport

    report = UUTReport(
        pn="PCBA-1",
        sn=sn,
        rev="A",
        process_code=50,
        station_name="x",
        location="x",
        purpose="x",
        operator="op",
    )
    report.root.add_sequence("Power").add_numeric_step(
        "3V3", value=3.3, low=3.2, high=3.4, comp_op=CompOp.GELE, unit="V"
    )
    data = report.to_wsjf()
    for key in ("machineName", "location", "purpose"):
        del data[key]
    data["id"] = report_id or str(uuid.uuid4())
    return data


def wait_for(predicate: Callable[[], Any], timeout: float, what: str) -> Any:
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout`` seconds.

    The deadline only ends a test that would hang: give it room for a slow, loaded machine
    (30 s or more); a condition that holds returns at once.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(0.05)


class Station:
    """One instance: its folders, its environment, and its ``wats watch`` process."""

    def __init__(self, tmp_path: Path, emulator: Emulator, **settings: Any) -> None:
        self.emulator = emulator
        self.home = tmp_path / "home"
        self.inbox = tmp_path / "inbox"
        self.inbox.mkdir()
        self.done = self.inbox / "Done"
        self.error = self.inbox / "Error"
        self.data = self.home / "data" / "instances" / "it"
        self.env = {
            **os.environ,
            "PYWATS_HOME": str(self.home),
            "PYWATS_API_TOKEN": emulator.token,
            "PYTHONPATH": os.pathsep.join([str(tmp_path / "plugins"), *sys.path]),
        }
        self.env.pop("PYWATS_SERVER_URL", None)
        self.env.pop("PYWATS_INSTANCE_ID", None)
        self.proc: subprocess.Popen[str] | None = None
        self.log = tmp_path / "watch-output.log"
        intake = {
            "poll_seconds": 0.1,
            "rescan_seconds": 2.0,
            "stable_seconds": 0.2,
            "min_age_seconds": 0.1,
            # A conversion's timeout includes its worker importing the converter: 2 s was
            # tight on a loaded machine. (Tests of the timeout set their own.)
            "converter_timeout": 30.0,
        }
        intake.update(settings.pop("intake", {}))
        folders = settings.pop("folders", [{"path": str(self.inbox), "converter": "wsjf"}])
        document = {
            "server": {"url": emulator.url},
            "station": {"name": "IT-ST-01", "location": "Test lab", "purpose": "Test"},
            "queue": {"retry_ladder": [0.2, 0.4, 0.8], "min_free_mb": 0},
            # A generous upload timeout: one spent on a loaded machine is an extra request,
            # and several tests count requests. (Tests of timeouts set their own.)
            "upload": {"concurrency": 4, "timeout": 30, "requests_per_minute": 0},
            "intake": intake,
            "service": {"health_port": 0, "shutdown_timeout": 3},
            "folders": folders,
            **settings,
        }
        import tomli_w

        config = self.home / "config" / "instances" / "it.toml"
        config.parent.mkdir(parents=True)
        config.write_text(tomli_w.dumps(document), encoding="utf-8")

    # -- the process ----------------------------------------------------------------------

    def start(self) -> None:
        service_json = self.data / "service.json"
        if service_json.exists():
            service_json.unlink()  # left by a SIGKILLed run; the new one rewrites it
        handle = self.log.open("a", encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", RUN_WATS, "watch", "-i", "it", "--plain"],
            env=self.env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            text=True,
        )
        handle.close()
        wait_for(lambda: self._started(service_json), 60, "wats watch to start")

    def _started(self, service_json: Path) -> bool:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise AssertionError(f"wats watch exited with {self.proc.returncode}:\n{self.output()}")
        return service_json.exists()

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8") if self.log.exists() else ""

    def stop(self) -> int:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=30)
        finally:
            self.proc = None

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(timeout=30)
        self.proc = None

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def health(self) -> dict[str, Any]:
        import urllib.request

        info = json.loads((self.data / "service.json").read_text(encoding="utf-8"))
        with urllib.request.urlopen(info["health_url"], timeout=30) as answer:
            data: dict[str, Any] = json.loads(answer.read())
        return data

    def wats(self, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", RUN_WATS, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    # -- files and the server ----------------------------------------------------------------

    def drop(self, name: str, content: Any) -> Path:
        path = self.inbox / name
        tmp = self.inbox / f".{name}.tmp"  # hidden names are ignored until the rename
        text = content if isinstance(content, str) else json.dumps(content)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        return path

    def stored_ids(self) -> list[str]:
        return [str(r["id"]) for r in self.emulator.reports()]

    def wait_stored(self, ids: set[str], timeout: float = 60) -> None:
        wait_for(
            lambda: ids <= set(self.stored_ids()),
            timeout,
            f"{len(ids)} reports on the server (have {len(set(self.stored_ids()) & ids)})",
        )

    def queue_rows(self) -> list[dict[str, Any]]:
        import sqlite3

        db = sqlite3.connect(self.data / "queue.sqlite3")
        db.row_factory = sqlite3.Row
        try:
            return [dict(r) for r in db.execute("SELECT * FROM item ORDER BY id")]
        finally:
            db.close()


def station_factory(tmp_path: Path, emulator: Emulator) -> Iterator[Callable[..., Station]]:
    """Body of a ``station`` fixture: make stations on demand, kill the ones still running."""
    made: list[Station] = []

    def make(**settings: Any) -> Station:
        st = Station(tmp_path, emulator, **settings)
        made.append(st)
        return st

    yield make
    for st in made:
        if st.alive():
            assert st.proc is not None
            st.proc.kill()
            st.proc.wait(timeout=30)
