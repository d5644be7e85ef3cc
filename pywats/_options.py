"""Client settings: retry, rate limit, circuit breaker and the connection options.

All are frozen attrs values; change one with ``attrs.evolve`` or a client's ``with_options``.
Nothing here imports httpx, so building settings costs nothing at ``import pywats``.
"""

from __future__ import annotations

import os
from typing import Any, Literal

import attrs

__all__ = [
    "BreakerConfig",
    "ClientOptions",
    "ErrorMode",
    "RateLimit",
    "RetryConfig",
    "normalize_base_url",
    "resolve_credentials",
]

ErrorMode = Literal["strict", "lenient"]

ENV_URL = "PYWATS_SERVER_URL"
ENV_TOKEN = "PYWATS_API_TOKEN"


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value!r}")


def _positive(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if value <= 0:
        raise ValueError(f"{attribute.name} must be > 0, got {value!r}")


@attrs.frozen(kw_only=True)
class RetryConfig:
    """How the one retry layer retries (connection errors, timeouts, 408, 429 and 5xx).

    Backoff before retry ``n`` (1-based) is ``min(max_backoff, initial_backoff * 2**(n-1))``
    plus up to ``jitter`` seconds of random jitter, unless the server sent ``Retry-After``:
    that wait is honoured as sent, and a wait longer than ``max_retry_after`` is not waited
    for at all (the error is raised instead).
    """

    max_retries: int = attrs.field(default=3, validator=_non_negative)
    """Retries after the first attempt; 0 turns retrying off."""
    initial_backoff: float = attrs.field(default=0.5, validator=_non_negative)
    """Seconds before the first retry (before jitter)."""
    max_backoff: float = attrs.field(default=30.0, validator=_non_negative)
    """Cap on the exponential backoff, seconds."""
    jitter: float = attrs.field(default=0.5, validator=_non_negative)
    """Up to this many random seconds are added to each backoff."""
    max_retry_after: float = attrs.field(default=120.0, validator=_non_negative)
    """The longest ``Retry-After`` the client will wait, seconds."""
    max_elapsed: float | None = 300.0
    """Stop retrying once this many seconds have passed since the first attempt."""


@attrs.frozen
class RateLimit:
    """At most ``max_calls`` requests in any sliding window of ``period`` seconds."""

    max_calls: int = attrs.field(default=500, validator=_positive)
    period: float = attrs.field(default=60.0, validator=_positive)


@attrs.frozen(kw_only=True)
class BreakerConfig:
    """The circuit breaker: opens after ``failure_threshold`` consecutive failures.

    A failure is a 5xx answer or a transport failure (refused, reset, timeout); a 4xx answer
    is the server working and counts as a success. While open, calls fail at once with
    ``CircuitOpenError``; after ``reset_timeout`` seconds one probe call is let through.
    """

    failure_threshold: int = attrs.field(default=5, validator=_positive)
    reset_timeout: float = attrs.field(default=30.0, validator=_non_negative)


def _check_mode(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in ("strict", "lenient"):
        raise ValueError(f"error_mode must be 'strict' or 'lenient', got {value!r}")


@attrs.frozen(kw_only=True)
class ClientOptions:
    """The per-client settings (``with_options`` copies differ only in these)."""

    base_url: str
    token: str = attrs.field(repr=False)
    timeout: float | None = 30.0
    retry: RetryConfig | None = RetryConfig()
    verify: bool | str = True
    proxy: str | None = attrs.field(default=None, repr=False)  # may hold credentials
    error_mode: ErrorMode = attrs.field(default="strict", validator=_check_mode)
    max_response_size: int | None = attrs.field(default=64 * 1024 * 1024)
    """The largest answer read into memory, bytes after decompression; None: no limit."""
    max_download_size: int | None = attrs.field(default=8 * 1024 * 1024 * 1024)
    """The largest file streamed to disk by a download, bytes; None: no limit."""

    @max_response_size.validator
    @max_download_size.validator
    def _check_size(self, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise TypeError(f"{attribute.name} must be a whole number of bytes or None")
        if value is not None and value <= 0:
            raise ValueError(f"{attribute.name} must be > 0 (or None for no limit), got {value}")

    @property
    def max_retries(self) -> int:
        return 0 if self.retry is None else self.retry.max_retries


def normalize_base_url(url: str) -> str:
    """Return the server root the SDK appends ``/api/...`` paths to.

    Accepts what people paste: ``acme.wats.com``, ``https://acme.wats.com/``,
    ``https://acme.wats.com/api``, or an on-premise virtual directory such as
    ``https://srv/wats/api/`` (→ ``https://srv/wats``). A missing scheme means https.

    Raises:
        ValueError: the URL is empty, has credentials in it, or a query or fragment.
    """
    text = url.strip()
    if not text:
        raise ValueError(f"the server URL is empty; pass base_url or set {ENV_URL}")
    if "://" not in text:
        text = "https://" + text
    scheme, _, rest = text.partition("://")
    if scheme.lower() not in ("http", "https"):
        raise ValueError(f"the server URL must use http or https, not {scheme!r}")
    host, _, path = rest.partition("/")
    if "@" in host:
        raise ValueError("the server URL must not contain credentials; pass the token instead")
    if not host:
        raise ValueError(f"the server URL {url!r} has no host")
    if "?" in path or "#" in path or "?" in host or "#" in host:
        raise ValueError(f"the server URL {url!r} must not have a query or fragment")
    path = path.strip("/")
    if path.lower() == "api":
        path = ""
    elif path.lower().endswith("/api"):
        path = path[: -len("/api")].rstrip("/")
    return f"{scheme.lower()}://{host.lower()}" + (f"/{path}" if path else "")


def resolve_credentials(base_url: str | None, token: str | None) -> tuple[str, str]:
    """Fill a missing URL or token from ``PYWATS_SERVER_URL`` / ``PYWATS_API_TOKEN``.

    Raises:
        ValueError: neither the argument nor the environment variable gives a value.
    """
    url = base_url if base_url is not None else os.environ.get(ENV_URL)
    secret = token if token is not None else os.environ.get(ENV_TOKEN)
    if not url:
        raise ValueError(f"no WATS server URL: pass base_url or set {ENV_URL}")
    if not secret or not secret.strip():
        raise ValueError(f"no WATS API token: pass token or set {ENV_TOKEN}")
    secret = secret.strip()
    # The token is already Base64 of "id:secret" and goes out as given; a pasted header
    # value ("Basic abc=") is accepted too.
    if secret[:6].lower() == "basic ":
        secret = secret[6:].strip()
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in secret):
        # httpx would refuse the header with its value, the token, in the error message.
        raise ValueError(
            "the WATS API token contains a line break or control character; "
            "paste the token alone (one line), or run `wats login` again"
        )
    return normalize_base_url(url), secret
