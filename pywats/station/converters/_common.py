"""Helpers the built-in converters share: reading, stable ids, times, the report header."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pywats.reports import UUTReport
from pywats.station.converters._base import ConversionError, ConverterContext

__all__ = ["from_timestamp", "new_uut", "parse_time", "read_bytes", "stable_id"]

# Report ids derive from the file's bytes: converting the same file twice gives the same id,
# so a re-read file replaces its report on the server instead of duplicating it.
_ID_NAMESPACE = uuid.UUID("5b0f5d3c-7f0e-4d36-9d67-2f6a3c1f8e21")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a ConversionError naming it."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise ConversionError(f"{path.name}: is a directory, not a file") from None
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise ConversionError(f"{path.name}: cannot be read ({exc.strerror})") from None


def stable_id(data: bytes, index: int = 0) -> str:
    """A report id that depends only on the file's content and the report's index in it."""
    return str(uuid.uuid5(_ID_NAMESPACE, f"{hashlib.sha256(data).hexdigest()}:{index}"))


_FORMATS = (
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%d.%m.%Y %H:%M:%S",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M:%S %p",
    "%Y%m%d%H%M%S",
    "%Y%m%d_%H%M%S",
)


def parse_time(text: str, where: str, fmt: str | None = None) -> datetime:
    """Parse a time stamp (ISO 8601, a few common layouts, or ``fmt``); naive means local time.

    Raises:
        ConversionError: the text is not a time; the message starts with ``where``.
    """
    value = text.strip()
    parsed: datetime | None = None
    if fmt:
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            raise ConversionError(
                f"{where}: {text!r} does not match the time format {fmt!r}"
            ) from None
    else:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            for candidate in _FORMATS:
                try:
                    parsed = datetime.strptime(value, candidate)
                    break
                except ValueError:
                    continue
    if parsed is None:
        raise ConversionError(f"{where}: {text!r} is not a date and time")
    if parsed.tzinfo is None:
        parsed = parsed.astimezone()  # naive stamps are the station's local time
    return parsed


def from_timestamp(seconds: float) -> datetime:
    """A POSIX time stamp as an aware datetime in the station's time zone."""
    return datetime.fromtimestamp(seconds, tz=UTC).astimezone()


def new_uut(
    context: ConverterContext,
    *,
    data: bytes,
    index: int = 0,
    pn: str,
    sn: str,
    rev: str,
    start: datetime,
    process_code: int | None = None,
    operator: str | None = None,
    **fields: Any,
) -> UUTReport:
    """A UUT report with the station identity from ``context`` and a stable id.

    ``process_code`` falls back to the folder's ``operation_code`` parameter and then to 10;
    ``operator`` to the folder's ``operator`` parameter.
    """
    code = process_code if process_code is not None else context.operation_code
    return UUTReport(
        id=stable_id(data, index),
        pn=pn,
        sn=sn,
        rev=rev,
        process_code=10 if code is None else code,
        station_name=context.station_name,
        location=context.location,
        purpose=context.purpose,
        operator=operator if operator else context.operator,
        start=start,
        **fields,
    )
