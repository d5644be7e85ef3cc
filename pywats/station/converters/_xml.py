"""Safe XML reading for converters: defusedxml, element positions, errors naming file and line.

Every XML converter parses through :func:`parse_xml`. It refuses entity declarations and
external references (entity-expansion bombs, XXE) with a :class:`ConversionError` that names
the file and line, and remembers where each element starts so a converter can say
"result.xml: line 12, column 5: <NumericLimit> has no Status".
"""

from __future__ import annotations

import math
from typing import Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

import defusedxml
from defusedxml.ElementTree import DefusedXMLParser

from pywats.station.converters._base import ConversionError

__all__ = ["XmlDoc", "format_number", "local", "parse_xml"]


def local(tag: str) -> str:
    """The tag without its ``{namespace}`` prefix."""
    return tag.rpartition("}")[2]


MAX_DEPTH = 200
"""Elements nested deeper than this are refused (real result files stay far below it)."""


class _TooDeep(Exception):
    pass


class _Target:
    """A tree builder that records where each element starts (1-based line and column)."""

    def __init__(self) -> None:
        self._builder = TreeBuilder()
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
        return element

    def end(self, tag: str) -> Element:
        self.depth -= 1
        return self._builder.end(tag)

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


def parse_xml(data: bytes, name: str) -> XmlDoc:
    """Parse ``data`` safely; ``name`` (usually the file name) prefixes every error.

    Raises:
        ConversionError: not well-formed XML (with line and column), or the document declares
            entities or references external resources (refused as a possible attack).
    """
    target = _Target()
    parser = DefusedXMLParser(target=target, forbid_dtd=False, forbid_entities=True)
    target.expat = parser.parser
    try:
        parser.feed(data)
        root = parser.close()
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
    return XmlDoc(root, target.positions, name)


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
