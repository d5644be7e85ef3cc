"""A golden-file test harness for converters (built-in and plugin).

::

    from pywats.station.converters.testing import check_golden

    def test_my_rig(tmp_path):
        check_golden(MyRigConverter(), "tests/data/rig/run1.log", "tests/data/rig/run1.json")

``check_golden`` converts the input with a fixed station context, checks every report with the
WSJF validator, and compares the reports with the expected JSON file (a list of WSJF reports).
On a difference it fails with a unified diff. Set ``PYWATS_UPDATE_GOLDEN=1`` (or pass
``update=True``) to write the expected file from the current output, then review the diff.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pywats.station.converters._base import Converter, ConverterContext, report_to_dict

__all__ = ["GOLDEN_CONTEXT", "check_golden", "convert_to_dicts", "to_json"]

GOLDEN_CONTEXT = ConverterContext(
    station_name="GOLDEN-ST", location="Golden Lab", purpose="Development"
)
"""The station a golden test converts as (so expected files do not depend on the machine)."""


def convert_to_dicts(
    converter: Converter, path: str | os.PathLike[str], context: ConverterContext | None = None
) -> list[dict[str, Any]]:
    """Run ``converter`` on ``path`` and return its reports as WSJF dicts."""
    produced = converter.convert(Path(path), context or GOLDEN_CONTEXT)
    return [report_to_dict(r) for r in produced]


def to_json(reports: list[dict[str, Any]]) -> str:
    """The canonical JSON text of a list of reports (sorted keys, two-space indent)."""
    return json.dumps(reports, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"


def check_golden(
    converter: Converter,
    input_path: str | os.PathLike[str],
    expected_path: str | os.PathLike[str],
    *,
    context: ConverterContext | None = None,
    parameters: Mapping[str, Any] | None = None,
    validate: bool = True,
    update: bool | None = None,
) -> list[dict[str, Any]]:
    """Convert ``input_path`` and compare with ``expected_path``; return the reports.

    Args:
        converter: the converter under test.
        input_path: the result file to convert.
        expected_path: a JSON file holding the expected list of WSJF reports.
        context: the station context (default :data:`GOLDEN_CONTEXT`).
        parameters: the folder parameters, added to the context.
        validate: also check each report with ``pywats.reports.check``.
        update: write ``expected_path`` instead of comparing (default: the
            ``PYWATS_UPDATE_GOLDEN`` environment variable).

    Raises:
        AssertionError: the output differs (with a diff) or a report is invalid.
    """
    ctx = context or GOLDEN_CONTEXT
    if parameters is not None:
        ctx = ConverterContext(
            station_name=ctx.station_name,
            location=ctx.location,
            purpose=ctx.purpose,
            parameters=dict(parameters),
            logger=ctx.logger,
        )
    reports = convert_to_dicts(converter, input_path, ctx)
    if validate:
        from pywats.reports import check

        problems = [f"report {i}: {line}" for i, r in enumerate(reports) for line in check(r)]
        if problems:
            raise AssertionError(
                f"{converter.name} produced invalid reports from {input_path}:\n"
                + "\n".join(problems)
            )
    actual = to_json(reports)
    expected_file = Path(expected_path)
    if update is None:
        update = os.environ.get("PYWATS_UPDATE_GOLDEN", "") not in ("", "0")
    if update:
        expected_file.parent.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
        return reports
    if not expected_file.exists():
        raise AssertionError(
            f"{expected_file} does not exist; run with PYWATS_UPDATE_GOLDEN=1 to create it"
        )
    expected = to_json(json.loads(expected_file.read_text(encoding="utf-8")))
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=str(expected_file),
                tofile=f"{converter.name}({Path(input_path).name})",
                n=2,
            )
        )
        raise AssertionError(f"the conversion differs from the golden file:\n{diff}")
    return reports
