"""The converter base class, its context, its error and the loader."""

from __future__ import annotations

import abc
import importlib
import logging
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

import attrs

from pywats.station.config import ConfigError

ENTRY_POINT_GROUP = "pywats.converters"


COMMON_PARAMETERS: dict[str, str] = {
    "operator": "the operator when the file names none",
    "operation_code": "the test operation (process) code when the file names none",
}
"""Parameters every built-in converter understands."""


class ParameterError(ConfigError):
    """A folder parameter the converter does not know (a typo such as ``layuot``)."""


class ConversionError(Exception):
    """The file cannot be turned into reports; the message says why (file, line, field).

    The service moves the file to the folder's error folder and writes this message beside it
    as ``<name>.error.txt``. Raise it for bad input; any other exception is treated the same
    way but logged with its traceback, as a converter bug.
    """


@attrs.frozen(kw_only=True)
class ConverterContext:
    """What a converter knows besides the file: the station and the folder's parameters."""

    station_name: str = ""
    """The WATS station name (``machineName``)."""
    location: str = ""
    purpose: str = ""
    parameters: Mapping[str, Any] = attrs.field(factory=dict)
    """The folder's ``[folders.parameters]`` table from the instance file."""
    logger: logging.Logger = attrs.field(factory=lambda: logging.getLogger("pywats.station"))
    warnings: list[str] = attrs.field(factory=list, eq=False)
    """What :meth:`warn` noted for this file (the service logs them; ``wats report convert``
    prints them)."""
    processes: Mapping[str, int] = attrs.field(factory=dict)
    """Process (operation) name → code, from the station's local copy of the server's list
    (``pywats.station.reference``); empty where there is no copy yet."""

    def process_code(self, name: str) -> int | None:
        """The code of the process named ``name`` (exact, as WSJF requires), or None.

        Works while the server is unreachable: the list is the station's local copy.
        """
        return self.processes.get(name)

    def warn(self, message: str) -> None:
        """Note something the file does that the converter passed over (e.g. extra cells)."""
        self.warnings.append(message)
        self.logger.warning("%s", message)

    @property
    def operator(self) -> str | None:
        """The default operator (``parameters.operator``) for reports that name none."""
        value = self.parameters.get("operator")
        return None if value is None else str(value)

    @property
    def operation_code(self) -> int | None:
        """The default operation (process) code (``parameters.operation_code``)."""
        value = self.parameters.get("operation_code")
        return None if value is None else int(value)


class Converter(abc.ABC):
    """Turns one result file into WSJF reports. Subclass it, set ``name`` and ``patterns``.

    ``convert`` runs in a worker process (the instance is pickled to it; one that cannot be
    pickled runs in a thread) with a timeout, possibly for several files at once: keep no
    state on ``self`` between files. It must not touch the queue or move
    the file (the service does both, in the order that loses nothing).
    """

    name: ClassVar[str]
    """A short unique name (the entry-point name by convention)."""
    patterns: ClassVar[tuple[str, ...]] = ()
    """Glob patterns of the files it takes, used when the folder names none."""
    parameters: ClassVar[Mapping[str, str] | None] = None
    """The folder parameters it reads (name -> what it does), besides
    :data:`COMMON_PARAMETERS`; None (the default, for plugins) checks nothing, and so does a
    subclass that does not list its own."""

    def check_parameters(self, parameters: Mapping[str, Any]) -> None:
        """Refuse parameters this converter does not read, naming the ones it does.

        Raises:
            ParameterError: a parameter is unknown (e.g. ``layuot``: a typo of ``layout``).
        """
        # Only a class that lists its own parameters is checked: a plugin subclassing a
        # built-in converter may read parameters its parent does not know.
        declared = type(self).__dict__.get("parameters")
        if declared is None:
            return
        known = {**COMMON_PARAMETERS, **declared}
        unknown = sorted(k for k in parameters if k not in known)
        if unknown:
            import difflib

            hints = [
                f"{k!r} (did you mean {close[0]!r}?)"
                if (close := difflib.get_close_matches(k, known, n=1))
                else repr(k)
                for k in unknown
            ]
            raise ParameterError(
                f"converter {self.name!r} does not know the parameter"
                f"{'s' if len(unknown) > 1 else ''} {', '.join(hints)}; it knows: "
                + ", ".join(sorted(known))
            )

    @abc.abstractmethod
    def convert(self, path: Path, context: ConverterContext) -> Sequence[Any]:
        """Return the reports in ``path``: WSJF dicts or objects with ``to_wsjf()``.

        Raises:
            ConversionError: the file is not valid input for this converter.
        """


def report_to_dict(report: Any) -> dict[str, Any]:
    """Normalise one converter result (a mapping or an object with ``to_wsjf()``) to a dict."""
    if isinstance(report, Mapping):
        return dict(report)
    to_wsjf = getattr(report, "to_wsjf", None)
    if callable(to_wsjf):
        value = to_wsjf()
        if isinstance(value, Mapping):
            return dict(value)
    raise ConversionError(
        f"the converter returned a {type(report).__name__}, not a WSJF mapping or a report"
    )


def _entry_points() -> dict[str, metadata.EntryPoint]:
    return {ep.name: ep for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)}


def available_converters() -> list[str]:
    """Names of the converters installed under the ``pywats.converters`` entry point."""
    return sorted(_entry_points())


def load_converter(spec: str) -> Converter:
    """Load and instantiate a converter by entry-point name or ``module:Class`` path.

    Raises:
        ConfigError: nothing by that name, or the target is not a converter.
    """
    if ":" in spec:
        module_name, _, attr = spec.partition(":")
        try:
            target = getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError) as exc:
            raise ConfigError(f"converter = {spec!r} cannot be loaded: {exc}") from exc
    else:
        points = _entry_points()
        if spec not in points:
            known = ", ".join(sorted(points)) or "none installed"
            raise ConfigError(
                f"converter = {spec!r} is not an installed converter; use one of {known}"
                " or a module:Class path"
            )
        try:
            target = points[spec].load()
        except Exception as exc:
            raise ConfigError(f"converter = {spec!r} failed to load: {exc}") from exc
    if isinstance(target, type) and not issubclass(target, Converter):
        # Instantiating first would run any class named here (subprocess:Popen).
        raise ConfigError(
            f"converter = {spec!r} is not a converter: name a subclass of"
            " pywats.station.converters.Converter"
        )
    instance = target() if isinstance(target, type) else target
    if not isinstance(instance, Converter):
        raise ConfigError(
            f"converter = {spec!r} is not a converter: name a subclass of"
            " pywats.station.converters.Converter"
        )
    if not callable(getattr(instance, "convert", None)) or not getattr(instance, "name", ""):
        raise ConfigError(
            f"converter = {spec!r} is not a converter: it needs a name and a convert() method"
        )
    return instance
