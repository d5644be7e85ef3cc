"""The request workload done with the anchor, ``pywats-api==0.6.0rc1``.

Run by ``bench_requests.py`` with the Python of the anchor's own virtual environment (never
import this from the project): ``python anchor_requests.py PART_NUMBER --gets=N ...``, the
server in ``PYWATS_SERVER_URL``/``PYWATS_API_TOKEN``; prints one JSON line. Mirrors
``_request_workers.make_pywats``: its sync client ``pyWATS`` for sequential GETs and
submissions, its ``AsyncWATS`` for the concurrent GETs, the same 100-step report
(``anchor_reports.build``), its GET cache and its throttling off.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from _common import AsyncGet, RequestSizes, RequestWorkload, worker_main
from anchor_reports import build

# The anchor's package, found in its own venv; type checkers would resolve the name to ours.
anchor: Any = importlib.import_module("pywats")


def make_anchor(url: str, token: str, part_number: str, sizes: RequestSizes) -> RequestWorkload:
    anchor.configure_throttling(enabled=False)
    station = anchor.Station(name="STATION-01", location="Line 1", purpose="Production")
    api = anchor.pyWATS(base_url=url, token=token, station=station, enable_cache=False)
    report = build(sizes.steps)

    def get() -> object:
        product = api.product.get_product(part_number)
        if product is None:
            raise RuntimeError(f"product {part_number} not found")
        return product

    def submit() -> object:
        report_id = api.report.submit_report(report)
        if not report_id:
            raise RuntimeError("report submission returned no id")
        return report_id

    @asynccontextmanager
    async def session() -> AsyncIterator[AsyncGet]:
        async with anchor.AsyncWATS(
            base_url=url,
            token=token,
            station=station,
            enable_cache=False,
            enable_throttling=False,
        ) as aapi:

            async def aget() -> object:
                return await aapi.product.get_product(part_number)

            yield aget

    return RequestWorkload(get=get, submit=submit, async_session=session, close=api.close)


if __name__ == "__main__":
    sys.exit(worker_main(sys.argv[1:], make_anchor))
