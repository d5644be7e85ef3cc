"""Fixtures for the station's process tests (see ``_harness.py``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ._harness import Station, station_factory

if TYPE_CHECKING:
    from pywats.testing import Emulator


@pytest.fixture
def station(tmp_path: Path, fresh_emulator: Emulator) -> Iterator[Callable[..., Station]]:
    yield from station_factory(tmp_path, fresh_emulator)
