"""Console sign-in: one-time login links, sessions and CSRF tokens (no web framework here).

``wats console -i NAME`` prints a link ``<endpoint>/console/login?t=<ticket>``. The ticket is
``<unix time>.<nonce>.<mac>``, the MAC an HMAC-SHA256 of time and nonce keyed with the
instance's control secret (the 0600 ``control.secret`` file beside ``service.json``): only
someone who can read that file can make one, and the secret itself never appears in a URL,
a browser history or a log. The service accepts a ticket once, within :data:`LINK_TTL`
seconds, and answers it with a session cookie (``HttpOnly``, ``SameSite=Strict``); the link is
useless afterwards. Each session carries its own CSRF token, which every mutating request
must send back (header ``X-CSRF-Token`` or form field ``csrf``).

Sessions live in the service's memory: a restart signs everybody out (run ``wats console``
again), and a new service start writes a new secret, so older links die with it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable

import attrs

__all__ = [
    "COOKIE",
    "LINK_TTL",
    "Session",
    "Sessions",
    "login_url",
    "make_ticket",
]

COOKIE = "pywats_console"
LINK_TTL = 600.0
"""Seconds a login link stays valid (it is still good for one use only)."""
IDLE_TTL = 12 * 3600.0
"""A session not used for this long is signed out."""
MAX_SESSIONS = 32
_CLOCK_SKEW = 60.0  # the CLI and the service read the same clock; allow for a small step


def _mac(secret: str, stamp: str, nonce: str) -> str:
    message = f"pywats-console-login\n{stamp}\n{nonce}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def make_ticket(secret: str, *, now: float | None = None) -> str:
    """A one-time login ticket proving knowledge of ``secret`` (which it does not contain)."""
    stamp = str(int(time.time() if now is None else now))
    nonce = secrets.token_urlsafe(16)
    return f"{stamp}.{nonce}.{_mac(secret, stamp, nonce)}"


def login_url(endpoint: str, secret: str, *, now: float | None = None) -> str:
    """The link ``wats console`` prints: ``<endpoint>/console/login?t=<ticket>``."""
    return f"{endpoint.rstrip('/')}/console/login?t={make_ticket(secret, now=now)}"


@attrs.define(kw_only=True)
class Session:
    """One signed-in browser."""

    sid: str = attrs.field(repr=False)
    csrf: str = attrs.field(repr=False)
    created_at: float
    last_seen: float


class Sessions:
    """The console's sessions and the tickets already used, both bounded, in memory."""

    def __init__(self, secret: str | Callable[[], str]) -> None:
        # A callable is read at each redemption: a service that restarts in place with a
        # new secret keeps its console, and links made with the old secret stop working.
        self._secret = secret if callable(secret) else (lambda: secret)
        self._sessions: dict[str, Session] = {}
        self._used: dict[str, float] = {}  # nonce -> when it stops mattering

    def __repr__(self) -> str:
        return f"<Sessions {len(self._sessions)} active>"

    def redeem(self, ticket: str, *, now: float | None = None) -> Session | None:
        """Exchange a valid, unused, fresh ticket for a new session; None for anything else."""
        now = time.time() if now is None else now
        parts = ticket.split(".")
        secret = self._secret()
        if len(parts) != 3 or not parts[0].isdigit() or not secret:
            return None
        stamp, nonce, mac = parts
        if not hmac.compare_digest(_mac(secret, stamp, nonce), mac):
            return None
        issued = float(stamp)
        if not (now - LINK_TTL <= issued <= now + _CLOCK_SKEW):
            return None
        self._used = {n: until for n, until in self._used.items() if until > now}
        if nonce in self._used:
            return None
        self._used[nonce] = issued + LINK_TTL + _CLOCK_SKEW
        return self._open(now)

    def _open(self, now: float) -> Session:
        self._sessions = {
            sid: s for sid, s in self._sessions.items() if now - s.last_seen < IDLE_TTL
        }
        while len(self._sessions) >= MAX_SESSIONS:  # the longest idle one goes
            oldest = min(self._sessions.values(), key=lambda s: s.last_seen)
            del self._sessions[oldest.sid]
        session = Session(
            sid=secrets.token_urlsafe(32),
            csrf=secrets.token_urlsafe(32),
            created_at=now,
            last_seen=now,
        )
        self._sessions[session.sid] = session
        return session

    def get(self, sid: str | None, *, now: float | None = None) -> Session | None:
        """The live session for a cookie value (touching it), or None."""
        if not sid:
            return None
        now = time.time() if now is None else now
        session = self._sessions.get(sid)
        if session is None:
            return None
        if now - session.last_seen >= IDLE_TTL:
            del self._sessions[sid]
            return None
        session.last_seen = now
        return session

    def close(self, sid: str) -> None:
        self._sessions.pop(sid, None)

    @staticmethod
    def csrf_ok(session: Session, sent: str | None) -> bool:
        return bool(sent) and hmac.compare_digest(session.csrf, sent or "")
