"""A SIGTERM sent as soon as ``service.json`` appears stops the service gracefully.

``service.json`` tells ``wats status``, supervisors and tests that the service is up; the
handlers for SIGTERM/SIGINT were installed only after it was written, so a signal sent on
seeing the file could still meet the default action and kill the process (exit -15, nothing
shut down). Run in a child process: before the fix the signal kills it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

CHILD = r"""
import asyncio, os, signal, sys
from pathlib import Path

from pywats.station import _running
from pywats.station.config import FolderConfig, StationConfig
from pywats.station.converters.wsjf import WSJFConverter
from pywats.station.queue import ReportQueue
from pywats.station.service import StationService

root = Path(sys.argv[1])
(root / "inbox").mkdir()
config = StationConfig(
    name="sig", server_url="http://unused", station_name="ST-1", location="Lab",
    purpose="Test", folders=(FolderConfig(path=root / "inbox", observer="polling"),),
    queue_path=root / "queue.sqlite3", lock_path=root / "service.lock",
    stable_seconds=0.0, min_age_seconds=0.0, poll_seconds=0.05, min_free_mb=0.0,
    shutdown_timeout=2.0, converter_isolation="thread",
)


class Server:
    async def submit(self, report):
        return str(report["id"])


service = StationService(
    config, queue=ReportQueue(config.queue_path), submitter=Server(), converters=[WSJFConverter()]
)
service._record_service = True
real = _running.write_service_file


def write_then_signal(*args, **kwargs):
    real(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGTERM)  # a supervisor that stops it on seeing the file


_running.write_service_file = write_then_signal
asyncio.run(service.serve())
print("state", service.state)
"""


def test_a_sigterm_sent_on_seeing_service_json_is_a_graceful_stop(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert done.stdout.split() == ["state", "stopped"]  # shut down, not killed
