"""Where downloaded package files land, and how they are written (shared by both twins).

A package file's ``packageFolderName`` and ``name`` come from the server, so they are treated
as untrusted: the local path is built only from plain relative segments, and anything that
could leave the destination folder (``..``, an absolute path, a drive, a UNC share) is refused
with ``ValueError`` before a byte is written. Files are written to a temporary sibling and
renamed into place, so a reader never sees half a file and an interrupted download leaves the
previous copy intact.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath, PureWindowsPath

from pywats._atomic import atomic_file

__all__ = ["package_file_target", "write_atomically"]

# Either separator: a server on Windows may send backslashes, and a station may run Linux.
_SEPARATORS = re.compile(r"[\\/]+")


def _relative_parts(text: str, what: str) -> list[str]:
    if PurePosixPath(text).is_absolute() or PureWindowsPath(text).is_absolute():
        raise ValueError(f"{what} {text!r} is an absolute path; refusing to write outside dest")
    if PureWindowsPath(text).drive:
        raise ValueError(f"{what} {text!r} names a drive; refusing to write outside dest")
    parts = [p for p in _SEPARATORS.split(text) if p not in ("", ".")]
    if ".." in parts:
        raise ValueError(f"{what} {text!r} contains '..'; refusing to write outside dest")
    return parts


def package_file_target(dest: Path, folder: str | None, name: str | None) -> Path:
    """``dest/<folder>/<name>`` for one package file, or ``ValueError`` if it would escape.

    Args:
        dest: the download folder.
        folder: the file's ``packageFolderName`` (may hold nested folders, ``a/b``).
        name: the file's ``name``.

    Raises:
        ValueError: the name is empty, or folder or name is absolute or contains ``..``.
    """
    if not name or not name.strip():
        raise ValueError("a package file has no name; cannot choose where to write it")
    folder_parts = _relative_parts(folder or "", "package folder")
    name_parts = _relative_parts(name, "package file name")
    if not name_parts:
        raise ValueError(f"package file name {name!r} names no file")
    target = dest.joinpath(*folder_parts, *name_parts)
    # Belt and braces: a symlink already inside dest could still point outside it.
    root = dest.resolve()
    if not target.resolve().is_relative_to(root):
        raise ValueError(f"package file {target} resolves outside {root}; refusing to write it")
    return target


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(path, "wb", suffix=".part") as handle:
        handle.write(data)
