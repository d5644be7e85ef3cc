"""Fixtures for the station's process tests (see ``_harness.py``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from ._harness import Station

if TYPE_CHECKING:
    from pywats.testing import Emulator


@pytest.fixture
def station(tmp_path: Path, fresh_emulator: Emulator) -> Iterator[Callable[..., Station]]:
    made: list[Station] = []

    def make(**settings: Any) -> Station:
        st = Station(tmp_path, fresh_emulator, **settings)
        made.append(st)
        return st

    yield make
    for st in made:
        if st.alive():
            assert st.proc is not None
            st.proc.kill()
            st.proc.wait(timeout=10)
