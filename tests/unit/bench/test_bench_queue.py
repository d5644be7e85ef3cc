"""The station queue benchmark (``bench_queue.measure_queue``) at a tiny size.

No timed assertions: it must enqueue every report through the production PRAGMAs and turn
the runs into section-5 rows with a median and a spread.
"""

from __future__ import annotations

import importlib
import json
import sqlite3
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[3] / "benchmarks"


def _load(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))
    return importlib.import_module(name)


def _steps(node: dict[str, object]) -> int:
    children = node.get("steps") or []
    assert isinstance(children, list)
    own = 0 if node.get("stepType") == "SequenceCall" else 1
    return own + sum(_steps(child) for child in children)


def test_queue_report_is_a_valid_fifty_step_uut(monkeypatch: pytest.MonkeyPatch) -> None:
    from pywats.reports import validate

    bench = _load("bench_queue", monkeypatch)
    report = bench.queue_report(3)
    validate(report)
    assert report["type"] == "T"
    assert report["sn"] == "SN-0000003"
    assert _steps(report["root"]) == 50
    assert 5_000 < len(json.dumps(report)) < 50_000  # a realistic payload, not a stub
    assert bench.queue_report(3)["id"] != report["id"]


@pytest.mark.parametrize("batch", [1, 16])
def test_measure_queue_commits_every_report(
    batch: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = _load("bench_queue", monkeypatch)
    payloads = [bench.queue_report(i) for i in range(3)]
    # 20 = one full batch of 16 and a remainder of 4
    figures = bench.measure_queue(20, batch=batch, folder=tmp_path, payloads=payloads)
    assert figures["reports"] == 20
    assert figures["batch"] == batch
    assert figures["reports_per_s"] > 0
    assert figures["synchronous"] == "FULL"
    assert figures["journal_mode"] == "WAL"
    assert figures["filesystem"] != ""
    assert list(tmp_path.iterdir()) == []  # the queue file is removed afterwards


def test_measure_queue_refuses_a_zero_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = _load("bench_queue", monkeypatch)
    with pytest.raises(ValueError, match="batch"):
        bench.measure_queue(2, batch=0, folder=tmp_path)


def test_queue_rows_give_a_median_and_a_spread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = _load("bench_queue", monkeypatch)
    rows = bench.queue_rows(8, 2, batch=4, folder=tmp_path)
    assert [r.section for r in rows] == ["5", "5"]
    assert "1 report per transaction" in rows[0].name
    assert "4 files per transaction" in rows[1].name
    for row in rows:
        assert row.unit == "per_s"
        assert row.ours.stats is not None
        assert len(row.ours.stats.samples) == 2
        assert row.ours.stats.spread is not None
        assert "synchronous=FULL" in row.note
        assert row.anchor is not None
        assert row.anchor.stats is None  # the anchor has no headless station to compare


def test_filesystem_of_a_path_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bench = _load("bench_queue", monkeypatch)
    kind = bench._filesystem(tmp_path)
    if Path("/proc/mounts").exists():
        assert kind not in ("", "?")
    else:
        assert kind == "?"


def test_the_queue_rows_hold_what_was_enqueued(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The timed path writes what the service writes: source, converter, detection time."""
    bench = _load("bench_queue", monkeypatch)
    seen: list[tuple[str, str, int]] = []
    from pywats.station import queue as queue_module

    original = queue_module.ReportQueue.close

    def close(self: queue_module.ReportQueue) -> None:
        db = sqlite3.connect(self.path)
        seen.extend(
            db.execute(
                "SELECT i.converter, i.state, (SELECT COUNT(*) FROM source_file)"
                " FROM item i WHERE i.detected_at IS NOT NULL AND i.source LIKE '%.json'"
            ).fetchall()
        )
        db.close()
        original(self)

    monkeypatch.setattr(queue_module.ReportQueue, "close", close)
    bench.measure_queue(5, batch=2, folder=tmp_path, payloads=[bench.queue_report(0)])
    assert seen == [("wsjf", "pending", 5)] * 5
