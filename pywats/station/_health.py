"""``GET /health`` on loopback: a JSON snapshot the event loop refreshes."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["HealthServer"]


class HealthServer:
    """``GET /health`` on loopback: a JSON snapshot the event loop refreshes."""

    def __init__(self, port: int, snapshot: Callable[[], Mapping[str, Any]]) -> None:
        outer = snapshot

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path.split("?")[0].rstrip("/") not in ("", "/health"):
                    self.send_error(404, "only /health is served")
                    return
                body = json.dumps(outer(), default=str).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return  # health probes would flood the service log

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        self.url = f"http://127.0.0.1:{self.port}/health"
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="pywats-health", daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
