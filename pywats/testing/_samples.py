"""Sample data for a demo emulator: what the README's examples read.

``wats emulator --sample-data`` (and ``wats demo --keep-running``) loads it, so that
``wats product get PCB-1001``, ``wats report query --pn PCB-1001 --since 2026-11-01`` and
``wats asset list`` answer with something on a fresh emulator. It is posted through the
emulator's own HTTP API with the SDK, as any client would, so it is stored exactly as real
traffic is. Reports start in the last days before loading, so ``--since 7d`` finds them.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

__all__ = ["SAMPLE_ASSET", "SAMPLE_PRODUCTS", "load_samples"]

#: (part number, name, revisions) of the sample products.
SAMPLE_PRODUCTS = (
    ("PCB-1001", "Main board", ("A", "B")),
    ("PSU-12", "12 V power supply", ("A",)),
)
#: The sample fixture (asset type "Fixture").
SAMPLE_ASSET = "FX-0001"


def _report(pn: str, rev: str, index: int, start: datetime, rng: random.Random) -> Any:
    from pywats.reports import CompOp, UUTReport

    report = UUTReport(
        pn=pn,
        sn=f"SN-{pn}-{index:04d}",
        rev=rev,
        process_code=50,
        station_name="ICT-01",
        location="Line 1",
        purpose="Production",
        operator="sample",
        start=start,
    )
    power = report.root.add_sequence("Power")
    # One board in four has a rail out of limits: a failed report to find with --result.
    volts = 3.52 if index % 4 == 3 else round(3.3 + rng.uniform(-0.05, 0.05), 3)
    power.add_numeric_step("3V3 rail", volts, low=3.2, high=3.4, comp_op=CompOp.GELE, unit="V")
    power.add_pass_fail_step("LED on", True)
    return report


def load_samples(url: str, token: str, *, now: datetime | None = None) -> dict[str, int]:
    """Post the sample products, revisions, an asset, test reports and their units to ``url``.

    Returns how many of each were posted. Loading twice replaces rather than duplicates
    (products and assets are saved by key, reports keep fixed ids).
    """
    import uuid

    from pywats import pyWATS

    rng = random.Random(18)
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    counts = {"products": 0, "revisions": 0, "assets": 0, "reports": 0}
    with pyWATS(url, token) as api:
        for pn, name, revisions in SAMPLE_PRODUCTS:
            api.product.save({"partNumber": pn, "name": name, "state": 1})
            counts["products"] += 1
            for rev in revisions:
                api.product.save_revision({"PartNumber": pn, "revision": rev, "state": 1})
                counts["revisions"] += 1
        fixture = next(t for t in api.asset.query_types() if t.type_name == "Fixture")
        asset = {"serialNumber": SAMPLE_ASSET, "assetName": "ICT bed of nails"}
        api.asset.save({**asset, "typeId": str(fixture.type_id)})
        counts["assets"] += 1
        for index in range(12):
            pn, _, revisions = SAMPLE_PRODUCTS[0 if index < 8 else 1]
            start = now - timedelta(days=6 - index // 2, hours=index)
            report = _report(pn, revisions[0], index, start, rng)
            report.id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"pywats-sample-report-{index}"))
            api.report.submit(report)
            counts["reports"] += 1
        # Production units for the tested boards, so MES calls (`wats workflow start
        # SN-PCB-1001-0000 PCB-1001`, `wats production unit ...`) find them too.
        units = [
            {"serialNumber": f"SN-{pn}-{index:04d}", "partNumber": pn, "revision": revs[0]}
            for index in range(12)
            for pn, _, revs in [SAMPLE_PRODUCTS[0 if index < 8 else 1]]
        ]
        api.production.save_units(units)
    return counts
