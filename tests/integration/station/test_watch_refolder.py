"""``wats watch`` keeps taking files from a watched folder that was deleted and made again.

The rescan is an hour away, so only the service noticing the folder went (polling it, then,
for a flat folder, watching it again) can find the files: each wait is on the server having
the report, with a deadline far past what the machine needs and far short of the rescan.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ._harness import Station, make_report, wait_for

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the service's own inotify reader is Linux's"
)


@pytest.mark.parametrize("recursive", [False, True], ids=["flat-inotify", "recursive-watchdog"])
def test_files_in_a_folder_made_again_are_taken(
    station: Callable[..., Station], tmp_path: Path, recursive: bool
) -> None:
    folder = {"path": str(tmp_path / "inbox"), "converter": "wsjf", "recursive": recursive}
    st = station(intake={"rescan_seconds": 3600.0}, folders=[folder])
    st.start()
    try:
        first = make_report("SN-REFOLD-1")
        st.drop("first.json", first)
        st.wait_stored({first["id"]}, timeout=60)

        shutil.rmtree(st.inbox)  # Done/ inside it goes too
        st.inbox.mkdir()
        second = make_report("SN-REFOLD-2")
        st.drop("second.json", second)
        st.wait_stored({second["id"]}, timeout=60)

        third = make_report("SN-REFOLD-3")  # and again later (by events or the poll)
        st.drop("third.json", third)
        st.wait_stored({third["id"]}, timeout=60)
        # A source is moved to Done/ after its commit, which the upload may overtake.
        # (Done/ went with the folder: it is made again by the first move into it.)
        wait_for(
            lambda: (
                st.done.is_dir()
                and sorted(p.name for p in st.done.iterdir()) == ["second.json", "third.json"]
            ),
            30,
            "second.json and third.json in Done/",
        )
    finally:
        assert st.stop() == 0, st.output()
