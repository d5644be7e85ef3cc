"""``$filter`` of the OData subset (see :mod:`pywats.testing._odata`): tokens, the parser
and the evaluator over plain-dict rows; ISO dates as WATS sends them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pywats.testing._http import ApiProblem

__all__ = ["compile_filter", "parse_datetime"]


_INVALID = "The query specified in the URI is not valid."

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<str>'(?:[^']|'')*')
      | (?P<guid>[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12})(?![\w-])
      | (?P<date>\d{4}-\d{2}-\d{2}
          (?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)(?![\w-])
      | (?P<num>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?![\w])
      | (?P<name>[A-Za-z_][\w/.]*)
      | (?P<punct>[(),])
    )""",
    re.VERBOSE,
)

_COMPARE = {"eq", "ne", "gt", "ge", "lt", "le"}
_FUNCTIONS = {
    "contains",
    "startswith",
    "endswith",
    "tolower",
    "toupper",
    "trim",
    "length",
    "indexof",
}
_UNSUPPORTED = {"add", "sub", "mul", "div", "mod", "has", "any", "all"}


def parse_datetime(value: str) -> datetime | None:
    """Parse an ISO 8601 date-time (7 fractional digits allowed); naive values count as UTC."""
    text = value.strip()
    if not re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return None
    text = text.replace("Z", "+00:00").replace("z", "+00:00")
    # Python accepts at most 6 fractional digits; .NET writes 7.
    text = re.sub(r"(\.\d{6})\d+", r"\1", text)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass(frozen=True)
class _Lit:
    value: Any


@dataclass(frozen=True)
class _Field:
    name: str


@dataclass(frozen=True)
class _Call:
    name: str
    args: tuple[Any, ...]


@dataclass(frozen=True)
class _Binary:
    op: str
    left: Any
    right: Any


@dataclass(frozen=True)
class _In:
    left: Any
    items: tuple[Any, ...]


@dataclass(frozen=True)
class _Not:
    operand: Any


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, Any]] = []
        pos = 0
        text = text.strip()
        while pos < len(text):
            match = _TOKEN.match(text, pos)
            if not match or match.end() == pos:
                raise ApiProblem(400, _INVALID, f"Syntax error at position {pos} in '{text}'.")
            pos = match.end()
            kind = match.lastgroup or ""
            raw = match.group(kind)
            if kind == "str":
                self.tokens.append(("lit", raw[1:-1].replace("''", "'")))
            elif kind == "guid":
                self.tokens.append(("lit", raw))
            elif kind == "date":
                self.tokens.append(("lit", parse_datetime(raw) or raw))
            elif kind == "num":
                self.tokens.append(
                    ("lit", float(raw) if any(c in raw for c in ".eE") else int(raw))
                )
            elif kind == "name":
                lowered = raw.lower()
                if lowered in ("true", "false"):
                    self.tokens.append(("lit", lowered == "true"))
                elif lowered == "null":
                    self.tokens.append(("lit", None))
                else:
                    self.tokens.append(("name", raw))
            else:
                self.tokens.append(("punct", raw))
            if pos < len(text) and text[pos:].strip() == "":
                break
        self.pos = 0

    def peek(self) -> tuple[str, Any] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def peek_word(self) -> str | None:
        token = self.peek()
        return token[1].lower() if token and token[0] == "name" else None

    def take(self) -> tuple[str, Any]:
        token = self.peek()
        if token is None:
            raise ApiProblem(400, _INVALID, "The $filter expression ended unexpectedly.")
        self.pos += 1
        return token

    def expect(self, punct: str) -> None:
        token = self.take()
        if token != ("punct", punct):
            raise ApiProblem(400, _INVALID, f"Expected '{punct}' in $filter, found '{token[1]}'.")

    def parse(self) -> Any:
        node = self.or_expr()
        if self.peek() is not None:
            raise ApiProblem(400, _INVALID, f"Unexpected '{self.peek()[1]}' in $filter.")  # type: ignore[index]
        return node

    def or_expr(self) -> Any:
        node = self.and_expr()
        while self.peek_word() == "or":
            self.take()
            node = _Binary("or", node, self.and_expr())
        return node

    def and_expr(self) -> Any:
        node = self.not_expr()
        while self.peek_word() == "and":
            self.take()
            node = _Binary("and", node, self.not_expr())
        return node

    def not_expr(self) -> Any:
        if self.peek_word() == "not":
            self.take()
            return _Not(self.not_expr())
        return self.comparison()

    def comparison(self) -> Any:
        left = self.operand()
        word = self.peek_word()
        if word in _COMPARE:
            self.take()
            return _Binary(word, left, self.operand())
        if word == "in":
            self.take()
            self.expect("(")
            items = [self.operand()]
            while self.peek() == ("punct", ","):
                self.take()
                items.append(self.operand())
            self.expect(")")
            return _In(left, tuple(items))
        if word in _UNSUPPORTED:
            raise ApiProblem(400, _INVALID, f"The operator '{word}' is not supported.")
        return left

    def operand(self) -> Any:
        kind, value = self.take()
        if kind == "lit":
            return _Lit(value)
        if kind == "punct":
            if value != "(":
                raise ApiProblem(400, _INVALID, f"Unexpected '{value}' in $filter.")
            node = self.or_expr()
            self.expect(")")
            return node
        lowered = str(value).lower()
        if self.peek() == ("punct", "("):
            if lowered not in _FUNCTIONS:
                raise ApiProblem(400, _INVALID, f"The function '{value}' is not supported.")
            self.take()
            args = [self.or_expr()]
            while self.peek() == ("punct", ","):
                self.take()
                args.append(self.or_expr())
            self.expect(")")
            return _Call(lowered, tuple(args))
        if "/" in value:
            raise ApiProblem(
                400, _INVALID, f"Navigation and lambda expressions ('{value}') are not supported."
            )
        return _Field(value)


def _lookup(row: dict[str, Any], name: str) -> Any:
    if name in row:
        return row[name]
    lowered = name.lower()
    for key, value in row.items():
        if key.lower() == lowered:
            return value
    return None


def _norm(left: Any, right: Any) -> tuple[Any, Any]:
    if isinstance(left, datetime) and isinstance(right, str):
        return left, parse_datetime(right)
    if isinstance(right, datetime) and isinstance(left, str):
        return parse_datetime(left), right
    if isinstance(left, str) and isinstance(right, str):
        return left.lower(), right.lower()
    if isinstance(left, bool) or isinstance(right, bool):
        return left, right
    if isinstance(left, (int, float)) and isinstance(right, str):
        try:
            return left, float(right)
        except ValueError:
            return str(left), right.lower()
    if isinstance(right, (int, float)) and isinstance(left, str):
        try:
            return float(left), right
        except ValueError:
            return left.lower(), str(right)
    return left, right


def _compare(op: str, left: Any, right: Any) -> bool:
    left, right = _norm(left, right)
    if op == "eq":
        return bool(left == right)
    if op == "ne":
        return bool(left != right)
    if left is None or right is None:
        return False
    try:
        if op == "gt":
            return bool(left > right)
        if op == "ge":
            return bool(left >= right)
        if op == "lt":
            return bool(left < right)
        return bool(left <= right)
    except TypeError:
        return False


def _eval(node: Any, row: dict[str, Any]) -> Any:
    if isinstance(node, _Lit):
        return node.value
    if isinstance(node, _Field):
        return _lookup(row, node.name)
    if isinstance(node, _Not):
        return not _eval(node.operand, row)
    if isinstance(node, _In):
        left = _eval(node.left, row)
        return any(_compare("eq", left, _eval(item, row)) for item in node.items)
    if isinstance(node, _Binary):
        if node.op == "and":
            return bool(_eval(node.left, row)) and bool(_eval(node.right, row))
        if node.op == "or":
            return bool(_eval(node.left, row)) or bool(_eval(node.right, row))
        return _compare(node.op, _eval(node.left, row), _eval(node.right, row))
    if isinstance(node, _Call):
        args = [_eval(arg, row) for arg in node.args]
        texts = ["" if a is None else str(a) for a in args]
        if node.name in ("contains", "startswith", "endswith", "indexof"):
            if len(args) != 2:
                raise ApiProblem(400, _INVALID, f"{node.name} takes two arguments.")
            hay, needle = texts[0].lower(), texts[1].lower()
            if node.name == "contains":
                return needle in hay
            if node.name == "startswith":
                return hay.startswith(needle)
            if node.name == "endswith":
                return hay.endswith(needle)
            return hay.find(needle)
        if node.name == "tolower":
            return texts[0].lower()
        if node.name == "toupper":
            return texts[0].upper()
        if node.name == "trim":
            return texts[0].strip()
        return len(texts[0])
    raise ApiProblem(400, _INVALID, "Unsupported $filter expression.")


def compile_filter(text: str) -> Callable[[dict[str, Any]], bool]:
    """Parse a ``$filter`` expression once; return a predicate over rows."""
    tree = _Parser(text).parse()
    return lambda row: bool(_eval(tree, row))
