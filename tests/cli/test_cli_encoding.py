"""Piped output on a stdout that is not UTF-8 (Windows pipes default to the ANSI code page)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pywats.testing import Emulator

NAME = "Prüfplatz Ω 1"  # Ω is not in cp1252


def run(home: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYWATS_")}
    env.update(PYWATS_HOME=str(home), PYWATS_KEYRING="0", PYTHONIOENCODING="cp1252")
    return subprocess.run(
        [sys.executable, "-m", "wats_cli", *args], env=env, capture_output=True, timeout=60
    )


def test_json_and_csv_survive_a_cp1252_stdout(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "config", "set", "station.name", NAME).returncode == 0
    # Before the fix: UnicodeEncodeError, reported as a usage error (exit 2), no output.
    shown = run(home, "config", "show", "-o", "json")
    assert shown.returncode == 0, shown.stderr.decode("cp1252", "replace")
    assert json.loads(shown.stdout.decode("cp1252"))["station.name"] == NAME
    table = run(home, "config", "show", "-o", "csv")
    assert table.returncode == 0, table.stderr.decode("cp1252", "replace")
    rows = list(csv.DictReader(io.StringIO(table.stdout.decode("cp1252"))))
    assert rows[0]["station.name"].startswith("Prüfplatz ")  # Ω itself cannot be written


def test_report_get_wsjf_survives_a_cp1252_stdout(tmp_path: Path, fresh_emulator: Emulator) -> None:
    from _cli_helpers import make_report

    from pywats import pyWATS

    data = json.loads(make_report(tmp_path / "r.json").read_text())
    data["uut"]["comment"] = "Оператор 张"  # Cyrillic and CJK: not in cp1252
    with pyWATS(fresh_emulator.url, fresh_emulator.token) as api:
        report_id = api.report.submit(data)
    env_home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYWATS_")}
    env.update(
        PYWATS_HOME=str(env_home),
        PYWATS_KEYRING="0",
        PYTHONIOENCODING="cp1252",
        PYWATS_SERVER_URL=fresh_emulator.url,
        PYWATS_API_TOKEN=fresh_emulator.token,
    )
    got = subprocess.run(
        [sys.executable, "-m", "wats_cli", "report", "get", str(report_id), "--format", "wsjf"],
        env=env,
        capture_output=True,
        timeout=60,
    )
    # Before the fix: UnicodeEncodeError, exit 2, nothing on stdout.
    assert got.returncode == 0, got.stderr.decode("cp1252", "replace")
    assert json.loads(got.stdout.decode("cp1252"))["uut"]["comment"] == "Оператор 张"
