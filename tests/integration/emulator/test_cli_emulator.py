"""``wats emulator`` starts, prints URL and token, serves with faults, and stops on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from ._helpers import real_report

TOKEN = "Y2xpLXRlc3Q6c2VjcmV0LXNlbnRpbmVs"  # base64 of "cli-test:secret-sentinel"


def _start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], list[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYWATS_")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"), NO_COLOR="1")
    proc = subprocess.Popen(
        [sys.executable, "-c", "from wats_cli.main import run; run()", "emulator", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: list[str] = []

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.strip())

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + 60
    while len(lines) < 2:
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"wats emulator did not start: {proc.stderr.read() if proc.stderr else ''}")
        time.sleep(0.02)
    return proc, lines


def _stop(proc: subprocess.Popen[str]) -> int:
    proc.send_signal(signal.SIGINT)
    try:
        return proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)
        pytest.fail("wats emulator did not stop on SIGINT")


def test_cli_serves_reports_faults_and_stops(tmp_path: Path) -> None:
    proc, lines = _start(
        tmp_path, "--port", "0", "--token", TOKEN, "--fault", "503x1@GET /api/App/Version"
    )
    try:
        url = lines[0].removeprefix("PYWATS_SERVER_URL=")
        assert url.startswith("http://127.0.0.1:")
        assert lines[1] == f"PYWATS_API_TOKEN={TOKEN}"
        auth = {"Authorization": f"Basic {TOKEN}"}
        assert httpx.get(f"{url}/api/App/Version", headers=auth).status_code == 503
        assert httpx.get(f"{url}/api/App/Version", headers=auth).status_code == 200
        assert (
            httpx.get(f"{url}/api/App/Version", headers={"Authorization": "Basic bm8="}).status_code
            == 401
        )
        report = real_report("new_report_example.json")
        assert httpx.post(f"{url}/api/Report/WSJF", json=report, headers=auth).status_code == 200
        broken = {**report, "result": "Z"}
        response = httpx.post(f"{url}/api/Report/WSJF", json=broken, headers=auth)
        assert response.status_code == 400
        assert "result" in response.json()["Message"]
    finally:
        code = _stop(proc)
    assert code == 130  # the CLI's documented exit code for an interrupt


def test_cli_generates_a_token_and_keeps_a_file_database(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    proc, lines = _start(tmp_path, "--port", "0", "--db", db)
    try:
        url = lines[0].removeprefix("PYWATS_SERVER_URL=")
        token = lines[1].removeprefix("PYWATS_API_TOKEN=")
        assert len(token) >= 24
        auth = {"Authorization": f"Basic {token}"}
        assert (
            httpx.put(f"{url}/api/Product", json={"partNumber": "KEPT"}, headers=auth).status_code
            == 200
        )
    finally:
        assert _stop(proc) == 130
    proc, lines = _start(tmp_path, "--port", "0", "--db", db, "--token", TOKEN)
    try:
        url = lines[0].removeprefix("PYWATS_SERVER_URL=")
        response = httpx.get(f"{url}/api/Product/KEPT", headers={"Authorization": f"Basic {TOKEN}"})
        assert response.status_code == 200
    finally:
        assert _stop(proc) == 130


def test_cli_rejects_an_unknown_fault(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from wats_cli.main import run; run()",
            "emulator",
            "--fault",
            "boom",
        ],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "c")},
    )
    assert result.returncode == 2
    assert "boom" in result.stderr
