"""A tiny pytest suite whose --junitxml output the JUnit converter tests read (not collected)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def _unit(record_testsuite_property):  # type: ignore[no-untyped-def]
    record_testsuite_property("serial_number", "SN-42")
    record_testsuite_property("part_number", "PCB-1001")
    record_testsuite_property("revision", "B")
    record_testsuite_property("firmware", "1.4.2")


@pytest.fixture
def broken():  # type: ignore[no-untyped-def]
    raise RuntimeError("fixture exploded")


def test_passes() -> None:
    assert 1 + 1 == 2


def test_fails() -> None:
    assert 3.3 == pytest.approx(3.0, abs=0.1), "3V3 rail out of range"  # noqa: SIM300


def test_errors(broken: None) -> None:
    pass


@pytest.mark.skip(reason="no fixture on this rig")
def test_skipped() -> None:
    pass


@pytest.mark.xfail(reason="known issue 12")
def test_xfail() -> None:
    raise AssertionError("still broken")


@pytest.mark.parametrize("volts", [3.3, 5.0])
def test_rails(volts: float) -> None:
    assert volts > 0


class TestLeds:
    def test_red(self, record_property) -> None:  # type: ignore[no-untyped-def]
        record_property("current_mA", 12.5)
        print("red LED on")

    def test_green(self) -> None:
        assert "green" == "gr" + "een"
