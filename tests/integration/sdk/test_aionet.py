"""The async client's connections on asyncio's own transport (pywats._aionet), over real sockets.

Each test drives the stream into one of its branches through ``AsyncWATS``: a body larger than
the socket buffers in both directions (the writer waits for the drain, the reader pauses and
resumes the transport), a server that never answers or never reads (the read and the write
time out, and the connection given up on is closed), a request cancelled in flight (the
client keeps working), and a server that resets the connection. Nothing here measures time:
every wait is for an event, bounded by a generous deadline.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import httpx
import pytest

from pywats import WatsConnectionError, WatsTimeoutError
from pywats._async._client import AsyncWATS

TOKEN = "dGVzdDpzZWNyZXQ="
DEADLINE = 30.0  # seconds any wait may take on a loaded machine before the test fails
BIG = 24 * 1024 * 1024  # well past loopback's socket buffers (a few MB each way)

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


@asynccontextmanager
async def serve(handler: Handler) -> AsyncIterator[str]:
    # asyncio's default buffer limit: a handler that reads nothing leaves the bytes in the
    # kernel's socket buffers, so a client writing past them must wait
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    finally:
        server.close()
        await server.wait_closed()


async def read_request(reader: asyncio.StreamReader) -> tuple[bytes, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return head, await reader.readexactly(length)


def answer(body: bytes) -> bytes:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
    return head % len(body) + body


PRODUCT = b'{"partNumber": "PCB-1", "name": "Board"}'


def client(url: str, **kwargs: object) -> AsyncWATS:
    return AsyncWATS(url, TOKEN, retry=None, rate_limit=None, **kwargs)  # type: ignore[arg-type]


@pytest.mark.anyio
async def test_bodies_larger_than_the_socket_buffers_cross_both_ways() -> None:
    description = "x" * BIG
    received: list[bytes] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while not reader.at_eof():
            try:
                head, body = await read_request(reader)
            except asyncio.IncompleteReadError:
                break
            if head.startswith(b"POST"):
                received.append(body)
                writer.write(answer(json.dumps({"ID": json.loads(body)["id"]}).encode()))
            else:
                product = {"partNumber": "PCB-1", "name": "Board", "description": description}
                writer.write(answer(json.dumps(product).encode()))
            await writer.drain()
        writer.close()

    report_id = str(uuid.uuid4())
    text = json.dumps({"id": report_id, "padding": description})
    async with serve(handle) as url, client(url) as api:
        assert await api.report.submit_json(text) == uuid.UUID(report_id)
        product = await api.product.get("PCB-1")
        assert product is not None
        assert product.description == description
        # the same keep-alive connection carries on after both
        assert await api.report.submit_json(text) == uuid.UUID(report_id)
    assert received == [text.encode()] * 2


@pytest.mark.anyio
async def test_a_server_that_never_answers_times_the_read_out() -> None:
    got_request = asyncio.Event()
    gone = asyncio.Event()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(answer(PRODUCT))  # the first request connects and is answered
        await writer.drain()
        await read_request(reader)
        got_request.set()
        await reader.read()  # until the client gives up and closes
        gone.set()
        writer.close()

    async with serve(handle) as url, client(url, timeout=0.5) as api:
        # Connected first: a stalled loop can only make the timed request's read late, never
        # turn it into a connect timeout.
        assert await api.product.get("PCB-1") is not None
        with pytest.raises(WatsTimeoutError) as raised:
            await api.product.get("PCB-1")
        assert isinstance(raised.value.__cause__, httpx.ReadTimeout)
        # (Waited for, not asserted set: on a loop that stalled 0.5 s the client's timer can
        # fire before the handler has finished reading the request it already has.)
        await asyncio.wait_for(got_request.wait(), DEADLINE)
        await asyncio.wait_for(gone.wait(), DEADLINE)  # the connection was closed


@pytest.mark.anyio
async def test_a_server_that_never_reads_times_the_write_out_and_the_connection_is_dropped() -> (
    None
):
    connected = asyncio.Event()
    gone = asyncio.Event()
    stall = asyncio.Event()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(answer(PRODUCT))  # the first request connects and is answered
        await writer.drain()
        connected.set()
        await stall.wait()  # read nothing until the client has given up
        try:
            while await reader.read(1 << 20):
                pass  # what the client had sent before it closed
        except ConnectionError:
            pass  # the client aborted with unsent bytes: a reset
        gone.set()
        writer.close()

    text = json.dumps({"id": str(uuid.uuid4()), "padding": "x" * BIG})
    async with serve(handle) as url, client(url, timeout=0.5) as api:
        assert await api.product.get("PCB-1") is not None  # connected, as above
        with pytest.raises(WatsTimeoutError) as raised:
            await api.report.submit_json(text)
        assert isinstance(raised.value.__cause__, httpx.WriteTimeout)  # not waiting for a read
        await asyncio.wait_for(connected.wait(), DEADLINE)
        stall.set()
        await asyncio.wait_for(gone.wait(), DEADLINE)


@pytest.mark.anyio
async def test_a_cancelled_request_leaves_the_client_working() -> None:
    first = asyncio.Event()
    first_gone = asyncio.Event()
    requests = 0

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal requests
        while True:
            try:
                await read_request(reader)
            except (asyncio.IncompleteReadError, ConnectionError):
                break
            requests += 1
            if requests == 1:
                first.set()
                continue  # never answer the first request: its task is cancelled
            writer.write(answer(PRODUCT))
            await writer.drain()
        if requests == 1:
            first_gone.set()
        writer.close()

    async with serve(handle) as url, client(url, timeout=DEADLINE) as api:
        task = asyncio.create_task(api.product.get("PCB-1"))
        await asyncio.wait_for(first.wait(), DEADLINE)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await asyncio.wait_for(first_gone.wait(), DEADLINE)  # its connection was closed
        product = await asyncio.wait_for(api.product.get("PCB-1"), DEADLINE)
        assert product is not None
        assert product.part_number == "PCB-1"
    assert requests == 2


@pytest.mark.anyio
async def test_a_connection_reset_mid_answer_is_a_connection_error() -> None:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await read_request(reader)
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{")
        await writer.drain()
        writer.transport.abort()  # RST: the answer never completes

    async with serve(handle) as url, client(url) as api:
        with pytest.raises(WatsConnectionError) as raised:
            await api.product.get("PCB-1")
    assert not isinstance(raised.value, WatsTimeoutError)


@pytest.mark.anyio
async def test_a_tls_handshake_the_server_never_answers_times_out() -> None:
    connected = asyncio.Event()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connected.set()
        await reader.read()  # the ClientHello goes unanswered until the client gives up
        writer.close()

    async with serve(handle) as url, client(url.replace("http://", "https://"), timeout=0.5) as api:
        with pytest.raises(WatsTimeoutError) as raised:
            await api.product.get("PCB-1")
    assert isinstance(raised.value.__cause__, httpx.ConnectTimeout)
    assert connected.is_set()


@pytest.mark.anyio
async def test_a_refused_connection_is_a_connection_error() -> None:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.close()

    async with serve(handle) as url:
        pass  # closed again: nothing listens on its port now
    async with client(url) as api:
        with pytest.raises(WatsConnectionError) as raised:
            await api.product.get("PCB-1")
    assert not isinstance(raised.value, WatsTimeoutError)
