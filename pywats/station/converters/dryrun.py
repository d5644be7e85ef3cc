"""Run a converter on one file without queueing anything (``wats report convert``).

::

    result = dry_run(Path("run.xml"))                     # picks a converter by pattern
    result = dry_run(Path("rig.csv"), "csv", parameters={"layout": "measurement"})
    result.converter, result.reports, result.problems

With no converter named, every installed converter whose patterns match the file name is
tried in turn (most specific pattern first); the first that converts the file wins. The
reports are checked with the WSJF validator; ``problems`` lists what the server would refuse.
"""

from __future__ import annotations

import fnmatch
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from pywats.station.converters._base import (
    ConversionError,
    Converter,
    ConverterContext,
    ParameterError,
    available_converters,
    load_converter,
    report_to_dict,
)

__all__ = ["DryRun", "dry_run", "parse_parameters"]


@attrs.frozen(kw_only=True)
class DryRun:
    """What a converter made of one file."""

    converter: str
    """The name of the converter that produced the reports."""
    reports: list[dict[str, Any]]
    """The reports as WSJF dicts."""
    problems: list[str]
    """Validator lines (prefixed ``report N:`` when the file held several); empty when valid."""
    warnings: list[str] = attrs.field(factory=list)
    """What the converter passed over in the file (e.g. rows with extra cells)."""


def _candidates(path: Path) -> list[Converter]:
    matches: list[tuple[int, str, Converter]] = []
    for name in available_converters():
        try:
            converter = load_converter(name)
        except Exception:  # a broken plugin must not hide the working ones
            logging.getLogger("pywats.station").warning("converter %s failed to load", name)
            continue
        for pattern in converter.patterns:
            if fnmatch.fnmatch(path.name.lower(), pattern.lower()):
                # "TEST-*.xml" says more about a file than "*.xml": try it first.
                specificity = len(pattern.replace("*", "").replace("?", ""))
                matches.append((-specificity, name, converter))
                break
    return [c for _, _, c in sorted(matches, key=lambda m: (m[0], m[1]))]


def dry_run(
    path: Path,
    converter: str | None = None,
    *,
    context: ConverterContext | None = None,
    parameters: Mapping[str, Any] | None = None,
) -> DryRun:
    """Convert ``path`` with ``converter`` (a name or ``module:Class``) or the first that fits.

    Raises:
        ConversionError: the named converter refused the file, or no converter could read it
            (the message lists each one's reason).
        ConfigError: no converter has that name.
        FileNotFoundError: the file does not exist.
    """
    from pywats.reports import check

    base = context or ConverterContext()
    if parameters is not None:
        base = attrs.evolve(base, parameters=dict(parameters))
    if not path.is_file():
        raise FileNotFoundError(f"{path} does not exist or is not a file")
    if converter is not None:
        chosen = [load_converter(converter)]
        chosen[0].check_parameters(base.parameters)
    else:
        chosen = _candidates(path)
        if not chosen:
            known = ", ".join(available_converters()) or "none installed"
            raise ConversionError(
                f"{path.name}: no installed converter takes files named like this"
                f" (installed: {known}); name one with --converter"
            )
    reasons: list[str] = []
    for candidate in chosen:
        try:
            candidate.check_parameters(base.parameters)
        except ParameterError as exc:
            reasons.append(f"{candidate.name}: {exc}")
            continue
        ctx = attrs.evolve(base, warnings=[])
        try:
            produced = candidate.convert(path, ctx)
        except ConversionError as exc:
            if converter is not None:
                raise
            reasons.append(f"{candidate.name}: {exc}")
            continue
        except RecursionError:
            deep = ConversionError(f"{path.name}: nested too deeply to read")
            if converter is not None:
                raise deep from None
            reasons.append(f"{candidate.name}: {deep}")
            continue
        reports = [report_to_dict(r) for r in produced]
        several = len(reports) > 1
        problems = [
            (f"report {i}: " if several else "") + line
            for i, report in enumerate(reports)
            for line in check(report)
        ]
        return DryRun(
            converter=candidate.name,
            reports=reports,
            problems=problems,
            warnings=list(ctx.warnings),
        )
    raise ConversionError(f"{path.name}: no converter could read it:\n  " + "\n  ".join(reasons))


def parse_parameters(items: list[str]) -> dict[str, Any]:
    """``["layout=measurement", "columns.value=Meas", "misc=[\\"Slot\\"]"]`` as a nested dict.

    A value that reads as JSON (numbers, true/false, lists) is taken as such; anything else
    is text. Dotted keys make nested tables, as in the instance file.

    Raises:
        ValueError: an item has no ``=``.
    """
    import json

    out: dict[str, Any] = {}
    for item in items:
        key, sep, text = item.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--param {item!r}: use KEY=VALUE (e.g. layout=measurement)")
        try:
            value: Any = json.loads(text)
        except ValueError:
            value = text
        target = out
        *parents, leaf = key.strip().split(".")
        for part in parents:
            target = target.setdefault(part, {})
        target[leaf] = value
    return out
