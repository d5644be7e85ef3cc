"""An HTML 404 page cannot say whether a route or a record is missing: the error says both.

A proxy that puts its own pages in place of WATS' error answers makes a missing record and a
missing route the same page (see ``pywats/_route404.py``); the error names that cause and the
setting that turns it off.
"""

from __future__ import annotations

import httpx

from pywats import NotFoundError, UnsupportedOperationError
from pywats._http import error_from_response

NGINX_404 = (
    "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found"
    "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)


def _answer(body: str, content_type: str) -> httpx.Response:
    request = httpx.Request("GET", "https://acme.example/api/Product/PCB-404")
    return httpx.Response(404, text=body, headers={"Content-Type": content_type}, request=request)


def test_a_proxy_page_names_error_interception_as_a_cause() -> None:
    error = error_from_response(_answer(NGINX_404, "text/html"))
    assert isinstance(error, UnsupportedOperationError)
    assert error.operation == "GET /api/Product/PCB-404"
    text = str(error)
    assert "https://host/wats" in text  # every call: the server URL misses its path
    assert "proxy_intercept_errors" in text
    assert "ProxyErrorOverride" in text
    assert "missing record" in text


def test_wats_own_answer_for_a_record_stays_not_found() -> None:
    body = '{"Message": "Product PCB-404 was not found."}'
    error = error_from_response(_answer(body, "application/json; charset=utf-8"))
    assert type(error) is NotFoundError
    assert "proxy" not in str(error)
