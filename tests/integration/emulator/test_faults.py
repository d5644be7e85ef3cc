"""Fault injection does what it says, from tests and from command-line specs."""

from __future__ import annotations

import time

import httpx
import pytest

from pywats.testing import Emulator, Faults, parse_fault

from ._helpers import uut_report


def test_status_for_the_next_n_requests(client: httpx.Client, faults: Faults) -> None:
    faults.add("POST", "/api/Report/WSJF", status=503, times=2)
    report = uut_report(steps=1)
    codes = [client.post("/api/Report/WSJF", json=report).status_code for _ in range(3)]
    assert codes == [503, 503, 200]
    assert faults.hits("POST", "/api/Report/WSJF") == 3
    assert client.get("/api/App/Version").status_code == 200  # other routes untouched


def test_429_carries_retry_after(client: httpx.Client, faults: Faults) -> None:
    faults.add("GET", "/api/app/version", status=429, headers={"Retry-After": "2"})
    response = client.get("/api/App/Version")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "2"
    assert response.json()["Message"]
    assert client.get("/api/App/Version").status_code == 200


def test_delay_and_global_latency(client: httpx.Client, faults: Faults) -> None:
    faults.add("GET", "/api/App/Version", delay=0.3)
    started = time.perf_counter()
    assert client.get("/api/App/Version").status_code == 200
    assert time.perf_counter() - started >= 0.3
    faults.latency(0.2)
    started = time.perf_counter()
    client.get("/api/App/Levels")
    assert time.perf_counter() - started >= 0.2


def test_dropped_connection(client: httpx.Client, fresh_emulator: Emulator, faults: Faults) -> None:
    faults.add("POST", "/api/Report/WSJF", drop=True)
    report = uut_report(steps=1)
    with pytest.raises(httpx.TransportError):
        client.post("/api/Report/WSJF", json=report)
    assert fresh_emulator.reports() == []  # dropped before the server handled it
    assert client.post("/api/Report/WSJF", json=report).status_code == 200


def test_drop_after_handling_stores_the_report(
    client: httpx.Client, fresh_emulator: Emulator, faults: Faults
) -> None:
    faults.add("POST", "/api/Report/WSJF", drop=True, after=True)
    report = uut_report(steps=1)
    with pytest.raises(httpx.TransportError):
        client.post("/api/Report/WSJF", json=report)
    assert [r["id"] for r in fresh_emulator.reports()] == [report["id"]]
    assert client.post("/api/Report/WSJF", json=report).status_code == 200  # idempotent re-post
    assert len(fresh_emulator.reports()) == 1


def test_seeded_rate_is_deterministic(fresh_emulator: Emulator, client: httpx.Client) -> None:
    def run() -> list[int]:
        fresh_emulator.faults.clear()
        fresh_emulator.faults.rate(0.3, seed=42)
        return [client.get("/api/App/Version").status_code for _ in range(40)]

    first, second = run(), run()
    assert first == second
    assert 0 < first.count(503) < 40


def test_clear_and_hits(client: httpx.Client, faults: Faults) -> None:
    faults.add(status=500, times=None)
    assert client.get("/api/App/Levels").status_code == 500
    assert faults.hits() == 1
    faults.clear()
    assert faults.hits() == 0
    assert client.get("/api/App/Levels").status_code == 200


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("503x3", {"add": {"method": "*", "path": "*", "status": 503, "times": 3}}),
        (
            "429x2:retry-after=1",
            {
                "add": {
                    "method": "*",
                    "path": "*",
                    "status": 429,
                    "times": 2,
                    "headers": {"Retry-After": "1"},
                }
            },
        ),
        ("latency=0.2", {"latency": 0.2}),
        (
            "drop x2",
            {"add": {"method": "*", "path": "*", "drop": True, "after": False, "times": 2}},
        ),
        (
            "rate=0.1,seed=42",
            {"rate": {"probability": 0.1, "seed": 42, "method": "*", "path": "*"}},
        ),
        (
            "500x*@POST /api/Report/WSJF",
            {"add": {"method": "POST", "path": "/api/Report/WSJF", "status": 500, "times": None}},
        ),
    ],
)
def test_parse_fault(spec: str, expected: dict[str, object]) -> None:
    assert parse_fault(spec) == expected


@pytest.mark.parametrize("spec", ["boom", "503x", "429:colour=red", "rate=0.1,salt=1"])
def test_parse_fault_rejects_nonsense(spec: str) -> None:
    with pytest.raises(ValueError, match="fault"):
        parse_fault(spec)
