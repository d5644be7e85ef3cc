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


def test_a_service_builds_only_its_own_domain_values() -> None:
    # Building a frozen attrs class costs about a millisecond: `wats product get` should not
    # pay for tickets, units and report headers.
    code = (
        "import pywats._sync.product, pywats._models as m\n"
        "print(sorted(n for n in ('Product', 'Ticket', 'Unit', 'ReportHeader') if n in vars(m)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.split("\n")[0] == "[]"
    loaded = _loaded_after("import pywats._sync.product")
    assert "pywats._models_products" in loaded
    assert [m for m in loaded if m.startswith("pywats._models_")] == ["pywats._models_products"]


def test_every_value_class_resolves_from_the_models_module() -> None:
    import pywats._models as models

    for name in models.__all__:
        value = getattr(models, name)
        assert value is not None, name
    from pywats import Product

    assert models.Product is Product
    assert Product.__name__ == "Product"
