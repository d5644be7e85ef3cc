"""Where downloaded package files land, and how they are written (shared by both twins).

A package file's ``packageFolderName`` and ``name`` come from the server, so they are treated
as untrusted: the local path is built only from plain relative segments, and anything that
could leave the destination folder (``..``, an absolute path, a drive, a UNC share) is refused
with ``ValueError`` before a byte is written, as is a package whose paths collide (``a/b`` as a
file and as a folder).

Checking paths first is not enough: a symlink planted in the destination *during* the
download would redirect a later write (check-then-write). So :class:`Staging` writes through
directory handles where the OS has them (POSIX ``dir_fd``): each folder is opened relative to
its parent with ``O_NOFOLLOW``, each file created relative to its folder's handle with
``O_EXCL | O_NOFOLLOW``, so a file can only land inside the destination whatever is renamed
or linked meanwhile. Elsewhere (Windows) each path is re-resolved after it is created.

Every file is staged to a hidden temporary name first; only when all of them arrived are they
renamed into place. A failure part-way removes the staged files and the folders this download
created, so the destination holds the previous copies or the new ones, never half a package.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import BinaryIO

from pywats._atomic import atomic_file

__all__ = ["Staging", "check_plan", "package_file_target", "write_atomically"]

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)

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


def check_plan(dest: Path, targets: list[Path]) -> None:
    """Refuse a package whose paths collide: a path twice, or one file inside another.

    Raises:
        ValueError: naming both paths (nothing has been written then).
    """
    files: dict[tuple[str, ...], Path] = {}
    for target in targets:
        parts = target.relative_to(dest).parts
        if parts in files:
            raise ValueError(f"the package holds {target} twice; refusing to download it")
        files[parts] = target
    for parts, target in files.items():
        for end in range(1, len(parts)):
            clash = files.get(parts[:end])
            if clash is not None:
                raise ValueError(
                    f"the package holds {clash} as a file and as a folder (for {target});"
                    " refusing to download it"
                )


class Staging:
    """Files written under ``dest`` only, staged first and renamed into place together.

    Use as a context manager: leaving it by an exception removes what it staged and the
    folders it created. Call :meth:`commit` once every file is written.
    """

    def __init__(self, dest: Path) -> None:
        self.dest = dest
        self._by_fd = os.mkdir in os.supports_dir_fd and os.open in os.supports_dir_fd
        self._fds: dict[tuple[str, ...], int] = {}
        self._made: list[tuple[str, ...]] = []
        self._staged: list[tuple[tuple[str, ...], str]] = []  # (file parts, temporary name)
        dest.mkdir(parents=True, exist_ok=True)
        self._root = dest.resolve()
        if self._by_fd:
            self._fds[()] = os.open(dest, os.O_RDONLY | _DIRECTORY | _CLOEXEC)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        try:
            if exc is not None:
                self._abort()
        finally:
            for fd in self._fds.values():
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._fds.clear()

    def _refuse(self, parts: tuple[str, ...]) -> ValueError:
        return ValueError(
            f"{self.dest.joinpath(*parts)} is not a plain folder inside {self.dest} (a file, or"
            " a symlink made during the download?); refusing to write through it"
        )

    def _folder(self, parts: tuple[str, ...]) -> int:
        """The handle of folder ``dest/parts``, created (and remembered) when missing."""
        fd = self._fds.get(parts)
        if fd is not None:
            return fd
        parent = self._folder(parts[:-1])
        try:
            os.mkdir(parts[-1], 0o777, dir_fd=parent)
            self._made.append(parts)
        except FileExistsError:
            pass
        except NotADirectoryError:
            raise self._refuse(parts[:-1]) from None
        try:
            fd = os.open(parts[-1], os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC, dir_fd=parent)
        except OSError:  # ELOOP: a symlink; ENOTDIR: a file
            raise self._refuse(parts) from None
        self._fds[parts] = fd
        return fd

    def _checked_folder(self, parts: tuple[str, ...]) -> Path:
        """Without directory handles: create ``dest/parts`` and check where it really is."""
        folder = self.dest.joinpath(*parts)
        for end in range(1, len(parts) + 1):
            step = self.dest.joinpath(*parts[:end])
            if not step.exists():
                step.mkdir()
                self._made.append(parts[:end])
            if step.is_symlink() or not step.is_dir():
                raise self._refuse(parts[:end])
        if not folder.resolve().is_relative_to(self._root):
            raise self._refuse(parts)
        return folder

    def open(self, target: Path) -> BinaryIO:
        """A new, private temporary file beside ``target``, to write its content into."""
        parts = target.relative_to(self.dest).parts
        tmp = f".{parts[-1][:200]}.{secrets.token_hex(4)}.part"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY
        if self._by_fd:
            fd = os.open(tmp, flags, 0o600, dir_fd=self._folder(parts[:-1]))
        else:
            fd = os.open(self._checked_folder(parts[:-1]) / tmp, flags, 0o600)
        self._staged.append((parts, tmp))
        return os.fdopen(fd, "wb")

    def commit(self) -> None:
        """Rename every staged file into place (a symlink at a name is replaced, not followed)."""
        for parts, _ in self._staged:
            if self._is_folder(parts):
                raise ValueError(f"{self.dest.joinpath(*parts)} is a folder; cannot replace it")
        for parts, tmp in self._staged:
            if self._by_fd:
                folder = self._fds[parts[:-1]]
                os.replace(tmp, parts[-1], src_dir_fd=folder, dst_dir_fd=folder)
            else:
                folder_path = self._checked_folder(parts[:-1])
                os.replace(folder_path / tmp, folder_path / parts[-1])
        self._staged.clear()

    def _is_folder(self, parts: tuple[str, ...]) -> bool:
        try:
            if self._by_fd:
                st = os.stat(parts[-1], dir_fd=self._fds[parts[:-1]], follow_symlinks=False)
            else:
                st = self.dest.joinpath(*parts).lstat()
        except FileNotFoundError:
            return False
        import stat

        return stat.S_ISDIR(st.st_mode)

    def _abort(self) -> None:
        for parts, tmp in self._staged:
            with contextlib.suppress(OSError, KeyError):
                if self._by_fd:
                    os.unlink(tmp, dir_fd=self._fds[parts[:-1]])
                else:
                    (self.dest.joinpath(*parts[:-1]) / tmp).unlink()
        self._staged.clear()
        for parts in reversed(self._made):  # deepest first; a folder that is not empty stays
            with contextlib.suppress(OSError, KeyError):
                if self._by_fd:
                    os.rmdir(parts[-1], dir_fd=self._fds[parts[:-1]])
                else:
                    self.dest.joinpath(*parts).rmdir()
        self._made.clear()
