"""The converter contract and its loader.

A converter turns one result file into zero or more WSJF reports::

    class MyConverter(Converter):
        name = "my-rig"
        patterns = ("*.log",)

        def convert(self, path: Path, context: ConverterContext) -> list[dict[str, Any]]:
            ...  # raise ConversionError("line 12: no serial number") when the file is bad

Converters are found by the entry-point group ``pywats.converters`` (``name = "module:Class"``
in a plugin's ``pyproject.toml``) or by a ``module:Class`` path in the instance file. They are
pure: file in, reports out. The service runs them in worker processes with a timeout and a
memory cap (:mod:`pywats.station.converters.isolation`), commits what they return to the
queue, and only then moves the file. A converter lists the folder parameters it reads in
``parameters``; others are refused when the service starts.
"""

from __future__ import annotations

from pywats.station.converters._base import (
    COMMON_PARAMETERS,
    ENTRY_POINT_GROUP,
    ConversionError,
    Converter,
    ConverterContext,
    ParameterError,
    available_converters,
    load_converter,
    report_to_dict,
)

__all__ = [
    "COMMON_PARAMETERS",
    "ENTRY_POINT_GROUP",
    "ConversionError",
    "Converter",
    "ConverterContext",
    "ParameterError",
    "available_converters",
    "load_converter",
    "report_to_dict",
]
