"""Jinja filters: times, ages and sizes the way an operator reads them."""

from __future__ import annotations

import json
import time
from datetime import datetime
from typing import Any

__all__ = ["FILTERS", "ago", "pretty_json", "when"]


def when(value: float | None) -> str:
    """A Unix time as local ``YYYY-MM-DD HH:MM:SS`` (empty for None)."""
    if value is None:
        return ""
    return datetime.fromtimestamp(float(value)).strftime("%Y-%m-%d %H:%M:%S")


def ago(value: float | None, now: float | None = None) -> str:
    """How long ago a Unix time was: ``12 s ago``, ``5 min ago``, ``3.2 h ago``, ``never``."""
    if value is None:
        return "never"
    seconds = max(0.0, (time.time() if now is None else now) - float(value))
    if seconds < 120:
        return f"{seconds:.0f} s ago"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min ago"
    if seconds < 3 * 86400:
        return f"{seconds / 3600:.1f} h ago"
    return f"{seconds / 86400:.0f} days ago"


def pretty_json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False)


def size(value: int) -> str:
    if value < 1024:
        return f"{value} B"
    if value < 1024 * 1024:
        return f"{value / 1024:.1f} KB"
    return f"{value / 1024 / 1024:.1f} MB"


FILTERS = {"when": when, "ago": ago, "pretty_json": pretty_json, "size": size}
