"""Reading a CSV result file for the ``csv`` converter: columns, status words and rows.

The file is read as a stream (no copy of its bytes or of its whole text is kept): the rows
are kept as tuples of cells, cells that repeat (serial numbers, units, limits, status words)
as one string object each, and the rows of a report are released once it is built.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import itertools
import re
from array import array
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from pywats.station.converters._base import ConversionError
from pywats.station.converters._common import read_bytes, read_stream

__all__ = ["DEFAULT_COLUMNS", "Rows", "Table", "number"]

Rows = list[tuple[int, Sequence[str]]]
"""A report's rows: (line number, cells)."""

DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "sn": ("SerialNumber", "Serial", "SN", "UnitSN"),
    "pn": ("PartNumber", "PN", "Part"),
    "rev": ("Revision", "Rev", "PartRevision"),
    "operator": ("Operator", "User", "UserName"),
    "start": ("Start", "StartTime", "Timestamp", "DateTime", "TestDate", "Date", "Time"),
    "process_code": ("ProcessCode", "OperationCode", "Operation"),
    "batch_sn": ("BatchSN", "Batch"),
    "fixture_id": ("FixtureId", "Fixture"),
    "sequence": ("Sequence", "Group", "SequenceName"),
    "step": ("Step", "StepName", "TestName", "Test", "Name"),
    "measurement": ("Measurement", "MeasurementName", "MeasName"),
    "value": ("Value", "Measured", "Reading", "MeasuredValue"),
    "low": ("Low", "LowLimit", "Min", "Lower", "LSL"),
    "high": ("High", "HighLimit", "Max", "Upper", "USL"),
    "limit": ("Limit", "Expected"),
    "unit": ("Unit", "Units"),
    "comp_op": ("CompOp", "Comparison", "CompOperator", "Operator Code"),
    "status": ("Status", "Verdict", "PassFail", "Outcome", "Result"),
}
_HEADER_ROLES = ("sn", "pn", "rev", "operator", "start", "process_code", "batch_sn", "fixture_id")
_STATUS_WORDS = {
    "p": "P",
    "pass": "P",
    "passed": "P",
    "ok": "P",
    "true": "P",
    "f": "F",
    "fail": "F",
    "failed": "F",
    "nok": "F",
    "false": "F",
    "s": "S",
    "skip": "S",
    "skipped": "S",
    "d": "D",
    "done": "D",
    "e": "E",
    "error": "E",
    "t": "T",
    "terminated": "T",
    "xfail": "S",
    "xfailed": "S",
    "xpass": "P",
    "xpassed": "P",
    "notrun": "S",
    "not run": "S",
    "errored": "E",
    "aborted": "T",
    "timeout": "T",
}
_BOOL_WORDS = {"pass": True, "passed": True, "true": True, "fail": False, "failed": False}


def _key(name: str) -> str:
    return re.sub(r"[\s_\-]", "", name).lower()


def number(text: str) -> float | None:
    value = text.strip()
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    if value.count(",") == 1 and "." not in value:  # a decimal comma (1,25)
        try:
            return float(value.replace(",", "."))
        except ValueError:
            return None
    return None


_BLOCK = 1 << 20
_SHARED_CELLS = 1 << 16  # distinct short cells kept as one object each (bounded)


def _lines(handle: IO[bytes], encoding: str, sha: Any) -> Iterator[str]:
    """The file's text as ``io.StringIO(text, newline="")`` would give its lines."""
    decoder = codecs.getincrementaldecoder(encoding)()
    pending = ""
    while block := handle.read(_BLOCK):
        sha.update(block)
        text = pending + decoder.decode(block)
        # A trailing "\r" may be the first half of "\r\n": keep it for the next block.
        head = text[:-1] if text.endswith("\r") else text
        cut = max(head.rfind("\n"), head.rfind("\r")) + 1
        pending = text[cut:]
        if cut:
            yield from io.StringIO(text[:cut], newline="")
    text = pending + decoder.decode(b"", final=True)
    if text:
        yield from io.StringIO(text, newline="")


class Table:
    """The rows of a CSV file with the column of each role resolved, and positions for
    messages. ``rows`` is read by :meth:`group`; ``sha256`` is the file's digest."""

    def __init__(self, path: Path, params: Mapping[str, Any]) -> None:
        name = self.name = path.name
        encoding = str(params.get("encoding", "utf-8-sig"))
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ConversionError(
                f"parameters.encoding = {encoding!r} is not an encoding"
            ) from None
        sha = hashlib.sha256()
        self.lines = array("q")
        self.cells: list[tuple[str, ...] | None] = []
        self.extra: list[int] = []
        self.header_line = 0
        header: list[str] | None = None
        try:
            with read_stream(path) as handle:
                header = self._read(handle, encoding, sha, params)
        except UnicodeDecodeError:
            _decode_error(path, encoding)
            raise
        self.sha256 = sha.hexdigest()
        if header is None:
            raise ConversionError(f"{name}: holds no header row (the file is empty)")
        self.header = header
        by_key = {_key(h): i for i, h in enumerate(header) if h}
        overrides = params.get("columns") or {}
        if not isinstance(overrides, Mapping):
            raise ConversionError(f"{name}: parameters.columns must be a table of role = column")
        self.index: dict[str, int] = {}
        for role, aliases in DEFAULT_COLUMNS.items():
            if role in overrides:
                wanted = str(overrides[role])
                if _key(wanted) not in by_key:
                    raise ConversionError(
                        f"{name}: line {self.header_line}: parameters.columns.{role} names the"
                        f" column {wanted!r}, which the header row does not have"
                        f" (columns: {', '.join(header)})"
                    )
                self.index[role] = by_key[_key(wanted)]
                continue
            for alias in aliases:
                if _key(alias) in by_key:
                    self.index[role] = by_key[_key(alias)]
                    break
        words = params.get("status_words") or {}
        if not isinstance(words, Mapping):
            raise ConversionError(
                f"{name}: parameters.status_words must be a table of word = P/F/..."
            )
        self.status_words = dict(_STATUS_WORDS)
        for word, status in words.items():
            if str(status).upper() not in ("P", "F", "S", "D", "E", "T"):
                raise ConversionError(
                    f"{name}: parameters.status_words.{word} = {status!r}: use P, F, S, D, E or T"
                )
            self.status_words[str(word).strip().lower()] = str(status).upper()
        self.misc = [str(m) for m in params.get("misc") or []]
        for misc in self.misc:
            if _key(misc) not in by_key:
                raise ConversionError(
                    f"{name}: line {self.header_line}: parameters.misc names the column"
                    f" {misc!r}, which the header row does not have"
                )
        self.misc_index = {m: by_key[_key(m)] for m in self.misc}

    def cell(self, cells: Sequence[str], role: str) -> str:
        i = self.index.get(role)
        if i is None or i >= len(cells):
            return ""
        return cells[i].strip()

    def where(self, line: int, role: str | None = None) -> str:
        if role is None or role not in self.index:
            return f"{self.name}: line {line}"
        return f"{self.name}: line {line}, column {self.header[self.index[role]]!r}"

    def _read(
        self, handle: IO[bytes], encoding: str, sha: Any, params: Mapping[str, Any]
    ) -> list[str] | None:
        lines = _lines(handle, encoding, sha)
        first = list(itertools.islice(lines, 40))
        delimiter = params.get("delimiter")
        if delimiter is None:
            head = "".join(first).splitlines()[:40]
            sample_lines = [ln for ln in head if ln.strip() and not ln.startswith("#")]
            sample = "\n".join(sample_lines[:20])
            try:
                delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
            except csv.Error:
                delimiter = ","
        reader = csv.reader(itertools.chain(first, lines), delimiter=str(delimiter), strict=True)
        del first
        seen: dict[str, str] = {}
        header: list[str] | None = None
        append_line, append_cells = self.lines.append, self.cells.append
        try:
            for cells in reader:
                if not cells or all(not c.strip() for c in cells) or cells[0].startswith("#"):
                    continue
                if header is None:
                    header = [c.strip() for c in cells]
                    self.header_line = reader.line_num
                    continue
                if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
                    self.extra.append(reader.line_num)
                # Header values repeat on every row: one string object each, not one per row.
                if len(seen) < _SHARED_CELLS:
                    row = tuple([seen.setdefault(c, c) if len(c) <= 64 else c for c in cells])
                else:
                    row = tuple([seen.get(c, c) for c in cells])
                append_line(reader.line_num)
                append_cells(row)
        except csv.Error as exc:
            _decode_error(handle, encoding)  # what the file's text says first
            raise ConversionError(
                f"{self.name}: line {reader.line_num}: not valid CSV ({exc})"
            ) from None
        return header

    def group(self, sn_of: Any) -> list[array[int]]:
        """The row indexes of each report (rows of one serial number), in order of first
        appearance; ``sn_of(line, cells)`` names a row's serial number."""
        groups: dict[str, array[int]] = {}
        for index, cells in enumerate(self.cells):
            assert cells is not None
            sn = sn_of(self.lines[index], cells)
            found = groups.get(sn)
            if found is None:
                found = groups[sn] = array("q")
            found.append(index)
        return list(groups.values())

    def take(self, indexes: array[int]) -> Rows:
        """The rows at ``indexes`` as (line, cells), released from the table."""
        out: Rows = []
        for index in indexes:
            cells = self.cells[index]
            assert cells is not None
            out.append((self.lines[index], cells))
            self.cells[index] = None
        return out


def _decode_error(source: Path | IO[bytes], encoding: str) -> None:
    """Raise the ConversionError for a file that is not ``encoding`` text (if it is not)."""
    if isinstance(source, Path):
        data = read_bytes(source)
        name = source.name
    else:
        source.seek(0)
        data = source.read()
        name = Path(str(getattr(source, "name", "file"))).name
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ConversionError(
            f"{name}: line {data.count(10, 0, exc.start) + 1}: byte {exc.start}"
            f" is not {encoding} text;"
            " set parameters.encoding (e.g. 'cp1252')"
        ) from None
