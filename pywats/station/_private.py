"""Files only the service's user may read (0600), whatever the umask."""

from __future__ import annotations

import contextlib
import logging.handlers
import os
import stat
from pathlib import Path
from typing import Any

__all__ = ["PrivateRotatingFileHandler", "write_private"]


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically as a 0600 file (the folder is made 0700)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with contextlib.suppress(OSError):  # not on every file system (Windows: ACLs)
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files (the current one and each new one) are 0600."""

    _regular = True

    def _open(self) -> Any:
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in self.mode else os.O_TRUNC)
        fd = os.open(self.baseFilename, flags, 0o600)
        with contextlib.suppress(OSError):
            os.fchmod(fd, 0o600)
        self._regular = stat.S_ISREG(os.fstat(fd).st_mode)
        return os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        # As the standard handler decides (never roll anything but a regular file over, e.g.
        # /dev/null; bpo-45401), but from the file opened rather than two stat() calls of its
        # path per line: a burst of files is thousands of lines.
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes <= 0 or not self._regular:
            return False
        line = f"{self.format(record)}\n"
        self.stream.seek(0, 2)
        return bool(self.stream.tell() + len(line) >= self.maxBytes)
