"""``wats demo`` waits for the broken sample to reach Error/, however late it is judged.

The race (issue 18): the demo stopped as soon as every good sample was acknowledged, and the
broken file, written last and judged only once it is stable, could still be in the folder.
Here the "equipment" keeps writing the broken file (its mtime moves) for a few seconds after
every good sample could have been delivered, so a demo that does not wait for it reports
0 of 1 broken files in Error/.
"""

from __future__ import annotations

import io
import os
import threading
import time
from pathlib import Path

import pytest


def _keep_writing(path: Path, seconds: float, stop: threading.Event) -> None:
    """Wait for ``path`` to appear, then move its mtime every 0.1 s for ``seconds``."""
    deadline = time.monotonic() + 30
    while not path.exists() and time.monotonic() < deadline and not stop.is_set():
        time.sleep(0.02)
    until = time.monotonic() + seconds
    step = 0
    while time.monotonic() < until and not stop.is_set() and path.exists():
        step += 1
        stamp = time.time() + step * 0.001  # strictly new each time, even on coarse clocks
        os.utime(path, (stamp, stamp))
        time.sleep(0.1)


def test_demo_waits_for_a_broken_file_judged_after_every_sample_was_delivered(
    tmp_path: Path,
) -> None:
    pytest.importorskip("uvicorn", reason="the emulator extra is not installed")
    from pywats.station.demo import run_demo

    inbox = tmp_path / "results"
    inbox.mkdir()
    stop = threading.Event()
    writer = threading.Thread(
        target=_keep_writing, args=(inbox / "result_broken.json", 5.0, stop), daemon=True
    )
    writer.start()
    try:
        result = run_demo(count=3, folder=inbox, out=io.StringIO(), timeout=45)
    finally:
        stop.set()
        writer.join(timeout=10)
    assert result.delivered == 3
    assert result.rejected_files == 1
    assert result.ok
    assert result.seconds > 5.0  # it did wait out the slow broken file
