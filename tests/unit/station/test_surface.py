from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pywats.station


def test_public_names_resolve() -> None:
    assert pywats.station.__all__ == sorted(pywats.station.__all__)
    for name in pywats.station.__all__:
        assert getattr(pywats.station, name) is not None


def test_converter_plugins_import_nothing_heavy() -> None:
    code = (
        "import sys, pywats.station.converters\n"
        "names = ('httpx', 'asyncio', 'watchdog', 'sqlite3', 'rich')\n"
        "heavy = [m for m in names if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_dashboard_renders_a_snapshot(tmp_path: Path) -> None:
    from rich.console import Console

    from pywats.station._dashboard import Dashboard
    from pywats.station.config import FolderConfig, StationConfig
    from pywats.station.converters.wsjf import WSJFConverter
    from pywats.station.queue import ReportQueue
    from pywats.station.service import StationService

    class Nothing:
        async def submit(self, report: dict[str, object]) -> str:
            return ""

    config = StationConfig(
        name="dash",
        server_url="http://x",
        folders=(FolderConfig(path=tmp_path),),
        queue_path=tmp_path / "q.sqlite3",
    )
    with ReportQueue(config.queue_path) as queue:
        service = StationService(
            config, queue=queue, submitter=Nothing(), converters=[WSJFConverter()]
        )
        board = Dashboard(service)
        buffer = io.StringIO()
        board.console = Console(file=buffer, width=120, force_terminal=False)
        board.live.console = board.console
        with board:
            board.update({**service.refresh_snapshot(), "last_error": "503 from server"})
        text = buffer.getvalue()
    assert "instance dash" in text
    assert "pending 0" in text
    assert "503 from server" in text
