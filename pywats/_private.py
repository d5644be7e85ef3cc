"""Private folders and files: what pywats creates is for its user alone, whatever the umask.

Instance files sit beside token files, and the queue holds whole reports: a folder pywats
creates is 0700 and a file 0600 (``mkdir``'s and ``open``'s modes are masked by the umask, so
both are set explicitly). An existing token file or folder that others can read is used (the
user may have reasons) but warned about once per process. A no-op on Windows, where files
inherit the folder's ACL.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path

__all__ = ["private_dir", "private_file", "warn_if_shared"]

log = logging.getLogger("pywats")

_warned: set[str] = set()


def private_dir(path: Path) -> Path:
    """Create ``path`` and its missing parents as 0700 folders (existing ones untouched)."""
    missing: list[Path] = []
    current = path
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
            if os.name != "nt":
                os.chmod(folder, 0o700)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty and 0600 when it is missing (an existing file is left as it is)."""
    private_dir(path.parent)
    if path.exists():
        return path
    try:
        fd = os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600
        )
    except FileExistsError:
        return path
    try:
        if os.name != "nt":
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)
    return path


def warn_if_shared(path: Path, what: str) -> None:
    """Warn once if ``path`` exists and other users can read, write or enter it."""
    if os.name == "nt" or str(path) in _warned:
        return
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return
    if mode & 0o077:
        _warned.add(str(path))
        log.warning(
            "the %s %s is accessible to other users (mode %04o): run `chmod %s %s` so that"
            " only you can read it",
            what,
            path,
            mode,
            "700" if path.is_dir() else "600",
            path,
        )
