"""Fault injection: make the emulator slow, failing or rude on purpose.

A pure ASGI middleware (:mod:`pywats.testing._fault_asgi`) consults one :class:`Faults`
object before every HTTP request::

    request ──► count the hit ──► global latency ──► first matching rule with turns left
                                                       or the seeded random rate
                                   ├── delay        sleep, then go on
                                   ├── status       answer it (with headers) instead of the app
                                   └── drop         cut the connection (before or after the app)

Rules are consumed in the order they were added; a rule with ``times=N`` applies to the next N
matching requests, ``times=None`` to all of them. The random rate draws from its own
``random.Random(seed)``, so a seeded run faults the same requests every time.

Tests script it (``emulator.faults.add(...)``); the command line takes the same faults as
strings (:func:`parse_fault`): ``503x3``, ``429x2:retry-after=1``, ``latency=0.2``,
``drop x2``, ``rate=0.1,seed=42``, each optionally targeted with ``@POST /api/Report/WSJF``.
"""

from __future__ import annotations

import fnmatch
import random
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

__all__ = ["DroppedConnection", "FaultRule", "Faults", "parse_fault"]

ASGIApp = Any  # starlette's ASGI callables; kept loose so this module imports nothing heavy


class DroppedConnection(Exception):
    """Raised inside the server to make it close the connection mid-response."""


@dataclass
class FaultRule:
    """One scripted fault. ``times`` counts down; ``None`` means every matching request."""

    method: str = "*"
    path: str = "*"
    status: int | None = None
    times: int | None = 1
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False
    after: bool = False
    body: str | None = None

    def matches(self, method: str, path: str) -> bool:
        if self.method != "*" and self.method.upper() != method.upper():
            return False
        return fnmatch.fnmatchcase(path.lower(), self.path.lower())


@dataclass
class _Rate:
    probability: float
    rng: random.Random
    rule: FaultRule


class Faults:
    """Scriptable faults and request counts of one emulator (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []
        self._rate: _Rate | None = None
        self._latency = 0.0
        self._targeted: list[FaultRule] = []  # latency for some paths only (times unused)
        self._hits: Counter[tuple[str, str]] = Counter()
        # Requests in flight per clear() epoch: one a client gave up on in an earlier test
        # may still be sleeping in the server, and must not count toward this test's peak.
        self._epoch = 0
        self._in_flight: Counter[int] = Counter()
        self._peak = 0

    def add(
        self,
        method: str = "*",
        path: str = "*",
        *,
        status: int | None = None,
        times: int | None = 1,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        drop: bool = False,
        after: bool = False,
        body: str | None = None,
    ) -> FaultRule:
        """Fault the next ``times`` requests matching ``method`` and ``path``.

        Args:
            method: HTTP method, or ``*`` for any.
            path: the request path (case-insensitive; ``*`` wildcards allowed).
            status: answer this status instead of calling the app (e.g. 503, 429).
            times: how many matching requests to fault; ``None`` for all of them.
            headers: extra response headers, e.g. ``{"Retry-After": "2"}``.
            delay: seconds to wait before answering (alone: pure latency).
            drop: close the connection instead of answering.
            after: with ``drop``, let the app handle the request first (the report is
                stored, the client never hears so): the case idempotent re-posts exist for.
            body: response text for ``status`` (default: a server-style JSON message).
        """
        if status is None and not drop and delay <= 0:
            raise ValueError("a fault needs a status, drop=True or a delay")
        if times is not None and times < 1:
            raise ValueError("times must be at least 1 (or None for every request)")
        rule = FaultRule(
            method=method,
            path=path,
            status=status,
            times=times,
            headers=dict(headers or {}),
            delay=delay,
            drop=drop,
            after=after,
            body=body,
        )
        with self._lock:
            self._rules.append(rule)
        return rule

    def rate(
        self,
        probability: float,
        *,
        seed: int | None = None,
        status: int = 503,
        headers: dict[str, str] | None = None,
        drop: bool = False,
        method: str = "*",
        path: str = "*",
    ) -> None:
        """Fault a random share of requests (0 to 1), the same ones every run when seeded."""
        if not 0.0 <= probability <= 1.0:
            raise ValueError("probability must be between 0 and 1")
        rule = FaultRule(
            method=method,
            path=path,
            status=None if drop else status,
            times=None,
            headers=dict(headers or {}),
            drop=drop,
        )
        with self._lock:
            self._rate = _Rate(probability, random.Random(seed), rule)

    def latency(self, seconds: float, *, method: str = "*", path: str = "*") -> None:
        """Delay every request by ``seconds`` (0 turns it off), or only those matching
        ``method`` and ``path`` (the ``latency=0.2@GET /api/Product`` form)."""
        if seconds < 0:
            raise ValueError("latency must not be negative")
        with self._lock:
            if method == "*" and path == "*":
                self._latency = seconds
                return
            self._targeted = [r for r in self._targeted if (r.method, r.path) != (method, path)]
            if seconds > 0:
                self._targeted.append(FaultRule(method=method, path=path, delay=seconds))

    def hits(self, method: str | None = None, path: str | None = None) -> int:
        """How many requests the emulator has seen, optionally for one method and/or path."""
        with self._lock:
            return sum(
                count
                for (m, p), count in self._hits.items()
                if (method is None or m == method.upper())
                and (path is None or fnmatch.fnmatchcase(p, path.lower()))
            )

    @property
    def peak_in_flight(self) -> int:
        """The most requests the emulator was handling at once (since start or ``clear``)."""
        with self._lock:
            return self._peak

    def enter(self) -> int:
        """A request arrived; returns the token ``leave`` takes (the middleware calls both)."""
        with self._lock:
            epoch = self._epoch
            self._in_flight[epoch] += 1
            self._peak = max(self._peak, self._in_flight[epoch])
            return epoch

    def leave(self, epoch: int) -> None:
        """A request was answered (or failed)."""
        with self._lock:
            self._in_flight[epoch] -= 1
            if not self._in_flight[epoch]:
                del self._in_flight[epoch]

    @property
    def requests(self) -> Counter[tuple[str, str]]:
        """A copy of the request counts, keyed by ``(METHOD, lower-case path)``."""
        with self._lock:
            return Counter(self._hits)

    @property
    def pending(self) -> list[FaultRule]:
        """Rules that still have turns left."""
        with self._lock:
            return [r for r in self._rules if r.times is None or r.times > 0]

    def clear(self) -> None:
        """Remove every fault (rules, rate, latency) and zero the request counts and the peak."""
        with self._lock:
            self._rules.clear()
            self._rate = None
            self._latency = 0.0
            self._targeted.clear()
            self._hits.clear()
            self._epoch += 1
            self._peak = 0

    def apply(self, spec: str) -> None:
        """Add a fault written the command-line way (see :func:`parse_fault`)."""
        parsed = parse_fault(spec)
        if "latency" in parsed:
            self.latency(
                parsed["latency"],
                method=parsed.get("method", "*"),
                path=parsed.get("path", "*"),
            )
        elif "rate" in parsed:
            self.rate(**parsed["rate"])
        else:
            self.add(**parsed["add"])

    def decide(self, method: str, path: str) -> tuple[float, FaultRule | None]:
        """Count the request and pick its fault: ``(extra latency, rule or None)``."""
        with self._lock:
            self._hits[(method.upper(), path.lower())] += 1
            latency = self._latency + sum(
                r.delay for r in self._targeted if r.matches(method, path)
            )
            for rule in self._rules:
                if (rule.times is None or rule.times > 0) and rule.matches(method, path):
                    if rule.times is not None:
                        rule.times -= 1
                    return latency, rule
            rate = self._rate
            if rate and rate.rule.matches(method, path) and rate.rng.random() < rate.probability:
                return latency, rate.rule
            return latency, None


_SPEC = re.compile(
    r"""^\s*(?:
        (?P<status>\d{3})\s*(?:x\s*(?P<times>\d+|\*))?(?P<opts>(?::[^@]*)?)
      | (?P<drop>drop(?:-after)?)\s*(?:x\s*(?P<dtimes>\d+|\*))?
      | latency\s*=\s*(?P<latency>[\d.]+)
      | rate\s*=\s*(?P<rate>[\d.]+)(?P<rateopts>(?:\s*,\s*[a-z-]+\s*=\s*[^,@]+)*)
    )\s*(?:@\s*(?P<target>.+))?$""",
    re.VERBOSE | re.IGNORECASE,
)


def parse_fault(spec: str) -> dict[str, Any]:
    """Parse a command-line fault.

    ``503x3`` (503 for the next 3 requests; ``x*`` for all), ``429x2:retry-after=1`` (options:
    ``retry-after=S``, ``delay=S``), ``drop x2`` (cut the connection; ``drop-after`` lets the
    server store the request first), ``latency=0.2`` (every request), ``rate=0.1,seed=42``
    (random faults; options ``seed``, ``status``). Any of them may end in ``@/path`` or
    ``@METHOD /path`` to target one operation.

    Returns:
        ``{"latency": s}`` (plus ``method`` and ``path`` when targeted), ``{"rate": kwargs
        for Faults.rate}`` or ``{"add": kwargs for Faults.add}``.

    Raises:
        ValueError: the spec is not understood (the message shows the accepted forms).
    """
    match = _SPEC.match(spec)
    if not match:
        raise ValueError(
            f"cannot read fault {spec!r}; use e.g. 503x3, 429x2:retry-after=1, latency=0.2, "
            "drop x2, rate=0.1,seed=42 (optionally followed by @POST /api/Report/WSJF)"
        )
    method, path = "*", "*"
    if match.group("target"):
        bits = match.group("target").split()
        if len(bits) == 2:
            method, path = bits[0].upper(), bits[1]
        elif len(bits) == 1:
            path = bits[0]
        else:
            raise ValueError(f"cannot read the target of fault {spec!r}")
    if match.group("latency") is not None:
        latency: dict[str, Any] = {"latency": float(match.group("latency"))}
        if match.group("target"):
            latency.update(method=method, path=path)
        return latency
    if match.group("rate") is not None:
        kwargs: dict[str, Any] = {
            "probability": float(match.group("rate")),
            "method": method,
            "path": path,
        }
        for item in filter(None, (p.strip() for p in match.group("rateopts").split(","))):
            key, _, value = item.partition("=")
            key = key.strip().lower()
            if key == "seed":
                kwargs["seed"] = int(value)
            elif key == "status":
                kwargs["status"] = int(value)
            else:
                raise ValueError(f"unknown rate option {key!r} in fault {spec!r}")
        return {"rate": kwargs}
    if match.group("drop"):
        times = match.group("dtimes")
        return {
            "add": {
                "method": method,
                "path": path,
                "drop": True,
                "after": match.group("drop").lower() == "drop-after",
                "times": None if times == "*" else int(times or 1),
            }
        }
    times = match.group("times")
    add: dict[str, Any] = {
        "method": method,
        "path": path,
        "status": int(match.group("status")),
        "times": None if times == "*" else int(times or 1),
    }
    for item in filter(None, (p.strip() for p in match.group("opts").lstrip(":").split(","))):
        key, _, value = item.partition("=")
        key = key.strip().lower()
        if key == "retry-after":
            add.setdefault("headers", {})["Retry-After"] = value.strip()
        elif key == "delay":
            add["delay"] = float(value)
        else:
            raise ValueError(f"unknown option {key!r} in fault {spec!r}")
    return {"add": add}
