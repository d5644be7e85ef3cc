"""The reports benchmark runs end to end at a tiny size (ours only; the anchor needs pip)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[3] / "benchmarks" / "bench_reports.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_reports", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_reports"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.timeout(60)
def test_bench_runs_ours_at_tiny_size(tmp_path: Path) -> None:
    bench = _load()
    export = tmp_path / "tiny.json"
    export.write_text(bench.build_ours(30).to_json(), encoding="utf-8")
    result = bench.run([30], repeat=2, anchor=False, export=export)
    jobs = {row.job for row in result.rows}
    assert jobs == {"build + serialise 30 steps", "parse tiny.json"}
    assert all(row.impl == "pywats" for row in result.rows)
    assert all(row.median_s is not None and row.median_s > 0 for row in result.rows)
    table = bench.to_markdown(result)
    assert table.startswith("| job | implementation |")
    assert "build + serialise 30 steps | pywats |" in table


def test_benchmark_report_is_valid_and_fails_where_planned() -> None:
    bench = _load()
    report = bench.build_ours(2_000)
    report.validate()
    # step 1,000 is the planned failure: it fails sequence 10 and the report
    assert report.result == "F"
    cause = report.find_step(report.step_id_caused_uut_failure)
    assert cause is not None
    assert cause.name == "Step 0"
    assert cause.numeric_meas is not None
    assert cause.numeric_meas[0].value == 9.9
