"""WSJF date-times (``reference/wats-api.md`` §1.7).

``start`` is local time with its offset (``2026-01-30T22:01:41.4707353+01:00``), ``startUTC`` the
same instant with ``Z``. The server writes .NET's 7 fractional digits; Python keeps 6, so a
read truncates the 100-ns digit (and the model remembers the text it read, see ``_model``).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

__all__ = ["format_dt", "format_utc", "parse_dt"]

# date, "T" or space, time, optional fraction (any digits), optional Z or +hh:mm / +hhmm
_DT_RE = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?"
    r"(Z|z|[+-]\d{2}:?\d{2})?$"
)


def parse_dt(text: str) -> datetime:
    """Parse an ISO 8601 date-time as the server writes it (any number of fraction digits).

    A value without an offset gives a naive datetime (the server's handling of those is
    undocumented, §10.18). Raises ValueError when the text is not a date-time.
    """
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    except TypeError as exc:
        raise ValueError(f"not a date-time: {text!r}") from exc
    m = _DT_RE.match(text.strip())
    if m is None:
        raise ValueError(f"not a date-time: {text!r}")
    date, time, frac, zone = m.groups()
    out = f"{date}T{time}"
    if frac:
        out += "." + frac[:6].ljust(6, "0")
    if zone:
        out += "+00:00" if zone in ("Z", "z") else zone
    return datetime.fromisoformat(out)


def _aware(dt: datetime, what: str) -> None:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(
            f"{what} is a naive datetime; WSJF needs a time zone "
            "(use datetime.now().astimezone() or pass tzinfo)"
        )


def format_dt(dt: datetime, what: str = "datetime") -> str:
    """``2026-03-02T10:15:30.123456+01:00``; raises ValueError for a naive datetime."""
    _aware(dt, what)
    return dt.isoformat(timespec="microseconds")


def format_utc(dt: datetime, what: str = "datetime") -> str:
    """The same instant in UTC with a ``Z`` suffix (``startUTC``)."""
    _aware(dt, what)
    return dt.astimezone(UTC).isoformat(timespec="microseconds")[:-6] + "Z"
