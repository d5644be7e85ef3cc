"""The complete examples in docs/integrations.md, run as printed against the emulator."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

from ._site import Site, run_pytest

pytest_plugins = ["pytester"]

DOC = Path(__file__).resolve().parents[2] / "docs" / "integrations.md"


def example(first_line: str) -> str:
    """The fenced block of the page whose first line is ``first_line``."""
    for block in re.findall(r"```\w+\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL):
        if block.startswith(first_line):
            return str(block)
    raise AssertionError(f"docs/integrations.md has no example starting {first_line!r}")


def test_openhtf_example(site: Site, fresh_emulator: Any) -> None:
    pytest.importorskip("openhtf", reason="openhtf is not installed")
    (site.root / "board_test.py").write_text(example("# board_test.py"), encoding="utf-8")
    script = (site.root / "board_test.py").read_text(encoding="utf-8")
    script = script.replace('instance="ict"', 'instance="it", timeout=30')
    (site.root / "board_test.py").write_text(script, encoding="utf-8")
    done = site.run(sys.executable, "board_test.py", "SN-7007")
    assert done.returncode == 0, done.stdout + done.stderr
    [report] = fresh_emulator.reports()
    assert (report["sn"], report["pn"], report["processCode"]) == ("SN-7007", "PCB-3003", 50)


def test_pytest_example(pytester: pytest.Pytester, site: Site, fresh_emulator: Any) -> None:
    pytester.makepyfile(test_board=example("# tests/test_board.py"))
    result = run_pytest(
        pytester,
        site.env,
        "--wats-instance",
        "it",
        "--wats-pn",
        "PCB-1001",
        "--wats-process-code",
        "50",
    )
    result.assert_outcomes(passed=3, skipped=1)
    [report] = fresh_emulator.reports()
    assert (report["sn"], report["pn"], report["result"]) == ("SN-42", "PCB-1001", "P")


def test_robot_example(site: Site, fresh_emulator: Any) -> None:
    pytest.importorskip("robot", reason="robotframework is not installed")
    (site.root / "board.robot").write_text(example("# board.robot"), encoding="utf-8")
    listener = "pywats.integrations.robot.Wats:instance=it:sn=SN-42:process_code=50:timeout=30"
    done = site.run(
        sys.executable,
        "-m",
        "robot",
        "--output",
        "NONE",
        "--report",
        "NONE",
        "--log",
        "NONE",
        "--listener",
        listener,
        "board.robot",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    [report] = fresh_emulator.reports()
    assert (report["sn"], report["pn"], report["result"]) == ("SN-42", "PCB-2002", "P")
