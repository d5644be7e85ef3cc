"""The benchmark harness keeps working: table arithmetic, and a tiny run of every section.

No timed assertions (benchmarks are measurements, not tests) and no anchor venv (it needs
pip and minutes): the smoke run is ``run.py --quick --no-anchor --only 1 2 3 4``, which drives
each bench module through its ``run()`` function against a loopback emulator.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[3] / "benchmarks"


def _load(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))
    return importlib.import_module(name)


def test_ratios_are_computed_pair_by_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    c = _load("_common", monkeypatch)
    latency = c.Row(
        "4",
        "get",
        "s",
        c.Cell.of([0.010, 0.012, 0.011]),
        c.Cell.of([0.040, 0.050, 0.044]),
        c.Cell.of([0.010, 0.010, 0.010]),
        floor_target=0.20,
    )
    assert latency.vs_anchor() == pytest.approx(4.0)
    assert latency.overhead_vs_floor() == pytest.approx(0.10)
    assert latency.target_met() is True
    assert c.fmt_ratio(latency) == "4.0x faster"
    assert c.fmt_overhead(latency) == "+10%"

    throughput = c.Row(
        "4", "async", "per_s", c.Cell.of([200.0]), c.Cell.of([400.0]), c.Cell.of([250.0])
    )
    assert throughput.vs_anchor() == pytest.approx(0.5)  # higher is better: we are slower
    assert throughput.overhead_vs_floor() == pytest.approx(0.25)
    assert c.fmt_ratio(throughput) == "2.0x slower"

    memory = c.Row("1", "rss", "MB", c.Cell.of([10.0]), c.Cell.of([50.0]), target=None)
    assert c.fmt_ratio(memory) == "5.0x less"

    slow = c.Row("1", "import", "s", c.Cell.of([0.150]), c.Cell.failed("boom"), target=0.100)
    assert slow.target_met() is False
    assert slow.vs_anchor() is None
    table = c.markdown_table([latency, slow])
    assert "| 4 | get | 11.0 ms ±9% | 44.0 ms ±11% | 10.0 ms ±0% | 4.0x faster | +10% |" in table
    assert "fails: boom" in table
    assert "< 100 ms ✗" in table


def test_a_paired_ratio_decides_the_overhead_and_shows_its_spread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    c = _load("_common", monkeypatch)
    # medians alone would say +25% (200/s vs 250/s); the pairs, taken side by side, say +5%
    ratios = c.Stats.of([1.04, 1.05, 1.08])
    row = c.Row(
        "4",
        "async paired",
        "per_s",
        c.Cell.of([200.0, 300.0, 150.0]),
        None,
        c.Cell.of([250.0, 310.0, 160.0]),
        floor_target=0.10,
        floor_ratios=ratios,
    )
    assert row.overhead_vs_floor() == pytest.approx(0.05)
    assert row.target_met() is True
    assert c.fmt_overhead(row) == "+5% ±2 pts (3 pairs)"
    assert "+5% ±2 pts (3 pairs)" in c.markdown_table([row])


def test_stats_median_and_spread(monkeypatch: pytest.MonkeyPatch) -> None:
    c = _load("_common", monkeypatch)
    stats = c.Stats.of([3.0, 1.0, 2.0, 100.0, 2.0])
    assert stats.median == 2.0
    assert stats.spread == pytest.approx(99 / 2 / 2)
    assert c.Stats.of([5.0]).spread is None
    with pytest.raises(ValueError, match="no samples"):
        c.Stats.of([])


def test_failure_reason_quotes_the_exception_line(monkeypatch: pytest.MonkeyPatch) -> None:
    c = _load("_common", monkeypatch)
    stderr = (
        "Traceback (most recent call last):\n"
        '  File "x.py", line 1, in <module>\n'
        "    from PySide6.QtCore import QObject\n"
        "ModuleNotFoundError: No module named 'PySide6'\n"
    )
    assert c.failure_reason(stderr, 1) == "ModuleNotFoundError: No module named 'PySide6'"
    assert c.failure_reason("error: bad flag\nnext: run with -v\n", 2) == "error: bad flag"
    assert c.failure_reason("usage: x\nsomething odd\n", 2) == "something odd"
    assert c.failure_reason("", 3) == "exit code 3"


def test_importtime_line_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    bench_import = _load("bench_import", monkeypatch)
    stderr = (
        "import time: self [us] | cumulative | imported package\n"
        "import time:       120 |        120 |   pywats._version\n"
        "import time:      2100 |       4321 | pywats\n"
    )
    assert bench_import.importtime_cumulative(stderr) == pytest.approx(0.004321)
    with pytest.raises(ValueError, match="pywats"):
        bench_import.importtime_cumulative("import time: 1 | 1 | json\n")


def test_request_sizes_round_trip_through_argv(monkeypatch: pytest.MonkeyPatch) -> None:
    c = _load("_common", monkeypatch)
    sizes = c.RequestSizes(
        gets=3, async_gets=7, concurrency=2, submits=4, steps=9, warmup=1, rounds=3, mock_gets=5
    )
    assert c.RequestSizes.from_args(sizes.to_args()) == sizes


@pytest.mark.timeout(300)  # ~30 cold starts of `wats`: 79 s at load 6
def test_quick_run_fills_every_section(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("uvicorn", reason="the emulator extra is not installed")
    run = _load("run", monkeypatch)
    out = tmp_path / "results.md"
    # section 5 (the station's, ~10 s even when quick) is its owner's to smoke-test
    argv = ["--quick", "--no-anchor", "--only", "1", "2", "3", "4", "--output", str(out)]
    assert run.main(argv) == 0
    text = out.read_text(encoding="utf-8")
    assert capsys.readouterr().out.strip() == text.strip()
    assert "- cores: " in text
    assert "- Python: " in text
    rows = [line.split(" | ") for line in text.splitlines() if line.startswith("| ")]
    rows = [cells for cells in rows if cells[0] != "| #"]  # each section's table head
    by_section: dict[str, list[list[str]]] = {}
    for cells in rows:
        by_section.setdefault(cells[0].removeprefix("| "), []).append(cells)
    assert set(by_section) == {"1", "2", "3", "4"}  # --only: no other section written
    names = " ".join(cells[1] for cells in rows)
    for expected in (
        "`import pywats`",
        "`wats --version`",
        "`wats --help`",
        "`wats product get PCB-1001`",
        "build + serialise 50 steps",
        "sync GET",
        "async GET",
        "report submission",
    ):
        assert expected in names
    for section in ("1", "2", "3", "4"):
        for cells in by_section[section]:
            ours, anchor = cells[2], cells[3]
            assert not ours.startswith("fails"), cells
            assert ours[0].isdigit(), cells  # a measured figure
            # the paired rows are ours against raw httpx in one process: no anchor there
            paired = "alternating in one process" in cells[1]
            assert anchor in (("—",) if paired else ("not run (--no-anchor)", "no such command"))
    # the raw-httpx floor ran beside us for every request row
    assert all(cells[4][0].isdigit() for cells in by_section["4"])


@pytest.mark.timeout(180)  # six client processes: 3.4 s at load 4
def test_bulk_section_runs_at_a_tiny_size(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("uvicorn", reason="the emulator extra is not installed")
    bench_bulk = _load("bench_bulk", monkeypatch)
    rows = bench_bulk.rows(
        reports=3, files=2, repeat=1, latency_reports=2, anchor_note="not run (--no-anchor)"
    )
    assert [row.section for row in rows] == ["6"] * 7
    # the server-latency export: ours -j 8 beside the httpx loop (and the anchor's recipe)
    assert "20 ms server latency" in rows[-1].name
    for row in rows:
        assert row.ours.stats is not None, (row.name, row.ours.note)
        assert row.floor is not None
        assert row.floor.stats is not None, (row.name, row.floor.note)
        assert row.anchor is not None
        assert row.anchor.note == "not run (--no-anchor)"


def test_a_failed_bulk_run_costs_that_run_not_the_row(monkeypatch: pytest.MonkeyPatch) -> None:
    bench_bulk = _load("bench_bulk", monkeypatch)
    run = {"seconds": 10.0, "count": 2000, "maxrss_bytes": 60_000_000}
    results = {("export", "wats"): [run, run, run], ("export", "anchor"): [run, run]}
    failures = {
        ("export", "anchor"): ["PyWATSError: HTTP request failed"],
        ("export", "httpx"): ["ReadTimeout", "ReadTimeout"],
    }
    rows = bench_bulk._rows(results, failures, 2000, 1000, 0, "")
    export = rows[0]
    assert export.anchor.stats.samples == (200.0, 200.0)  # the two runs that finished
    assert export.anchor.note == "1 of 3 runs failed: PyWATSError: HTTP request failed"
    assert export.vs_anchor() == pytest.approx(1.0)
    assert export.floor.stats is None  # no run finished: the row says why
    assert export.floor.note == "fails: ReadTimeout"
