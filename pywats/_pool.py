"""The async connection pool's liveness check, made cheap (shared by both twins' clients).

Before it reuses or keeps an idle keep-alive connection, httpcore's pool asks each connection
whether the server has closed it: ``get_extra_info("is_readable")`` on its network stream
(a readable idle socket can only be about to say EOF). The pool asks this for every idle
connection each time a request starts or ends, and the asyncio (anyio) stream answers by
rebuilding its whole table of socket attributes, a ``getpeername()`` system call included,
only to find the socket it already holds. At 20 requests in flight that was about a third of
the client's CPU per request.

:func:`cache_liveness_checks` wraps the pool's network backend so that each stream looks its
socket up once and answers ``is_readable`` with one ``poll()``, exactly the check httpcore
makes (same socket, same zero timeout); everything else is passed through. The sync pool's
streams already answer cheaply and are left alone.

On asyncio (the station's loop, and a script's ``asyncio.run``) a TCP connection goes further:
it is a :class:`pywats._aionet.AsyncioStream`, httpcore's stream written on asyncio's own
transport without anyio's per-read and per-write cancel scopes (the same errors, timeouts and
liveness check). Under another event loop library (trio) httpcore's own backend connects.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterable
from typing import Any

import httpcore
import sniffio

from pywats._aionet import _HasFileno, connect_tcp, is_readable

__all__ = ["cache_liveness_checks"]


class _Stream(httpcore.AsyncNetworkStream):
    __slots__ = ("_inner", "_sock")

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._sock: _HasFileno | None
        # asyncio hands out a TransportSocket, trio its own socket: both have fileno()
        sock = inner.get_extra_info("socket")
        self._sock = sock if callable(getattr(sock, "fileno", None)) else None

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        # TLS runs over the same socket: the check stays the same one httpcore makes.
        return _Stream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable" and self._sock is not None:
            return is_readable(self._sock)
        return self._inner.get_extra_info(info)


class _Backend(httpcore.AsyncNetworkBackend):
    __slots__ = ("_inner",)

    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        if sniffio.current_async_library() == "asyncio":
            return await connect_tcp(
                host,
                port,
                timeout=timeout,
                local_address=local_address,
                socket_options=socket_options,
            )
        stream = await self._inner.connect_tcp(
            host, port, timeout=timeout, local_address=local_address, socket_options=socket_options
        )
        return _Stream(stream)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_unix_socket(
            path, timeout=timeout, socket_options=socket_options
        )
        return _Stream(stream)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def cache_liveness_checks(transport: object) -> bool:
    """Give an httpx async transport's pool streams the cheap liveness check.

    Call it before the transport makes its first connection. Anything that is not an httpx
    transport over an httpcore async pool (a sync pool, a MockTransport, another library's
    transport) is left as it is. Returns whether the pool was changed.
    """
    pool = getattr(transport, "_pool", None)
    if not isinstance(pool, httpcore.AsyncConnectionPool):
        return False
    backend = getattr(pool, "_network_backend", None)
    if not isinstance(backend, httpcore.AsyncNetworkBackend) or isinstance(backend, _Backend):
        return False
    pool._network_backend = _Backend(backend)
    return True
