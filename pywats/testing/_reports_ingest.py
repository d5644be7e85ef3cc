"""``POST /api/Report/WSJF`` and ``/WSXF``: read, validate and store one report (§2.1, §8.3).

The body is read with orjson when that gives exactly what the standard library would (see
:func:`_read_json`) and then stored as received, so a report costs one parse and no second
serialisation; the checks are those of ``pywats.reports.validate`` plus what only a server
knows (its processes).
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import error, ok, store_of, user_of
from pywats.testing._store import Store
from pywats.testing._wsjf import RESULT_WORDS, check_processes, iter_binary, make_header

__all__ = ["post_wsjf", "post_wsxf", "processes", "validate_report"]


def processes(store: Store) -> dict[int, dict[str, Any]]:
    return {int(p["code"]): p for p in store.all("process")}


def _basic_lines(doc: dict[str, Any]) -> list[str]:
    # Used only when pywats.reports is unavailable: the report-level rules of §8.3.
    lines = []
    if doc.get("type") not in ("T", "R"):
        lines.append("type: must be 'T' (test) or 'R' (repair).")
    try:
        uuid.UUID(str(doc.get("id")))
    except ValueError:
        lines.append("id: must be a GUID.")
    for name in ("pn", "sn", "rev", "machineName", "location", "purpose", "start"):
        value = doc.get(name)
        if not isinstance(value, str) or not value:
            lines.append(f"{name}: is required.")
        elif len(value) > 100:
            lines.append(f"{name}: must be at most 100 characters.")
    if doc.get("result") not in RESULT_WORDS:
        lines.append("result: must be one of P, F, E, T.")
    if doc.get("type") == "T" and not isinstance(doc.get("root"), dict):
        lines.append("root: is required for a test (UUT) report.")
    if doc.get("type") == "R" and not isinstance(doc.get("uur"), dict):
        lines.append("uur: is required for a repair (UUR) report.")
    return lines


def validate_report(
    doc: Any, store: Store, known: dict[int, dict[str, Any]] | None = None
) -> list[str]:
    """Every problem the server would report for ``doc``, as path-prefixed lines.

    ``known`` is the server's processes by code (read from ``store`` when not given).
    """
    if not isinstance(doc, dict):
        return ["report: the body must be a JSON object (a WSJF report)."]
    try:
        from pywats.reports import validate
    except ImportError:  # the report model is not installed: keep the server-side rules
        lines = _basic_lines(doc)
    else:
        from pywats._exceptions import ReportValidationError

        lines = []
        try:
            validate(doc)
        except ReportValidationError as exc:
            lines = list(exc.lines)
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            lines = [f"report: {exc}"]
    return lines + check_processes(doc, processes(store) if known is None else known)


async def post_wsjf(request: Request) -> Response:
    """Submit a WSJF report: 400 with every validation line, else 200 ``InsertReportResult``.

    Re-posting an id replaces the stored report (``receiveCount`` goes up). UUR attachments get
    their output-only ``id`` on receipt.
    """
    store = store_of(request)
    raw = await request.body()
    try:
        doc, text = _read_json(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return error(400, f"report: the body is not valid JSON ({exc}).")
    return _accept(request, store, doc, text)


_LONG_NUMBER = re.compile(rb"\d{19}")


def _read_json(raw: bytes) -> tuple[Any, str | None]:
    """``json.loads(raw)``, fast, and the text when it can be stored as received.

    orjson reads a report several times faster and gives the same values, except that it
    refuses what the standard library accepts (NaN, a byte-order mark, lone surrogates, UTF-16)
    and reads integers past 64 bits as floats: for those (any run of 19 digits, to be safe) the
    standard library decides, as it always has.
    """
    if not _LONG_NUMBER.search(raw):
        try:
            return orjson.loads(raw), raw.decode("utf-8")  # orjson took it: it is UTF-8
        except orjson.JSONDecodeError:
            pass
    return json.loads(raw), None


def _accept(request: Request, store: Store, doc: Any, text: str | None = None) -> Response:
    """Validate and store one report dict (WSJF, or WSXF converted); the POST answer.

    ``text`` is the JSON ``doc`` was read from: stored as it is unless ids are added here.
    """
    known = processes(store)
    lines = validate_report(doc, store, known)
    if lines:
        return error(400, "\n".join(lines))
    for item, _where in iter_binary(doc):
        if item.get("id") is None:
            item["id"] = str(uuid.uuid4())
            text = None  # the document changed: stored as written anew
    report_id = str(doc["id"])
    process = known.get(int(doc["processCode"]), {})
    header = make_header(
        doc,
        process_name=process.get("name"),
        origin=str(doc.get("origin") or user_of(request)),
    )
    record = store.put_report(report_id, doc, header, text=text)
    if record.receive_count == 1:  # a re-post replaces; it must not count asset usage twice
        from pywats.testing._assets import record_usage

        record_usage(store, doc)
    return ok({"ID": report_id, "uuid": report_id, "Report_ID": record.seq})


async def post_wsxf(request: Request) -> Response:
    """Submit a WSXF report (one ``<Report>``): converted to WSJF, then as ``post_wsjf``."""
    from pywats.station.converters import ConversionError
    from pywats.station.converters.wsxf import wsxf_to_wsjf

    store = store_of(request)
    try:
        docs = wsxf_to_wsjf(await request.body(), source="report")
    except ConversionError as exc:
        return error(400, str(exc))
    if len(docs) != 1:
        return error(400, f"report: the document holds {len(docs)} reports; post exactly one.")
    if not docs[0].get("id"):
        docs[0]["id"] = str(uuid.uuid4())  # the server gives a report without ID a new GUID
    return _accept(request, store, docs[0])
