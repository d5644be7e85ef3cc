"""``api.system`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import pytest

from pywats import NotFoundError, SystemNode
from pywats._async._client import AsyncWATS
from pywats.reports import UUTReport


def _report(station: str, location: str, sn: str = "SN-1") -> UUTReport:
    report = UUTReport(
        pn="PCB-1",
        sn=sn,
        rev="A",
        process_code=50,
        station_name=station,
        location=location,
        purpose="Production",
    )
    report.root.add_pass_fail_step("LED on", True)
    return report


@pytest.mark.anyio
async def test_clients_come_from_reports_and_keep_their_updates(async_api: AsyncWATS) -> None:
    assert await async_api.system.list_clients() == []
    await async_api.report.submit(_report("ICT-01", "Line 1"))
    await async_api.report.submit(_report("ICT-01", "Line 2", sn="SN-2"))
    await async_api.report.submit(_report("FCT-07", "Line 3"))

    clients = await async_api.system.list_clients()
    assert sorted(c.name or "" for c in clients) == ["FCT-07", "ICT-01"]
    ict = next(c for c in clients if c.name == "ICT-01")
    assert isinstance(ict, SystemNode)
    assert ict.location == "Line 2"  # the latest report's
    assert ict.client_type == 5
    assert ict.recent_report_count == 2
    assert ict.last_report is not None
    assert ict.last_report.tzinfo is not None
    with_levels = await async_api.system.list_clients(include_levels=True)
    assert any(node.is_level and node.name == "Emulator" for node in with_levels)

    by_name = await async_api.system.get_client("ict-01")
    assert by_name == ict
    assert ict.identifier
    by_mac = await async_api.system.get_client(identifier=ict.identifier)
    assert by_mac is not None
    assert by_mac.client_id == ict.client_id

    updated = await async_api.system.update_client(ict, location="Line 9", display_name="ICT one")
    assert updated is not None
    assert (updated.location, updated.display_name, updated.purpose) == (
        "Line 9",
        "ICT one",
        "Production",  # sent as it was: not cleared
    )
    # A later report does not overwrite what was set by hand.
    await async_api.report.submit(_report("ICT-01", "Line 4", sn="SN-3"))
    again = await async_api.system.get_client("ICT-01")
    assert again is not None
    assert again.location == "Line 9"

    log = await async_api.system.get_client_log(ict.identifier)
    assert log is not None
    assert log.client_id == ict.client_id
    assert "changed" in log.text

    with pytest.raises(NotFoundError):
        await async_api.system.get_client("NO-SUCH-STATION")
    lenient = async_api.with_options(error_mode="lenient")
    assert await lenient.system.get_client("NO-SUCH-STATION") is None
    assert await lenient.system.get_client_log("02-00-00-00-00-00") is None
    with pytest.raises(ValueError, match="exactly one"):
        await async_api.system.get_client()
    with pytest.raises(ValueError, match="at least one"):
        await async_api.system.update_client(ict)


@pytest.mark.anyio
async def test_levels_by_path_and_the_status(async_api: AsyncWATS) -> None:
    assert await async_api.system.get_level(["Emulator", "Line 2", "ICT"]) is None
    leaf = await async_api.system.create_level("Emulator/Line 2/ICT")
    assert isinstance(leaf, int)
    assert await async_api.system.get_level(["Emulator", "Line 2", "ICT"]) == leaf
    assert await async_api.system.create_level(["Emulator", "Line 2", "ICT"]) == leaf  # reused
    line = await async_api.system.get_level("Emulator/Line 2")
    assert line is not None
    assert line != leaf

    await async_api.report.submit(_report("ICT-01", "Line 2"))
    [client] = await async_api.system.list_clients()
    moved = await async_api.system.update_client(client, level_id=leaf, move_with_history=True)
    assert moved is not None
    assert moved.client_group_id == leaf
    levels = {n.id: n for n in await async_api.system.list_clients(include_levels=True)}
    assert levels[leaf].parent_id == line

    status = await async_api.system.get_status()
    assert status["Status"] == "Running"
    assert status["Reports"] == "1"
    with pytest.raises(ValueError, match="non-empty"):
        await async_api.system.get_level("Emulator//ICT")
