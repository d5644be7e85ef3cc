"""``wats software download`` against a hostile destination or package (issue 19, items 4-5).

A symlink planted in the destination while the download runs must not send a file outside
it; a package whose paths collide, or a failure part-way, leaves no partial download; files
stream to disk, so a file larger than what the client keeps in memory still downloads.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from _cli_helpers import upload_package

if TYPE_CHECKING:
    from pywats.testing import Emulator

DOWNLOAD = "/api/internal/Software/DownloadFile"


def _tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_a_symlink_planted_during_the_download_is_not_followed(
    wats: Any, api: Any, fresh_emulator: Emulator, tmp_path: Path
) -> None:
    package_id = upload_package(api, {"a/1.txt": b"one", "b/2.txt": b"two"})
    dest, outside = tmp_path / "dest", tmp_path / "outside"
    dest.mkdir()
    outside.mkdir()
    faults = fresh_emulator.faults
    faults.apply(f"latency=0.8@GET {DOWNLOAD}")  # each file takes 0.8 s

    def plant() -> None:  # while the first file is on its way, b/ becomes a link outside
        deadline = time.monotonic() + 20
        while faults.hits("GET", DOWNLOAD) < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        (dest / "b").symlink_to(outside, target_is_directory=True)

    attacker = threading.Thread(target=plant)
    attacker.start()
    try:
        result = wats("software", "download", package_id, "--dest", str(dest))
    finally:
        attacker.join()

    assert list(outside.iterdir()) == []  # nothing landed outside the destination
    assert result.exit_code == 2, result.stderr
    assert "not a plain folder" in result.stderr
    assert _tree(dest) == ["b"]  # the link the attacker made; no partial download


def test_a_package_with_a_file_and_a_folder_of_one_name_writes_nothing(
    wats: Any, api: Any, tmp_path: Path
) -> None:
    package_id = upload_package(api, {"a/b": b"file", "a/b/c": b"inside", "z/ok.txt": b"ok"})
    dest = tmp_path / "dest"

    result = wats("software", "download", package_id, "--dest", str(dest))

    assert result.exit_code == 2, result.stderr
    assert "as a file and as a folder" in result.stderr
    assert not dest.exists() or _tree(dest) == []


def test_a_failure_part_way_leaves_the_previous_state(wats: Any, api: Any, tmp_path: Path) -> None:
    package_id = upload_package(api, {"first/new.txt": b"new", "x/y/z.txt": b"z"})
    dest = tmp_path / "dest"
    (dest / "x").mkdir(parents=True)
    (dest / "x" / "y").write_bytes(b"a file where the package needs a folder")

    result = wats("software", "download", package_id, "--dest", str(dest))

    assert result.exit_code == 2, result.stderr
    assert _tree(dest) == ["x", "x/y"]  # first/new.txt (fetched first) was cleaned up
    assert (dest / "x" / "y").read_bytes() == b"a file where the package needs a folder"


def test_files_stream_to_disk_past_the_in_memory_limit(
    api: Any, fresh_emulator: Emulator, tmp_path: Path
) -> None:
    from pywats import WatsError
    from pywats._sync._client import pyWATS

    big = bytes(range(256)) * 8192  # 2 MiB
    package_id = upload_package(api, {"fw/image.bin": big})
    with pyWATS(fresh_emulator.url, fresh_emulator.token, max_response_size=1024 * 1024) as small:
        paths = small.software.download(package_id, tmp_path / "dest")
        assert [p.read_bytes() == big for p in paths] == [True]
        (file_id,) = [f.package_file_id for f in small.software.get_package_files(package_id)]
        with pytest.raises(WatsError, match="larger than 1 MiB"):
            small.software.download_file(file_id)  # into memory: refused
    capped = pyWATS(fresh_emulator.url, fresh_emulator.token, max_download_size=1024 * 1024)
    with capped, pytest.raises(WatsError, match="max_download_size"):
        capped.software.download(package_id, tmp_path / "capped")
    assert _tree(tmp_path / "capped") == []
