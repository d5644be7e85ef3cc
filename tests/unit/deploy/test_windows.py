"""Windows: what the SCM is told (name, command line, recovery, environment), with a fake SCM.

The real SCM calls (pywin32) are type-checked with ``mypy --platform win32`` in CI; they have
not run on a Windows machine.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pywats.station.deploy import DeployError, Host
from pywats.station.deploy import windows as win
from pywats.station.deploy._plan import apply
from pywats.station.deploy._target import resolve
from tests.unit.deploy.test_cli_service import wats


class FakeScm:
    def __init__(self) -> None:
        self.services: dict[str, win.WindowsService] = {}
        self.configured: list[str] = []
        self.calls: list[str] = []
        self.fail_configure = False

    def exists(self, name: str) -> bool:
        return name in self.services

    def create(self, service: win.WindowsService, password: str | None) -> None:
        self.calls.append(f"create {service.name}")
        self.services[service.name] = service

    def configure(self, service: win.WindowsService) -> None:
        self.calls.append(f"configure {service.name}")
        if self.fail_configure:
            raise OSError(5, "Access is denied")
        self.configured.append(service.name)

    def delete(self, name: str) -> None:
        self.calls.append(f"delete {name}")
        del self.services[name]

    def start(self, name: str) -> None:
        self.calls.append(f"start {name}")

    def stop(self, name: str, wait_seconds: int) -> None:
        self.calls.append(f"stop {name} {wait_seconds}")

    def query(self, name: str) -> str:
        return "running"


@pytest.fixture
def windows(host: Host, monkeypatch: pytest.MonkeyPatch) -> Host:
    host.system = "win32"
    return host


def test_the_service_it_builds(windows: Host, home: Path) -> None:
    target = resolve(windows, "ict", system_scope=True)
    service = win.build(
        target, python=r"C:\Python311\python.exe", site=r"C:\pywats\venv\Lib\site-packages"
    )
    assert service.name == "pywats-ict"
    assert service.display_name == "pywats station (ict)"
    assert service.argv == (
        r"C:\Python311\python.exe",
        "-m",
        "pywats.station.deploy.windows",
        "ict",
    )
    assert service.command_line == r"C:\Python311\python.exe -m pywats.station.deploy.windows ict"
    assert service.account is None  # LocalSystem
    assert service.delayed_start is True
    assert service.recovery == (("restart", 5000), ("restart", 30000), ("restart", 60000))
    assert service.recovery_reset_seconds == 86400
    assert service.failure_on_nonzero_exit is True  # a crash that exits non-zero is a failure
    assert service.stop_wait_seconds == 55
    assert service.environment == {
        "PYWATS_HOME": str(home),
        "PYWATS_INSTANCE_ID": "ict",
        "PYWATS_KEYRING": "0",
        "PYTHONUNBUFFERED": "1",
        "PYTHONPATH": r"C:\pywats\venv\Lib\site-packages",
        "PYWATS_SITE": r"C:\pywats\venv\Lib\site-packages",
    }


def test_a_path_with_spaces_is_quoted_for_the_scm(windows: Host) -> None:
    target = resolve(windows, "ict", system_scope=True)
    service = win.build(target, python=r"C:\Program Files\Python311\python.exe", site=None)
    assert service.command_line.startswith('"C:\\Program Files\\Python311\\python.exe" -m ')
    assert "PYTHONPATH" not in service.environment


def test_install_creates_configures_starts(windows: Host) -> None:
    scm = FakeScm()
    apply(win.install_plan(windows, resolve(windows, "ict", system_scope=True), scm), windows)
    assert scm.calls == ["create pywats-ict", "configure pywats-ict", "start pywats-ict"]
    with pytest.raises(DeployError, match="already installed"):
        win.install_plan(windows, resolve(windows, "ict", system_scope=True), scm)


def test_a_failed_step_deletes_the_new_service(windows: Host) -> None:
    scm = FakeScm()
    scm.fail_configure = True
    with pytest.raises(DeployError, match="Access is denied"):
        apply(win.install_plan(windows, resolve(windows, "ict", system_scope=True), scm), windows)
    assert scm.calls == ["create pywats-ict", "configure pywats-ict", "delete pywats-ict"]
    assert scm.services == {}


def test_not_an_administrator(windows: Host) -> None:
    windows.admin = False
    with pytest.raises(DeployError) as caught:
        win.install_plan(windows, resolve(windows, "ict", system_scope=True), FakeScm())
    assert caught.value.code == 4


def test_cli_dry_run_and_stop_through_the_cli(
    windows: Host, monkeypatch: pytest.MonkeyPatch
) -> None:
    scm = FakeScm()
    monkeypatch.setattr(Host, "current", classmethod(lambda cls: windows))
    monkeypatch.setattr(win, "scm", lambda: scm)
    code, out, err = wats("service", "install", "-i", "ict", "--dry-run")
    assert code == 0, err
    assert "create Windows service pywats-ict" in out
    assert "recovery: restart after 5 s, restart after 30 s, restart after 60 s" in out
    assert scm.calls == []
    assert wats("service", "install", "-i", "ict")[0] == 0
    assert wats("service", "stop", "-i", "ict")[0] == 0
    assert scm.calls[-1] == "stop pywats-ict 55"
    code, _, err = wats("service", "install", "-i", "ict", "--user")
    assert code == 3
    assert "no --user scope" in err


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows it would wait for the SCM")
def test_the_host_module_refuses_to_run_outside_windows() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pywats.station.deploy.windows", "ict"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "runs only as a Windows service" in done.stderr
