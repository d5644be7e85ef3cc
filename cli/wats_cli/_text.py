"""Text from elsewhere (a server's message, a file name, a report field) made safe to show.

- :func:`printable` for terminals: control characters (ESC sequences that recolour, move the
  cursor or retitle the window; a newline that forges a line; C1 controls; bidirectional
  overrides that reorder what is read) are written as visible ``\\x1b``/``\\u202e`` escapes.
- :func:`csv_safe` for CSV: a cell a spreadsheet would run as a formula (starting with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``, as OWASP's
  "CSV Injection" page advises; a plain number such as ``-5`` or ``+1.5`` is left alone.
"""

from __future__ import annotations

import re

__all__ = ["csv_safe", "printable"]

# C0 controls but tab, DEL, C1 controls, and the bidirectional embedding/override/isolate marks.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with control characters shown as escapes (``\\n`` kept if asked)."""
    if keep_newlines:
        return "\n".join(_CONTROL.sub(_escape, line) for line in text.split("\n"))
    return _CONTROL.sub(_escape, text)


def csv_safe(cell: str) -> str:
    """``cell`` with a leading ``'`` when a spreadsheet would read it as a formula."""
    if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.match(cell):
        return "'" + cell
    return cell
