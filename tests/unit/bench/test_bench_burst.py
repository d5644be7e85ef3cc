"""The station burst benchmark (``bench_station.measure``) at a tiny size.

No timed assertions: ``wats watch`` runs as its own process against an emulator, every file
must reach the server, and the figures must be the ones the section-5 rows read.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[3] / "benchmarks"


def test_a_tiny_burst_reaches_the_server_and_gives_every_figure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(BENCH))
    bench = importlib.import_module("bench_station")
    figures = bench.measure(8, idle_seconds=0.2, timeout=120.0)
    assert figures["files"] == figures["posts"] == 8
    for key in ("latency", "written"):
        p50, p95, top = (figures[f"{key}_{q}_s"] for q in ("p50", "p95", "max"))
        assert 0 <= p50 <= p95 <= top
    # From the rename into the folder includes the stability wait; from "complete" does not.
    assert figures["written_max_s"] >= figures["latency_max_s"]
    assert 0 <= figures["queued_p95_s"] <= figures["latency_max_s"]
    assert 0 < figures["rss_load_max_mb"] <= figures["rss_tree_max_mb"]
