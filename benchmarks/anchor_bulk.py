"""The bulk workload done with the anchor, ``pywats-api==0.6.0rc1``, as its README shows it.

Run by ``bench_bulk.py`` with the Python of the anchor's own virtual environment (never import
this from the project); the server in ``PYWATS_SERVER_URL``/``PYWATS_API_TOKEN``; prints one
JSON line (seconds, files, peak RSS):

    python anchor_bulk.py export PART_NUMBER DIR     # every report of PART_NUMBER to DIR
    python anchor_bulk.py submit DIR                 # every *.json in DIR

The anchor has no export or bulk-submit tool. Export is what its README's "Performance
Optimization Example" does: ``AsyncWATS`` and ``pywats.core.coalesce.batch_map`` (batches of
50, 10 at a time), here over ``report.get_report`` for the ids ``report.query_uut_headers``
lists, each report written to ``<id>.json`` (``model_dump`` by alias, as the report
benchmark serialises it). Submit is its "Query/submit" usage: the sync ``pyWATS`` and
``report.submit_report`` (which takes a dict) file after file. Its client-side throttling
and GET cache are off, as on every side.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from _common import maxrss_bytes

anchor: Any = importlib.import_module("pywats")  # the anchor's package, from its own venv
coalesce: Any = importlib.import_module("pywats.core.coalesce")


def _station() -> Any:
    return anchor.Station(name="STATION-01", location="Line 1", purpose="Production")


async def export(part_number: str, folder: Path) -> int:
    url, token = os.environ["PYWATS_SERVER_URL"], os.environ["PYWATS_API_TOKEN"]
    async with anchor.AsyncWATS(
        base_url=url,
        token=token,
        station=_station(),
        enable_cache=False,
        enable_throttling=False,
    ) as api:
        headers = await api.report.query_uut_headers(
            odata_filter=f"partNumber eq '{part_number}'", top=10000
        )
        ids = [str(h.uuid) for h in headers]

        async def fetch(report_id: str) -> None:
            report = await api.report.get_report(report_id)
            if report is None:
                raise RuntimeError(f"report {report_id} was not found")
            data = report.model_dump(mode="json", by_alias=True, exclude_none=True)
            (folder / f"{report_id}.json").write_text(json.dumps(data), encoding="utf-8")

        await coalesce.batch_map(ids, fetch, batch_size=50, max_concurrent=10)
        return len(ids)


def submit(folder: Path) -> int:
    url, token = os.environ["PYWATS_SERVER_URL"], os.environ["PYWATS_API_TOKEN"]
    anchor.configure_throttling(enabled=False)
    api = anchor.pyWATS(base_url=url, token=token, station=_station(), enable_cache=False)
    count = 0
    for path in sorted(folder.glob("*.json")):
        report = json.loads(path.read_text(encoding="utf-8"))
        if not api.report.submit_report(report):
            raise RuntimeError(f"{path.name}: the submission returned no id")
        count += 1
    api.close()
    return count


def main(argv: list[str]) -> int:
    job, *args = argv
    started = time.perf_counter()
    if job == "export":
        count = asyncio.run(export(args[0], Path(args[1])))
    elif job == "submit":
        count = submit(Path(args[0]))
    else:
        sys.exit("usage: anchor_bulk.py export PART_NUMBER DIR | submit DIR")
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "count": count, "maxrss_bytes": maxrss_bytes()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
