"""Run the emulator in a background thread (tests) or the foreground (``wats emulator``)."""

from __future__ import annotations

import base64
import secrets
import socket
import threading
import time
from collections import Counter
from types import TracebackType
from typing import Any

import uvicorn

from pywats.testing._app import create_app
from pywats.testing._faults import Faults
from pywats.testing._reports import read_report
from pywats.testing._seed import seed
from pywats.testing._store import Store

__all__ = ["Emulator", "bind", "new_token"]


def new_token(identifier: str = "emulator") -> str:
    """A random token shaped like a WATS one: Base64 of ``<identifier>:<secret>``."""
    return base64.b64encode(f"{identifier}:{secrets.token_urlsafe(24)}".encode()).decode()


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket (port 0 picks a free one), ready to hand to uvicorn."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY on accepted sockets only when the
    # listening socket says TCP, and without it every keep-alive answer waits ~40 ms (Nagle).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.setblocking(False)
    return sock


class Emulator:
    """A WATS emulator on a loopback port in a background thread.

    ::

        with Emulator() as emu:
            httpx.get(emu.url + "/api/App/Version", headers=emu.auth_headers)
            emu.faults.add("POST", "/api/Report/WSJF", status=503, times=2)
            emu.reset()                 # empty state, faults cleared, counts zeroed

    Attributes:
        url: the base URL, e.g. ``http://127.0.0.1:54321`` (no trailing slash, no ``/api``).
        token: the token to send as ``Authorization: Basic <token>``.
        faults: the fault injector (see :class:`pywats.testing.Faults`).
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        db: str = ":memory:",
        token: str | None = None,
        faults: Faults | None = None,
        sample_data: bool = False,
    ) -> None:
        self.host = host
        self.sample_data = sample_data
        self.token = token or new_token()
        self.faults = faults if faults is not None else Faults()
        self.app = create_app(db=db, tokens=[self.token], faults=self.faults)
        self._requested_port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._sock: socket.socket | None = None
        self.port = 0

    def __repr__(self) -> str:  # the token stays out of reprs and tracebacks
        state = "running" if self.running else "stopped"
        return f"<Emulator {self.url if self.port else self.host} {state}>"

    # -- lifecycle ----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Basic {self.token}"}

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 10.0) -> Emulator:
        """Start serving; returns once the server accepts connections."""
        if self.running:
            return self
        self._sock = bind(self.host, self._requested_port)
        self.port = int(self._sock.getsockname()[1])
        config = uvicorn.Config(
            self.app,
            log_level="warning",
            access_log=False,
            lifespan="on",
            timeout_graceful_shutdown=1,
            timeout_keep_alive=5,
        )
        server = uvicorn.Server(config)
        self._server = server
        sock = self._sock
        self._thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="wats-emulator", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the WATS emulator did not start")
            time.sleep(0.005)
        if self.sample_data:
            self.load_samples()
        return self

    def load_samples(self) -> dict[str, int]:
        """Post the sample products, asset and reports (``pywats.testing._samples``)."""
        from pywats.testing._samples import load_samples

        return load_samples(self.url, self.token)

    def stop(self, timeout: float = 5.0) -> None:
        """Stop serving (bounded: forced after ``timeout`` seconds)."""
        server, thread = self._server, self._thread
        if server is not None:
            server.should_exit = True
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive() and server is not None:
                server.force_exit = True
                thread.join(timeout)
        if self._sock is not None:
            self._sock.close()
        self._server = self._thread = self._sock = None

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- state --------------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        store: Store | None = getattr(self.app.state, "store", None)
        if store is None:
            raise RuntimeError("the emulator is not running")
        return store

    def reset(self) -> None:
        """Forget everything: stored data back to the seed, faults cleared, counts zeroed."""
        store = self.store
        with store.transaction():
            store.clear()
            seed(store)
        self.faults.clear()
        if self.sample_data:
            self.load_samples()
            self.faults.clear()  # the sample posts are not the test's requests

    @property
    def requests(self) -> Counter[tuple[str, str]]:
        """Requests seen since the last reset, keyed by ``(METHOD, lower-case path)``."""
        return self.faults.requests

    def reports(self) -> list[dict[str, Any]]:
        """Every stored report as it was posted (processing order, oldest first)."""
        return [record.doc for record in self.store.reports()]

    def report(self, report_id: str) -> dict[str, Any] | None:
        """One report as ``GET /api/Report/Wsjf/{id}`` returns it, or None if unknown."""
        record = self.store.get_report(report_id)
        return None if record is None else read_report(self.store, record)

    def headers(self) -> list[dict[str, Any]]:
        """The report headers (as the header query returns them), oldest first."""
        return [
            {k: v for k, v in r.header.items() if not k.startswith("_")}
            for r in self.store.reports(with_docs=False)
        ]

    def entities(self, kind: str) -> list[dict[str, Any]]:
        """Stored entities of one kind: ``product``, ``revision``, ``unit``, ``asset``,
        ``assettype``, ``assetlog``, ``package``, ``packagefile``, ``ticket``, ``vendor``,
        ``bom``, ``batch``, ``serial``, ``process`` ..."""
        return self.store.all(kind)
