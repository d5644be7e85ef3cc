"""``wats software download`` against the emulator: files on disk, paths on stdout, exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from _cli_helpers import upload_package

if TYPE_CHECKING:
    pass

CONTENTS = {
    "bin/tool.exe": bytes(range(256)) * 16,
    "cfg/line 3/settings.ini": b"[station]\nline=3\n",
}


def test_download_writes_files_and_prints_their_paths(wats, api: Any, tmp_path: Path) -> None:
    package_id = upload_package(api, CONTENTS)
    dest = tmp_path / "out"

    result = wats("software", "download", package_id, "--dest", str(dest), "-o", "json")

    assert result.exit_code == 0, result.stderr
    assert sorted(json.loads(result.stdout)) == sorted(str(dest / name) for name in CONTENTS)
    for name, data in CONTENTS.items():
        assert (dest / name).read_bytes() == data
    assert f"Downloaded 2 file(s) of package {package_id}" in result.stderr
    assert f"({len(CONTENTS['bin/tool.exe'])} bytes)" in result.stderr


def test_download_defaults_to_the_current_folder(
    wats, api: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package_id = upload_package(api, {"bin/a.txt": b"a"})
    monkeypatch.chdir(tmp_path)

    result = wats("software", "download", package_id, "-o", "csv")

    assert result.exit_code == 0, result.stderr
    assert result.stdout.split() == ["value", str(Path("bin") / "a.txt")]
    assert (tmp_path / "bin" / "a.txt").read_bytes() == b"a"


def test_download_failures_exit_with_their_codes(wats, api: Any, tmp_path: Path) -> None:
    unknown = wats(
        "software", "download", "8d5e9d8e-1c1d-4c84-9a4f-5d6e7f809a1b", "--dest", str(tmp_path)
    )
    assert unknown.exit_code == 5
    assert unknown.stdout == ""

    hostile = upload_package(api, {"ok/a.txt": b"a", "x/../../escaped.txt": b"b"})
    refused = wats("software", "download", hostile, "--dest", str(tmp_path / "out"))
    assert refused.exit_code == 2
    assert "'..'" in refused.stderr
    assert list(tmp_path.iterdir()) == []
