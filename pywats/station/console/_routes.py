"""The console's Starlette app: its routes, sign-in and sign-out, and static files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from pywats.station.console import _config, _folders, _queue, _status, _try
from pywats.station.console._auth import COOKIE, IDLE_TTL
from pywats.station.console._web import (
    PUBLIC_STATIC,
    SECURITY_HEADERS,
    STATIC,
    Console,
    Ctx,
)

if TYPE_CHECKING:
    from pywats.station.console._control import Control

__all__ = ["make_app"]

_STATIC_DIR = Path(__file__).parent / "static"


def make_app(control: Control, root: str = "/console") -> Starlette:
    console = Console(control, root)
    page, action = console.page, console.action

    async def login(request: Request) -> Response:
        refused = console._refuse_host(request)
        if refused is not None:
            return refused
        ticket = request.query_params.get("t", "")
        if not ticket:
            if console.session_of(request) is not None:
                return RedirectResponse(f"{root}/", status_code=303)
            return console.render("login.html", request, None, problem="")
        session = console.sessions.redeem(ticket)
        if session is None:
            problem = (
                "This login link was already used or has expired (links are good for one use,"
                f" within 10 minutes). Run `wats console -i {control.instance}` for a new one."
            )
            return console.render("login.html", request, None, 403, problem=problem)
        # A page of our own (not a redirect) moves on to the dashboard: the navigation that
        # follows is same-site, so the SameSite=Strict cookie is sent with it.
        response = console.render("signed_in.html", request, session)
        response.set_cookie(
            COOKIE,
            session.sid,
            max_age=int(IDLE_TTL),
            path=root,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return response

    async def logout(ctx: Ctx) -> Response:
        console.sessions.close(ctx.session.sid)
        response = console.render("login.html", ctx.request, None, problem="")
        response.delete_cookie(COOKIE, path=root, httponly=True, samesite="strict")
        return response

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        media = STATIC.get(name)
        if media is None:
            return PlainTextResponse("not found", status_code=404)
        if name not in PUBLIC_STATIC:
            refused = console._refuse_host(request)
            if refused is not None:
                return refused
            if console.session_of(request) is None:
                return PlainTextResponse("sign in first", status_code=401)
        data = (_STATIC_DIR / name).read_bytes()
        headers = {
            "Cache-Control": "private, max-age=3600",
            "X-Content-Type-Options": "nosniff",
        }
        return Response(data, media_type=media, headers=headers)

    async def not_found(request: Request, exc: Exception) -> Response:
        return HTMLResponse("not found", status_code=404, headers=SECURITY_HEADERS)

    routes = [
        Route("/login", login, methods=["GET"]),
        Route("/logout", action(logout), methods=["POST"]),
        Route("/static/{name}", static, methods=["GET"]),
        Route("/", page(_status.dashboard), methods=["GET"]),
        Route("/live", page(_status.live), methods=["GET"]),
        Route("/history.json", page(_status.history), methods=["GET"]),
        Route("/log", page(_status.log_page), methods=["GET"]),
        Route("/log/lines", page(_status.log_tail), methods=["GET"]),
        Route("/queue", page(_queue.queue_page), methods=["GET"]),
        Route("/queue/export", page(_queue.export_state), methods=["GET"]),
        Route("/queue/{item_id:int}", page(_queue.row_page), methods=["GET"]),
        Route("/queue/{item_id:int}/export", page(_queue.export_one), methods=["GET"]),
        Route("/queue/{item_id:int}/retry", action(_queue.retry), methods=["POST"]),
        Route("/queue/{item_id:int}/drop", action(_queue.drop), methods=["POST"]),
        Route("/folders", page(_folders.folders_page), methods=["GET"]),
        Route("/folders/{index:int}/retry", action(_folders.try_again), methods=["POST"]),
        Route("/config", page(_config.config_page), methods=["GET"]),
        Route("/config", action(_config.config_save), methods=["POST"]),
        Route("/try", page(_try.try_page), methods=["GET"]),
        Route("/try", action(_try.try_run), methods=["POST"]),
    ]
    return Starlette(routes=routes, exception_handlers={404: not_found})
