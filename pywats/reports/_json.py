"""WSJF dict → compact JSON text, fast, and byte for byte what the standard library writes.

The text is always exactly ``json.dumps(data, separators=(",", ":"), ensure_ascii=False,
allow_nan=False)``. orjson writes it about 8x faster, so it is used whenever its output is
provably the same:

* orjson writes a float of magnitude 1e-9 ≤ |x| < 1e-4 as ``0.00001`` or ``1e-7`` where
  Python writes ``1e-05`` / ``1e-07``. Python's own text never holds a one-digit negative
  exponent, nor ``0.0000`` unless after a digit (``10.00001``), so when orjson's output holds
  either (a number, or a string that merely looks like one) the standard library writes the
  document instead;
* orjson refuses what the standard library may accept (integers past 64 bits, nesting past
  255 levels, lone surrogates): the standard library then writes it, or raises as before;
* datetimes and dataclasses are not in a WSJF dict: orjson is told not to serialise them, so
  they fail as they do with the standard library.

Non-finite floats never reach here as floats: the writer (``_wsjf.py``) turns NaN and
±Infinity into the strings Json.NET reads. orjson is imported on first use, not with pywats.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["dumps", "dumps_bytes", "use_orjson"]

# A float orjson formats differently from Python: "0.0000..." or a one-digit negative exponent.
# The exponent must end a number (digit before the "e", a delimiter after), so a report id like
# "0123456e-1a2b-..." (about one uuid4 in 16) does not send the report down the slow path.
_ONE_DIGIT_EXPONENT = re.compile(rb"(?<=\d)e-\d(?=[,\]}]|$)")
_DIGITS = frozenset(b"0123456789")

_orjson: Any = None  # the module once imported; False when it is not installed
_enabled = True


def use_orjson(enabled: bool) -> bool:
    """Switch the orjson fast path on or off (tests run both); return the previous setting."""
    global _enabled
    previous, _enabled = _enabled, enabled
    return previous


def _fast() -> Any:
    global _orjson
    if _orjson is None:
        try:
            import orjson
        except ImportError:
            _orjson = False
        else:
            _orjson = orjson
    return _orjson if _enabled else False


def _stdlib(data: Any) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def dumps(data: Any) -> str:
    """``data`` as compact JSON text (non-ASCII kept, NaN refused), as ``json.dumps`` writes it."""
    raw = _orjson_bytes(data)
    return _stdlib(data) if raw is None else raw.decode("utf-8")


def dumps_bytes(data: Any) -> bytes:
    """``dumps(data)`` encoded as UTF-8 (a request body): orjson's bytes are not decoded."""
    raw = _orjson_bytes(data)
    return _stdlib(data).encode("utf-8") if raw is None else raw


def _orjson_bytes(data: Any) -> bytes | None:
    """orjson's text of ``data`` when it is the standard library's, else None."""
    fast = _fast()
    if not fast:
        return None
    try:
        raw: bytes = fast.dumps(
            data, option=fast.OPT_PASSTHROUGH_DATETIME | fast.OPT_PASSTHROUGH_DATACLASS
        )
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return None
    if _small_decimal(raw) or (b"e-" in raw and _ONE_DIGIT_EXPONENT.search(raw)):
        return None
    return raw


def _small_decimal(raw: bytes) -> bool:
    """Whether ``raw`` holds ``0.0000`` not preceded by a digit (``10.00001`` is Python's too)."""
    i = raw.find(b"0.0000")
    while i >= 0:
        if i == 0 or raw[i - 1] not in _DIGITS:
            return True
        i = raw.find(b"0.0000", i + 1)
    return False
