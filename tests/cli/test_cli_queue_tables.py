"""Issue 18.4: ``queue stats`` and ``queue show`` as tables show the data, not ``{5 fields}``."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pywats.station.queue import ReportQueue

SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def queue(wats_home: Path, tmp_path: Path) -> Iterator[ReportQueue]:
    config = wats_home / "config" / "instances" / "st.toml"
    config.parent.mkdir(parents=True)
    config.write_text(
        f'[server]\nurl = "http://127.0.0.1:9"\n[[folders]]\npath = "{tmp_path / "in"}"\n',
        encoding="utf-8",
    )
    q = ReportQueue(wats_home / "data" / "instances" / "st" / "queue.sqlite3")
    reports = [
        {"id": str(uuid.uuid4()), "type": "T", "pn": "PN-7", "sn": f"SN{i}",
         "root": {"stepType": "SequenceCall", "name": "Main", "status": "P",
                  "steps": [{"stepType": "ET_NLT", "name": "3V3", "status": "P"}]}}
        for i in range(2)
    ]  # fmt: skip
    q.add(reports, now=1_764_000_000.0)
    (first,) = q.claim(1, now=1_764_000_000.0)
    q.park(first.id, "400: sn is not valid")
    yield q
    q.close()


def _table(wats, *args: str) -> list[str]:
    result = wats(*args, "-i", "st", "-o", "table")
    assert result.exit_code == 0, result.stderr
    return [SGR.sub("", line).rstrip() for line in result.stdout.splitlines()]


def test_queue_stats_table_shows_the_counts(wats, queue: ReportQueue) -> None:
    lines = _table(wats, "queue", "stats")
    text = "\n".join(lines)
    assert "fields}" not in text
    assert any(re.fullmatch(r"\s*parked\s+1", line) for line in lines), text
    assert any(re.fullmatch(r"\s*pending\s+1", line) for line in lines), text


def test_queue_show_table_shows_the_wsjf_it_holds(wats, queue: ReportQueue) -> None:
    item = queue.items()[0]
    lines = _table(wats, "queue", "show", str(item.id))
    text = "\n".join(lines)
    assert "fields}" not in text
    assert "items]" not in text
    assert any(re.fullmatch(r"\s+pn\s+PN-7", line) for line in lines), text
    assert any(re.fullmatch(r"\s+name\s+3V3", line) for line in lines), text
    assert "400: sn is not valid" in text
