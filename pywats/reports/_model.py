"""UUT and UUR reports: a plain tree of steps with a builder API (``reference/wats-api.md`` §4).

::

    Report ─┬─ UUTReport ── root: Step (SequenceCall "MainSequence Callback")
            │                 └── steps: [Step ...]   one class for every step kind;
            │                      the payload (numeric_meas, chart, ...) says what it is
            └─ UURReport ── sub_units: [SubUnit idx 0 = main unit, ...] ── failures

Statuses: a measurement's status is computed from value and limits when it is added (unless
given); a test step's status from its measurements. Sequences built here are ``auto``: their
status, ``caused_seq_failure``/``caused_uut_failure``, the report ``result`` and the step ids
are (re)derived by :meth:`Report.finalize`, which ``to_wsjf()``/``validate()`` call. A parsed
report is taken as it is (import mode): ``finalize`` then only fills what is missing.
"""

from __future__ import annotations

# The model lives in modules by concern; this module keeps every import path working.
from pywats.reports._builder import _StepBuilder as _StepBuilder
from pywats.reports._measure import _make_numeric as _make_numeric
from pywats.reports._measure import _make_string as _make_string
from pywats.reports._measure import measurement_status as measurement_status
from pywats.reports._report import Report, UURReport, UUTReport
from pywats.reports._steps import Loop, Step
from pywats.reports._steps import _Settler as _Settler

__all__ = ["Loop", "Report", "Step", "UURReport", "UUTReport"]
