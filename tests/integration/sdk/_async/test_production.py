"""``api.production`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import datetime as dt

import pytest

from pywats import BadRequestError, NotFoundError
from pywats._async._client import AsyncWATS

FINALIZED = 16


async def _units(async_api: AsyncWATS) -> None:
    await async_api.product.save({"partNumber": "BOX-1", "name": "Box"})
    await async_api.product.save({"partNumber": "PCB-1", "name": "Board"})
    result = await async_api.production.save_units(
        [
            {"serialNumber": "BX-1", "partNumber": "BOX-1"},
            {"serialNumber": "PB-1", "partNumber": "PCB-1"},
            {"serialNumber": "ZZ-1", "partNumber": "NO-SUCH-PRODUCT"},
        ]
    )
    assert result["insertCount"] == 2
    assert result["errorCount"] == 1


@pytest.mark.anyio
async def test_units_phases_and_children(async_api: AsyncWATS) -> None:
    await _units(async_api)
    unit = await async_api.production.get_unit("PB-1", "PCB-1")
    assert unit is not None
    assert unit.serial_number == "PB-1"

    await async_api.production.set_unit_phase("PB-1", "PCB-1", phase=FINALIZED)
    await async_api.production.set_unit_process("BX-1", "BOX-1", process_name="Final assembly")
    assert (await async_api.production.get_unit("PB-1", "PCB-1")).unit_phase_id == FINALIZED  # type: ignore[union-attr]

    await async_api.production.add_child_unit(
        "BX-1", "BOX-1", child_serial_number="PB-1", child_part_number="PCB-1"
    )
    checked = await async_api.production.check_child_units("BX-1", "BOX-1")
    assert checked is not None
    parent = await async_api.production.get_unit("BX-1", "BOX-1")
    assert [u.serial_number for u in parent.sub_units or []] == ["PB-1"]  # type: ignore[union-attr]

    with pytest.raises(BadRequestError, match="already has a parent"):
        await async_api.production.add_child_unit(
            "BX-1", "BOX-1", child_serial_number="PB-1", child_part_number="PCB-1"
        )
    changes = await async_api.production.get_unit_changes(max_count=10)
    assert changes
    await async_api.production.delete_unit_change(int(changes[0].id))
    assert len(await async_api.production.get_unit_changes(max_count=10)) == len(changes) - 1

    await async_api.production.remove_child_unit(
        "BX-1", "BOX-1", child_serial_number="PB-1", child_part_number="PCB-1"
    )
    grade = await async_api.production.verify_unit("PB-1", part_number="PCB-1")
    assert grade is not None

    await async_api.production.save_batches([{"batchNumber": "B-1", "batchSize": 10}])

    with pytest.raises(NotFoundError):
        await async_api.production.get_unit("NOPE", "PCB-1")
    lenient = async_api.with_options(error_mode="lenient")
    assert await lenient.production.get_unit("NOPE", "PCB-1") is None


@pytest.mark.anyio
async def test_serial_numbers(async_api: AsyncWATS) -> None:
    types = await async_api.production.get_serial_number_types()
    assert "SerialNumber" in [t.name for t in types]

    taken = await async_api.production.take_serial_numbers(
        "SerialNumber", 3, ref_sn="BX-9", station_name="ST-01"
    )
    assert taken == ["SN00000001", "SN00000002", "SN00000003"]

    by_range = await async_api.production.get_serial_numbers_by_range(
        "SerialNumber", start_address="SN00000001", end_address="SN00000002"
    )
    assert len(by_range) == 2
    by_reference = await async_api.production.get_serial_numbers_by_reference(
        "SerialNumber",
        ref_sn="BX-9",
        start_date=dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
    )
    assert len(by_reference) == 3

    await async_api.production.upload_serial_numbers(
        "SerialNumber", b"SerialNumber\nSN90000000\nSN90000001\n", format="CSV"
    )
    exported = await async_api.production.export_serial_numbers("SerialNumber", format="CSV")
    assert b"SN90000001" in exported
    assert b"SN00000003" in exported

    with pytest.raises(ValueError, match="quantity"):
        await async_api.production.take_serial_numbers("SerialNumber", 0)
    with pytest.raises(ValueError, match="ref_sn"):
        await async_api.production.get_serial_numbers_by_reference("SerialNumber")
