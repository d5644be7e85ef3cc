"""The operator console: the station in a web browser, served by ``wats watch`` at ``/console``.

The station's local endpoint mounts ``build_console(control)``; ``wats console -i NAME``
prints a one-time login link for it (see ``_auth``). Pages: Dashboard, Queue, Folders,
Configuration, Log, Try a converter. Server-rendered Jinja2 (autoescaped), htmx for live
parts and uPlot for the chart, both vendored under ``static/`` (no CDN, no build step).

The console only talks to the service through its :class:`~pywats.station.control.StationControl`
facade, and to the queue through :class:`~pywats.station.queue.ReportQueue` as ``wats queue``
does. Its modules (Starlette, Jinja2) load on the first request, so a station nobody looks at
pays nothing for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Receive, Scope, Send

    from pywats.station.console._control import Control

__all__ = ["build_console", "login_url"]


def login_url(endpoint: str, secret: str) -> str:
    """The one-time link ``wats console`` prints (``<endpoint>/console/login?t=...``)."""
    from pywats.station.console._auth import login_url as make

    return make(endpoint, secret)


class _LazyConsole:
    """An ASGI app that builds the real console on its first request."""

    def __init__(self, control: Control) -> None:
        self.control = control
        self._app: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self._app is None:
            from pywats.station.console._routes import make_app

            self._app = make_app(self.control)
        await self._app(scope, receive, send)


def build_console(control: Control) -> ASGIApp:
    """The console as an ASGI app, to mount at ``/console`` on the station's endpoint."""
    return _LazyConsole(control)
