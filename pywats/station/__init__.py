"""The station service: result files in watched folders → converters → a durable queue → WATS.

::

    folder ──► watcher ──► converter ──► ReportQueue (SQLite) ──► uploader ──► server
     (files)   (events +    (thread,       (commit first,         (AsyncWATS,
               rescan,      timeout)        then move the file)    max_retries=0)
               complete?)

``StationService.from_instance("ict").run()`` is what ``wats watch --instance ict`` runs.
Names load on first use, so a converter plugin importing ``pywats.station.converters`` does
not pull in the service's event loop, HTTP client or watchdog.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - for type checkers only
    from pywats.station.config import FolderConfig, StationConfig, load_config
    from pywats.station.converters import (
        ConversionError,
        Converter,
        ConverterContext,
        load_converter,
    )
    from pywats.station.queue import ReportQueue, State
    from pywats.station.service import StationService

_LAZY = {
    "ConversionError": "pywats.station.converters",
    "Converter": "pywats.station.converters",
    "ConverterContext": "pywats.station.converters",
    "FolderConfig": "pywats.station.config",
    "ReportQueue": "pywats.station.queue",
    "State": "pywats.station.queue",
    "StationConfig": "pywats.station.config",
    "StationService": "pywats.station.service",
    "load_config": "pywats.station.config",
    "load_converter": "pywats.station.converters",
}

__all__ = [
    "ConversionError",
    "Converter",
    "ConverterContext",
    "FolderConfig",
    "ReportQueue",
    "State",
    "StationConfig",
    "StationService",
    "load_config",
    "load_converter",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pywats.station' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
