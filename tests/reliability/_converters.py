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
    """WSJF pass-through that takes 0-40 ms, so a kill lands during conversion more often.

    With the folder parameter ``marker_dir``, a file named ``hold-*`` is held for 2 s the
    first time it is converted, after touching ``<marker_dir>/<name>``: the test sees the
    marker and kills the service while that conversion is certainly in progress.
    """

    name = "slow-wsjf"

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        marker_dir = context.parameters.get("marker_dir")
        if marker_dir and path.name.startswith("hold-"):
            marker = Path(str(marker_dir)) / path.name
            if not marker.exists():
                marker.touch()
                time.sleep(2.0)
        time.sleep(random.uniform(0.0, 0.04))
        return super().convert(path, context)


class Exploding(WSJFConverter):
    """A buggy converter: raises a plain exception, so the service logs a full traceback."""

    name = "exploding"

    def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
        raise RuntimeError(f"converter bug while reading {path.name}")
