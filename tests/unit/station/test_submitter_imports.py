"""The service's client loads the HTTP stack without what it never runs (trio, tornado, httpx's
command-line tool), which would otherwise stay resident in a station for months."""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE = """
import json, sys
from pywats.station._submitter import SdkSubmitter
SdkSubmitter("http://127.0.0.1:9", "token")
loaded = [name for name in ("trio", "tornado", "httpx._main") if name in sys.modules]
import importlib.util
importable = [name for name in ("tornado",) if importlib.util.find_spec(name) is not None]
print(json.dumps({"loaded": loaded, "httpx": "httpx" in sys.modules, "importable": importable}))
"""


def test_the_submitter_imports_httpx_without_trio_tornado_or_its_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=60, check=True
    )
    seen = json.loads(done.stdout)
    assert seen["httpx"]
    assert seen["loaded"] == []
    # The block lasts only while the stack is imported: what is installed imports afterwards.
    assert seen["importable"] == ["tornado"] or seen["importable"] == []
