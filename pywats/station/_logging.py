"""The station's log: a rotating file and, when asked, stderr."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

__all__ = ["configure_logging"]


def configure_logging(log_path: Path | None, *, console: bool = True) -> list[logging.Handler]:
    """Send the station's log to a rotating file (5 × 5 MB) and, if asked, to stderr."""
    logger = logging.getLogger("pywats")
    logger.setLevel(logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)-7s %(message)s")
    handlers: list[logging.Handler] = []
    if log_path is not None:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
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
