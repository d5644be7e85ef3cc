"""What the bulk calls share between the twins: their results, the export folder, the triage.

``api.report.export(...)`` writes one file per report into a folder::

    <folder>/<report id>.json      (WSJF: the server's answer, byte for byte)
    <folder>/<report id>.xml       (WSXF)

The name is the report's GUID and nothing the server wrote, so no serial number can climb out
of the folder or collide with another. Each file is written to a hidden temporary sibling and
renamed into place, so a file that exists is whole: a run that is interrupted (Ctrl-C, a
crash, a server that went away) is continued by running it again, which skips the files
already present. Temporary files a killed run left behind are removed at the next start.
"""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import attrs

from pywats._exceptions import (
    AuthenticationError,
    BadRequestError,
    PermissionDeniedError,
    ReportValidationError,
    WatsError,
)

if TYPE_CHECKING:
    from pywats._models import ReportHeader

__all__ = [
    "ExportFolder",
    "ExportFormat",
    "ExportResult",
    "ExportStatus",
    "SubmitResult",
    "item_error",
    "rejection",
]

ExportFormat = Literal["wsjf", "wsxf"]
ExportStatus = Literal["written", "present", "failed"]

_SUFFIX = {"wsjf": ".json", "wsxf": ".xml"}
_GUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_TEMP = re.compile(rf"^\.{_GUID}\.(json|xml)\..+\.part$")  # atomic_file's temporary names


@attrs.frozen(kw_only=True)
class ExportResult:
    """What became of one report of an export."""

    header: ReportHeader
    """The report's header, as the query listed it."""
    status: ExportStatus
    """``written`` (fetched now), ``present`` (a file from an earlier run), ``failed``."""
    path: Path | None = None
    """The report's file (None when the header carried no id)."""
    error: WatsError | None = None
    """Why it failed (``NotFoundError`` when it was deleted after the listing, ...)."""
    index: int = 0
    """Its place in the listing (0-based), whatever order the results come in."""
    total: int = 0
    """How many reports the listing matched."""
    size: int = 0
    """Bytes written (0 unless ``written``)."""

    @property
    def ok(self) -> bool:
        """The report's file exists now."""
        return self.status != "failed"


@attrs.frozen(kw_only=True)
class SubmitResult:
    """What became of one report of ``submit_many``."""

    index: int
    """Its place in the input (0-based), whatever order the results come in."""
    id: uuid.UUID | None = None
    """The id the server stored it under (None when it was rejected)."""
    error: Exception | None = None
    """``ReportValidationError`` / ``BadRequestError`` (``.lines``) or ``TypeError`` when it
    was rejected; the error that stopped the run when it was in flight then (``stopped``)."""

    @property
    def ok(self) -> bool:
        """The server stored the report."""
        return self.error is None

    @property
    def rejected(self) -> bool:
        """The validator or the server refused this report (fix it; resending won't help)."""
        return self.error is not None and rejection(self.error)

    @property
    def problems(self) -> list[str]:
        """The reasons it was rejected, one per line (empty when it was stored)."""
        if self.error is None:
            return []
        lines = getattr(self.error, "lines", None)
        return list(lines) if lines else [str(self.error)]


def rejection(exc: BaseException) -> bool:
    """Whether a submission failure concerns that report alone (else it stops the run)."""
    return isinstance(exc, ReportValidationError | BadRequestError | TypeError | ValueError)


def item_error(exc: WatsError) -> bool:
    """Whether a failure to fetch one report concerns that report alone.

    A 404 (deleted after the listing) or another refusal of that one request, or an answer
    that could not be read, is the report's; a refused token, an unreachable server or 5xx
    after the retries would fail every other report too, so they stop the run.
    """
    if isinstance(exc, AuthenticationError | PermissionDeniedError):
        return False
    return not exc.retryable


class ExportFolder:
    """The folder an export writes into: file names, what is present, atomic writes."""

    def __init__(self, folder: str | os.PathLike[str], fmt: ExportFormat) -> None:
        if fmt not in _SUFFIX:
            raise ValueError(f"format must be 'wsjf' or 'wsxf', got {fmt!r}")
        self.path = Path(folder)
        self.format: ExportFormat = fmt
        self.suffix = _SUFFIX[fmt]

    def prepare(self) -> None:
        """Create the folder (0700) if needed; remove temporary files a killed run left."""
        path = self.path
        if path.exists() and not path.is_dir():
            raise NotADirectoryError(f"{path} exists and is not a folder")
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        with os.scandir(path) as entries:
            for entry in entries:
                if _TEMP.match(entry.name) and entry.is_file(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)

    def file_for(self, report_id: uuid.UUID) -> Path:
        """The report's file: its GUID and the format's suffix, nothing from the server."""
        return self.path / f"{report_id}{self.suffix}"

    @staticmethod
    def present(path: Path) -> bool:
        """Whether an earlier run wrote this file (a regular, non-empty file)."""
        try:
            stat = path.lstat()
        except OSError:
            return False
        import stat as st

        return st.S_ISREG(stat.st_mode) and stat.st_size > 0

    def check(self, content: bytes) -> str | None:
        """Why ``content`` is not a whole document of the format (None when it looks whole).

        A cheap look at the ends, not a parse: it catches a proxy's HTML page or an empty
        answer without costing a JSON decode per report.
        """
        body = content.strip()
        if not body:
            return "the server sent an empty answer"
        ends = (b"{", b"}") if self.format == "wsjf" else (b"<", b">")
        if body[:1] != ends[0] or body[-1:] != ends[1]:
            kind = "a JSON object" if self.format == "wsjf" else "an XML document"
            return f"the server's answer is not {kind}"
        return None

    def write(self, path: Path, content: bytes) -> None:
        """Write ``content`` to ``path`` atomically (0600): a file there is always whole.

        Not fsynced: a crash of this process leaves the old state, which is what resuming
        relies on; surviving a power cut file by file would cost a disk flush per report.
        """
        from pywats._atomic import atomic_file

        with atomic_file(path, "wb", suffix=".part", fsync=False) as handle:
            handle.write(content)
