"""Helpers the board-test converters share (TAKAYA, Teradyne Spectrum): units, identity, text.

Board testers write engineering units with an SI prefix and a one-letter base ("KO" for kilo-ohm,
"UF" for microfarad, "nF", "mH"). :func:`unit_scale` reads one into a factor and a display
unit, so a reading in ``mH`` can be judged against a reference in ``uH``; :func:`display_unit`
is what a report shows ("kOhm", "uF").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pywats.station.converters._base import ConversionError
from pywats.station.converters._common import parse_time

__all__ = [
    "JUDGEMENTS",
    "display_unit",
    "identity_from_program",
    "judge",
    "parse_local_time",
    "rescale",
    "sig",
    "unit_scale",
]

_PREFIX = {
    "f": 1e-15,
    "p": 1e-12,
    "n": 1e-9,
    "u": 1e-6,
    "µ": 1e-6,
    "m": 1e-3,
    "k": 1e3,
    "K": 1e3,
    "M": 1e6,
    "G": 1e9,
    # upper-case forms the testers write for small prefixes ("PF", "NF", "UF")
    "P": 1e-12,
    "N": 1e-9,
    "U": 1e-6,
}
_BASE = {"O": "Ohm", "OHM": "Ohm", "Ω": "Ohm", "F": "F", "H": "H", "V": "V", "A": "A", "HZ": "Hz"}

# Tester verdict words and the WATS status they mean. Anything else is a failure, and the
# word is kept in the step's text: a verdict we do not know must not pass silently.
JUDGEMENTS = {
    "PASS": "P",
    "PASSED": "P",
    "OK": "P",
    "GOOD": "P",
    "SKIP": "S",
    "SKIPPED": "S",
    "UNTESTED": "S",
    "NOTTESTED": "S",
    "NOT_TESTED": "S",
    "": "S",
}


def judge(word: str) -> str:
    """The WATS status of a tester's verdict word (unknown words are failures)."""
    key = word.strip().upper()
    if key and set(key) <= {".", "-", "*"}:
        return "S"  # "......" is TAKAYA's "not judged" (a jumped step)
    return JUDGEMENTS.get(key, "F")


def unit_scale(unit: str) -> tuple[float, str] | None:
    """``(factor to the base unit, base unit)`` for ``unit``, or None when it is not one we know.

    ``"KO"`` -> ``(1000.0, "Ohm")``, ``"nF"`` -> ``(1e-9, "F")``, ``"V"`` -> ``(1.0, "V")``.
    A leading upper-case ``M`` is mega and a lower-case ``m`` milli, as the testers write them.
    """
    text = unit.strip()
    if not text:
        return None
    base = _BASE.get(text.upper())
    if base is not None:
        return 1.0, base
    base = _BASE.get(text[1:].upper())
    factor = _PREFIX.get(text[0])
    if base is None or factor is None:
        return None
    return factor, base


def display_unit(unit: str) -> str:
    """``unit`` as a report shows it: ``"KO"`` -> ``"kOhm"``, ``"UF"`` -> ``"uF"``."""
    text = unit.strip()
    scale = unit_scale(text)
    if scale is None:
        return text
    factor, base = scale
    for prefix in ("f", "p", "n", "u", "m", "k", "M", "G"):
        if factor == _PREFIX[prefix]:
            return prefix + base
    return base


def sig(value: float) -> float:
    """``value`` rounded to 12 significant digits (hides binary noise from unit scaling)."""
    return float(f"{value:.12g}")


def rescale(value: float, unit: str, to_unit: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to_unit`` (None when they measure different things)."""
    if unit.strip() == to_unit.strip():
        return value
    a, b = unit_scale(unit), unit_scale(to_unit)
    if a is None or b is None or a[1] != b[1]:
        return None
    return sig(value * a[0] / b[0])


def identity_from_program(
    program: str, params: Mapping[str, Any], where: str, what: str
) -> tuple[str, str]:
    """Part number and revision from a test program's name and the folder parameters.

    ``parameters.pn`` wins; else ``parameters.pn_pattern`` (a regular expression with a group
    named ``pn`` and optionally one named ``rev``) is matched against the program name; else the
    program name itself is the part number. The revision comes from the pattern, else
    ``parameters.rev``, else ``"1"``.

    Raises:
        ConversionError: no part number can be found (the message names the parameter).
    """
    pn = str(params.get("pn") or "").strip()
    rev = ""
    pattern = params.get("pn_pattern")
    if not pn and pattern and program:
        try:
            match = re.search(str(pattern), program)
        except re.error as exc:
            raise ConversionError(
                f"{where}: parameters.pn_pattern {pattern!r} is not a regular expression ({exc})"
            ) from None
        if match is None:
            raise ConversionError(
                f"{where}: the {what} {program!r} does not match parameters.pn_pattern"
                f" {pattern!r}; set parameters.pn or fix the pattern"
            )
        groups = match.groupdict()
        pn = (groups.get("pn") or "").strip()
        rev = (groups.get("rev") or "").strip()
    if not pn:
        pn = program.strip()
    if not pn:
        raise ConversionError(
            f"{where}: the file names no {what}, so there is no part number;"
            " set the folder parameter pn (e.g. -p pn=PCB-1001)"
        )
    return pn, rev or str(params.get("rev") or "").strip() or "1"


def parse_local_time(
    text: str, where: str, formats: tuple[str, ...], fmt: object = None
) -> datetime:
    """Parse ``text`` with ``fmt`` (the ``date_format`` parameter) or the first of ``formats``.

    Raises:
        ConversionError: nothing matches; the message starts with ``where``.
    """
    if fmt:
        return parse_time(text, where, str(fmt))
    for candidate in formats:
        try:
            return parse_time(text, where, candidate)
        except ConversionError:
            continue
    raise ConversionError(
        f"{where}: {text.strip()!r} is not a date and time this converter knows"
        " (set parameters.date_format, e.g. '%d/%m/%Y %H:%M:%S')"
    )
