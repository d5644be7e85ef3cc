"""Helpers the built-in converters share: reading, stable ids, times, the report header."""

from __future__ import annotations

import contextlib
import hashlib
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from pywats.reports import UUTReport
from pywats.station.converters._base import ConversionError, ConverterContext

__all__ = [
    "from_timestamp",
    "new_uut",
    "parse_time",
    "read_bytes",
    "read_stream",
    "stable_id",
]

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


@contextlib.contextmanager
def read_stream(path: Path) -> Iterator[BinaryIO]:
    """The file opened for reading in binary, with the errors of :func:`read_bytes`."""
    try:
        handle = path.open("rb")
    except IsADirectoryError:
        raise ConversionError(f"{path.name}: is a directory, not a file") from None
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise ConversionError(f"{path.name}: cannot be read ({exc.strerror})") from None
    with handle:
        yield handle


def stable_id(data: bytes, index: int = 0, *, digest: str | None = None) -> str:
    """A report id that depends only on the file's content and the report's index in it.

    ``digest`` (the content's SHA-256 in hex) stands for ``data`` when the file was streamed.
    """
    text = digest if digest is not None else hashlib.sha256(data).hexdigest()
    return str(uuid.uuid5(_ID_NAMESPACE, f"{text}:{index}"))


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
            if parsed is None and value[:1].isalpha():
                parsed = _rfc2822(value)
    if parsed is None:
        raise ConversionError(f"{where}: {text!r} is not a date and time")
    if parsed.tzinfo is None:
        parsed = parsed.astimezone()  # naive stamps are the station's local time
    return parsed


def _rfc2822(value: str) -> datetime | None:
    """``Thu, 29 Dec 2022 15:34:28 GMT`` (RFC 1123/2822, e.g. mocha's JUnit reporter)."""
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


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
    digest: str | None = None,
    **fields: Any,
) -> UUTReport:
    """A UUT report with the station identity from ``context`` and a stable id.

    ``process_code`` falls back to the folder's ``operation_code`` parameter and then to 10;
    ``operator`` to the folder's ``operator`` parameter. ``digest`` (SHA-256 hex of the
    file) replaces ``data`` for the id when the file was streamed.
    """
    code = process_code if process_code is not None else context.operation_code
    return UUTReport(
        id=stable_id(data, index, digest=digest),
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
