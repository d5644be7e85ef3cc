"""A WATS stand-in that records what reaches it: path, headers and body of each request.

For what the emulator does not show (request headers, the exact body bytes), over a real
loopback socket. It answers ``POST .../Report/WSJF`` as WATS does (``{"ID": ...}``) and every
other request with ``{}``; ``set_cookie`` is sent once, on the first answer.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["Recorded", "recording_server"]


class Recorded:
    """What one request brought: its path, headers (lower-case names) and body."""

    def __init__(self, path: str, headers: dict[str, str], body: bytes) -> None:
        self.path = path
        self.headers = headers
        self.body = body


@contextmanager
def recording_server(*, set_cookie: str | None = None) -> Iterator[tuple[str, list[Recorded]]]:
    """Serve on 127.0.0.1 in a thread; yield its URL and the list requests are recorded in."""
    seen: list[Recorded] = []
    pending_cookie = [set_cookie] if set_cookie else []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as WATS

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            seen.append(Recorded(self.path, headers, body))
            answer: Any = {}
            if self.command == "POST" and self.path.lower().endswith("/report/wsjf"):
                answer = {"ID": json.loads(body)["id"]}
            payload = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            if pending_cookie:
                self.send_header("Set-Cookie", pending_cookie.pop())
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = _answer

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
