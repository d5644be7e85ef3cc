"""File operations of the commit protocol: hashing, post actions, the error folder.

Each one is written so a crash at any instant leaves the source where it was or its copy
complete at the destination (write to a temporary name, fsync, rename, then remove).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import zipfile
from pathlib import Path

__all__ = [
    "check_folder",
    "fit_name",
    "fsync_dir",
    "move_unique",
    "note_path",
    "printable",
    "sha256_of",
    "source_key",
    "unique_path",
    "write_error",
    "zip_to",
]


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class NotRegularFile(OSError):
    """The path is not a regular file (a FIFO, a device, a folder, an unfollowed symlink)."""


def open_regular(path: Path, *, follow_symlinks: bool = False) -> int:
    """Open ``path`` for reading only if it is a regular file: non-blocking (a FIFO swapped
    in cannot hang the reader), without following a symlink unless asked; return the fd.

    Raises:
        NotRegularFile: it is something else (nothing was read from it).
    """
    flags = _READ_FLAGS | (0 if follow_symlinks else getattr(os, "O_NOFOLLOW", 0))
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if os.path.islink(path) and not follow_symlinks:
            raise NotRegularFile(f"{printable(path)} is a symlink; not followed") from exc
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotRegularFile(f"{printable(path)} is not a regular file")
    return fd


def sha256_of(path: Path, *, follow_symlinks: bool = False) -> str:
    """The SHA-256 of a regular file's content, hex (see :func:`open_regular`)."""
    digest = hashlib.sha256()
    with os.fdopen(open_regular(path, follow_symlinks=follow_symlinks), "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_folder(folder: Path, what: str) -> None:
    """Make sure ``folder`` (a Done or Error folder) is a real directory, creating it.

    A symlink there would redirect the service's writes anywhere the link points.

    Raises:
        NotADirectoryError: it is a symlink or not a directory.
    """
    folder.mkdir(parents=True, exist_ok=True)
    st = os.lstat(folder)
    if stat.S_ISLNK(st.st_mode) or not stat.S_ISDIR(st.st_mode):
        raise NotADirectoryError(
            f"the {what} folder {printable(folder)} is a symlink or not a directory; the"
            " service writes only into real directories: replace it with a folder"
        )


def source_key(name: str, content_sha256: str) -> str:
    """What identifies a source file in the queue: its path (or name) and its content's hash."""
    return hashlib.sha256(os.fsencode(name) + b"\0" + content_sha256.encode()).hexdigest()


def printable(path: Path | str) -> str:
    """``path`` as text that can be stored and logged (names that are not UTF-8 escaped)."""
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def _name_max(folder: Path) -> int:
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (AttributeError, OSError, ValueError):  # Windows, or the folder is not there yet
        return 255


def fit_name(name: str, limit: int = 255, *, reserve: int = 0) -> str:
    """``name`` if it fits in ``limit - reserve`` bytes, else a shortened unique form.

    The shortened form keeps the start and the extension and inserts ``~`` plus 8 hex digits
    of the full name's hash, so distinct long names stay distinct.
    """
    room = limit - reserve
    if len(os.fsencode(name)) <= room:
        return name
    tag = "~" + hashlib.sha256(os.fsencode(name)).hexdigest()[:8]
    stem, dot, ext = name.rpartition(".")
    suffix = f".{ext}" if dot and stem and len(ext) <= 16 else ""
    stem = name[: len(name) - len(suffix)]
    budget = max(1, room - len(tag) - len(os.fsencode(suffix)))
    return os.fsencode(stem)[:budget].decode("utf-8", errors="ignore") + tag + suffix


def note_path(target: Path) -> Path:
    """Where the reason for ``target`` is written: ``<name>.error.txt`` (shortened to fit)."""
    limit = _name_max(target.parent)
    return target.with_name(fit_name(target.name, limit, reserve=len(".error.txt")) + ".error.txt")


def _temporary(folder: Path, name: str) -> Path:
    return folder / (fit_name(f".{name}", _name_max(folder), reserve=len(".partial")) + ".partial")


def unique_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``folder/stem.N.suffix`` with the first free N (never overwrite).

    Names too long for the filesystem are shortened (see :func:`fit_name`).
    """
    limit = _name_max(folder)
    candidate = folder / fit_name(name, limit)
    if not candidate.exists() and not note_path(candidate).exists():
        return candidate
    stem, dot, suffix = name.partition(".")
    n = 1
    while True:
        numbered = f"{stem}.{n}{dot}{suffix}" if dot else f"{name}.{n}"
        candidate = folder / fit_name(numbered, limit)
        if not candidate.exists() and not note_path(candidate).exists():
            return candidate
        n += 1


def fsync_dir(folder: Path) -> None:
    """Make a folder's entries (a rename, a new file) durable (a no-op on Windows)."""
    if os.name == "nt":
        return  # directories cannot be opened for fsync on Windows; NTFS journals renames
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def move_unique(source: Path, folder: Path) -> Path:
    """Move ``source`` into ``folder`` under a free name; return where it went."""
    check_folder(folder, "done")
    return move_unique_to(source, unique_path(folder, source.name))


def move_unique_to(source: Path, target: Path) -> Path:
    """Move ``source`` to exactly ``target`` (a free name from :func:`unique_path`)."""
    folder = target.parent
    try:
        os.rename(source, target)
    except OSError as exc:
        if getattr(exc, "errno", None) != 18:  # EXDEV: another filesystem, copy instead
            raise
        # Copy to a hidden temporary name first: a crash mid-copy must not leave a
        # truncated file under the real name.
        tmp = _temporary(folder, target.name)
        try:
            # Never through a link: a link is copied as a link, not as what it points at.
            shutil.copy2(source, tmp, follow_symlinks=False)
            if not tmp.is_symlink():
                with tmp.open("rb+") as handle:
                    os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        fsync_dir(folder)  # the copy is durable before the source goes
        _remove_source(source, target)
        return target
    # A same-filesystem rename needs no fsync: if power loss undoes it, the source reappears
    # and its content hash (already committed with its reports) stops a second conversion.
    return target


def zip_to(source: Path, folder: Path, *, follow_symlinks: bool = False) -> Path:
    """Compress ``source`` into ``folder/<name>.zip``, then remove the source.

    The zip gets the source's permission bits (a private result file stays private).
    """
    check_folder(folder, "done")
    target = unique_path(folder, source.name + ".zip")
    tmp = _temporary(folder, target.name)
    mode = stat.S_IMODE(os.stat(source, follow_symlinks=follow_symlinks).st_mode) & 0o777
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        # strict_timestamps=False: a file dated before 1980 (a dead RTC battery) is stored
        # as 1980-01-01 instead of raising ValueError.
        with (
            os.fdopen(fd, "wb") as raw,
            zipfile.ZipFile(
                raw, "w", compression=zipfile.ZIP_DEFLATED, strict_timestamps=False
            ) as archive,
            os.fdopen(open_regular(source, follow_symlinks=follow_symlinks), "rb") as content,
        ):
            info = zipfile.ZipInfo.from_file(source, arcname=source.name, strict_timestamps=False)
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as member:
                shutil.copyfileobj(content, member, 1 << 20)
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(folder)
    _remove_source(source, target)
    return target


def _remove_source(source: Path, copy: Path) -> None:
    """Remove ``source`` now that ``copy`` holds it; if it cannot go, neither does the copy.

    The source stays and the post action is tried again later: keeping the copy too would
    leave one more copy in the done folder per retry (a read-only share, a locked file).
    """
    try:
        source.unlink()
    except FileNotFoundError:
        return
    except BaseException:
        with contextlib.suppress(OSError):
            copy.unlink()
        raise


def write_error(source: Path, folder: Path, reason: str) -> Path:
    """Move ``source`` into the error folder with ``<name>.error.txt`` holding ``reason``."""
    check_folder(folder, "error")
    target = unique_path(folder, source.name)
    note = note_path(target)
    try:
        text = f"{printable(source)}\n{reason.rstrip()}\n"
        note.write_text(text, encoding="utf-8", errors="backslashreplace")
        return move_unique_to(source, target)
    except BaseException:
        # The source stays and is tried again: a note left here without its file would
        # describe nothing and push every retry to a new name (one orphan note per retry).
        if not target.exists():
            with contextlib.suppress(OSError):
                note.unlink()
        raise
