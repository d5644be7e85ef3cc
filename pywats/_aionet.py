"""httpcore's network stream on asyncio's own transport and protocol, without anyio.

httpcore reaches asyncio through anyio: each read and write enters a cancel scope
(``fail_after``), checks for cancellation, takes a guard, and each read resumes and pauses the
transport's reading again. In a station burst that was about a fifth of the client's CPU per
request. :class:`AsyncioStream` does the same job with one protocol object:

* the protocol keeps what arrives in a buffer (reading pauses past ``_HIGH_WATER`` bytes);
  a read takes from it, or waits on a future the protocol resolves on data, EOF or loss;
* a write hands the bytes to the transport (which sends at once when it can) and waits for
  its buffer to drain only when asyncio says it is full;
* a timeout is one timer on that wait, failing it with httpcore's own timeout error.

Errors are httpcore's, as its anyio backend raises them: ``ConnectError``/``ConnectTimeout``
(TLS failures chain the ``ssl`` error), ``ReadError``/``ReadTimeout``,
``WriteError``/``WriteTimeout``; an orderly EOF reads as ``b""``. Cancelling the task cancels
the wait. TLS is asyncio's ``start_tls`` over the same socket. pywats._pool decides when this
stream is used (the running loop is asyncio's); anything else keeps httpcore's backend.
"""

from __future__ import annotations

import asyncio
import select
import ssl
from collections.abc import Iterable
from typing import Any, Protocol

import httpcore

__all__ = ["AsyncioStream", "connect_tcp", "is_readable"]

_HIGH_WATER = 256 * 1024  # bytes buffered before the transport stops reading
_POLL = getattr(select, "poll", None)


class _HasFileno(Protocol):
    def fileno(self) -> int: ...


def is_readable(sock: _HasFileno) -> bool:
    """httpcore's ``is_socket_readable``: a closed socket counts as readable (EOF)."""
    fd = sock.fileno()
    if fd < 0:
        return True
    if _POLL is None:  # Windows
        ready, _, _ = select.select([fd], [], [], 0)
        return bool(ready)
    poller = _POLL()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(0))


class _Reader(asyncio.Protocol):
    """Buffers what arrives and wakes the one waiting read or write."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.buffer = bytearray()
        self.eof = False
        self.lost: BaseException | None = None
        self.write_paused = False
        self.read_paused = False
        self.waiter: asyncio.Future[None] | None = None
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) >= _HIGH_WATER and not self.read_paused:
            self.read_paused = True
            assert self.transport is not None
            self.transport.pause_reading()
        self._wake()

    def eof_received(self) -> bool:
        self.eof = True
        self._wake()
        return False  # the transport closes itself: an HTTP/1.1 client never half-closes

    def connection_lost(self, exc: Exception | None) -> None:
        self.eof = True
        self.lost = exc
        self.write_paused = False
        self._wake()

    def pause_writing(self) -> None:
        self.write_paused = True

    def resume_writing(self) -> None:
        self.write_paused = False
        self._wake()

    def _wake(self) -> None:
        waiter, self.waiter = self.waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)


def _expire(waiter: asyncio.Future[None], error: Exception) -> None:
    if not waiter.done():
        waiter.set_exception(error)


class AsyncioStream(httpcore.AsyncNetworkStream):
    """One connection, as httpcore's connection classes use it (one task at a time)."""

    __slots__ = ("_closed", "_reader", "_sock", "_transport")

    def __init__(self, transport: asyncio.Transport, reader: _Reader, sock: Any) -> None:
        self._transport = transport
        self._reader = reader
        self._sock = sock
        self._closed = False

    async def _wait(self, timeout: float | None, error: Exception) -> None:
        # Wait for the protocol's next wake-up (data, EOF, loss, drained), at most `timeout`.
        reader = self._reader
        waiter = reader.waiter = reader.loop.create_future()
        timer = None if timeout is None else reader.loop.call_later(timeout, _expire, waiter, error)
        try:
            await waiter
        finally:
            reader.waiter = None
            if timer is not None:
                timer.cancel()

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        reader = self._reader
        if self._closed:
            raise httpcore.ReadError("the connection is closed")
        if not reader.buffer and not reader.eof:
            await self._wait(timeout, httpcore.ReadTimeout("timed out reading from the server"))
        buffer = reader.buffer
        if buffer:
            if len(buffer) <= max_bytes:
                data = bytes(buffer)
                buffer.clear()
            else:
                data = bytes(buffer[:max_bytes])
                del buffer[:max_bytes]
            if reader.read_paused and len(buffer) < _HIGH_WATER // 4:
                reader.read_paused = False
                self._transport.resume_reading()
            return data
        if reader.lost is not None:
            raise httpcore.ReadError(_describe(reader.lost)) from reader.lost
        return b""  # end of stream

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        reader = self._reader
        transport = self._transport
        if self._closed or reader.lost is not None or transport.is_closing():
            raise httpcore.WriteError(_describe(reader.lost, "the connection is closed"))
        try:
            transport.write(buffer)
        except (RuntimeError, OSError) as exc:
            raise httpcore.WriteError(_describe(exc)) from exc
        if reader.write_paused:
            deadline = None if timeout is None else reader.loop.time() + timeout
            while reader.write_paused:
                left = None if deadline is None else max(0.0, deadline - reader.loop.time())
                await self._wait(left, httpcore.WriteTimeout("timed out writing to the server"))
            if reader.lost is not None or transport.is_closing():
                raise httpcore.WriteError(_describe(reader.lost, "the connection was lost"))

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        transport = self._transport
        transport.close()
        if transport.get_write_buffer_size():
            transport.abort()  # unsent bytes of a request given up on: never wait for them

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = self._reader.loop
        try:
            async with asyncio.timeout(timeout):
                transport = await loop.start_tls(
                    self._transport,
                    self._reader,
                    ssl_context,
                    server_hostname=server_hostname,
                    ssl_handshake_timeout=timeout if timeout else None,
                )
        except TimeoutError as exc:
            await self.aclose()
            raise httpcore.ConnectTimeout("timed out in the TLS handshake") from exc
        except OSError as exc:  # ssl.SSLError (a refused certificate) is one
            await self.aclose()
            raise httpcore.ConnectError(_describe(exc)) from exc
        except BaseException:
            await self.aclose()
            raise
        if transport is None:  # the connection closed during the handshake
            await self.aclose()
            raise httpcore.ConnectError("the server closed the connection during the TLS handshake")
        return AsyncioStream(transport, self._reader, self._sock)

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            # Unexpected bytes, EOF or a lost connection: what a readable idle socket means.
            reader = self._reader
            return bool(reader.buffer) or reader.eof or is_readable(self._sock)
        if info == "ssl_object":
            return self._transport.get_extra_info("ssl_object")
        if info == "client_addr":
            return self._transport.get_extra_info("sockname")
        if info == "server_addr":
            return self._transport.get_extra_info("peername")
        if info == "socket":
            return self._sock
        return None


def _describe(exc: BaseException | None, default: str = "the connection was lost") -> str:
    if exc is None:
        return default
    return str(exc) or type(exc).__name__


async def connect_tcp(
    host: str,
    port: int,
    timeout: float | None = None,
    local_address: str | None = None,
    socket_options: Iterable[Any] | None = None,
) -> AsyncioStream:
    """Open a TCP connection as httpcore's anyio backend does (happy eyeballs at 250 ms,
    TCP_NODELAY as asyncio sets it, ``socket_options`` applied after connecting)."""
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(timeout):
            transport, reader = await loop.create_connection(
                lambda: _Reader(loop),
                host,
                port,
                local_addr=(local_address, 0) if local_address else None,
                happy_eyeballs_delay=0.25,
            )
    except TimeoutError as exc:  # an OSError too: test it first, as httpcore does
        raise httpcore.ConnectTimeout(_describe(exc, "timed out connecting")) from exc
    except OSError as exc:
        raise httpcore.ConnectError(_describe(exc)) from exc
    sock = transport.get_extra_info("socket")
    try:
        for option in socket_options or ():
            sock.setsockopt(*option)
    except BaseException:
        transport.abort()
        raise
    assert isinstance(transport, asyncio.Transport)
    return AsyncioStream(transport, reader, sock)
