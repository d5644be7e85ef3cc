"""``/api/BarcodeIdentifiers/*``: rules that split a scanned barcode, and identifying one.

An identifier holds regular expressions: ``pattern`` decides whether it applies to a barcode, and
``serialNumber``, ``partNumber``, ``revision``, ``batchNumber`` and ``process`` each find one part.
The server's text says no more, so the emulator's reading (also in ``openapi/wats.yaml``) is:
identifiers are tried by ascending ``order`` (then id); the first whose ``pattern`` is found in the
barcode applies; a part's expression is searched in the barcode and its first group, or else the
whole match, is the value. With no identifier applying, the barcode is split by the default
format ``SerialNumber/PartNumber/Revision/BatchNumber/Process``. The answer is a
BarcodeIdentifier whose part fields hold the values found.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import ApiProblem, Params, json_body, ok, store_of

__all__ = ["delete_identifier", "identify", "list_identifiers", "put_identifier"]

KIND = "barcode"
PARTS = ("serialNumber", "partNumber", "revision", "batchNumber", "process")
_TEXT = ("pattern", *PARTS, "description")
_MAX_CODE = 1000


def _sorted(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def key(row: dict[str, Any]) -> tuple[int, int]:
        order = row.get("order")
        return (2**31 if order is None else order, row["id"])

    return sorted(rows, key=key)


def _check(body: dict[str, Any]) -> None:
    for name in _TEXT:
        value = body.get(name)
        if value is not None and not isinstance(value, str):
            raise ApiProblem(400, "The request is invalid.", f"{name} must be a string.")
        if value and name != "description":
            try:
                re.compile(value)
            except re.error as exc:
                message = f"{name} is not a valid regular expression: {exc}"
                raise ApiProblem(400, message) from None
    order = body.get("order")
    if order is not None and (not isinstance(order, int) or isinstance(order, bool)):
        raise ApiProblem(400, "The request is invalid.", "order must be an integer.")


async def list_identifiers(request: Request) -> Response:
    """Every identifier, in the order they are tried."""
    return ok(_sorted(store_of(request).all(KIND)))


async def put_identifier(request: Request) -> Response:
    """Add (no ``id``) or update (``id`` of an existing identifier) one identifier."""
    store = store_of(request)
    body = await json_body(request)
    if not isinstance(body, dict):
        raise ApiProblem(400, "The request is invalid.", "The body must be a BarcodeIdentifier.")
    _check(body)
    ident = body.get("id")
    if ident:
        if store.get(KIND, str(ident)) is None:
            raise ApiProblem(404, f"No barcode identifier with id {ident} exists.")
    else:
        ident = store.next_number(KIND)
    row: dict[str, Any] = {"id": ident, **{name: body.get(name) for name in _TEXT}}
    row["order"] = body.get("order")
    store.put(KIND, str(ident), row)
    return ok(row)


async def delete_identifier(request: Request) -> Response:
    """Delete one identifier; 404 when there is none with that id."""
    ident = request.path_params["id"]
    if not re.fullmatch(r"-?\d{1,10}", ident):
        detail = f"The value '{ident}' is not valid for id."
        raise ApiProblem(400, "The request is invalid.", detail)
    if not store_of(request).delete(KIND, str(int(ident))):
        raise ApiProblem(404, f"No barcode identifier with id {ident} exists.")
    return ok(None)


def _find(expression: str | None, code: str) -> str | None:
    if not expression:
        return None
    match = re.search(expression, code)
    if match is None:
        return None
    return match.group(1) if match.re.groups else match.group(0)


def identify_code(rows: list[dict[str, Any]], code: str) -> dict[str, Any]:
    """What the first applying identifier (or the default format) finds in ``code``."""
    for row in _sorted(rows):
        if row.get("pattern") and re.search(row["pattern"], code):
            found = {name: _find(row.get(name), code) for name in PARTS}
            return {**row, **found}
    pieces = code.split("/")
    found = {name: (pieces[i] or None) if i < len(pieces) else None for i, name in enumerate(PARTS)}
    return {"id": None, "pattern": None, **found, "order": None, "description": None}


async def identify(request: Request) -> Response:
    """Split a barcode (``code``) into serial number, part number, revision, batch and process."""
    code = Params(request).req("code")
    if len(code) > _MAX_CODE:
        raise ApiProblem(400, "The request is invalid.", f"code is longer than {_MAX_CODE}.")
    return ok(identify_code(store_of(request).all(KIND), code))
