"""What a script's first request loads: the HTTP stack, not tenacity nor httpx's own CLI.

tenacity (with tornado, when installed) costs more to import than most calls take, so it
loads only when a retry is due; httpx's command-line client (click, rich, pygments) is never
used by pywats. Each case is a fresh interpreter talking to the emulator.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pywats.testing import Emulator, Faults

_SCRIPT = """
import json, sys
import pywats
with pywats.pyWATS({url!r}, {token!r}) as api:
    processes = api.process.query()
print(json.dumps({{"processes": len(processes), "modules": sorted(sys.modules)}}))
"""


def _first_request(emulator: Emulator) -> dict[str, Any]:
    script = _SCRIPT.format(url=emulator.url, token=emulator.token)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout)
    return seen


def test_a_first_request_that_succeeds_loads_no_tenacity_and_no_httpx_cli(
    fresh_emulator: Emulator,
) -> None:
    seen = _first_request(fresh_emulator)
    modules = seen["modules"]
    assert seen["processes"] > 0  # the request found something
    assert "httpx" in modules
    assert "tenacity" not in modules
    assert "httpx._main" not in modules


def test_a_failed_first_attempt_is_still_retried(faults: Faults, fresh_emulator: Emulator) -> None:
    faults.add("GET", "/api/App/Processes", status=503, times=1)
    seen = _first_request(fresh_emulator)
    assert seen["processes"] > 0
    assert "tenacity" in seen["modules"]
    assert faults.hits("GET", "/api/App/Processes") == 2


def test_httpx_cli_stays_importable_after_pywats_loaded_httpx(fresh_emulator: Emulator) -> None:
    script = (
        _SCRIPT.format(url=fresh_emulator.url, token=fresh_emulator.token)
        + "\nimport importlib.util\nprint(importlib.util.find_spec('httpx._main') is not None)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "True"
