"""Between the generated client and the SDK's boundary: shaping arguments, reading answers.

No I/O here: both twins' services import these. Generated models stay the wire format; at the
boundary their ``UNSET`` becomes None, untyped answers are read as JSON, and files are bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, TypeVar

__all__ = [
    "JsonBody",
    "as_uuid",
    "check_shape",
    "file_bytes",
    "json_of",
    "model",
    "one_of",
    "opt",
    "opt_aware",
    "require",
    "upload",
]

M = TypeVar("M")


def check_shape(result: Any) -> None:
    """Refuse an answer parsed into a model that was not a JSON object (``[]``, ``5``).

    The generated parsers build a model from ``dict(answer)``, so ``[]`` becomes an empty
    product. Raises ``TypeError`` (``_call`` turns it into "could not be read").
    """
    parsed = getattr(result, "parsed", None)
    if parsed is None or not hasattr(parsed, "additional_properties"):
        return
    content = getattr(result, "content", b"")
    if isinstance(content, bytes) and content.lstrip()[:1] != b"{":
        raise TypeError(f"expected a JSON object, got {content.lstrip()[:20]!r}")


def opt(value: Any) -> Any:
    """None → ``UNSET`` (the generated client leaves UNSET parameters out of the request)."""
    if value is None:
        from wats_api.types import UNSET

        return UNSET
    return value


def opt_aware(value: dt.datetime | None, what: str) -> Any:
    """:func:`opt` for a datetime parameter, which must carry its time zone.

    Raises:
        ValueError: ``value`` is naive (``what`` names the argument).
    """
    if value is not None and value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, e.g. datetime.now(timezone.utc)")
    return opt(value)


def model(cls: type[M], value: Any) -> M:
    """A generated model (the wire format) from a pywats value or a wire-name mapping.

    A pywats value leaves out its None fields: sending them as JSON nulls could clear fields
    on the server. A mapping is sent as given.
    """
    from pywats._models import wire_dict

    built: M = cls.from_dict(wire_dict(value))  # type: ignore[attr-defined]
    return built


class JsonBody:
    """A request body sent exactly as given (the generated client calls ``to_dict()``).

    Used where the SDK already holds the wire form, e.g. a WSJF report dict: building the
    generated model from it and back would cost time and could drop unknown fields.
    """

    __slots__ = ("_data",)

    def __init__(self, data: Any) -> None:
        self._data = data

    def to_dict(self) -> Any:
        return self._data


def json_of(content: bytes) -> Any:
    """The JSON value of a response body; None for an empty body (some GETs answer 200 empty)."""
    if not content.strip():
        return None
    return json.loads(content)


def as_uuid(value: uuid.UUID | str, what: str = "id") -> uuid.UUID:
    """A UUID from a UUID or its text.

    Raises:
        ValueError: the text is not a GUID.
    """
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value).strip())
    except ValueError:
        raise ValueError(f"{what} must be a GUID, got {value!r}") from None


def require(value: str, what: str) -> str:
    """Refuse an empty identifier before any I/O (misuse is a ValueError, not a 404)."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, got {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{what} must not be empty")
    return value


def one_of(asset_id: str | None, serial_number: str | None) -> tuple[Any, Any]:
    """Exactly one of id / serial number, as generated-client arguments."""
    if (asset_id is None) == (serial_number is None):
        raise ValueError("give exactly one of the id and serial_number")
    return opt(asset_id), opt(serial_number)


FileSource = bytes | str | os.PathLike[str] | IO[bytes]


def file_bytes(source: FileSource) -> bytes:
    """The bytes of an upload: bytes as they are, a path's content, or a binary stream's."""
    if isinstance(source, bytes):
        return source
    if isinstance(source, str | os.PathLike):
        return Path(source).read_bytes()
    return source.read()


def upload(data: bytes, file_name: str | None, mime_type: str | None) -> Any:
    """A generated ``File`` holding bytes.

    Bytes, not the stream the type names: httpx sends bytes from both its sync and async
    clients (an async client refuses a sync stream), and a retry can send them again.
    """
    from wats_api.types import File

    return File(payload=data, file_name=file_name, mime_type=mime_type)


def strings(values: Iterable[str]) -> list[str]:
    """A list of strings; a lone string is one value, not its characters."""
    return [values] if isinstance(values, str) else list(values)
