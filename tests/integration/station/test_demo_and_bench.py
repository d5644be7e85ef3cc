"""``wats demo`` from a clean environment, and the station benchmark at a tiny size."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ._harness import RUN_WATS

REPO = Path(__file__).resolve().parents[3]


def test_wats_demo_runs_the_pipeline_and_exits_zero(tmp_path: Path) -> None:
    pytest.importorskip("uvicorn", reason="the emulator extra is not installed")
    env = {**os.environ, "PYWATS_HOME": str(tmp_path / "home")}
    for name in ("PYWATS_SERVER_URL", "PYWATS_API_TOKEN", "PYWATS_INSTANCE_ID"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-c", RUN_WATS, "demo", "--count", "4", "--timeout", "40"],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "acknowledged by server  4" in done.stderr
    assert "stored on the server    4" in done.stderr
    assert "rejected to Error/      1" in done.stderr
    assert not (tmp_path / "home").exists()  # the demo touches none of the user's instances


def test_station_benchmark_runs_at_a_tiny_size() -> None:
    pytest.importorskip("psutil")
    spec = importlib.util.spec_from_file_location(
        "bench_station", REPO / "benchmarks" / "bench_station.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    figures = module.measure(6, idle_seconds=0.2)
    assert figures["files"] == 6
    assert figures["posts"] == 6
    assert figures["files_per_s"] > 0
    assert 0 <= figures["latency_p50_s"] <= figures["latency_p95_s"] < 30
    assert figures["rss_idle_mb"] > 0
    # CPU seconds per file, by process: the load-insensitive figures to compare changes by.
    assert figures["cpu_service_s_per_file"] > 0
    assert figures["cpu_emulator_s_per_file"] > 0
    assert figures["cpu_workers_s_per_file"] >= 0
    parts = ("service", "workers", "emulator")
    total = sum(figures[f"cpu_{part}_s_per_file"] for part in parts)
    assert figures["cpu_total_s_per_file"] == pytest.approx(total)
