"""WSJF on the wire: model → dict and dict → model (``reference/wats-api.md`` §4, §4.16).

The writer produces the server's export shape: keys the server always writes (``uut``
fields, measurement limits, loop counters, ...) are present and null when unset; other keys
only when set. So a server export read here and written back is equal to the original.

Numbers: NaN and ±Infinity become ``"NaN"``, ``"Infinity"`` and ``"-Infinity"`` (Json.NET reads
those strings for double fields; a bare NaN token is not JSON) and are read back as floats.

Date-times: a parsed date remembers its text; as long as the model still holds the datetime
that was read, the original text (with the server's 7 fraction digits) is written back.
"""

from __future__ import annotations

# Writing and reading live in _wsjf_out.py and _wsjf_in.py; this module keeps the import paths.
from pywats.reports._wsjf_in import load, report_from_wsjf
from pywats.reports._wsjf_out import _num as _num
from pywats.reports._wsjf_out import _step_out as _step_out
from pywats.reports._wsjf_out import report_to_wsjf

__all__ = ["load", "report_from_wsjf", "report_to_wsjf"]
