"""Looking at the watched folders runs no file I/O on the event loop (issue 19, item 1).

Every ``scandir``, ``lstat``, ``open`` and ``rename`` the intake makes while finding, checking
and post-processing files is recorded with the thread it ran on: none may be the event loop's
thread (the commit and the post action moved off it in issue 22).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from typing import Any

import pytest

from . import test_service
from .test_service import Station, wsjf

make_station = test_service.make_station  # the station fixture, shared


def test_scans_and_checks_run_off_the_event_loop(
    make_station: Callable[..., Station], monkeypatch: pytest.MonkeyPatch
) -> None:
    st = make_station()
    (st.inbox / "a.json").write_text(json.dumps(wsjf("OFF-LOOP")), "utf-8")
    loop_thread = threading.get_ident()  # asyncio.run runs the loop on this thread
    seen: list[tuple[str, bool]] = []

    def spy(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            where = str(args[0])
            # The intake's own looks (the folder, the file) and the post action's move.
            if where.startswith(str(st.inbox)):
                seen.append((name, threading.get_ident() == loop_thread))
            return real(*args, **kwargs)

        return wrapper

    for name in ("scandir", "lstat", "open", "rename"):
        monkeypatch.setattr(os, name, spy(name, getattr(os, name)))
    st.tick()
    st.tick()
    # The commit and the post action run in a worker thread too (issue 22): an fsync or a
    # rename into Done/ on a slow disk stalls neither the uploads nor the next conversions.
    assert {name for name, _ in seen} >= {"scandir", "lstat", "open", "rename"}
    assert [name for name, on_loop in seen if on_loop] == []
    assert list(st.inbox.glob("Done/*.json"))
    assert st.server.accepted  # and the file still went through
