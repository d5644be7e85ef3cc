"""Reading a Teradyne Spectrum ICT log into a tree of records (see ``teradyne_spectrum.py``).

The log is a sequence of parenthesised records ``(KEY: content)``; content is free text,
quoted strings and nested records, e.g.::

    (STEP:
        (TYPE: RAW) (TIME: 02/09/2023 16:44:11 )
         (SNAME: "CAP[C1]")
        (PAGE: (TYPE: CAP) (PAGE_NAME: "C1") (STAT: PASS)
            (ANA: (LOLIM: (VAL: 3.64) (SCALE: n) (UNIT: F) ) ...) ) (STAT: PASS))

A ``(`` starts a nested record only when a ``KEY:`` follows it; other parentheses (a path
such as ``C:\\Program Files (x86)\\...``) are text.
"""

from __future__ import annotations

import re

import attrs

from pywats.station.converters._base import ConversionError

__all__ = ["Record", "parse_records"]

_KEY = re.compile(r"\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*:")


@attrs.define(kw_only=True)
class Record:
    """``(KEY: text children...)``: the key, its own text (quotes removed), nested records."""

    key: str
    line: int
    text: str = ""
    children: list[Record] = attrs.Factory(list)

    def first(self, key: str) -> Record | None:
        """The first child record named ``key``."""
        return next((c for c in self.children if c.key == key), None)

    def value(self, key: str) -> str:
        """The text of the first child named ``key`` ("" when there is none)."""
        child = self.first(key)
        return child.text if child is not None else ""

    def all(self, key: str) -> list[Record]:
        """Every child record named ``key``."""
        return [c for c in self.children if c.key == key]


def parse_records(text: str, name: str) -> list[Record]:
    """The top-level records of ``text``.

    Raises:
        ConversionError: an unclosed record (a truncated file), a stray ``)`` or text outside
            any record; the message names the file and line.
    """
    records: list[Record] = []
    stack: list[tuple[Record, list[str]]] = []
    pos, line, size = 0, 1, len(text)
    while pos < size:
        ch = text[pos]
        if ch == "\n":
            line += 1
            pos += 1
            continue
        if ch == "(":
            match = _KEY.match(text, pos)
            if match is not None:
                record = Record(key=match.group(1).upper(), line=line)
                if stack:
                    stack[-1][0].children.append(record)
                else:
                    records.append(record)
                stack.append((record, []))
                line += text.count("\n", pos, match.end())
                pos = match.end()
                continue
        if not stack:
            if ch.isspace():
                pos += 1
                continue
            end = text.find("\n", pos)
            snippet = text[pos : end if end >= 0 else size].strip()
            raise ConversionError(
                f"{name}: line {line}: {snippet[:60]!r} is outside any (KEY: ...) record;"
                " not a Spectrum log, or a damaged one"
            )
        record, parts = stack[-1]
        if ch == ")":
            record.text = " ".join(" ".join(parts).split())
            stack.pop()
            pos += 1
            continue
        if ch == '"':
            end = text.find('"', pos + 1)
            if end < 0:
                raise ConversionError(
                    f"{name}: line {line}: a quoted text is never closed (truncated file?)"
                )
            parts.append(text[pos + 1 : end])
            line += text.count("\n", pos, end)
            pos = end + 1
            continue
        # free text up to the next quote, newline, or a parenthesis that opens or closes a record
        end = pos
        depth = 0
        while end < size:
            c = text[end]
            if c in '"\n':
                break
            if c == "(":
                if _KEY.match(text, end):
                    break
                depth += 1
            elif c == ")":
                if depth == 0:
                    break
                depth -= 1
            end += 1
        if end == pos:  # a lone "(" that opens no record
            end += 1
        parts.append(text[pos:end])
        pos = end
    if stack:
        open_record = stack[-1][0]
        raise ConversionError(
            f"{name}: line {open_record.line}: the ({open_record.key}: record opened here is"
            " never closed (the file is truncated)"
        )
    return records
