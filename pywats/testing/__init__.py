"""A local WATS server for tests, demos and offline work (``pip install 'pywats[emulator]'``).

``Emulator`` runs it on a free loopback port in a background thread::

    from pywats.testing import Emulator

    with Emulator() as emu:                      # started in a few milliseconds
        httpx.get(f"{emu.url}/api/App/Version", headers=emu.auth_headers)
        emu.faults.add("POST", "/api/Report/WSJF", status=503, times=2)
        emu.reports()                             # what was stored, as posted

It speaks every operation of the public API the SDK uses (``ROUTES``), keeps state in SQLite
and injects faults on request. ``wats emulator`` serves it from the command line.
"""

from __future__ import annotations

from pywats.testing._app import ROUTES, create_app
from pywats.testing._faults import FaultRule, Faults, parse_fault
from pywats.testing._server import Emulator, new_token

__all__ = ["ROUTES", "Emulator", "FaultRule", "Faults", "create_app", "new_token", "parse_fault"]
