"""Plain ``http://`` to another machine: the token would cross the network unencrypted.

Chosen behaviour: a loud warning, not a refusal (see docs/station.md, Security). Loopback
stays quiet. No heavy imports here: ``pywats.config`` re-exports these names.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

__all__ = ["plain_http_message", "warn_plain_http"]


# URLs already warned about in this process: the warning is loud, once.
_warned_http: set[str] = set()


def plain_http_message(url: str) -> str | None:
    """The warning for a token sent over plain ``http://`` to another machine, or None.

    Loopback (``localhost``, 127.0.0.0/8, ``::1``: the emulator, a local proxy) stays quiet:
    the token never leaves the machine there.
    """
    import ipaddress
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    if parts.scheme.lower() != "http":
        return None
    host = (parts.hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return None
    try:
        if ipaddress.ip_address(host).is_loopback:
            return None
    except ValueError:
        pass
    return (
        f"the server URL {url} is plain http:// to another machine: the API token and every"
        " report cross the network unencrypted, and anyone on the path can read the token and"
        " use it. Use the server's https:// address."
    )


def warn_plain_http(url: str, emit: Callable[[str], None] | None = None) -> bool:
    """Warn (once per URL per process) that ``url`` sends the token unencrypted.

    ``emit`` shows the message (the CLI's stderr warning); by default it is logged as a
    WARNING on ``pywats`` (a station's log, or stderr when logging is not configured).
    Returns whether a warning was given now.
    """
    message = plain_http_message(url)
    if message is None or url in _warned_http:
        return False
    _warned_http.add(url)
    if emit is None:
        logging.getLogger("pywats").warning("%s", message)
    else:
        emit(message)
    return True
