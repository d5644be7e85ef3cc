"""Shared pytest fixtures: a real WATS emulator on a loopback port.

``emulator`` (session scope)
    One :class:`pywats.testing.Emulator` for the whole run: uvicorn on ``127.0.0.1``, a free
    port, in a background thread, state in SQLite ``:memory:``. Use ``emulator.url`` (no
    trailing slash, no ``/api``), ``emulator.token`` (send ``Authorization: Basic <token>``)
    and ``emulator.auth_headers``. Its state is shared by every test that uses it directly.

``fresh_emulator`` (function scope)
    The same emulator after ``reset()``: data back to the seed (processes 10, 20, 50, 90, 100,
    300, 500, 510; serial-number types; asset types; one level and product group), faults
    cleared, request counts zeroed. Use this (or ``faults``) whenever a test stores data or
    counts requests.

``faults`` (function scope)
    ``fresh_emulator.faults``: ``faults.add("POST", "/api/Report/WSJF", status=503, times=2)``,
    ``faults.add(..., status=429, headers={"Retry-After": "2"})``, ``faults.add(...,
    drop=True)``, ``faults.latency(0.2)``, ``faults.rate(0.1, seed=42)``,
    ``faults.hits("POST", "/api/Report/WSJF")``.

Read what the server stored with ``fresh_emulator.reports()`` (as posted),
``fresh_emulator.report(id)`` (as ``GET /api/Report/Wsjf/{id}`` answers), ``.headers()`` and
``.entities("asset")``. The fixtures skip when the ``emulator`` extra (starlette, uvicorn) is
not installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pywats.testing import Emulator, Faults
    from tests.reliability._tls import Certificates, TlsEmulator


@pytest.fixture(scope="session")
def emulator() -> Iterator[Emulator]:
    pytest.importorskip("uvicorn", reason="the emulator extra is not installed")
    pytest.importorskip("starlette", reason="the emulator extra is not installed")
    from pywats.testing import Emulator

    with Emulator() as running:
        yield running


@pytest.fixture
def fresh_emulator(emulator: Emulator) -> Emulator:
    emulator.reset()
    return emulator


@pytest.fixture
def faults(fresh_emulator: Emulator) -> Faults:
    return fresh_emulator.faults


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    """A throwaway CA and a server certificate for 127.0.0.1 (skips when none can be made)."""
    from tests.reliability._tls import make_certificates

    certs = make_certificates(tmp_path_factory.mktemp("tls"))
    if certs is None:
        pytest.skip("neither the cryptography package nor the openssl command is available")
    return certs


@pytest.fixture(scope="module")
def tls_server(certificates: Certificates) -> Iterator[TlsEmulator]:
    """The emulator behind TLS with ``certificates``, on a loopback port."""
    pytest.importorskip("uvicorn", reason="the emulator extra is not installed")
    from tests.reliability._tls import TlsEmulator

    server = TlsEmulator(certificates)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    """Async tests run on asyncio (with trio installed, anyio would run each on trio too)."""
    return "asyncio"
