"""Test frameworks straight to WATS: OpenHTF, pytest and Robot Framework.

Each integration builds a WSJF report from a run and commits it to the station instance's
durable queue before it sends anything (see :mod:`pywats.integrations._delivery`)::

    OpenHTF          test.add_output_callbacks(pywats.integrations.openhtf.to_wats("ict"))
    pytest           pytest --wats --wats-instance ict        (plugin: pywats.pytest)
    Robot Framework  robot --listener pywats.integrations.robot:Wats:instance=ict tests/

Nothing here is imported by ``import pywats``; each framework's module imports it lazily.
"""

from __future__ import annotations

from pywats.integrations._delivery import Delivery, commit

__all__ = ["Delivery", "commit"]
