"""A submitter that takes JSON text gets the queued payload as it is: the service builds no
object tree of a report to send it (issue 16: a big report's trees, one per attempt, left the
service tens of MB larger for good). Unreadable rows are still quarantined."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from pywats.station.queue import ReportQueue, State
from pywats.station.uploader import Uploader

from .test_service import wsjf


class TextSubmitter:
    def __init__(self) -> None:
        self.texts: list[tuple[str, str]] = []
        self.dicts: list[dict[str, Any]] = []

    async def submit(self, report: dict[str, Any]) -> str:
        self.dicts.append(report)
        return str(report["id"])

    async def submit_json(self, payload: str, report_id: str) -> str:
        self.texts.append((payload, report_id))
        return report_id


@pytest.fixture
def queue(tmp_path: Path) -> Any:
    made = ReportQueue(tmp_path / "queue.sqlite3")
    yield made
    made.close()


def test_the_stored_payload_is_sent_as_it_is(queue: ReportQueue) -> None:
    report = wsjf("A")
    # A converted file's row (found complete at 99.0): validated in its conversion worker, so
    # sent as it is; rows queued otherwise are validated first (tests/integrations/test_push).
    queue.add([report], now=100.0, detected_at=99.0)
    [stored] = queue.items()
    submitter = TextSubmitter()
    asyncio.run(Uploader(queue, submitter, clock=lambda: 100.0).upload_due(100.0))
    assert submitter.dicts == []
    assert submitter.texts == [(stored.payload, report["id"])]
    assert [item.state for item in queue.items()] == [State.DELIVERED]


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        ("not json", "unreadable payload: Expecting value: line 1 column 1 (char 0)"),
        ("[1, 2]", "unreadable payload: the stored payload is not a JSON object"),
        ("null", "unreadable payload: the stored payload is not a JSON object"),
        ('{"id": 1', "unreadable payload: Expecting ',' delimiter: line 1 column 9 (char 8)"),
    ],
)
@pytest.mark.parametrize("detected_at", [None, 99.0])  # queued by an integration / converted
def test_an_unreadable_row_is_still_quarantined(
    queue: ReportQueue, payload: str, reason: str, detected_at: float | None
) -> None:
    queue.add([wsjf("A")], now=100.0, detected_at=detected_at)
    queue._db.execute("UPDATE item SET payload = ?", (payload,))
    submitter = TextSubmitter()
    asyncio.run(Uploader(queue, submitter, clock=lambda: 100.0).upload_due(100.0))
    [item] = queue.items()
    assert item.state is State.QUARANTINED
    assert item.last_error == reason
    assert submitter.texts == []


@pytest.mark.parametrize(
    "payload",
    ['{"id": "A", "value": NaN}', '{"id": "A", "count": 18446744073709551616}'],
)
def test_a_payload_the_fast_reader_refuses_is_judged_as_before(
    queue: ReportQueue, payload: str
) -> None:
    # A converted row is checked with orjson; what it refuses but the standard library reads
    # (NaN, integers past 64 bits) is readable, so it is sent (the server judges it).
    queue.add([wsjf("A")], now=100.0, detected_at=99.0)
    queue._db.execute("UPDATE item SET payload = ?", (payload,))
    [stored] = queue.items()
    submitter = TextSubmitter()
    asyncio.run(Uploader(queue, submitter, clock=lambda: 100.0).upload_due(100.0))
    assert submitter.texts == [(payload, stored.report_id)]
    assert [item.state for item in queue.items()] == [State.DELIVERED]
