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
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from pywats.reports import Step, UUTReport
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
    for key, value in (
        ("machineName", job.station_name),
        ("location", job.location),
        ("purpose", job.purpose),
    ):
        if value and not report.get(key):
            report[key] = value
    return report


def _problems(reports: list[dict[str, Any]]) -> str:
    """The validator's lines: what the server would refuse is refused here, unqueued."""
    from pywats.reports import validate

    lines: list[str] = []
    first_index: dict[str, int] = {}
    for index, report in enumerate(reports):
        # Two reports of one file under one id: the second would replace the first.
        seen = first_index.setdefault(str(report.get("id")), index)
        if seen != index:
            lines.append(f"report {index} has the same id {report.get('id')} as report {seen}")
        try:
            validate(report)
        except ValueError as exc:
            found = getattr(exc, "lines", None) or [str(exc)]
            prefix = f"report {index} (id {report.get('id')}): " if len(reports) > 1 else ""
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


def _consume(report: UUTReport) -> dict[str, Any]:
    """``report.to_wsjf()``, releasing each step once it is a dict: the object tree and the
    dict tree are never both whole in memory (the peak of a big conversion)."""
    from pywats.reports._wsjf import report_to_wsjf

    report.finalize()
    root = report.root
    children, root.steps = root.steps, None
    data = report_to_wsjf(report)
    if children is not None:
        data["root"]["steps"] = _consume_steps(children)
    return data


def _consume_steps(steps: list[Step]) -> list[dict[str, Any]]:
    from pywats.reports._wsjf import _step_out

    steps.reverse()
    out: list[dict[str, Any]] = []
    while steps:
        step = steps.pop()
        children, step.steps = step.steps, None
        data = _step_out(step)
        if children is not None:
            data["steps"] = _consume_steps(children)
        out.append(data)
    return out


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _encode(report: dict[str, Any]) -> str:
    """The report as compact JSON, emptying it as it goes: the dict tree and its JSON are
    never both whole in memory. The text is what ``json.dumps`` writes, keys in order."""
    parts: list[str] = []
    _encode_into(report, "root", parts)
    return "".join(parts)


def _encode_into(node: dict[str, Any], key: str, parts: list[str]) -> None:
    """Append ``node`` as JSON to ``parts``, its ``key`` member (a step or a list of steps)
    written piece by piece and released."""
    if key not in node:
        parts.append(_dumps(node))
        return
    items = list(node.items())
    node.clear()
    parts.append("{")
    for index, (name, value) in enumerate(items):
        if index:
            parts.append(",")
        parts.append(_dumps(name) + ":")
        if name != key or value is None:
            parts.append(_dumps(value))
        elif isinstance(value, dict):
            _encode_into(value, "steps", parts)
        else:
            parts.append("[")
            value.reverse()
            first = True
            while value:
                if not first:
                    parts.append(",")
                _encode_into(value.pop(), "steps", parts)
                first = False
            parts.append("]")
        items[index] = (name, None)
    parts.append("}")


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
    from pywats.station.converters._base import report_to_dict

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
        )
        produced = list(converter.convert(path, context))
        produced.reverse()
        reports: list[dict[str, Any]] = []
        while produced:  # each report's objects are freed as soon as it is a dict
            one = produced.pop()
            as_dict = _consume(one) if isinstance(one, UUTReport) else report_to_dict(one)
            del one
            reports.append(_normalise(as_dict, job, digest, len(reports)))
        key = source_key(str(path), digest)
        problems = _problems(reports)
        if problems:
            return Outcome(
                kind="invalid", reason=problems, source_key=key, size=size, mtime_ns=mtime_ns
            )
        encoded: list[EncodedReport] = []
        reports.reverse()
        while reports:  # each report's dicts are freed as its JSON is written
            one = reports.pop()
            head = {"id": str(one["id"]), "sn": one.get("sn"), "pn": one.get("pn")}
            encoded.append(EncodedReport(_encode(one), head))
            del one
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
