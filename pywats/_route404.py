"""Whether a 404 is about the route itself (the server lacks the operation), not a record.

Two answers say so:

* ASP.NET Web API's own no-route message (the WATS server's framework), as JSON;
* an HTML "not found" page: IIS, ASP.NET's "resource cannot be found" or a reverse proxy
  (nginx, Apache) in front of WATS answers a URL that reached no WATS route with a page, and
  so does every route when the server URL misses the site's virtual directory (``/wats``).

A missing record comes from a WATS route that exists, and WATS answers with JSON or text
(``reference/wats-api.md`` §1.4), never with an HTML page, so neither answer is taken for
one.

The limit of the rule: a proxy set to put its own pages in place of the application's error
answers (nginx ``proxy_intercept_errors on``, Apache ``ProxyErrorOverride On``) turns WATS'
JSON 404 for a missing record and ASP.NET's JSON no-route answer into the same page. Nothing
in the answer tells them apart then: not the body (the proxy's), not the headers (the proxy's
too, with error interception), not the status. We keep reading such a page as a missing
route, because that is what it is in the setups seen without interception (a server URL
missing its virtual directory: every call answers so), and say in the error's message that
interception is the other cause and how to turn it off. Guessing "missing record" instead
would make a lenient lookup answer None for an operation the server may not have.
"""

from __future__ import annotations

import re

from pywats._exceptions import is_missing_route

__all__ = ["missing_route"]

# An HTML document's start, and the words of a "not found" page, in its first few KB. The
# body decides, not the Content-Type: a JSON message mislabelled text/html is still WATS'.
_HTML = re.compile(
    rb"\s*(?:<!doctype\s+html|<html|<head|<body|<title|<\?xml[^>]*>\s*<!doctype)", re.I
)
_NOT_FOUND = re.compile(rb"404|not\s+found|cannot\s+be\s+found|has\s+been\s+removed", re.I)
_SNIFF = 8192


def missing_route(status: int, message: str, body: bytes) -> str | None:
    """How a 404 says the route is missing: ``"framework"``, ``"page"`` (HTML), or None.

    Args:
        status: the answer's status.
        message: the server's own message read from the body (empty for an HTML page).
        body: the answer's body.
    """
    if status != 404:
        return None
    if is_missing_route(status, message):
        return "framework"
    head = body[:_SNIFF]
    if _HTML.match(head) is not None and _NOT_FOUND.search(head) is not None:
        return "page"
    return None
