"""File operations never follow links and keep permissions (issue 19, item 2)."""

from __future__ import annotations

import errno
import os
import stat
import sys
import zipfile
from pathlib import Path

import pytest

from pywats.station import _files

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and modes")


def test_the_cross_filesystem_copy_copies_a_link_not_what_it_points_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = tmp_path / "token"
    token.write_text("SECRET-TOKEN")
    inbox, error = tmp_path / "inbox", tmp_path / "Error"
    inbox.mkdir()
    link = inbox / "x.json"
    link.symlink_to(token)
    real_rename = os.rename

    def cross_device(src: object, dst: object) -> None:
        if Path(str(src)) == link:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", cross_device)
    moved = _files.move_unique(link, error)
    assert moved.is_symlink()  # the link was copied as a link
    copies = [p for p in error.iterdir() if not p.is_symlink()]
    assert copies == []  # no copy of the token's content anywhere in Error/


def test_a_zip_keeps_the_source_files_permissions(tmp_path: Path) -> None:
    source = tmp_path / "private.json"
    source.write_text("{}")
    source.chmod(0o600)
    old = os.umask(0o022)
    try:
        zipped = _files.zip_to(source, tmp_path / "Done")
    finally:
        os.umask(old)
    assert stat.S_IMODE(zipped.stat().st_mode) == 0o600
    with zipfile.ZipFile(zipped) as archive:
        assert archive.read("private.json") == b"{}"


def test_a_done_folder_that_is_a_link_is_refused_before_a_move(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = tmp_path / "Done"
    done.symlink_to(elsewhere, target_is_directory=True)
    source = tmp_path / "r.json"
    source.write_text("{}")
    for move in (_files.move_unique, _files.zip_to):
        with pytest.raises(NotADirectoryError, match="is a symlink or not a directory"):
            move(source, done)
    with pytest.raises(NotADirectoryError):
        _files.write_error(source, done, "reason")
    assert list(elsewhere.iterdir()) == []
    assert source.exists()


def test_hashing_refuses_a_fifo_and_an_unfollowed_link(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(_files.NotRegularFile):
        _files.sha256_of(fifo)  # returns at once: opened non-blocking
    target = tmp_path / "t.json"
    target.write_text("x")
    link = tmp_path / "l.json"
    link.symlink_to(target)
    with pytest.raises(_files.NotRegularFile, match="symlink"):
        _files.sha256_of(link)
    assert _files.sha256_of(link, follow_symlinks=True) == _files.sha256_of(target)
