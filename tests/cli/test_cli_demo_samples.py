"""Issue 18.5 and 18.6: sample data on the emulator, ``demo --keep-running``, the demo race."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

RUN_WATS = "import sys; from wats_cli.main import run; sys.argv[0] = 'wats'; run()"


def _env(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "PYWATS_HOME": str(tmp_path / "home"), "PYWATS_KEYRING": "0"}
    for name in ("PYWATS_SERVER_URL", "PYWATS_API_TOKEN", "PYWATS_INSTANCE_ID"):
        env.pop(name, None)
    return env


def test_the_readme_examples_answer_on_an_emulator_with_sample_data(
    wats, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("uvicorn", reason="the emulator extra is not installed")
    from pywats.testing import Emulator

    with Emulator(sample_data=True) as emulator:
        monkeypatch.setenv("PYWATS_SERVER_URL", emulator.url)
        monkeypatch.setenv("PYWATS_API_TOKEN", emulator.token)
        product = wats("product", "get", "PCB-1001", "-o", "json")
        assert product.exit_code == 0, product.stderr
        assert json.loads(product.stdout)["name"] == "Main board"
        query = wats("report", "query", "--pn", "PCB-1001", "--since", "2026-11-01", "-o", "csv")
        assert query.exit_code == 0, query.stderr
        assert len(query.stdout.splitlines()) == 1 + 8
        failed = json.loads(wats("report", "query", "--result", "failed", "-o", "json").stdout)
        assert failed
        assets = json.loads(wats("asset", "list", "-o", "json").stdout)
        assert [a["serialNumber"] for a in assets] == ["FX-0001"]
        # The README's MES lines: the sample boards are production units too.
        for verb in ("start", "end"):
            flow = wats("workflow", verb, "SN-PCB-1001-0000", "PCB-1001", "-o", "json")
            assert flow.exit_code == 0, flow.stderr
        barcode = wats("barcode", "identify", "SN-1/PCB-1001/A", "-o", "json")
        assert json.loads(barcode.stdout)["partNumber"] == "PCB-1001"


def test_wats_emulator_sample_data_flag(tmp_path: Path) -> None:
    pytest.importorskip("uvicorn", reason="the emulator extra is not installed")
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN_WATS, "emulator", "--port", "0", "--sample-data"],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stderr is not None
        url = proc.stdout.readline().strip().split("=", 1)[1]
        token = proc.stdout.readline().strip().split("=", 1)[1]
        deadline = time.monotonic() + 30
        line = ""
        while "sample data" not in line and time.monotonic() < deadline:
            line = proc.stderr.readline()
        assert "sample data" in line, line
        hint = re.search(r"`(wats [^`]*)`", line)
        assert hint is not None
        env = {**_env(tmp_path), "PYWATS_SERVER_URL": url, "PYWATS_API_TOKEN": token}
        shown = subprocess.run(
            [sys.executable, "-c", RUN_WATS, *hint.group(1).split()[1:], "-o", "json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert shown.returncode == 0, shown.stderr
        assert json.loads(shown.stdout)["partNumber"] == "PCB-1001"
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=20)


def test_demo_keep_running_prints_url_and_token_and_its_hint_works(tmp_path: Path) -> None:
    pytest.importorskip("uvicorn", reason="the emulator extra is not installed")
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN_WATS, "demo", "--count", "2", "--keep-running"],
        env=_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    lines: list[str] = []
    try:
        assert proc.stderr is not None
        timer = threading.Timer(60, proc.kill)  # bounded: never hang the suite
        timer.start()
        for line in proc.stderr:
            lines.append(line)
            if line.startswith("then try:"):
                break
        timer.cancel()
        text = "".join(lines)
        url = re.search(r"PYWATS_SERVER_URL=(\S+)", text)
        token = re.search(r"PYWATS_API_TOKEN=(\S+)", text)
        assert url is not None, text
        assert token is not None, text
        command = lines[-1].split(":", 1)[1].split()
        env = {**_env(tmp_path), "PYWATS_SERVER_URL": url[1], "PYWATS_API_TOKEN": token[1]}
        shown = subprocess.run(
            [sys.executable, "-c", RUN_WATS, *command[1:], "-o", "json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert shown.returncode == 0, shown.stderr
        assert json.loads(shown.stdout)["partNumber"] == "PCB-1001"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()


def test_demo_of_50_waits_for_the_broken_file_to_reach_error(tmp_path: Any) -> None:
    pytest.importorskip("uvicorn", reason="the emulator extra is not installed")
    from pywats.station.demo import run_demo

    result = run_demo(count=50, out=io.StringIO(), timeout=90)
    assert result.delivered == 50
    assert result.rejected_files == 1
    assert result.ok
