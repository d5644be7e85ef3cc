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

The workloads themselves are in ``_request_workers.py``.

    python benchmarks/bench_requests.py --repeat 3          # starts its own emulator
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    Cell,
    RequestSizes,
    Row,
    Stats,
    clean_env,
    markdown_table,
    run_json,
    worker_main,
)

HERE = Path(__file__).resolve().parent
SECTION = "4"
BENCH_PART = "PCB-1001"


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
    pairs: list[dict[str, dict[str, list[list[float]]]]] = []
    for _ in range(repeat):
        if "pair" not in failures:
            cmd = [sys.executable, str(Path(__file__).resolve()), "pair", part_number]
            try:
                pairs.append(
                    run_json([*cmd, *sizes.to_args()], env=clean_env(server), cwd=HERE, timeout=600)
                )
            except RuntimeError as exc:
                failures["pair"] = str(exc)
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
    rounds = f"{sizes.rounds * len(pairs)} rounds"
    paired = f"concurrency {c}, ours and raw httpx alternating in one process, {rounds} of"
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
            anchor_target=1.0,
            note="one process per client and run; the paired rows below decide the httpx target",
        ),
        Row(
            SECTION,
            f"async GET /api/Product/{{pn}}: {cpu_note}",
            "s",
            cell("pywats", "async_cpu_s"),
            cell("anchor", "async_cpu_s"),
            cell("httpx", "async_cpu_s"),
        ),
        *_paired_rows(pairs, failures.get("pair"), "socket", f"{paired} {n}", floor_target=0.10),
        *_paired_rows(
            pairs,
            failures.get("pair"),
            "mock",
            f"{paired} {sizes.mock_gets} over httpx.MockTransport: no socket, no server,"
            " the client alone",
        )[1:],
        Row(
            SECTION,
            f"report submission ({k}-step UUT): latency ({sizes.submits} sequential per run)",
            "s",
            cell("pywats", "submit_s"),
            cell("anchor", "submit_s"),
            cell("httpx", "submit_s"),
            note="pywats turns the report object into WSJF and validates it; httpx posts a"
            " dict. One process per client and run; the paired rows below decide the httpx"
            " target",
        ),
        Row(
            SECTION,
            f"report submission ({k}-step UUT): {cpu_note}",
            "s",
            cell("pywats", "submit_cpu_s"),
            cell("anchor", "submit_cpu_s"),
            cell("httpx", "submit_cpu_s"),
        ),
        *_paired_submit_rows(
            pairs,
            failures.get("pair"),
            f"report submission ({k}-step UUT, ours and raw httpx alternating in one process,"
            f" {rounds} of {sizes.submits})",
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


def _paired_rows(
    pairs: Sequence[dict[str, dict[str, list[list[float]]]]],
    failure: str | None,
    kind: str,
    how: str,
    *,
    floor_target: float | None = None,
) -> list[Row]:
    """Throughput and CPU-per-request rows from the pair workers' rounds of ``kind``."""
    name = f"async GET /api/Product/{{pn}} ({how})"
    if failure is not None or not pairs:
        failed = Cell.failed(failure or "not run")
        return [
            Row(SECTION, f"{name}: throughput", "per_s", failed, None, failed),
            Row(SECTION, f"{name}: client CPU per request", "s", failed, None, failed),
        ]
    ours = [r for p in pairs for r in p[kind]["pywats"]]
    floor = [r for p in pairs for r in p[kind]["httpx"]]
    return [
        Row(
            SECTION,
            f"{name}: throughput",
            "per_s",
            Cell.of([rate for rate, _ in ours]),
            None,
            Cell.of([rate for rate, _ in floor]),
            floor_target=floor_target,
            floor_ratios=Stats.of([f[0] / o[0] for o, f in zip(ours, floor, strict=True)]),
        ),
        Row(
            SECTION,
            f"{name}: client CPU per request",
            "s",
            Cell.of([cpu for _, cpu in ours]),
            None,
            Cell.of([cpu for _, cpu in floor]),
            floor_target=floor_target,
            floor_ratios=Stats.of([o[1] / f[1] for o, f in zip(ours, floor, strict=True)]),
        ),
    ]


def _paired_submit_rows(
    pairs: Sequence[dict[str, dict[str, list[list[float]]]]], failure: str | None, name: str
) -> list[Row]:
    """Latency (the httpx target) and CPU-per-request rows from the pair workers' submissions."""
    if failure is not None or not pairs or any("submit" not in p for p in pairs):
        failed = Cell.failed(failure or "not run")
        return [
            Row(SECTION, f"{name}: latency", "s", failed, None, failed),
            Row(SECTION, f"{name}: client CPU per request", "s", failed, None, failed),
        ]
    ours = [r for p in pairs for r in p["submit"]["pywats"]]
    floor = [r for p in pairs for r in p["submit"]["httpx"]]
    rows = []
    for index, (what, target) in enumerate((("latency", 0.20), ("client CPU per request", None))):
        rows.append(
            Row(
                SECTION,
                f"{name}: {what}",
                "s",
                Cell.of([r[index] for r in ours]),
                None,
                Cell.of([r[index] for r in floor]),
                floor_target=target,
                floor_ratios=Stats.of(
                    [o[index] / f[index] for o, f in zip(ours, floor, strict=True)]
                ),
            )
        )
    return rows


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
    from _request_workers import IMPLS, pair_main

    if sys.argv[1:2] == ["pair"]:
        sys.exit(pair_main(sys.argv[2:]))
    if sys.argv[1:2] == ["worker"]:
        impl = sys.argv[2]
        sys.exit(worker_main(sys.argv[3:], IMPLS[impl]))
    sys.exit(main())
