"""Fixtures for the report tests: the real server exports in ``../shared`` (skipped if absent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
REAL_REPORTS = SHARED / "fixtures" / "real-reports"


def real_report_paths() -> list[Path]:
    """The real exports, or an empty list when ../shared is not next to the repository."""
    if not REAL_REPORTS.is_dir():
        return []
    return sorted(REAL_REPORTS.glob("*.json"))


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8-sig"))


@pytest.fixture
def real_uut_export() -> dict[str, Any]:
    path = REAL_REPORTS / "uut-wsjf-export.json"
    if not path.is_file():
        pytest.skip(f"real server exports not found at {REAL_REPORTS} (../shared is absent)")
    data: dict[str, Any] = load_json(path)
    return data
