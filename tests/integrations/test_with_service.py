"""The integrations beside a running ``wats watch``: it delivers what they queue or spool."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.station._harness import Station, make_report, wait_for

from ._site import run_pytest

pytest_plugins = ["pytester"]


@pytest.fixture
def station(tmp_path: Path, fresh_emulator: Any) -> Iterator[Station]:
    st = Station(tmp_path, fresh_emulator)
    st.start()
    try:
        yield st
    finally:
        if st.alive():
            st.stop()


def test_the_service_takes_the_spool(station: Station) -> None:
    spool = station.data / "spool"
    spool.mkdir()
    report = {**make_report("SN-SPOOL-1"), "machineName": "M", "location": "L", "purpose": "P"}
    (spool / f"{report['id']}.json").write_text(json.dumps(report), encoding="utf-8")
    (spool / "garbage.json").write_text("{not json", encoding="utf-8")
    station.wait_stored({report["id"]}, timeout=60)  # bounded, generous on a busy machine
    spooled = spool / f"{report['id']}.json"
    wait_for(lambda: not spooled.exists(), 30, "the spooled file removed once queued")
    wait_for(lambda: (spool / "garbage.json.rejected").exists(), 60, "the bad file set aside")


def test_pytest_session_left_to_the_running_service(
    pytester: pytest.Pytester, station: Station
) -> None:
    pytester.makepyfile(
        "def test_rail(wats):\n"
        "    wats.serial_number = 'SN-SVC-1'\n"
        "    assert wats.numeric('3V3', 3.3, low=3.2, high=3.4, unit='V')\n"
    )
    result = run_pytest(pytester, station.env, "--wats-instance", "it")
    result.assert_outcomes(passed=1)
    [line] = [ln for ln in result.outlines if ln.startswith("WATS: report")]
    assert line.endswith("will be delivered by the station service"), line
    wait_for(lambda: station.stored_ids(), 60, "the service to deliver the session's report")
    [stored] = station.emulator.reports()
    assert stored["sn"] == "SN-SVC-1"
