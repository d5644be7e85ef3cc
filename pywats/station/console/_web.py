"""The console's web plumbing: Host check, session and CSRF guard, templates, static files.

Every page handler is wrapped by :meth:`Console.page` (GET) or :meth:`Console.action` (POST):
the wrapper checks ``Host``, finds the session from the cookie (no session: the login page,
or ``401`` for htmx fragments) and, for actions, the CSRF token. Handlers get a
:class:`Ctx` and return a response.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

import attrs
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from pywats.station.console._auth import COOKIE, Session, Sessions

if TYPE_CHECKING:
    import jinja2

    from pywats.station.console._control import Control

__all__ = ["Console", "Ctx"]

_HERE = Path(__file__).parent
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
MAX_FORM = 256 * 1024
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
        " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none';"
        " form-action 'self'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # no-referrer would make Chrome send "Origin: null"
    "Cache-Control": "no-store",
}
STATIC = {
    "htmx.min.js": "text/javascript",
    "uPlot.iife.min.js": "text/javascript",
    "uPlot.min.css": "text/css",
    "console.css": "text/css",
    "console.js": "text/javascript",
}
PUBLIC_STATIC = {"console.css"}  # the login page's style; everything else needs a session
NAV = [
    ("dashboard", "Dashboard", ""),
    ("queue", "Queue", "queue"),
    ("folders", "Folders", "folders"),
    ("config", "Configuration", "config"),
    ("log", "Log", "log"),
    ("try", "Try a converter", "try"),
]


def host_name(header: str) -> str:
    """The host part of a ``Host`` header (``[::1]:8080`` → ``::1``), lower-case."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else ""
    name, sep, port = header.rpartition(":")
    return name if sep and port.isdigit() else header


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def bind_host(control: Control) -> str:
    """The address the endpoint was told to listen on (``[control] bind``), if it says."""
    config = control.config
    for attribute in ("console_bind", "control_bind", "bind"):
        value = getattr(config, attribute, None)
        if isinstance(value, str) and value:
            return value
    return "127.0.0.1"


def host_allowed(header: str, bind: str) -> bool:
    """Whether a request's ``Host`` names this station (DNS-rebinding protection).

    Loopback names always; the bind address; and when bound to every interface, any IP
    literal or this machine's own name (a rebinding attack needs a foreign DNS name).
    """
    name = host_name(header)
    if not name:
        return False
    if name in _LOOPBACK or name == bind.lower():
        return True
    if bind in {"0.0.0.0", "::"}:
        own = {socket.gethostname().lower(), socket.getfqdn().lower()}
        return _is_ip(name) or name in own
    return False


@attrs.define
class Ctx:
    """What a handler gets: the request, its session and the console."""

    request: Request
    session: Session
    console: Console
    form: dict[str, str] = attrs.field(factory=dict)

    @property
    def control(self) -> Control:
        return self.console.control

    def render(self, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        return self.console.render(template, self.request, self.session, status, **values)

    def url(self, path: str = "") -> str:
        return f"{self.console.root}/{path}"


Handler = Callable[[Ctx], Awaitable[Response]]


class Console:
    """The console's shared state: the station's control facade, sessions, templates."""

    def __init__(self, control: Control, root: str = "/console") -> None:
        import jinja2

        self.control = control
        self.root = root
        self.sessions = Sessions(lambda: control.secret)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(_HERE / "templates")),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        from pywats.station.console import _format

        self.env.filters.update(_format.FILTERS)

    def template(self, name: str) -> jinja2.Template:
        return self.env.get_template(name)

    def render(
        self,
        template: str,
        request: Request,
        session: Session | None,
        status: int = 200,
        **values: Any,
    ) -> HTMLResponse:
        page = template.removesuffix(".html")
        html = self.template(template).render(
            root=self.root,
            instance=self.control.instance,
            csrf=session.csrf if session else "",
            signed_in=session is not None,
            nav=NAV,
            page=page,
            **values,
        )
        return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)

    # -- guards ---------------------------------------------------------------------------

    def _refuse_host(self, request: Request) -> Response | None:
        if host_allowed(request.headers.get("host", ""), bind_host(self.control)):
            return None
        return PlainTextResponse(
            "this console answers only to its own host name (Host header refused)",
            status_code=400,
            headers=SECURITY_HEADERS,
        )

    def _signed_out(self, request: Request) -> Response:
        if request.headers.get("hx-request"):
            # htmx follows HX-Redirect with a full page load: the login page explains.
            return Response(status_code=401, headers={"HX-Redirect": f"{self.root}/login"})
        return self.render("login.html", request, None, 401, problem="")

    def session_of(self, request: Request) -> Session | None:
        return self.sessions.get(request.cookies.get(COOKIE))

    def page(self, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            refused = self._refuse_host(request)
            if refused is not None:
                return refused
            session = self.session_of(request)
            if session is None:
                return self._signed_out(request)
            return await handler(Ctx(request, session, self))

        return endpoint

    def action(self, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            refused = self._refuse_host(request)
            if refused is not None:
                return refused
            session = self.session_of(request)
            if session is None:
                return self._signed_out(request)
            if not _same_origin(request):
                return PlainTextResponse("cross-origin request refused", status_code=403)
            form: dict[str, str] = {}
            if request.headers.get("content-type", "").startswith(
                "application/x-www-form-urlencoded"
            ):
                body = await read_limited(request, MAX_FORM)
                if body is None:
                    return PlainTextResponse("form too large", status_code=413)
                form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
            sent = request.headers.get("x-csrf-token") or form.get("csrf")
            if not Sessions.csrf_ok(session, sent):
                return PlainTextResponse(
                    "the form's security token is missing or stale: reload the page",
                    status_code=403,
                    headers=SECURITY_HEADERS,
                )
            return await handler(Ctx(request, session, self, form))

        return endpoint


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin != "null"
    return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()


async def read_limited(request: Request, limit: int) -> bytes | None:
    """The request body, or None when it is longer than ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)
