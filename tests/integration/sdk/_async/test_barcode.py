"""``api.barcode`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import pytest

from pywats import BadRequestError, BarcodeIdentifier, NotFoundError
from pywats._async._client import AsyncWATS
from pywats.testing import Emulator


@pytest.mark.anyio
async def test_identify_by_the_default_format_without_identifiers(async_api: AsyncWATS) -> None:
    assert await async_api.barcode.query() == []
    found = await async_api.barcode.identify("SN-0001/PCB-1001/A/B7/100")
    assert (found.serial_number, found.part_number, found.revision) == ("SN-0001", "PCB-1001", "A")
    assert (found.batch_number, found.process) == ("B7", "100")
    assert found.id is None


@pytest.mark.anyio
async def test_identifiers_are_stored_tried_in_order_and_deleted(
    async_api: AsyncWATS, fresh: Emulator
) -> None:
    late = await async_api.barcode.save(
        BarcodeIdentifier(pattern=r"^\d", serial_number=r"^(\d+)", order=2, description="123")
    )
    early = await async_api.barcode.save(
        {
            "pattern": r"^\d{4}-",
            "serialNumber": r"^\d{4}-(\w+)",
            "partNumber": r"PN=(\S+)",
            "order": 1,
        }
    )
    assert late.id is not None
    assert early.id is not None
    assert late.id != early.id
    assert [i.id for i in await async_api.barcode.query()] == [early.id, late.id]

    found = await async_api.barcode.identify("2026-SN77 PN=PCB-1001")
    assert found.id == early.id
    assert (found.serial_number, found.part_number, found.revision) == ("SN77", "PCB-1001", None)
    only_late = await async_api.barcode.identify("9999")
    assert (only_late.id, only_late.serial_number) == (late.id, "9999")

    moved = await async_api.barcode.save(BarcodeIdentifier(id=late.id, pattern=r"^\d", order=0))
    assert moved.id == late.id
    assert (await async_api.barcode.query())[0].id == late.id
    assert len(fresh.entities("barcode")) == 2

    await async_api.barcode.delete(late.id)
    assert [i.id for i in await async_api.barcode.query()] == [early.id]
    with pytest.raises(NotFoundError):
        await async_api.barcode.delete(late.id)


@pytest.mark.anyio
async def test_bad_identifiers_are_refused(async_api: AsyncWATS) -> None:
    with pytest.raises(BadRequestError, match="regular expression"):
        await async_api.barcode.save(BarcodeIdentifier(pattern="(("))
    with pytest.raises(NotFoundError):
        await async_api.barcode.save(BarcodeIdentifier(id=4242, pattern="x"))
    with pytest.raises(ValueError, match="code"):
        await async_api.barcode.identify(" ")
