"""The async client's connection pool over a real socket: the cheap liveness check
(pywats._pool) still notices a keep-alive connection the server has closed, and an
``http://`` client makes no CA bundle while an ``https://`` one still verifies."""

from __future__ import annotations

import asyncio
import ssl
from typing import TYPE_CHECKING

import httpcore
import httpx
import pytest

from pywats import AsyncWATS
from pywats._http import ssl_verify
from pywats._pool import cache_liveness_checks

if TYPE_CHECKING:
    from tests.conftest import TlsEmulator

TOKEN = "dGVzdDpzZWNyZXQ="
BODY = b'{"partNumber": "PCB-1", "name": "Board"}'


class HangUpServer:
    """Answers each request on a connection, promising keep-alive, then closes it."""

    def __init__(self) -> None:
        self.connections = 0
        self.closed = asyncio.Event()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        await reader.readuntil(b"\r\n\r\n")
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
        writer.write(head % len(BODY) + BODY)
        await writer.drain()
        writer.close()
        await writer.wait_closed()
        self.closed.set()


@pytest.mark.anyio
async def test_a_keep_alive_connection_the_server_closed_is_not_reused() -> None:
    hang_up = HangUpServer()
    server = await asyncio.start_server(hang_up.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with AsyncWATS(f"http://127.0.0.1:{port}", TOKEN, retry=None) as api:
            for _ in range(3):
                hang_up.closed.clear()
                product = await api.product.get("PCB-1")
                assert product is not None
                assert product.part_number == "PCB-1"
                await asyncio.wait_for(hang_up.closed.wait(), 10)
                await asyncio.sleep(0.05)  # the server's FIN reaches the client's socket
    finally:
        server.close()
        await server.wait_closed()
    # each request found the idle connection readable (EOF) and opened a new one; reusing
    # it would have failed with "server disconnected" (no retries here to hide that)
    assert hang_up.connections == 3


def test_only_an_async_httpcore_pool_is_changed_and_only_once() -> None:
    transport = httpx.AsyncHTTPTransport()
    assert cache_liveness_checks(transport) is True
    assert cache_liveness_checks(transport) is False
    assert cache_liveness_checks(httpx.HTTPTransport()) is False
    assert cache_liveness_checks(httpx.MockTransport(lambda r: httpx.Response(200))) is False
    assert cache_liveness_checks(httpcore.AsyncConnectionPool()) is False  # not a transport


def test_an_http_server_gets_a_context_that_verifies_and_trusts_no_ca() -> None:
    context = ssl_verify(True, "http://127.0.0.1:8080")
    assert isinstance(context, ssl.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    assert context.cert_store_stats()["x509_ca"] == 0
    assert ssl_verify(True, "HTTPS://acme.wats.com") is True  # httpx loads the CA bundle
    assert ssl_verify(False, "http://127.0.0.1:8080") is False


def test_the_http_clients_context_fails_closed_on_tls(tls_server: TlsEmulator) -> None:
    # Were a TLS connection ever made through it, it would refuse every certificate
    # (the emulator's CA is trusted nowhere here), never accept one unchecked.
    context = ssl_verify(True, "http://127.0.0.1")
    assert isinstance(context, ssl.SSLContext)
    with httpx.Client(verify=context, timeout=10) as http, pytest.raises(httpx.ConnectError) as no:
        http.get(tls_server.url + "/api/App/Version")
    assert "CERTIFICATE_VERIFY_FAILED" in str(no.value)
