"""Safe XML reading for converters: defusedxml, element positions, errors naming file and line.

Every XML converter parses through :func:`parse_xml`. It refuses entity declarations and
external references (entity-expansion bombs, XXE) with a :class:`ConversionError` that names
the file and line, and remembers where each element starts so a converter can say
"result.xml: line 12, column 5: <NumericLimit> has no Status".
"""

from __future__ import annotations

import contextlib
import hashlib
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

import defusedxml
from defusedxml.ElementTree import DefusedXMLParser

from pywats.station.converters._base import ConversionError
from pywats.station.converters._common import read_stream

__all__ = ["XmlDoc", "XmlStream", "format_number", "local", "parse_xml", "stream_xml"]


def local(tag: str) -> str:
    """The tag without its ``{namespace}`` prefix."""
    return tag.rpartition("}")[2]


MAX_DEPTH = 200
"""Elements nested deeper than this are refused (real result files stay far below it)."""


class _TooDeep(Exception):
    pass


class _Target:
    """A tree builder that records where each element starts (1-based line and column),
    checks the root's name on the first tag and, when streaming, queues events."""

    def __init__(
        self,
        name: str,
        roots: tuple[str, ...] = (),
        kind: str = "",
        events: list[tuple[str, Element]] | None = None,
    ) -> None:
        self._builder = TreeBuilder()
        self._name = name
        self._roots = roots
        self._kind = kind or "the document this converter reads"
        self._first = True
        self.events = events
        self.expat: Any = None
        self.positions: dict[int, tuple[int, int]] = {}
        self.depth = 0

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            # Converters walk the tree recursively: refuse here, with a reason, instead of
            # failing later with RecursionError (a hostile or broken file, never a real one).
            raise _TooDeep
        element = self._builder.start(tag, attrs)
        if self.expat is not None:
            self.positions[id(element)] = (
                self.expat.CurrentLineNumber,
                self.expat.CurrentColumnNumber + 1,
            )
        if self._first:
            self._first = False
            if self._roots and local(tag) not in self._roots:
                where = self.positions.get(id(element), (1, 1))
                expected = " or ".join(f"<{r}>" for r in self._roots)
                raise ConversionError(
                    f"{self._name}: line {where[0]}, column {where[1]}: <{local(tag)}> is not"
                    f" {self._kind} (expected {expected})"
                )
        if self.events is not None:
            self.events.append(("start", element))
        return element

    def end(self, tag: str) -> Element:
        self.depth -= 1
        element = self._builder.end(tag)
        if self.events is not None:
            self.events.append(("end", element))
        return element

    def data(self, data: str) -> None:
        self._builder.data(data)

    def close(self) -> Element:
        return self._builder.close()


class XmlDoc:
    """A parsed document: ``root`` plus :meth:`where` and :meth:`error` for messages."""

    def __init__(self, root: Element, positions: dict[int, tuple[int, int]], name: str) -> None:
        self.root = root
        self.name = name
        self._positions = positions

    def where(self, element: Element) -> str:
        """``"<file>: line L, column C"`` for ``element`` (the file name alone if unknown)."""
        pos = self._positions.get(id(element))
        if pos is None:
            return self.name
        return f"{self.name}: line {pos[0]}, column {pos[1]}"

    def error(self, element: Element, message: str) -> ConversionError:
        """A ConversionError for ``element``: ``"<file>: line L, column C: <Tag> message"``."""
        return ConversionError(f"{self.where(element)}: <{local(element.tag)}> {message}")

    def attr_float(self, element: Element, name: str) -> float | None:
        """Attribute ``name`` as a float (None when absent or empty; NaN/Infinity allowed)."""
        text = element.get(name)
        if text is None or text.strip() == "":
            return None
        try:
            return float(text.strip().replace("∞", "inf"))
        except ValueError:
            raise self.error(element, f"{name}={text!r} is not a number") from None

    def attr_int(self, element: Element, name: str) -> int | None:
        """Attribute ``name`` as an int (None when absent or empty)."""
        text = element.get(name)
        if text is None or text.strip() == "":
            return None
        try:
            return int(text.strip())
        except ValueError:
            try:
                value = float(text.strip())
            except ValueError:
                value = math.nan
            if value.is_integer():
                return int(value)
            raise self.error(element, f"{name}={text!r} is not an integer") from None

    def attr_bool(self, element: Element, name: str) -> bool | None:
        """Attribute ``name`` as an XML boolean (true/false/1/0; None when absent)."""
        text = element.get(name)
        if text is None or text.strip() == "":
            return None
        value = text.strip().lower()
        if value in ("true", "1"):
            return True
        if value in ("false", "0"):
            return False
        raise self.error(element, f"{name}={text!r} is not true or false")


def parse_xml(data: bytes, name: str, *, roots: tuple[str, ...] = (), kind: str = "") -> XmlDoc:
    """Parse ``data`` safely; ``name`` (usually the file name) prefixes every error.

    ``roots`` (local names) are checked on the first tag, before the rest is parsed: a
    document of another kind is refused at once, however large it is.

    Raises:
        ConversionError: not well-formed XML (with line and column), the root is not one of
            ``roots``, or the document declares entities or references external resources
            (refused as a possible attack).
    """
    target = _Target(name, roots, kind)
    parser = DefusedXMLParser(target=target, forbid_dtd=False, forbid_entities=True)
    target.expat = parser.parser
    with _errors(name, target):
        parser.feed(data)
        root = parser.close()
    return XmlDoc(root, target.positions, name)


class XmlStream(XmlDoc):
    """A document read piece by piece: :meth:`events` yields ``(event, element)`` pairs.

    Elements are built as the file is read; the consumer drops what it has used with
    :meth:`drop` so that memory holds one test case (one report...) at a time, not the
    whole tree. ``sha256`` is the digest of the bytes read so far (the whole file at the end).
    """

    def __init__(
        self, path: Path, name: str, roots: tuple[str, ...], kind: str, chunk: int
    ) -> None:
        super().__init__(Element("pending"), {}, name)
        self._path = path
        self._roots = roots
        self._kind = kind
        self._chunk = chunk
        self.sha256 = hashlib.sha256()

    def events(self) -> Iterator[tuple[str, Element]]:
        """``("start", el)`` (attributes known) and ``("end", el)`` (children known)."""
        target = _Target(self.name, self._roots, self._kind, events=[])
        self._positions = target.positions
        parser = DefusedXMLParser(target=target, forbid_dtd=False, forbid_entities=True)
        target.expat = parser.parser
        pending = target.events
        assert pending is not None
        with _errors(self.name, target), read_stream(self._path) as handle:
            while block := handle.read(self._chunk):
                self.sha256.update(block)
                parser.feed(block)
                yield from pending
                pending.clear()
            self.root = parser.close()
            yield from pending
            pending.clear()

    def drop(self, parent: Element, element: Element) -> None:
        """Remove a used ``element`` (and its position records) from ``parent``."""
        parent.remove(element)
        for node in element.iter():
            self._positions.pop(id(node), None)


def stream_xml(
    path: Path, *, roots: tuple[str, ...], kind: str = "", chunk: int = 1 << 16
) -> XmlStream:
    """Read ``path`` incrementally and safely (see :class:`XmlStream`); errors as parse_xml."""
    return XmlStream(path, path.name, roots, kind, chunk)


@contextlib.contextmanager
def _errors(name: str, target: _Target) -> Iterator[None]:
    try:
        yield
    except ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(":", 1)[0]
        raise ConversionError(
            f"{name}: line {line}, column {column + 1}: not well-formed XML ({reason})"
        ) from None
    except _TooDeep:
        raise ConversionError(
            f"{name}: line {target.expat.CurrentLineNumber}: elements are nested more than"
            f" {MAX_DEPTH} levels deep; refused"
        ) from None
    except defusedxml.EntitiesForbidden as exc:
        raise ConversionError(
            f"{name}: line {target.expat.CurrentLineNumber}: the document declares the entity"
            f" {exc.name!r}; entity declarations are refused (they enable entity-expansion"
            " attacks). Remove the DOCTYPE's entities."
        ) from None
    except defusedxml.DefusedXmlException as exc:
        raise ConversionError(
            f"{name}: line {target.expat.CurrentLineNumber}: refused unsafe XML ({exc})"
        ) from None


def format_number(value: Any) -> str:
    """A number as .NET writes it in XML: ``10``, ``123.67``, ``NaN``, ``Infinity``."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    number = float(value)
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)
