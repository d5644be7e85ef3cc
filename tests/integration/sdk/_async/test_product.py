"""``api.product`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import attrs
import pytest

from pywats import NotFoundError
from pywats._async._client import AsyncWATS
from pywats._odata import F
from pywats.testing import Emulator

WSBF = b"""<?xml version="1.0" encoding="utf-8"?>
<BOM Partnumber="PCB-100" Revision="A" Desc="Main board">
  <Component Number="R1" Rev="1" Qty="2" Desc="Resistor" Ref="R1,R2" />
</BOM>"""


@pytest.mark.anyio
async def test_products_and_revisions(async_api: AsyncWATS) -> None:
    saved = await async_api.product.save(
        {"partNumber": "PCB-100", "name": "Main board", "state": 1, "nonSerial": False}
    )
    assert saved.part_number == "PCB-100"
    assert saved.product_id is not None

    revision = await async_api.product.save_revision(
        {"PartNumber": "PCB-100", "revision": "A", "name": "First", "state": 1}
    )
    assert revision.revision == "A"

    product = await async_api.product.get("PCB-100")
    assert product is not None
    assert product.name == "Main board"
    assert product.description is None  # UNSET becomes None at the boundary
    assert [r.revision for r in product.revisions or []] == ["A"]

    again = await async_api.product.save(attrs.evolve(product, name="Main board v2"))
    assert again.name == "Main board v2"

    got_revision = await async_api.product.get_revision("PCB-100", "A")
    assert got_revision is not None
    assert got_revision.name == "First"

    await async_api.product.save_many(
        [{"partNumber": "PCB-200", "name": "Sensor"}, {"partNumber": "CBL-1", "name": "Cable"}]
    )
    await async_api.product.save_revisions([{"PartNumber": "PCB-200", "revision": "B"}])
    assert (await async_api.product.get_revision("PCB-200", "B")) is not None

    found = await async_api.product.query(F("partNumber").startswith("PCB"), orderby="partNumber")
    assert [p.part_number for p in found] == ["PCB-100", "PCB-200"]
    assert len(await async_api.product.query(top=1)) == 1


@pytest.mark.anyio
async def test_unknown_products(async_api: AsyncWATS) -> None:
    with pytest.raises(NotFoundError) as info:
        await async_api.product.get("NOPE-1")
    assert info.value.status == 404
    assert "NOPE-1" in str(info.value)
    lenient = async_api.with_options(error_mode="lenient")
    assert await lenient.product.get("NOPE-1") is None
    assert await lenient.product.get_revision("NOPE-1", "A") is None
    with pytest.raises(ValueError, match="part_number"):
        await async_api.product.get("  ")


@pytest.mark.anyio
async def test_bom_groups_and_vendors(async_api: AsyncWATS, fresh: Emulator) -> None:
    await async_api.product.save({"partNumber": "PCB-100", "name": "Main board"})
    await async_api.product.save_revision({"PartNumber": "PCB-100", "revision": "A"})
    await async_api.product.save_bom(WSBF)
    assert fresh.entities("bom")

    await async_api.product.add_to_group("PCB-100", product_group="All products")
    groups = await async_api.product.get_groups("PCB-100")
    assert isinstance(groups, list)

    await async_api.product.add_vendors(["Acme", "Globex"])
    names = {v["VendorName"] for v in await async_api.product.get_vendors()}
    assert {"Acme", "Globex"} <= names
    await async_api.product.delete_vendors("Acme")
    names = {v["VendorName"] for v in await async_api.product.get_vendors()}
    assert "Acme" not in names
    assert "Globex" in names


@pytest.mark.anyio
async def test_iterating_products_pages_through_all(async_api: AsyncWATS, fresh: Emulator) -> None:
    await async_api.product.save_many(
        [{"partNumber": f"IT-{i:02d}", "name": f"Item {i}"} for i in range(7)]
    )
    names = [p.part_number async for p in async_api.product.iter(page_size=3)]
    assert names == [f"IT-{i:02d}" for i in range(7)]
    assert fresh.faults.hits("GET", "/api/Product/Query") == 3
    assert len([p async for p in async_api.product.iter(F("partNumber").ne("IT-00"), limit=2)]) == 2
