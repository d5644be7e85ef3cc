"""The validator's field checks: each adds a line when a value is unusable, else returns it."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import Any

from pywats.reports._dates import parse_dt
from pywats.reports._validate_fast import (
    _IDENTIFIERS,
    _INT32,
    _MAX_DEPTH,
    _NONFINITE,
    _is_guid,
    _is_text,
    _short,
)

__all__: list[str] = []


class _FieldChecks:
    """Collects lines; checks one field (text, number, date, GUID, ...) at a time."""

    __slots__ = ("lines", "step_ids")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.step_ids: dict[int, str] = {}

    def add(self, path: str, message: str) -> None:
        line = f"{path}: {message}"
        if not line.isascii() and not _is_text(line):
            line = line.encode("utf-8", "backslashreplace").decode("utf-8")  # printable
        self.lines.append(line)

    # -- field helpers: each returns the value when it is usable, else None

    def text(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        *,
        required: bool = False,
        nonempty: bool = False,
        max_len: int | None = None,
    ) -> str | None:
        value = obj.get(key)
        if value is None:
            if required:
                self.add(path, f"{key} is required.")
            return None
        if not isinstance(value, str):
            self.add(path, f"{key} must be a string, not {_short(value)}.")
            return None
        if nonempty and not value.strip():
            self.add(path, f"{key} cannot be empty.")
        if not value.isascii() or (key in _IDENTIFIERS and "\x00" in value):
            self._check_characters(key, value, path)
        if max_len is not None and len(value) > max_len:
            self.add(
                path, f"{key} cannot be longer than {max_len} characters (it has {len(value)})."
            )
        return value

    def _check_characters(self, key: str, value: str, path: str) -> None:
        if key in _IDENTIFIERS and "\x00" in value:
            # Databases and C tools cut a string at NUL: two serial numbers would become one.
            self.add(path, f"{key} contains a NUL character (\\x00).")
        if not _is_text(value):
            # JSON "\\ud800" without its pair: it cannot even be sent as UTF-8.
            self.add(path, f"{key} contains a lone surrogate (\\ud800-\\udfff): not valid text.")

    def integer(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        *,
        required: bool = False,
        minimum: int | None = None,
    ) -> int | None:
        value = obj.get(key)
        if value is None:
            if required:
                self.add(path, f"{key} is required.")
            return None
        number: int | None = None
        if isinstance(value, bool):
            number = None
        elif isinstance(value, int):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str):
            # Json.NET converts numeric strings for int fields
            try:
                number = int(value.strip())
            except ValueError:
                number = None
        if number is None:
            self.add(path, f"{key} must be an integer, not {_short(value)}.")
            return None
        if not _INT32[0] <= number <= _INT32[1]:
            self.add(path, f"{key} {number} is out of range for a 32-bit integer.")
            return None
        if minimum is not None and number < minimum:
            self.add(path, f"{key} cannot be less than {minimum} (it is {number}).")
        return number

    def number(self, obj: Mapping[str, Any], key: str, path: str) -> float | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool):
            self.add(path, f"{key} must be a number, not {_short(value)}.")
            return None
        if isinstance(value, int | float):
            return float(value)
        if isinstance(value, str):
            if value in _NONFINITE:
                return _NONFINITE[value]
            try:
                return float(value)
            except ValueError:
                pass
        self.add(path, f"{key} must be a number, not {_short(value)}.")
        return None

    def boolean(self, obj: Mapping[str, Any], key: str, path: str) -> None:
        value = obj.get(key)
        if value is not None and not isinstance(value, bool):
            self.add(path, f"{key} must be true or false, not {_short(value)}.")

    def code(
        self,
        obj: Mapping[str, Any],
        key: str,
        path: str,
        allowed: tuple[str, ...] | frozenset[str],
        *,
        required: bool = False,
        fold: bool = False,
    ) -> str | None:
        value = self.text(obj, key, path, required=required)
        if value is None:
            return None
        probe = value.upper() if fold else value
        if probe not in allowed:
            options = (
                ", ".join(sorted(allowed)) if isinstance(allowed, frozenset) else ", ".join(allowed)
            )
            self.add(path, f"{key} {value!r} is not valid; use one of {options}.")
            return None
        return value

    def date(self, obj: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> None:
        value = self.text(obj, key, path, required=required)
        if value is None:
            return
        try:
            parse_dt(value)
        except (ValueError, OverflowError):
            self.add(path, f"{key} {value!r} is not a date-time.")

    def guid(self, obj: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> None:
        value = self.text(obj, key, path, required=required)
        if value is not None and not _is_guid(value):
            self.add(path, f"{key} {value!r} is not a GUID.")

    def items(
        self, obj: Mapping[str, Any], key: str, path: str
    ) -> list[tuple[str, dict[str, Any]]]:
        """The dict items of list ``key``, each with its path ``path -> key[i]``."""
        value = obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(path, f"{key} must be a list, not {_short(value)}.")
            return []
        out = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                out.append((f"{path} -> {key}[{i}]", item))
            else:
                self.add(path, f"{key}[{i}] must be an object, not {_short(item)}.")
        return out

    def obj(self, parent: Mapping[str, Any], key: str, path: str) -> dict[str, Any] | None:
        value = parent.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.add(path, f"{key} must be an object, not {_short(value)}.")
            return None
        return value

    # -- report parts

    def binary(self, item: Mapping[str, Any], path: str) -> None:
        self.text(item, "name", path, max_len=256)
        self.text(item, "contentType", path, max_len=100)
        data = self.text(item, "data", path)
        if data is not None:
            try:
                base64.b64decode(data, validate=True)
            except (binascii.Error, ValueError):
                self.add(path, "data must be Base64 text.")
        self.guid(item, "id", path)

    def additional(self, item: Mapping[str, Any], path: str, depth: int = 0) -> None:
        self.text(item, "name", path, max_len=200)
        for p_path, prop in self.items(item, "props", path):
            self.prop(prop, p_path, depth + 1)

    def prop(self, prop: Mapping[str, Any], path: str, depth: int) -> None:
        if depth > _MAX_DEPTH:
            self.add(path, f"nesting is deeper than {_MAX_DEPTH} levels.")
            return
        for key in ("name", "type", "value", "numFormat", "comment"):
            self.text(prop, key, path)
        self.integer(prop, "flags", path)
        for p_path, sub in self.items(prop, "props", path):
            self.prop(sub, p_path, depth + 1)
        arr = self.obj(prop, "array", path)
        if arr is not None:
            a_path = f"{path} -> array"
            self.integer(arr, "dimension", a_path, minimum=0)
            self.text(arr, "type", a_path)
            for i_path, idx in self.items(arr, "indexes", a_path):
                self.text(idx, "text", i_path)
                indexes = idx.get("indexes")
                if indexes is not None and not (
                    isinstance(indexes, list)
                    and all(isinstance(n, int) and not isinstance(n, bool) for n in indexes)
                ):
                    self.add(i_path, "indexes must be a list of integers.")
                value = self.obj(idx, "value", i_path)
                if value is not None:
                    self.prop(value, f"{i_path} -> value", depth + 1)
