"""File operations of the commit protocol: hashing, post actions, the error folder.

Each one is written so a crash at any instant leaves the source where it was or its copy
complete at the destination (write to a temporary name, fsync, rename, then remove).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import zipfile
from pathlib import Path

__all__ = [
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


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's content, hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
    folder.mkdir(parents=True, exist_ok=True)
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
            shutil.copy2(source, tmp)
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


def zip_to(source: Path, folder: Path) -> Path:
    """Compress ``source`` into ``folder/<name>.zip``, then remove the source."""
    folder.mkdir(parents=True, exist_ok=True)
    target = unique_path(folder, source.name + ".zip")
    tmp = _temporary(folder, target.name)
    try:
        # strict_timestamps=False: a file dated before 1980 (a dead RTC battery) is stored
        # as 1980-01-01 instead of raising ValueError.
        with zipfile.ZipFile(
            tmp, "w", compression=zipfile.ZIP_DEFLATED, strict_timestamps=False
        ) as archive:
            archive.write(source, arcname=source.name)
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
    folder.mkdir(parents=True, exist_ok=True)
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
