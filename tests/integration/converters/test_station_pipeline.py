"""The built-in converters inside ``wats watch``: files in per-format folders reach the server."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pywats.testing import Emulator
from tests.integration.station._harness import Station, wait_for

DATA = Path(__file__).resolve().parents[2] / "data" / "converters"

# (folder / converter, golden input, parameters)
CASES = [
    ("wsxf", DATA / "wsxf" / "full.wsxf", {}),
    ("csv", DATA / "csv" / "measurements.csv", {"layout": "measurement", "misc": ["Firmware"]}),
    ("junit", DATA / "junit" / "pytest-xunit2.xml", {}),
    ("atml", DATA / "atml" / "teststand-atml601.xml", {}),
    ("openhtf", DATA / "openhtf" / "board.json", {}),
]


def test_every_built_in_converter_runs_in_the_service(
    tmp_path: Path, fresh_emulator: Emulator
) -> None:
    inbox = tmp_path / "inbox"
    folders = [
        {"path": str(inbox / name), "converter": name, "parameters": {**parameters}}
        for name, _source, parameters in CASES
    ]
    st = Station(tmp_path, fresh_emulator, folders=folders)
    for name, _source, _parameters in CASES:
        (inbox / name).mkdir()
    try:
        st.start()
        expected: dict[str, str] = {}
        for name, source, _parameters in CASES:
            stem = "full" if name == "wsxf" else source.name.rsplit(".", 1)[0]
            golden = source.with_name(f"{stem}.expected.json")
            for report in json.loads(golden.read_text(encoding="utf-8")):
                expected[report["id"]] = report["sn"]
            tmp = inbox / name / f".{source.name}.tmp"  # hidden until renamed
            shutil.copyfile(source, tmp)
            tmp.replace(inbox / name / source.name)
        st.wait_stored(set(expected))
        stored = {r["id"]: r for r in fresh_emulator.reports()}
        assert {i: stored[i]["sn"] for i in expected} == expected
        # the station names the reports, except WSXF files, which carry their own station
        named = {stored[i]["machineName"] for i in expected}
        assert named == {"IT-ST-01", "ST-01", "RW-1"}
        wait_for(
            lambda: all((inbox / n / "Done" / s.name).exists() for n, s, _ in CASES),
            30,
            "every source in its Done folder",
        )
        assert not any((inbox / n / "Error").exists() for n, _, _ in CASES)
        assert st.stop() == 0
    finally:
        if st.alive():
            st.kill()
