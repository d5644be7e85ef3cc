"""A hostile server cannot exhaust the client's memory or hang it (issue 19, item 4).

A raw socket server on 127.0.0.1 answers ``GET /api/App/Version`` the hostile way under test:
a huge body, a gzip bomb, an endless chunked body, a body that drips one byte at a time.
Before the fix the client read all of it into memory (2.1 GB for 1 GB) or waited for ever.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from pywats import WatsError, WatsTimeoutError
from pywats._sync._client import pyWATS

Behaviour = Callable[[socket.socket], None]


def _head(conn: socket.socket, *headers: str) -> None:
    lines = ["HTTP/1.1 200 OK", "Content-Type: application/json", *headers, "", ""]
    conn.sendall("\r\n".join(lines).encode())


def _sends(conn: socket.socket, data: bytes) -> bool:
    try:
        conn.sendall(data)
    except OSError:
        return False  # the client hung up: what the test wants
    return True


class HostileServer:
    def __init__(self, behaviour: Behaviour) -> None:
        self._behaviour = behaviour
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(5)
                try:
                    conn.recv(65536)  # the request; its content does not matter
                    self._behaviour(conn)
                except OSError:
                    pass

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        self._sock.close()


@pytest.fixture
def serve() -> Iterator[Callable[[Behaviour], str]]:
    servers: list[HostileServer] = []

    def start(behaviour: Behaviour) -> str:
        server = HostileServer(behaviour)
        server._thread.start()
        servers.append(server)
        return server.url

    yield start
    for server in servers:
        server.stop()


def _client(url: str, **kwargs: object) -> pyWATS:
    return pyWATS(url, "dG9rZW4=", retry=None, circuit_breaker=None, **kwargs)  # type: ignore[arg-type]


def _version(url: str, **kwargs: object) -> float:
    started = time.monotonic()
    with _client(url, **kwargs) as api:
        api.analytics.get_version()
    return time.monotonic() - started


def test_a_declared_body_over_the_limit_is_refused_before_reading(serve) -> None:  # type: ignore[no-untyped-def]
    def huge(conn: socket.socket) -> None:
        _head(conn, f"Content-Length: {10 * 1024**3}")
        _sends(conn, b"[" * 65536)

    url = serve(huge)
    with pytest.raises(WatsError, match="larger than 1 MiB"):
        _version(url, max_response_size=1024 * 1024)


def test_an_undeclared_body_stops_at_the_limit(serve) -> None:  # type: ignore[no-untyped-def]
    def endless(conn: socket.socket) -> None:
        _head(conn, "Transfer-Encoding: chunked")
        chunk = b"%x\r\n%s\r\n" % (65536, b" " * 65536)
        while _sends(conn, chunk):
            pass

    url = serve(endless)
    with pytest.raises(WatsError, match="larger than 2 MiB"):
        _version(url, max_response_size=2 * 1024 * 1024, timeout=20)


def test_a_gzip_bomb_stops_at_the_limit_after_decompression(serve) -> None:  # type: ignore[no-untyped-def]
    bomb = gzip.compress(b" " * (64 * 1024 * 1024), compresslevel=9)  # ~64 KiB on the wire
    assert len(bomb) < 512 * 1024

    def gzipped(conn: socket.socket) -> None:
        _head(conn, "Content-Encoding: gzip", f"Content-Length: {len(bomb)}")
        _sends(conn, bomb)

    url = serve(gzipped)
    with pytest.raises(WatsError, match="after decompression"):
        _version(url, max_response_size=4 * 1024 * 1024)


def test_a_body_that_drips_is_cut_at_the_total_deadline(serve) -> None:  # type: ignore[no-untyped-def]
    def drip(conn: socket.socket) -> None:
        _head(conn, "Content-Length: 1000")
        for _ in range(1000):  # one byte every 0.2 s: each read is well within the timeout
            if not _sends(conn, b" "):
                return
            time.sleep(0.2)

    url = serve(drip)
    started = time.monotonic()
    with pytest.raises(WatsTimeoutError):
        _version(url, timeout=1.0)
    assert time.monotonic() - started < 20  # ~1 s; the body alone would take minutes


def test_an_endless_chunked_body_is_cut_at_the_total_deadline(serve) -> None:  # type: ignore[no-untyped-def]
    def endless(conn: socket.socket) -> None:
        _head(conn, "Transfer-Encoding: chunked")
        while _sends(conn, b"400\r\n" + b" " * 1024 + b"\r\n"):
            time.sleep(0.05)

    url = serve(endless)
    started = time.monotonic()
    with pytest.raises(WatsTimeoutError):
        _version(url, timeout=1.0)
    assert time.monotonic() - started < 20  # ~1 s; the body alone would take minutes


def test_a_normal_answer_still_reads(serve) -> None:  # type: ignore[no-untyped-def]
    body = b'"25.3.0"'

    def fine(conn: socket.socket) -> None:
        _head(conn, f"Content-Length: {len(body)}")
        _sends(conn, body)

    url = serve(fine)
    with _client(url, max_response_size=1024) as api:
        assert api.analytics.get_version() == "25.3.0"
