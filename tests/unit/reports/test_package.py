"""pywats.reports stays light and its public surface is deliberate."""

from __future__ import annotations

import subprocess
import sys

import pytest

import pywats.reports


def test_import_loads_no_http_stack() -> None:
    code = (
        "import sys, pywats.reports\n"
        "heavy = [m for m in ('httpx', 'tenacity', 'wats_api', 'pydantic') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.strip() == ""


def test_all_is_sorted_and_resolves() -> None:
    names = pywats.reports.__all__
    assert names == sorted(names)
    for name in names:
        assert getattr(pywats.reports, name) is not None


def test_validation_error_is_the_package_wide_one() -> None:
    from pywats import ReportValidationError

    with pytest.raises(ReportValidationError) as info:
        pywats.reports.validate({})
    assert info.value.lines[0] == "report: type is required."
    assert isinstance(info.value, ValueError)


def test_package_docstring_example_runs() -> None:
    doc = pywats.reports.__doc__ or ""
    block = doc.split("::\n\n", 1)[1].split("\n\n``validate", 1)[0]
    code = "\n".join(line[4:] for line in block.splitlines())
    scope: dict[str, object] = {}
    exec(code, scope)
    report = scope["r"]
    assert isinstance(report, pywats.reports.UUTReport)
    assert report.result == "F"  # the loop's first reading is out of its limits
    assert isinstance(scope["body"], str)
