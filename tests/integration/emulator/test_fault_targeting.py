"""A targeted latency fault (``latency=S@METHOD /path``) slows only that path (issue 19, 12)."""

from __future__ import annotations

import time

import httpx

from pywats.testing import Faults, parse_fault


def _elapsed(client: httpx.Client, path: str) -> float:
    started = time.perf_counter()
    assert client.get(path).status_code == 200
    return time.perf_counter() - started


def test_targeted_latency_slows_only_its_path(client: httpx.Client, faults: Faults) -> None:
    assert parse_fault("latency=0.4@GET /api/App/Version") == {
        "latency": 0.4,
        "method": "GET",
        "path": "/api/App/Version",
    }
    faults.apply("latency=0.4@GET /api/App/Version")
    assert _elapsed(client, "/api/App/Version") >= 0.4  # the targeted one: delayed
    faults.add("GET", "/api/App/Version", status=503)  # rules still apply beside it
    assert client.get("/api/App/Version").status_code == 503
    # "Not delayed" is shown with a latency no slow machine could pass for (a bound of 0.3 s on
    # the elapsed time was at the mercy of a loaded machine): the client gives up after 10 s.
    faults.apply("latency=60@GET /api/App/Version")
    assert client.get("/api/App/Levels").status_code == 200  # another path: no delay
    faults.clear()
    assert client.get("/api/App/Version").status_code == 200  # cleared: no delay either
