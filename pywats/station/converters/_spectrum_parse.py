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

_TOKEN = re.compile(
    r"""(?P<open>\(\s*(?P<key>[A-Za-z_][A-Za-z0-9_]*)\s*:)"""
    r"""|(?P<quoted>"[^"]*")|(?P<close>\))|(?P<paren>\()|(?P<text>[^()"]+)|(?P<lone>")"""
)


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
    # each open record: [record, its text parts, parentheses opened inside its text]
    stack: list[tuple[Record, list[str], list[int]]] = []
    line = 1
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        token = match.group()
        if kind == "open":
            record = Record(key=match.group("key").upper(), line=line)
            (stack[-1][0].children if stack else records).append(record)
            stack.append((record, [], [0]))
        elif not stack:
            if kind == "text" and token.isspace():
                pass
            else:
                snippet = text[match.start() :].split("\n", 1)[0].strip()
                raise ConversionError(
                    f"{name}: line {line}: {snippet[:60]!r} is outside any (KEY: ...) record;"
                    " not a Spectrum log, or a damaged one"
                )
        elif kind == "close":
            record, parts, depth = stack[-1]
            if depth[0]:
                depth[0] -= 1
                parts.append(token)
            else:
                record.text = " ".join(" ".join(parts).split())
                stack.pop()
        elif kind == "paren":
            stack[-1][2][0] += 1
            stack[-1][1].append(token)
        elif kind == "quoted":
            stack[-1][1].append(token[1:-1])
        elif kind == "text":
            stack[-1][1].append(token)
        else:
            raise ConversionError(
                f"{name}: line {line}: a quoted text is never closed (truncated file?)"
            )
        line += token.count("\n")
    if stack:
        open_record = stack[-1][0]
        raise ConversionError(
            f"{name}: line {open_record.line}: the ({open_record.key}: record opened here is"
            " never closed (the file is truncated)"
        )
    return records
