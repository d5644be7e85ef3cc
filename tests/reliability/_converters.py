"""Converter plugins the suite loads into ``wats watch`` (``_converters:SlowWSJF``).

They live beside the tests; the harness puts this folder on the station's ``PYTHONPATH``.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

from pywats.station.converters import ConverterContext
from pywats.station.converters.wsjf import WSJFConverter


class SlowWSJF(WSJFConverter):
    """WSJF pass-through that takes 0-40 ms: a kill lands during conversion more often."""

    name = "slow-wsjf"

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        time.sleep(random.uniform(0.0, 0.04))
        return super().convert(path, context)
