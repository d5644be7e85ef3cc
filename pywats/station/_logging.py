"""The station's log: a rotating file and, when asked, stderr."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from pywats._private import private_dir
from pywats.station._private import PrivateRotatingFileHandler

__all__ = ["SafeFormatter", "configure_logging", "escape_controls"]

# C0 controls (newline included), DEL, C1 controls and the Unicode line separators: in a log
# line they would end the line early (a file name with a newline forged a whole log line) or
# drive the terminal that shows it (escape sequences). Each becomes a visible escape.
_CONTROLS = {
    code: f"\\x{code:02x}"
    for code in (*range(0x20), *range(0x7F, 0xA0))
    if code != 0x09  # a tab is harmless and common in messages
}
_CONTROLS.update({0x0A: "\\n", 0x0D: "\\r", 0x2028: "\\u2028", 0x2029: "\\u2029"})


def escape_controls(text: str) -> str:
    """``text`` with control characters written as escapes, so it stays one inert line."""
    return text if text.isprintable() else text.translate(_CONTROLS)


class SafeFormatter(logging.Formatter):
    """A formatter whose message part is one line of inert text (tracebacks stay as they are)."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = escape_controls(record.message)
        return super().formatMessage(record)

    def format(self, record: logging.LogRecord) -> str:
        # The file and stderr share this formatter, and the rotating file formats a line
        # twice (to see whether it fits): format each record once.
        cached = record.__dict__.get("_pywats_formatted")
        if cached is not None and cached[0] is self:
            return str(cached[1])
        line = super().format(record)
        record.__dict__["_pywats_formatted"] = (self, line)
        return line


def configure_logging(log_path: Path | None, *, console: bool = True) -> list[logging.Handler]:
    """Send the station's log to a rotating file (5 × 5 MB, 0600) and, if asked, to stderr."""
    logger = logging.getLogger("pywats")
    logger.setLevel(logging.INFO)
    fmt = SafeFormatter("%(asctime)s %(levelname)-7s %(message)s")
    handlers: list[logging.Handler] = []
    if log_path is not None:
        private_dir(log_path.parent)
        file_handler = PrivateRotatingFileHandler(
            log_path, maxBytes=5_000_000, backupCount=5, encoding="utf-8", errors="backslashreplace"
        )
        file_handler.setFormatter(fmt)
        handlers.append(file_handler)
    if console:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(fmt)
        handlers.append(stream)
    for handler in handlers:
        logger.addHandler(handler)
    return handlers
