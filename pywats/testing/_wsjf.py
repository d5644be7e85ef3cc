"""Reading stored WSJF documents: step walks, report headers and the server's own checks.

A step's *path* is the names from the root down joined with the pilcrow ``¶``, the separator the
server uses for measurement paths (reference §1.7), e.g. ``MainSequence Callback¶Numeric
tests¶SingleEQFail``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC
from typing import Any

from pywats.testing._odata import parse_datetime

__all__ = [
    "RESULT_WORDS",
    "STEP_WORDS",
    "check_processes",
    "make_header",
    "start_utc",
    "walk_steps",
]

PILCROW = "\u00b6"
RESULT_WORDS = {"P": "Passed", "F": "Failed", "E": "Error", "T": "Terminated"}
STEP_WORDS = {
    "P": "Passed",
    "F": "Failed",
    "D": "Done",
    "S": "Skipped",
    "E": "Error",
    "T": "Terminated",
    "U": "Unknown",
}


def walk_steps(root: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(path, step)`` for every step of a report tree, depth-first, root first."""
    if not isinstance(root, dict):
        return
    stack: list[tuple[str, dict[str, Any]]] = [(str(root.get("name") or ""), root)]
    while stack:
        path, step = stack.pop()
        yield path, step
        children = step.get("steps")
        if isinstance(children, list):
            for child in reversed(children):
                if isinstance(child, dict):
                    stack.append((f"{path}{PILCROW}{child.get('name') or ''}", child))


def find_step(root: Any, step_id: Any) -> tuple[str, dict[str, Any]] | None:
    for path, step in walk_steps(root):
        if step.get("id") == step_id:
            return path, step
    return None


def start_utc(doc: dict[str, Any]) -> str | None:
    """``startUTC`` as sent, else derived from ``start`` (``yyyy-MM-ddTHH:mm:ss.fffffffZ``)."""
    value = doc.get("startUTC")
    if isinstance(value, str) and value:
        return value
    start = doc.get("start")
    parsed = parse_datetime(start) if isinstance(start, str) else None
    if parsed is None:
        return None
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z"


def _header_start(doc: dict[str, Any]) -> str | None:
    # ReportHeader.start is "yyyy-MM-ddTHH:mm:ssZ" (reference §1.7): the UTC instant.
    utc = start_utc(doc)
    parsed = parse_datetime(utc) if utc else None
    return parsed.strftime("%Y-%m-%dT%H:%M:%SZ") if parsed else None


def make_header(doc: dict[str, Any], *, process_name: str | None, origin: str) -> dict[str, Any]:
    """Derive the ``ReportHeader`` row of ``GET /api/Report/Query/Header`` (reference §8.5).

    ``timeStamp`` and ``receiveCount`` are added by the store. ``swFilename``/``swVersion`` come
    from the root's ``seqCall`` (file name of its path, and its version) and
    ``causedUutFailurePath`` joins step names with ``¶``: both are assumptions (§10.12).
    """
    is_uut = doc.get("type") == "T"
    info = doc.get("uut" if is_uut else "uur")
    info = info if isinstance(info, dict) else {}
    root = doc.get("root") if is_uut else None
    seq_call = root.get("seqCall") if isinstance(root, dict) else None
    seq_call = seq_call if isinstance(seq_call, dict) else {}
    sw_path = seq_call.get("path") or seq_call.get("name")
    caused = caused_path = None
    if is_uut and info.get("stepIdCausedUUTFailure") is not None:
        found = find_step(root, info.get("stepIdCausedUUTFailure"))
        if found:
            caused_path, step = found
            caused = step.get("name")
    sub_units: list[Any] = doc["subUnits"] if isinstance(doc.get("subUnits"), list) else []
    misc: list[Any] = doc["miscInfos"] if isinstance(doc.get("miscInfos"), list) else []
    attachments: list[dict[str, Any]] = []
    uur_attachments: list[dict[str, Any]] = []
    if is_uut:
        for _, step in walk_steps(root):
            att = step.get("attachment")
            if isinstance(att, dict):
                attachments.append({"stepId": step.get("id"), "filename": att.get("name")})
    else:
        for item, _data in iter_binary(doc):
            uur_attachments.append({"id": item.get("id"), "filename": item.get("name")})
    misc_rows = [
        {
            "description": m.get("description"),
            "value": m.get("text") if m.get("text") is not None else _str(m.get("numeric")),
        }
        for m in misc
        if isinstance(m, dict)
    ]
    header: dict[str, Any] = {
        "uuid": doc.get("id"),
        "serialNumber": doc.get("sn"),
        "partNumber": doc.get("pn"),
        "reportType": doc.get("type"),
        "start": _header_start(doc),
        "revision": doc.get("rev"),
        "result": RESULT_WORDS.get(str(doc.get("result")), doc.get("result")),
        "batchNumber": info.get("batchSN") if is_uut else None,
        "userName": info.get("user"),
        "stationName": doc.get("machineName"),
        "location": doc.get("location"),
        "purpose": doc.get("purpose"),
        "measuresDeleted": False,
        "processCode": doc.get("processCode"),
        "processName": process_name,
        "comment": info.get("comment"),
        "executionTime": info.get("execTime"),
        "swFilename": os.path.basename(str(sw_path).replace("\\", "/")) if sw_path else None,
        "swVersion": seq_call.get("version"),
        "testSocketIndex": info.get("testSocketIndex") if is_uut else None,
        "fixtureId": info.get("fixtureId") if is_uut else None,
        "errorCode": info.get("errorCode") if is_uut else None,
        "errorMessage": info.get("errorMessage") if is_uut else None,
        "run": 1,
        "reportSize": 0,
        "causedUutFailure": caused,
        "causedUutFailurePath": caused_path,
        "passedInRun": None,
        "referencedUut": None if is_uut else info.get("refUUT"),
        "subUnits": [
            {
                "partType": s.get("partType"),
                "serialNumber": s.get("sn"),
                "partNumber": s.get("pn"),
                "revision": s.get("rev"),
            }
            for s in sub_units
            if isinstance(s, dict) and is_uut
        ],
        "miscInfo": misc_rows if is_uut else [],
        "assets": [],
        "attachments": attachments,
        "uurSubUnits": [
            {"serialNumber": s.get("sn"), "partNumber": s.get("pn"), "revision": s.get("rev")}
            for s in sub_units
            if isinstance(s, dict) and not is_uut
        ],
        "uurMiscInfo": [] if is_uut else misc_rows,
        "uurAttachments": uur_attachments,
        "_origin": origin,
    }
    return header


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def iter_binary(doc: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str]]:
    """Yield every UUR attachment item (report ``binaryData`` and failure attachments)."""
    for item in doc.get("binaryData") or []:
        if isinstance(item, dict):
            yield item, "binaryData"
    for unit in doc.get("subUnits") or []:
        if not isinstance(unit, dict):
            continue
        for failure in unit.get("failures") or []:
            if isinstance(failure, dict):
                for item in failure.get("attachments") or []:
                    if isinstance(item, dict):
                        yield item, "failure"


def check_processes(doc: dict[str, Any], processes: dict[int, dict[str, Any]]) -> list[str]:
    """The checks only the server can make: the process exists, matches and fits the type.

    Reference §4.1 and §8.3: ``processCode`` must be a known process, a given ``processName``
    must match its name exactly, a UUT needs a test operation and a UUR a repair operation.
    """
    lines: list[str] = []
    code = doc.get("processCode")
    if not isinstance(code, int) or isinstance(code, bool):
        return lines  # the structural validator reports a missing or mistyped code
    process = processes.get(code)
    if process is None:
        return [f"processCode: no process with code {code} exists on this server."]
    name = doc.get("processName")
    if name is not None and name != process["name"]:
        lines.append(
            f"processName: '{name}' does not match the name of process {code}, '{process['name']}'."
        )
    if doc.get("type") == "T" and not process.get("isTestOperation"):
        lines.append(f"processCode: process {code} ({process['name']}) is not a test operation.")
    if doc.get("type") == "R" and not process.get("isRepairOperation"):
        lines.append(f"processCode: process {code} ({process['name']}) is not a repair operation.")
    uur = doc.get("uur")
    if doc.get("type") == "R" and isinstance(uur, dict):
        test_code = uur.get("processCode")
        if isinstance(test_code, int) and not isinstance(test_code, bool):
            test = processes.get(test_code)
            if test is None:
                lines.append(f"uur -> processCode: no process with code {test_code} exists.")
            elif not test.get("isTestOperation"):
                lines.append(f"uur -> processCode: process {test_code} is not a test operation.")
    return lines
