"""``wats watch`` with folders for TestStand XML, TAKAYA and Spectrum: good files reach the
server, a truncated one goes to Error/ with its file, line and reason."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pywats.testing import Emulator
from tests.integration.station._harness import Station, wait_for

DATA = Path(__file__).resolve().parents[2] / "data" / "converters"
CASES = [
    ("teststand_xml", DATA / "teststand_xml" / "board-run.xml"),
    ("takaya", DATA / "takaya" / "panel-ca.ATD"),
    ("teradyne_spectrum", DATA / "teradyne_spectrum" / "board-fail.txt"),
]


def _drop(folder: Path, name: str, data: bytes) -> None:
    tmp = folder / f".{name}.tmp"  # hidden until renamed, as a tester writes
    tmp.write_bytes(data)
    tmp.replace(folder / name)


def test_industrial_folders_in_the_service(tmp_path: Path, fresh_emulator: Emulator) -> None:
    inbox = tmp_path / "inbox"
    folders = [{"path": str(inbox / name), "converter": name} for name, _ in CASES]
    st = Station(tmp_path, fresh_emulator, folders=folders)
    for name, _ in CASES:
        (inbox / name).mkdir(parents=True)
    try:
        st.start()
        expected: dict[str, str] = {}
        for name, source in CASES:
            golden = source.with_name(source.name.rsplit(".", 1)[0] + ".expected.json")
            expected.update({r["id"]: r["sn"] for r in json.loads(golden.read_text("utf-8"))})
            shutil.copyfile(source, inbox / name / f".{source.name}.tmp")
            (inbox / name / f".{source.name}.tmp").replace(inbox / name / source.name)
        truncated = (DATA / "takaya" / "panel-ca.ATD").read_bytes().rsplit(b"@", 1)[0]
        _drop(inbox / "takaya", "cut.ATD", truncated)
        st.wait_stored(set(expected))
        stored = {r["id"]: r["sn"] for r in fresh_emulator.reports()}
        assert {i: stored[i] for i in expected} == expected
        reason_file = inbox / "takaya" / "Error" / "cut.ATD.error.txt"
        wait_for(reason_file.exists, 30, "the truncated file's reason in Error/")
        reason = reason_file.read_text("utf-8")
        assert "cut.ATD: line" in reason
        assert "closing '@' line (truncated while written?)" in reason
        assert (inbox / "takaya" / "Error" / "cut.ATD").exists()
        assert st.stop() == 0
    finally:
        if st.alive():
            st.kill()
