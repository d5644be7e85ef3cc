"""``wats queue`` and ``wats status`` against a real queue file, in-process (no sockets)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result
from wats_cli.main import app

from pywats.station.queue import ReportQueue


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("PYWATS_HOME", str(home))
    monkeypatch.setenv("PYWATS_KEYRING", "0")
    for name in ("PYWATS_SERVER_URL", "PYWATS_API_TOKEN", "PYWATS_INSTANCE_ID"):
        monkeypatch.delenv(name, raising=False)
    config = home / "config" / "instances" / "st.toml"
    config.parent.mkdir(parents=True)
    config.write_text(
        f'[server]\nurl = "http://127.0.0.1:9"\n[[folders]]\npath = "{tmp_path / "in"}"\n',
        encoding="utf-8",
    )
    return home


def wats(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def queue(home: Path) -> Iterator[ReportQueue]:
    q = ReportQueue(home / "data" / "instances" / "st" / "queue.sqlite3")
    reports = [{"id": str(uuid.uuid4()), "type": "T", "pn": "PN", "sn": f"SN{i}"} for i in range(3)]
    q.add(reports, now=1_700_000_000.0)
    first, second = q.claim(2, now=1_700_000_000.0)
    q.park(first.id, "400: sn is not valid")
    q.ack(second.id)
    yield q
    q.close()


def test_list_and_filter_by_state(queue: ReportQueue) -> None:
    result = wats("queue", "list", "-i", "st", "-o", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["state"] for r in rows] == ["parked", "delivered", "pending"]
    assert rows[0]["last_error"] == "400: sn is not valid"
    parked = json.loads(wats("queue", "list", "-i", "st", "-s", "parked", "-o", "json").stdout)
    assert [r["serial_number"] for r in parked] == ["SN0"]


def test_show_includes_the_report(queue: ReportQueue) -> None:
    item = queue.items()[0]
    shown = json.loads(wats("queue", "show", item.report_id, "-i", "st", "-o", "json").stdout)
    assert shown["id"] == item.id
    assert shown["report"]["sn"] == "SN0"
    missing = wats("queue", "show", "999", "-i", "st")
    assert missing.exit_code == 5
    assert "no queue item '999'" in missing.stderr


def test_retry_requeues_parked(queue: ReportQueue) -> None:
    item = queue.items()[0]
    result = wats("queue", "retry", str(item.id), "-i", "st")
    assert result.exit_code == 0, result.stderr
    assert "Requeued 1 report(s)" in result.stderr
    again = queue.get(item.id)
    assert again is not None
    assert again.state.value == "pending"
    assert wats("queue", "retry", "-i", "st").exit_code == 2  # nothing named


def test_drop_needs_yes_and_keeps_a_copy(queue: ReportQueue, home: Path) -> None:
    item = queue.items()[0]
    refused = wats("queue", "drop", str(item.id), "-i", "st")
    assert refused.exit_code == 2
    assert queue.get(item.id) is not None
    done = wats("queue", "drop", str(item.id), "-i", "st", "--yes")
    assert done.exit_code == 0, done.stderr
    assert queue.get(item.id) is None
    copy = home / "data" / "instances" / "st" / "dropped" / f"{item.report_id}.json"
    assert json.loads(copy.read_text("utf-8"))["sn"] == "SN0"


def test_dropping_the_same_report_id_twice_keeps_both_copies(
    queue: ReportQueue, home: Path
) -> None:
    # The backup in dropped/ is the only copy left: a second drop of the same report id (a
    # re-sent version) must not overwrite the first one's.
    item = queue.items()[0]
    assert wats("queue", "drop", str(item.id), "-i", "st", "--yes").exit_code == 0
    queue.add([dict(item.report(), sn="SN0-second")], now=1_700_000_100.0)
    again = queue.find(item.report_id)
    assert again is not None
    assert wats("queue", "drop", str(again.id), "-i", "st", "--yes").exit_code == 0
    dropped = home / "data" / "instances" / "st" / "dropped"
    copies = sorted(json.loads(p.read_text("utf-8"))["sn"] for p in dropped.iterdir())
    assert copies == ["SN0", "SN0-second"]


def test_export_and_stats(queue: ReportQueue, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = wats("queue", "export", "--to", str(out), "-i", "st", "-o", "json")
    assert result.exit_code == 0, result.stderr
    (written,) = json.loads(result.stdout)
    assert json.loads(Path(written["file"]).read_text("utf-8"))["sn"] == "SN0"
    stats = json.loads(wats("queue", "stats", "-i", "st", "-o", "json").stdout)
    assert stats["counts"] == {
        "pending": 1,
        "uploading": 0,
        "delivered": 1,
        "parked": 1,
        "quarantined": 0,
    }
    assert stats["depth"] == 2
    assert stats["last_delivered_at"].startswith("20")


def test_status_of_a_stopped_instance(queue: ReportQueue) -> None:
    result = wats("status", "-i", "st", "-o", "json")
    assert result.exit_code == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["running"] is False
    assert status["queue"]["depth"] == 2


def test_queue_of_an_unknown_instance_is_a_configuration_error(home: Path) -> None:
    result = wats("queue", "list", "-i", "nope")
    assert result.exit_code == 3
    assert "no configuration" in result.stderr
    no_queue = wats("queue", "stats", "-i", "st")
    assert no_queue.exit_code == 3
    assert "no queue yet" in no_queue.stderr
