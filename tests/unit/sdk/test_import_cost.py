"""``import pywats`` stays light: the HTTP stack and the generated client load on first use."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ["httpx", "tenacity", "wats_api", "anyio", "pywats._async._client", "pywats._sync._client"]


def _loaded_after(code: str) -> list[str]:
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_import_pywats_loads_no_http_stack() -> None:
    loaded = _loaded_after("import pywats")
    assert [name for name in HEAVY if name in loaded] == []


def test_sdk_settings_and_helpers_load_no_http_stack() -> None:
    loaded = _loaded_after(
        "import pywats._options, pywats._odata, pywats._station, pywats._breaker, pywats._ratelimit"
    )
    assert [name for name in HEAVY if name in loaded] == []


def test_making_a_client_loads_the_stack_but_not_the_services() -> None:
    loaded = _loaded_after(
        "from pywats._sync._client import pyWATS\npyWATS('https://x.wats.com', 'dG9rZW4=')"
    )
    assert "httpx" in loaded
    assert "wats_api" not in loaded  # the generated client loads with the first service
