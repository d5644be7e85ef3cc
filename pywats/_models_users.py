"""The signed-in user's settings (``api.analytics``)."""

from __future__ import annotations

from typing import Any

import attrs

from pywats._models import WireValue, _wire

__all__ = ["UserSettings"]


@_wire("CommonUserSettings")
@attrs.frozen(kw_only=True)
class UserSettings(WireValue):
    full_name: str | None = None
    culture_code: str | None = None
    email: str | None = None
    roles: list[str] | None = None
    levels: list[str] | None = None
    product_groups: list[str] | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
