"""Package-file targets stay inside the download folder; writes replace files whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from pywats._downloads import package_file_target, write_atomically


@pytest.mark.parametrize(
    ("folder", "name", "expected"),
    [
        ("bin", "tool.exe", "bin/tool.exe"),
        ("cfg/deep", "a.ini", "cfg/deep/a.ini"),
        ("cfg\\deep", "a.ini", "cfg/deep/a.ini"),  # a Windows server's separator
        ("./cfg/", "a.ini", "cfg/a.ini"),
        (None, "top.txt", "top.txt"),
        ("", "top.txt", "top.txt"),
        ("a..b", "x..y", "a..b/x..y"),  # dots inside a name are not a parent step
    ],
)
def test_target_is_under_dest(folder: str | None, name: str, expected: str, tmp_path: Path) -> None:
    assert package_file_target(tmp_path, folder, name) == tmp_path / expected


@pytest.mark.parametrize(
    ("folder", "name", "match"),
    [
        ("..", "x.txt", r"'\.\.'"),
        ("a/../..", "x.txt", r"'\.\.'"),
        ("bin", "../x.txt", r"'\.\.'"),
        ("bin", "..\\x.txt", r"'\.\.'"),
        ("/etc", "passwd", "absolute"),
        ("bin", "/etc/passwd", "absolute"),
        ("\\\\host\\share", "x.txt", "absolute"),
        ("C:\\Windows", "x.dll", "absolute"),
        ("C:relative", "x.dll", "drive"),
        ("bin", "", "no name"),
        ("bin", None, "no name"),
        ("bin", "./", "names no file"),
    ],
)
def test_escaping_paths_are_refused(
    folder: str | None, name: str | None, match: str, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match=match):
        package_file_target(tmp_path, folder, name)


def test_a_symlink_out_of_dest_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    dest = tmp_path / "dest"
    dest.mkdir()
    try:
        (dest / "link").symlink_to(outside, target_is_directory=True)
    except OSError:
        pytest.skip("this platform does not allow creating symlinks")
    with pytest.raises(ValueError, match="outside"):
        package_file_target(dest, "link", "x.txt")


def test_write_atomically_replaces_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "file.bin"
    write_atomically(target, b"first, longer content")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in target.parent.iterdir()) == ["file.bin"]


def test_write_atomically_keeps_the_old_copy_when_the_write_fails(tmp_path: Path) -> None:
    target = tmp_path / "file.bin"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_atomically(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.bin"]
