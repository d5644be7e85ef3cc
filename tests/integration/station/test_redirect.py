"""A server that answers a report with a redirect has not stored it (a real loopback socket)."""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pywats.reports import CompOp, UUTReport
from pywats.station.queue import ReportQueue, State
from pywats.station.uploader import SdkSubmitter, Uploader


class _Redirecting(BaseHTTPRequestHandler):
    """http → https the way proxies and load balancers do it: 301, no body."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(301)
        self.send_header("Location", "https://wats.example.invalid/api/Report/WSJF")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def redirecting_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Redirecting)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def _report() -> dict[str, object]:
    report = UUTReport(
        pn="PN-1",
        sn="SN-1",
        rev="A",
        process_code=10,
        station_name="ST",
        location="Lab",
        purpose="Test",
        operator="op",
        id=uuid.uuid4(),
    )
    report.root.add_sequence("Power").add_numeric_step(
        "3V3", value=3.31, low=3.2, high=3.4, comp_op=CompOp.GELE, unit="V"
    )
    return report.to_wsjf()


def test_a_redirect_is_not_a_delivery(redirecting_server: str, tmp_path: Path) -> None:
    # The server URL says http:// and the site redirects to https://: nothing was stored, so
    # the report must stay queued (retried, the redirect named), never be marked delivered.
    queue = ReportQueue(tmp_path / "queue.sqlite3")
    report = _report()
    queue.add([report])

    async def attempt() -> None:
        submitter = SdkSubmitter(redirecting_server, "token", timeout=5.0)
        try:
            uploader = Uploader(queue, submitter, ladder=(60.0,), timeout=10.0)
            assert await uploader.upload_due() == 1
        finally:
            await submitter.aclose()

    try:
        asyncio.run(asyncio.wait_for(attempt(), 20.0))
        (item,) = queue.items()
        assert item.state is State.PENDING
        assert "301" in item.last_error
        assert "https://wats.example.invalid" in item.last_error
    finally:
        queue.close()
