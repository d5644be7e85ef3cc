"""OpenHTF record values for ``openhtf``: validator texts to limits, numbers, attachments and
phase exceptions (the mapping is in ``openhtf``'s docstring)."""

from __future__ import annotations

import math
import re
from typing import Any

from pywats.reports._limits import clip

__all__ = [
    "EQUAL",
    "EQUAL_NUM",
    "NUM",
    "RANGE",
    "REGEX",
    "SPECIAL",
    "WITHIN",
    "as_number",
    "attachment",
    "attachment_note",
    "is_float",
    "numeric_limits",
    "phase_exception",
    "regex_literal",
    "string_limit",
]

NUM = r"[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+|inf|nan)"
RANGE = re.compile(
    rf"^(?:({NUM}) <= )?(?:Marginal:{NUM} <= )?x(?: <= Marginal:{NUM})?(?: <= ({NUM}))?$"
)
EQUAL_NUM = re.compile(rf"^x == ({NUM})$")
EQUAL = re.compile(r"^'x' is equal to '(.*)'$", re.DOTALL)
WITHIN = re.compile(rf"^'x' is within ({NUM})% of ({NUM})\.")
REGEX = re.compile(r"^'x' matches /(.*)/$", re.DOTALL)
SPECIAL = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf, "infinity": math.inf}


def as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and value.strip().lower() in SPECIAL:
        return SPECIAL[value.strip().lower()]
    return None


def regex_literal(regex: str) -> str | None:
    """The text an anchored regex matches exactly (``^1\\.4\\.2$`` -> ``1.4.2``), else None."""
    if not (regex.startswith("^") and regex.endswith("$")):
        return None
    body = regex[1:-1]
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body) and not body[i + 1].isalnum():
            out.append(body[i + 1])
            i += 2
            continue
        if ch in ".^$*+?{}[]\\|()":
            return None
        out.append(ch)
        i += 1
    return "".join(out)


def attachment_note(name: str, item: dict[str, Any]) -> str:
    """``Attachment scope.csv (text/csv, 1234 bytes, sha1 ...) was not inlined``."""
    facts = [str(item.get("mimetype") or "unknown type")]
    size = item.get("size")
    if isinstance(size, int) and not isinstance(size, bool):
        facts.append(f"{size} bytes")
    if item.get("sha1"):
        facts.append(f"sha1 {item['sha1']}")
    return f"Attachment {name} ({', '.join(facts)}) was not inlined in the record"


def phase_exception(result: Any) -> tuple[str, str] | None:
    """(``RuntimeError: fan not responding``, traceback) for a phase that raised."""
    outcome = result.get("phase_result") if isinstance(result, dict) else None
    if not isinstance(outcome, dict) or not (outcome.get("exc_type") or outcome.get("exc_val")):
        return None
    kind = str(outcome.get("exc_type") or "")
    kind = re.sub(r"^<class '(?:[\w.]*\.)?(\w+)'>$", r"\1", kind)
    value = str(outcome.get("exc_val") or "")
    message = f"{kind}: {value}" if kind and value else kind or value
    return message, str(outcome.get("exc_tb") or "")


def attachment(name: str, item: dict[str, Any]) -> Any:
    from pywats.reports import Attachment

    return Attachment(
        name=clip(name, 256),
        content_type=str(item.get("mimetype") or "application/octet-stream"),
        data=item["data"],
    )


def numeric_limits(
    validators: list[str],
) -> tuple[str | None, float | None, float | None, list[str]]:
    leftover: list[str] = []
    found: tuple[str | None, float | None, float | None] | None = None
    for text in validators:
        if found is not None:
            leftover.append(text)
            continue
        if m := EQUAL_NUM.match(text):
            found = ("EQ", float(m.group(1)), None)
        elif (m := RANGE.match(text)) and (m.group(1) or m.group(2)):
            low = float(m.group(1)) if m.group(1) else None
            high = float(m.group(2)) if m.group(2) else None
            op = (
                "GELE"
                if low is not None and high is not None
                else ("GE" if low is not None else "LE")
            )
            found = (op, low, high)
        elif m := WITHIN.match(text):
            percent, expected = float(m.group(1)), float(m.group(2))
            delta = abs(expected) * percent / 100
            found = ("GELE", expected - delta, expected + delta)
        elif (m := EQUAL.match(text)) and is_float(m.group(1)):
            found = ("EQ", float(m.group(1)), None)
        else:
            leftover.append(text)
    if found is None:
        return "LOG", None, None, leftover
    # the builder moves a lone high limit (LE) to lowLimit
    return found[0], found[1], found[2], leftover


def is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def string_limit(validators: list[str]) -> tuple[str, str | None, list[str]]:
    leftover: list[str] = []
    found: str | None = None
    for text in validators:
        literal = (m := REGEX.match(text)) and regex_literal(m.group(1))
        if found is None and (m := EQUAL.match(text)):
            found = m.group(1)
        elif found is None and isinstance(literal, str):
            found = literal
        else:
            leftover.append(text)
    if found is None:
        return "LOG", None, leftover
    return "CASESENSIT", found, leftover
