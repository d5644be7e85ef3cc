"""The station's one local HTTP endpoint: health, control, metrics (and the console).

::

    GET  /health                      open: the state (503 when the service is in error)
    GET  /status /config /queue/stats /ping
                                      open on loopback; from elsewhere with the secret
    POST /stop /restart /reload /pause /resume
                                      Authorization: Bearer <control secret>
    GET  /metrics                     Prometheus text format (extra ``pywats[metrics]``)
    /console                          the web console, when installed

A Starlette app served by uvicorn as a task on the service's own event loop. Requests whose
``Host`` is not a loopback name (or the configured bind address) are refused, which defeats
DNS rebinding; connections that do not finish a request within :data:`IDLE_SECONDS` are
closed, and at most :data:`MAX_CONNECTIONS` are served at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import importlib.util
import ipaddress
import logging
import os
import socket
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response

    from pywats.station.config import StationConfig
    from pywats.station.control import StationControl

__all__ = ["IDLE_SECONDS", "MAX_CONNECTIONS", "Endpoint", "build_app", "start_endpoint"]

log = logging.getLogger("pywats.station")

IDLE_SECONDS = 10.0
"""A connection with no request in progress is closed after this long (slowloris too)."""
MAX_CONNECTIONS = 32
"""Connections served at once; more are answered 503 and closed."""
_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts(bind: str) -> list[str]:
    """The ``Host`` names a request may carry: loopback, the bind address, and, when bound
    to every interface, this machine's names."""
    hosts = [*_LOOPBACK_NAMES]
    if bind and bind not in hosts:
        hosts.append(bind)
    if bind in ("0.0.0.0", "::", ""):
        hosts.extend({socket.gethostname(), socket.getfqdn()})
    return [h.lower() for h in hosts]


def build_app(control: StationControl) -> Starlette:
    """The endpoint's ASGI app for ``control``'s service."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.responses import JSONResponse, PlainTextResponse
    from starlette.routing import Mount, Route

    def authorised(request: Request) -> bool:
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not given:
            return False
        return hmac.compare_digest(given.strip().encode(), control.secret.encode())

    def refused() -> Response:
        return JSONResponse(
            {"error": "this needs the instance's control secret as 'Authorization: Bearer ...'"},
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )

    def local(request: Request) -> bool:
        client = request.client
        return client is not None and _is_loopback(client.host)

    def reader(build: Any) -> Any:
        async def handler(request: Request) -> Response:
            if not local(request) and not authorised(request):
                return refused()
            return JSONResponse(_jsonable(build()))

        return handler

    async def health(request: Request) -> Response:
        snapshot = control.snapshot()
        status = 503 if snapshot.get("state") == "error" else 200
        return JSONResponse(_jsonable(snapshot), status_code=status)

    def ping() -> dict[str, Any]:
        from pywats import __version__

        return {
            "pong": True,
            "instance": control.instance,
            "pid": os.getpid(),
            "version": __version__,
        }

    def mutation(action: str) -> Any:
        async def handler(request: Request) -> Response:
            if not authorised(request):
                return refused()
            if action == "reload":
                from pywats.station.config import ConfigError

                started = time.perf_counter()
                try:
                    await control.reload()
                except ConfigError as exc:
                    return JSONResponse({"ok": False, "error": str(exc)}, status_code=422)
                took = (time.perf_counter() - started) * 1000
                return JSONResponse({"ok": True, "action": action, "took_ms": round(took, 1)})
            {
                "stop": control.request_stop,
                "restart": control.request_restart,
                "pause": control.pause,
                "resume": control.resume,
            }[action]()
            return JSONResponse({"ok": True, "action": action}, status_code=202)

        return handler

    async def metrics(request: Request) -> Response:
        if not local(request) and not authorised(request):
            return refused()
        from pywats.station.metrics import CONTENT_TYPE, render

        body = render(control)
        if body is None:
            return PlainTextResponse(
                "metrics need the prometheus_client library: pip install 'pywats[metrics]'"
                " and restart the service\n",
                status_code=501,
            )
        return PlainTextResponse(body, media_type=CONTENT_TYPE)

    routes: list[Any] = [
        Route("/health", health),
        Route("/status", reader(control.fresh_snapshot)),  # read at the call, not a second ago
        Route("/config", reader(control.effective_config)),
        Route("/queue/stats", reader(control.queue_stats)),
        Route("/ping", reader(ping)),
        Route("/metrics", metrics),
        *(
            Route(f"/{action}", mutation(action), methods=["POST"])
            for action in ("stop", "restart", "reload", "pause", "resume")
        ),
    ]
    if importlib.util.find_spec("pywats.station.console") is not None:
        console = importlib.import_module("pywats.station.console")
        routes.append(Mount("/console", app=console.build_console(control)))
    middleware = [
        Middleware(
            TrustedHostMiddleware,
            allowed_hosts=allowed_hosts(control.config.control_bind),
            www_redirect=False,
        )
    ]
    return Starlette(routes=routes, middleware=middleware)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


class Endpoint:
    """The endpoint served by uvicorn as a task on the running event loop.

    Args:
        control: the service's control facade.
        host: the address to listen on.
        port: the port (0 = any free one).
    """

    def __init__(self, control: StationControl, host: str, port: int) -> None:
        self.control = control
        self.host = host
        self.requested_port = port
        self.port = 0
        self._server: Any = None
        self._task: asyncio.Task[None] | None = None
        self._sock: socket.socket | None = None

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.port}"

    async def start(self, timeout: float = 10.0) -> None:
        """Listen and serve; return once the server accepts connections.

        Raises:
            OSError: the address cannot be bound.
        """
        import uvicorn

        from pywats.station._http import GuardedH11Protocol, QuietServer

        self._sock = _bind(self.host, self.requested_port)
        self.port = int(self._sock.getsockname()[1])
        config = uvicorn.Config(
            build_app(self.control),
            http=GuardedH11Protocol,
            ws="none",
            lifespan="off",
            access_log=False,
            log_config=None,
            log_level="warning",
            timeout_keep_alive=5,
            limit_concurrency=MAX_CONNECTIONS,
            h11_max_incomplete_event_size=16 * 1024,
            server_header=False,
            timeout_graceful_shutdown=2,
        )
        self._server = QuietServer(config)
        self._task = asyncio.create_task(self._server.serve(sockets=[self._sock]), name="endpoint")
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if self._task.done() or time.monotonic() > deadline:
                await self.stop()
                raise OSError(f"the endpoint did not start on {self.host}:{self.port}")
            await asyncio.sleep(0.01)

    @property
    def task(self) -> asyncio.Task[None] | None:
        return self._task

    async def stop(self, timeout: float = 3.0) -> None:
        """Stop serving (bounded: forced after ``timeout`` seconds)."""
        server, task = self._server, self._task
        if server is not None:
            server.should_exit = True
        if task is not None:
            done, _ = await asyncio.wait([task], timeout=timeout)
            if not done:
                server.force_exit = True
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        if self._sock is not None:
            self._sock.close()
        self._server = self._task = self._sock = None


async def start_endpoint(control: StationControl, config: StationConfig) -> Endpoint:
    """Serve the endpoint where ``config`` says.

    Raises:
        ConfigError: the address cannot be listened on (names the key to change).
    """
    from pywats.station.config import ConfigError

    host, port = config.control_bind, config.endpoint_port
    endpoint = Endpoint(control, host, port)
    try:
        await endpoint.start()
    except OSError as exc:
        key = "control.port" if config.control_port is not None else "service.health_port"
        raise ConfigError(
            f"{key} = {port}: cannot listen on {host}:{port} ({exc.strerror or exc});"
            " choose another port, or 0 for any free one"
        ) from None
    log.info("endpoint on %s (health, status, control, metrics)", endpoint.url)
    return endpoint


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP: asyncio then sets TCP_NODELAY on accepted sockets (no Nagle delays).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        if os.name != "nt":  # on Windows SO_REUSEADDR lets another process steal the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(64)
        sock.setblocking(False)
    except BaseException:
        sock.close()
        raise
    return sock
