"""One conversion, start to finish, as a worker process (or thread) runs it.

``run_job(job)`` reads the file's digest, runs the converter, gives reports without an id a
stable one, fills the station identity, validates every report and encodes it as JSON: the
parent receives only compact text (:class:`EncodedReport`), never the converter's object tree.
It never raises: every way a conversion can end is an :class:`Outcome`.
"""

from __future__ import annotations

import hashlib
import json
import os
import traceback
import uuid
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from pywats.reports import UUTReport
from pywats.station.converters._base import ConversionError, Converter, ConverterContext

__all__ = ["EncodedReport", "Job", "Outcome", "run_job"]

# The same namespace the service always used: a file converted again gets the same ids.
_ID_NAMESPACE = uuid.UUID("0c5f4a52-8a5e-4c47-9a1f-3f0f8e1f7d20")
_MB = 1024 * 1024


class EncodedReport(Mapping[str, Any]):
    """A report as JSON text plus the few header fields the queue indexes (id, sn, pn)."""

    __slots__ = ("_head", "payload")

    def __init__(self, payload: str, head: dict[str, Any]) -> None:
        self.payload = payload
        """The report as compact JSON (what the queue stores)."""
        self._head = head

    def __getitem__(self, key: str) -> Any:
        return self._head[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._head)

    def __len__(self) -> int:
        return len(self._head)

    def to_dict(self) -> dict[str, Any]:
        """The whole report, decoded."""
        value: dict[str, Any] = json.loads(self.payload)
        return value


@attrs.frozen(kw_only=True)
class Job:
    """What a worker needs to convert one file."""

    path: str
    converter: Converter | str
    """The converter itself (pickled to the worker) or its spec (name or ``module:Class``)."""
    station_name: str = ""
    location: str = ""
    purpose: str = ""
    parameters: Mapping[str, Any] = attrs.field(factory=dict)
    max_bytes: int = 0
    """Refuse files larger than this (0: no limit)."""
    follow_symlinks: bool = False
    """Read a symlinked file (the folder's ``follow_symlinks``); else it is skipped."""
    processes: Mapping[str, int] = attrs.field(factory=dict)
    """Process name → code from the station's local copy (``ConverterContext.processes``)."""


@attrs.frozen(kw_only=True)
class Outcome:
    """How one conversion ended.

    ``kind``: ``ok`` (reports), ``refused`` (the converter's ConversionError, or a file over
    the size limit), ``invalid`` (validator lines), ``crashed`` (any other exception; its
    traceback in ``detail``), ``missing`` (FileNotFoundError), ``permission``
    (PermissionError), ``skipped`` (not a regular file, or an unfollowed symlink: not read),
    ``timeout`` and ``died`` (set by the pool).
    """

    kind: str
    reason: str = ""
    source_key: str = ""
    reports: list[EncodedReport] = attrs.field(factory=list)
    warnings: list[str] = attrs.field(factory=list)
    size: int = -1
    mtime_ns: int = -1
    """The file's size and mtime when it was read (-1 when unknown)."""
    detail: str = ""
    rss_mb: float = 0.0
    """The worker's resident memory after the job (the pool recycles big ones)."""
    missing_path: bool = False


def source_key(name: str, content_sha256: str) -> str:
    """The queue's key of a source file: its path and its content's hash (as ``_files``)."""
    return hashlib.sha256(os.fsencode(name) + b"\0" + content_sha256.encode()).hexdigest()


def too_big(size: int, max_bytes: int) -> str:
    """The refusal for a file over the limit, or ``""``."""
    if max_bytes <= 0 or size <= max_bytes:
        return ""
    return (
        f"the file is {size / _MB:.1f} MB, over the maximum of {max_bytes / _MB:g} MB"
        " (intake.max_file_mb); it was not read"
    )


def _normalise(report: dict[str, Any], job: Job, digest: str, index: int) -> dict[str, Any]:
    if not report.get("id"):
        # Content, index and the report itself: the same file converted again gets the same
        # id, but a report that differs (a name-derived field) gets its own.
        body = json.dumps(report, sort_keys=True, separators=(",", ":"), default=str)
        body_hash = hashlib.sha256(body.encode()).hexdigest()
        report["id"] = str(uuid.uuid5(_ID_NAMESPACE, f"{digest}:{index}:{body_hash}"))
    _fill_station(report, job)
    return report


def _fill_station(report: dict[str, Any], job: Job) -> None:
    for key, value in (
        ("machineName", job.station_name),
        ("location", job.location),
        ("purpose", job.purpose),
    ):
        if value and not report.get(key):
            report[key] = value


def _reports(converter: Converter, path: Path, context: ConverterContext) -> Iterator[Any]:
    """The converter's reports one by one, each released by the list once taken."""
    lazy = getattr(converter, "iter_reports", None)
    produced: Iterable[Any] = (
        lazy(path, context) if callable(lazy) else converter.convert(path, context)
    )
    if isinstance(produced, list):
        produced.reverse()
        while produced:
            yield produced.pop()
    else:
        yield from produced


def _encode(one: Any, job: Job, digest: str, index: int) -> tuple[EncodedReport, list[str]]:
    """One report as queue JSON (``EncodedReport``) and the validator's lines about it."""
    from pywats.station.converters import _stream

    if isinstance(one, UUTReport) and one.id:
        header = _stream.uut_header(one)
        _fill_station(header, job)
        sink = _stream.TextSink()
        lines = _stream.write_uut(one, header, sink)
        head = {"id": str(header["id"]), "sn": header.get("sn"), "pn": header.get("pn")}
        return EncodedReport(sink.text(), head), lines
    from pywats.reports import check
    from pywats.station.converters._base import report_to_dict

    data = _normalise(report_to_dict(one), job, digest, index)
    lines = check(data)
    head = {"id": str(data["id"]), "sn": data.get("sn"), "pn": data.get("pn")}
    return EncodedReport(_stream.dumps(data), head), lines


def _problem_text(reports: list[EncodedReport], problems: list[tuple[int, str, list[str]]]) -> str:
    """The validator's lines for the whole file: what the server would refuse is refused here,
    unqueued. Two reports of one file under one id are refused too (one would replace the
    other)."""
    lines: list[str] = []
    first_index: dict[str, int] = {}
    by_index = {index: (rid, found) for index, rid, found in problems}
    for index, report in enumerate(reports):
        seen = first_index.setdefault(report["id"], index)
        if seen != index:
            lines.append(f"report {index} has the same id {report['id']} as report {seen}")
        if index in by_index:
            rid, found = by_index[index]
            prefix = f"report {index} (id {rid}): " if len(reports) > 1 else ""
            lines.extend(prefix + str(line) for line in found)
    return "\n".join(lines)


def rss_mb() -> float:
    """This process's resident memory in MB (Linux: current; elsewhere: peak)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / _MB
    except (OSError, ValueError, IndexError, AttributeError):
        try:
            import resource
        except ImportError:  # Windows
            return 0.0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (_MB if os.uname().sysname == "Darwin" else 1024)


def _converter(spec: Converter | str) -> Converter:
    if isinstance(spec, str):
        from pywats.station.converters._base import load_converter

        return load_converter(spec)
    return spec


def _not_regular() -> type[OSError]:
    from pywats.station._files import NotRegularFile

    return NotRegularFile


def _text(exc: BaseException) -> str:
    try:
        return str(exc)
    except Exception:  # an exception that cannot even be printed
        return f"<unprintable {type(exc).__name__}>"


def _traceback() -> str:
    try:
        return traceback.format_exc()
    except Exception:
        return ""


def run_job(job: Job) -> Outcome:
    """Convert ``job.path`` completely; every ending is an Outcome (see there)."""
    path = Path(job.path)
    size = mtime_ns = -1
    try:
        converter = _converter(job.converter)
        st = path.stat()
        size, mtime_ns = st.st_size, st.st_mtime_ns
        refusal = too_big(size, job.max_bytes)
        if refusal:
            return Outcome(kind="refused", reason=refusal, size=size, mtime_ns=mtime_ns)
        from pywats.station import _files

        # Only a regular file is read, opened non-blocking and (by default) not through a
        # symlink: a FIFO or link swapped in since the check is skipped, never read.
        digest = _files.sha256_of(path, follow_symlinks=job.follow_symlinks)
        context = ConverterContext(
            station_name=job.station_name,
            location=job.location,
            purpose=job.purpose,
            parameters=job.parameters,
            processes=job.processes,
        )
        encoded: list[EncodedReport] = []
        problems: list[tuple[int, str, list[str]]] = []
        for index, one in enumerate(_reports(converter, path, context)):
            report, lines = _encode(one, job, digest, index)
            del one  # the report's objects are released as it is written
            if lines:
                problems.append((index, str(report["id"]), lines))
            encoded.append(report)
        key = source_key(str(path), digest)
        refusal = _problem_text(encoded, problems)
        if refusal:
            return Outcome(
                kind="invalid", reason=refusal, source_key=key, size=size, mtime_ns=mtime_ns
            )
        return Outcome(
            kind="ok",
            source_key=key,
            reports=encoded,
            warnings=list(context.warnings),
            size=size,
            mtime_ns=mtime_ns,
        )
    except ConversionError as exc:
        return Outcome(kind="refused", reason=_text(exc), size=size, mtime_ns=mtime_ns)
    except _not_regular() as exc:
        return Outcome(kind="skipped", reason=_text(exc))
    except FileNotFoundError as exc:
        return Outcome(
            kind="missing",
            reason=f"FileNotFoundError: {_text(exc)}",
            size=size,
            mtime_ns=mtime_ns,
            missing_path=not path.exists(),
        )
    except PermissionError as exc:
        return Outcome(kind="permission", reason=f"cannot read {path}: {_text(exc)}")
    except MemoryError:
        return Outcome(
            kind="refused",
            reason="the conversion needed more memory than intake.converter_memory_mb allows",
            size=size,
            mtime_ns=mtime_ns,
        )
    except Exception as exc:
        return Outcome(
            kind="crashed",
            reason=f"raised {type(exc).__name__}: {_text(exc)}",
            detail=_traceback(),
            size=size,
            mtime_ns=mtime_ns,
        )
