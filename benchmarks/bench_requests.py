"""Requests against one emulator: pywats, the anchor (``pywats-api``) and raw httpx, side by side.

Work measured, the same for all three (:func:`_common.drive_requests`), each in a fresh
process per repetition, the three interleaved repetition by repetition so drift hits them
alike:

* sequential ``GET /api/Product/{pn}`` through one sync client (seconds per request);
* report submission, ``POST /api/Report/WSJF`` of a 100-step UUT report, serialising
  included (seconds per request);
* ``GET /api/Product/{pn}`` through one async client, 20 in flight (requests per second);
* the worker's peak RSS.

Client settings that would make it different work are switched off on every side: the
client-side rate limit (500 requests a minute by default in both SDKs would just sleep) and
the anchor's GET response cache (it would answer from memory, not the server). Retries and
our circuit breaker stay on: they cost nothing on success and are what users run with.

    python benchmarks/bench_requests.py --repeat 3          # starts its own emulator
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    AsyncGet,
    Cell,
    RequestSizes,
    RequestWorkload,
    Row,
    clean_env,
    markdown_table,
    run_json,
    worker_main,
)

HERE = Path(__file__).resolve().parent
SECTION = "4"
BENCH_PART = "PCB-1001"


# ------------------------------------------------------------------------------- workloads


def _report_text(steps: int) -> str:
    from bench_reports import build_ours

    text: str = build_ours(steps).to_json()
    return text


def make_pywats(url: str, token: str, part_number: str, sizes: RequestSizes) -> RequestWorkload:
    """Our SDK: ``pyWATS`` for the sync jobs, ``AsyncWATS`` for the concurrent one."""
    from bench_reports import build_ours

    from pywats import AsyncWATS, pyWATS

    api = pyWATS(url, token, rate_limit=None)
    report = build_ours(sizes.steps)

    @asynccontextmanager
    async def session() -> AsyncIterator[AsyncGet]:
        async with AsyncWATS(url, token, rate_limit=None) as aapi:

            async def get() -> object:
                return await aapi.product.get(part_number)

            yield get

    return RequestWorkload(
        get=lambda: api.product.get(part_number),
        submit=lambda: api.report.submit(report),
        async_session=session,
        close=api.close,
    )


def make_httpx(url: str, token: str, part_number: str, sizes: RequestSizes) -> RequestWorkload:
    """The floor: httpx with the auth header, status check and JSON decoding, nothing more."""
    import httpx

    headers = {"Authorization": f"Basic {token}", "Accept": "application/json"}
    client = httpx.Client(base_url=url, headers=headers, timeout=30)
    doc: dict[str, Any] = json.loads(_report_text(sizes.steps))
    path = f"/api/Product/{part_number}"

    def get() -> object:
        response = client.get(path)
        response.raise_for_status()
        return response.json()

    def submit() -> object:
        response = client.post("/api/Report/WSJF", json=doc)
        response.raise_for_status()
        return response.json()

    @asynccontextmanager
    async def session() -> AsyncIterator[AsyncGet]:
        async with httpx.AsyncClient(base_url=url, headers=headers, timeout=30) as aclient:

            async def aget() -> object:
                response = await aclient.get(path)
                response.raise_for_status()
                return response.json()

            yield aget

    return RequestWorkload(get=get, submit=submit, async_session=session, close=client.close)


IMPLS = {"pywats": make_pywats, "httpx": make_httpx}


# ---------------------------------------------------------------------------------- driver


def _worker_cmd(impl: str, python: Path, part_number: str, sizes: RequestSizes) -> list[str]:
    if impl == "anchor":
        return [str(python), str(HERE / "anchor_requests.py"), part_number, *sizes.to_args()]
    script = str(Path(__file__).resolve())
    return [str(python), script, "worker", impl, part_number, *sizes.to_args()]


def run(
    url: str,
    token: str,
    *,
    part_number: str = BENCH_PART,
    repeat: int = 5,
    sizes: RequestSizes | None = None,
    anchor_python: Path | None = None,
    anchor_note: str = "",
) -> list[Row]:
    """Measure every implementation ``repeat`` times against the server at ``url``.

    ``part_number`` must exist on the server. Without ``anchor_python`` the anchor's cells say
    ``anchor_note`` instead.
    """
    sizes = sizes or RequestSizes()
    server = {"PYWATS_SERVER_URL": url, "PYWATS_API_TOKEN": token}
    impls: dict[str, Path] = {"pywats": Path(sys.executable), "httpx": Path(sys.executable)}
    if anchor_python is not None:
        impls["anchor"] = anchor_python
    results: dict[str, list[dict[str, Any]]] = {impl: [] for impl in impls}
    failures: dict[str, str] = {}
    for _ in range(repeat):
        for impl, python in impls.items():
            if impl in failures:
                continue
            cmd = _worker_cmd(impl, python, part_number, sizes)
            try:
                # the anchor runs outside the repo so that it cannot import our pywats
                cwd = HERE / ".work" if impl == "anchor" else HERE
                cwd.mkdir(parents=True, exist_ok=True)
                env = clean_env(server, anchor=impl == "anchor")
                results[impl].append(run_json(cmd, env=env, cwd=cwd, timeout=300))
            except RuntimeError as exc:
                failures[impl] = str(exc)

    def cell(impl: str, key: str, scale: float = 1.0) -> Cell:
        if impl not in impls:
            return Cell(None, anchor_note or "not run")
        if impl in failures:
            return Cell.failed(failures[impl])
        return Cell.of([r[key] * scale for r in results[impl]])

    n, c, k = sizes.async_gets, sizes.concurrency, sizes.steps
    cpu_note = "client CPU per request (process_time)"
    return [
        Row(
            SECTION,
            f"sync GET /api/Product/{{pn}}: latency ({sizes.gets} sequential per run)",
            "s",
            cell("pywats", "get_s"),
            cell("anchor", "get_s"),
            cell("httpx", "get_s"),
            floor_target=0.20,
        ),
        Row(
            SECTION,
            f"sync GET /api/Product/{{pn}}: {cpu_note}",
            "s",
            cell("pywats", "get_cpu_s"),
            cell("anchor", "get_cpu_s"),
            cell("httpx", "get_cpu_s"),
        ),
        Row(
            SECTION,
            f"async GET /api/Product/{{pn}}: throughput, concurrency {c} ({n} per run)",
            "per_s",
            cell("pywats", "async_rps"),
            cell("anchor", "async_rps"),
            cell("httpx", "async_rps"),
            floor_target=0.10,
            anchor_target=1.0,
        ),
        Row(
            SECTION,
            f"async GET /api/Product/{{pn}}: {cpu_note}",
            "s",
            cell("pywats", "async_cpu_s"),
            cell("anchor", "async_cpu_s"),
            cell("httpx", "async_cpu_s"),
        ),
        Row(
            SECTION,
            f"report submission ({k}-step UUT): latency ({sizes.submits} sequential per run)",
            "s",
            cell("pywats", "submit_s"),
            cell("anchor", "submit_s"),
            cell("httpx", "submit_s"),
            floor_target=0.20,
            note="pywats turns the report object into WSJF and validates it; httpx posts a dict",
        ),
        Row(
            SECTION,
            f"report submission ({k}-step UUT): {cpu_note}",
            "s",
            cell("pywats", "submit_cpu_s"),
            cell("anchor", "submit_cpu_s"),
            cell("httpx", "submit_cpu_s"),
        ),
        Row(
            SECTION,
            "request worker peak RSS",
            "MB",
            cell("pywats", "maxrss_bytes", 1e-6),
            cell("anchor", "maxrss_bytes", 1e-6),
            cell("httpx", "maxrss_bytes", 1e-6),
        ),
    ]


def create_bench_product(url: str, token: str, part_number: str = BENCH_PART) -> None:
    """Put the product the GETs read (idempotent: PUT creates or updates)."""
    import httpx

    response = httpx.put(
        f"{url}/api/Product",
        json={"partNumber": part_number, "name": "Benchmark board", "state": 1},
        headers={"Authorization": f"Basic {token}"},
        timeout=30,
    )
    response.raise_for_status()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-anchor", action="store_true")
    args = parser.parse_args(argv)
    from bench_reports import ensure_anchor_venv

    from pywats.testing import Emulator

    anchor_python, why = (None, "skipped") if args.no_anchor else ensure_anchor_venv()
    with Emulator() as emu:
        create_bench_product(emu.url, emu.token)
        rows = run(
            emu.url, emu.token, repeat=args.repeat, anchor_python=anchor_python, anchor_note=why
        )
    print(markdown_table(rows), end="")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["worker"]:
        impl = sys.argv[2]
        sys.exit(worker_main(sys.argv[3:], IMPLS[impl]))
    sys.exit(main())
