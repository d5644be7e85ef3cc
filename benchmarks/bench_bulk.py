"""Section 6, bulk transfers: export and submit many reports, ours beside the anchor and httpx.

One emulator runs in this process, loaded with ``--reports`` UUT reports of 100 numeric steps
(part number ``BULK-EXPORT``); every client runs in its own fresh process, the
implementations interleaved repetition by repetition. Each figure is files (reports) per
second from the job's start to its end, imports done before the clock starts, and the
process's peak RSS (``VmHWM``).

* **export**: every ``BULK-EXPORT`` report into an empty folder, one file each.
  pywats: ``wats report export --pn BULK-EXPORT --to DIR`` run in-process (the default ``-j``),
  and ``AsyncWATS().report.export(...)``; the anchor: its README's concurrency recipe
  (``anchor_bulk.py``); raw httpx: one client, list the headers, then GET and write each
  report in a plain loop.
* **export with server latency**: the same export of ``--latency-reports`` other reports with
  20 ms added to every answer by the emulator's fault injection (``faults.latency``), as a
  server across a network would: the emulator's CPU, which these clients share two cores
  with, no longer bounds them, so a client's concurrency shows. Ours ``-j 8``, the anchor's
  recipe, the httpx loop.
* **submit**: ``--files`` WSJF files (100 steps each, their ids set, so a repeat replaces).
  pywats: ``wats report submit DIR/*.json -j 8`` and ``-j 1``; the anchor: its sync
  ``submit_report`` file after file; raw httpx: POST each file's bytes in a loop.

Client-side rate limits and the anchor's cache are off on every side (``wats`` bulk commands
run without one unless ``--rate``).

    python benchmarks/bench_bulk.py --reports 2000 --files 1000 --latency-reports 300 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Cell, Row, clean_env, markdown_table, maxrss_bytes, run_json

HERE = Path(__file__).resolve().parent
SECTION = "6"
EXPORT_PN = "BULK-EXPORT"
LATENCY_PN = "BULK-LATENCY"
LATENCY_S = 0.020  # added to every answer in the server-latency rows
SUBMIT_PN = "BULK-SUBMIT"
STEPS = 100


def _report(pn: str, index: int) -> dict[str, Any]:
    from bench_reports import build_ours

    report = build_ours(STEPS)
    data: dict[str, Any] = report.to_wsjf()
    data.update(pn=pn, sn=f"{pn}-{index:06d}", id=str(uuid.uuid4()))
    return data


def seed(url: str, token: str, count: int, pn: str = EXPORT_PN) -> None:
    """Store ``count`` reports of ``pn`` (concurrently, through our SDK)."""
    from pywats import pyWATS

    with pyWATS(url, token, rate_limit=None) as api:
        reports = (_report(pn, i) for i in range(count))
        failed = [r for r in api.report.submit_many(reports, concurrency=8) if not r.ok]
    if failed:
        raise RuntimeError(f"seeding failed: {failed[0].problems}")


def write_files(folder: Path, count: int) -> None:
    for i in range(count):
        (folder / f"r{i:06d}.json").write_text(json.dumps(_report(SUBMIT_PN, i)))


# ------------------------------------------------------------------------------- workers


def _in_process_wats(args: list[str]) -> None:
    """Run ``wats ARGS`` in this process, its stdout discarded; raise if it failed."""
    import contextlib

    import httpx  # noqa: F401  imports before the clock, as for every side
    import rich.progress  # noqa: F401
    import wats_cli.commands.report_bulk  # noqa: F401
    from wats_cli.main import run

    import pywats._sync.report  # noqa: F401

    sys.argv = ["wats", *args, "-q"]
    code: Any = 0
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
        try:
            run()
        except SystemExit as exc:
            code = exc.code
    if code not in (0, None):
        raise RuntimeError(f"wats {' '.join(args[:2])} exited with {code}")


def worker(impl: str, job: str, args: list[str]) -> dict[str, Any]:
    url, token = os.environ["PYWATS_SERVER_URL"], os.environ["PYWATS_API_TOKEN"]
    folder = Path(args[-1])
    if impl == "httpx":
        import httpx

        client = httpx.Client(base_url=url, headers={"Authorization": f"Basic {token}"}, timeout=30)
    elif impl == "async":
        import asyncio

        from pywats import AsyncWATS
    started = time.perf_counter()
    if impl == "wats" and job == "export":
        _in_process_wats(["report", "export", "--pn", args[0], "--to", str(folder)])
    elif impl == "wats":
        files = sorted(str(p) for p in folder.glob("*.json"))
        _in_process_wats(["report", "submit", *files, "-j", args[0]])
    elif impl == "async":

        async def export() -> None:
            async with AsyncWATS(url, token, rate_limit=None) as api:
                where = f"partNumber eq '{args[0]}'"
                async for r in api.report.export(where, to=folder):
                    if not r.ok:
                        raise RuntimeError(f"{r.header.uuid}: {r.error}")

        asyncio.run(export())
    elif job == "export":
        params = {"$filter": f"partNumber eq '{args[0]}'", "$top": "10000"}
        listing = client.get("/api/Report/Query/Header", params=params)
        listing.raise_for_status()
        for header in listing.json():
            response = client.get(f"/api/Report/Wsjf/{header['uuid']}")
            response.raise_for_status()
            (folder / f"{header['uuid']}.json").write_bytes(response.content)
    else:
        for path in sorted(folder.glob("*.json")):
            response = client.post(
                "/api/Report/WSJF",
                content=path.read_bytes(),
                headers={"Content-Type": "application/json"},
            )
            response.raise_for_status()
    seconds = time.perf_counter() - started
    count = len(list(folder.glob("*.json")))
    return {"seconds": seconds, "count": count, "maxrss_bytes": maxrss_bytes()}


# -------------------------------------------------------------------------------- driver


def _command(impl: str, job: str, folder: Path, anchor_python: Path | None) -> list[str]:
    """The worker command of ``impl`` for ``job``: ``export`` (of ``EXPORT_PN``),
    ``latency`` (the export of ``LATENCY_PN``, the server slowed) or ``submit``."""
    pn = {"export": [EXPORT_PN], "latency": [LATENCY_PN]}.get(job, [])
    job = "submit" if job == "submit" else "export"
    if impl == "anchor":
        assert anchor_python is not None
        return [str(anchor_python), str(HERE / "anchor_bulk.py"), job, *pn, str(folder)]
    jobs = impl.partition("-j")[2]
    base = "wats" if jobs else impl
    args = [jobs, str(folder)] if jobs else [*pn, str(folder)]
    return [sys.executable, str(Path(__file__).resolve()), "worker", base, job, *args]


def rows(
    *,
    reports: int = 2000,
    files: int = 1000,
    repeat: int = 3,
    latency_reports: int = 300,
    anchor_python: Path | None = None,
    anchor_note: str = "",
) -> list[Row]:
    """Start an emulator, load it, and measure every implementation ``repeat`` times
    (``latency_reports`` 0: no server-latency rows)."""
    from pywats.testing import Emulator

    anchor = ["anchor"] if anchor_python else []
    plan = [
        ("export", ["wats", "async", "httpx", *anchor], reports),
        ("submit", ["wats-j8", "wats-j1", "httpx", *anchor], files),
    ]
    if latency_reports:
        plan.append(("latency", ["wats", "httpx", *anchor], latency_reports))
    results: dict[tuple[str, str], list[dict[str, Any]]] = {}
    # why a run failed, per job and implementation: a failed run (the anchor timing out on a
    # loaded machine) costs that run, not the row; two failures and the job is not run again
    failures: dict[tuple[str, str], list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-bulk-") as tmp, Emulator() as emu:
        seed(emu.url, emu.token, reports)
        if latency_reports:
            seed(emu.url, emu.token, latency_reports, LATENCY_PN)
        sources = Path(tmp) / "submit"
        sources.mkdir()
        write_files(sources, files)
        home = Path(tmp) / "home"
        env = {
            "PYWATS_SERVER_URL": emu.url,
            "PYWATS_API_TOKEN": emu.token,
            "PYWATS_HOME": str(home),
            "PYWATS_KEYRING": "0",
        }
        for rep in range(repeat):
            for job, impls, expected in plan:
                emu.faults.latency(LATENCY_S if job == "latency" else 0.0)
                for impl in impls:
                    if len(failures.get((job, impl), [])) >= 2:
                        continue
                    folder = sources
                    if job != "submit":
                        folder = Path(tmp) / f"{job}-{impl}-{rep}"
                        folder.mkdir()
                    cwd = HERE / ".work" if impl == "anchor" else HERE
                    cwd.mkdir(parents=True, exist_ok=True)
                    try:
                        out = run_json(
                            _command(impl, job, folder, anchor_python),
                            env=clean_env(env, anchor=impl == "anchor"),
                            cwd=cwd,
                            timeout=1800,
                        )
                        if out["count"] != expected:
                            raise RuntimeError(f"{out['count']} files of {expected}")
                        results.setdefault((job, impl), []).append(out)
                    except RuntimeError as exc:
                        failures.setdefault((job, impl), []).append(str(exc))
            emu.faults.latency(0.0)
    return _rows(results, failures, reports, files, latency_reports, anchor_note)


def _rows(
    results: dict[tuple[str, str], list[dict[str, Any]]],
    failures: dict[tuple[str, str], list[str]],
    reports: int,
    files: int,
    latency_reports: int,
    anchor_note: str,
) -> list[Row]:
    def cell(job: str, impl: str, key: str) -> Cell:
        failed = failures.get((job, impl), [])
        runs = results.get((job, impl))
        if not runs:
            if failed:
                return Cell.failed(failed[0])
            return Cell(None, anchor_note or "not run") if impl == "anchor" else Cell(None)
        total = len(runs) + len(failed)
        note = f"{len(failed)} of {total} runs failed: {failed[0]}" if failed else ""
        if key == "rate":
            return Cell.of([r["count"] / r["seconds"] for r in runs], note)
        return Cell.of([r["maxrss_bytes"] / 1e6 for r in runs], note)

    def three_times_anchor(job: str) -> float | None:
        anchor = cell(job, "anchor", "rate")
        return None if anchor.stats is None else 3 * anchor.stats.median

    n, k, m = f"{reports:,}", f"{files:,}", f"{latency_reports:,}"
    latency = [
        Row(
            SECTION,
            f"export {m} reports, {LATENCY_S * 1e3:.0f} ms server latency: `wats report export`,"
            " default -j 8",
            "per_s",
            cell("latency", "wats", "rate"),
            cell("latency", "anchor", "rate"),
            cell("latency", "httpx", "rate"),
            note="the emulator answers every request 20 ms late (its fault injection), so its"
            " CPU does not bound the clients; anchor and httpx as above",
        )
    ]
    return [
        Row(
            SECTION,
            f"export {n} reports ({STEPS} steps): `wats report export`, default -j 8",
            "per_s",
            cell("export", "wats", "rate"),
            cell("export", "anchor", "rate"),
            cell("export", "httpx", "rate"),
            target=three_times_anchor("export"),
            note="anchor: AsyncWATS + batch_map (10 at a time) as its README shows; "
            "httpx: a plain sequential loop; target: 3x the anchor",
        ),
        Row(
            SECTION,
            f"export {n} reports: `AsyncWATS.report.export`, default concurrency 8",
            "per_s",
            cell("export", "async", "rate"),
            cell("export", "anchor", "rate"),
            cell("export", "httpx", "rate"),
            target=three_times_anchor("export"),
        ),
        Row(
            SECTION,
            f"export {n} reports: peak RSS (`wats report export`)",
            "MB",
            cell("export", "wats", "rss"),
            cell("export", "anchor", "rss"),
            cell("export", "httpx", "rss"),
        ),
        Row(
            SECTION,
            f"submit {k} report files: `wats report submit -j 8`",
            "per_s",
            cell("submit", "wats-j8", "rate"),
            cell("submit", "anchor", "rate"),
            cell("submit", "httpx", "rate"),
            note="anchor: its sync submit_report, file after file; httpx: POST each file's "
            "bytes in a loop (no parsing, no validation)",
        ),
        Row(
            SECTION,
            f"submit {k} report files: `wats report submit -j 1` (sequential)",
            "per_s",
            cell("submit", "wats-j1", "rate"),
            cell("submit", "anchor", "rate"),
            cell("submit", "httpx", "rate"),
        ),
        Row(
            SECTION,
            f"submit {k} report files: peak RSS (`-j 8`)",
            "MB",
            cell("submit", "wats-j8", "rss"),
            cell("submit", "anchor", "rss"),
            cell("submit", "httpx", "rss"),
        ),
        *(latency if latency_reports else []),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--latency-reports", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-anchor", action="store_true")
    args = parser.parse_args(argv)
    anchor_python, why = None, "skipped (--no-anchor)"
    if not args.no_anchor:
        from bench_reports import ensure_anchor_venv

        anchor_python, why = ensure_anchor_venv()
    load = "{:.2f} / {:.2f} / {:.2f}".format(*os.getloadavg())
    table = rows(
        reports=args.reports,
        files=args.files,
        repeat=args.repeat,
        latency_reports=args.latency_reports,
        anchor_python=anchor_python,
        anchor_note=why,
    )
    print(f"load average at start: {load}; at end: " + "{:.2f} / {:.2f} / {:.2f}".format(
        *os.getloadavg()))  # fmt: skip
    print(markdown_table(table), end="")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["worker"]:
        print(json.dumps(worker(sys.argv[2], sys.argv[3], sys.argv[4:])))
        sys.exit(0)
    sys.exit(main())
