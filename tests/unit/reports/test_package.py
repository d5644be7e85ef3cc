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
