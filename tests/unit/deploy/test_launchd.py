"""launchd: the plist, read back with plistlib key by key, and the launchctl commands."""

from __future__ import annotations

import plistlib
from pathlib import Path

import pytest

from pywats.station.deploy import DeployError, Host
from pywats.station.deploy._plan import apply
from pywats.station.deploy._target import resolve
from pywats.station.deploy.launchd import install_plan, uninstall_plan
from tests.unit.deploy.conftest import Recorder


@pytest.fixture
def mac(host: Host, monkeypatch: pytest.MonkeyPatch) -> Host:
    host.system = "darwin"
    monkeypatch.setattr(Host, "which", lambda self, name: f"/bin/{name}")
    return host


def test_launch_daemon_plist_key_by_key(
    mac: Host, home: Path, tmp_path: Path, recorder: Recorder
) -> None:
    apply(install_plan(mac, resolve(mac, "ict", system_scope=True)), mac)
    path = mac.root / "Library" / "LaunchDaemons" / "pywats.ict.plist"
    job = plistlib.loads(path.read_bytes())
    log = str(home / "log" / "ict.launchd.log")
    assert job == {
        "Label": "pywats.ict",
        "ProgramArguments": ["/usr/bin/python3", "-m", "wats_cli", "watch", "--plain", "-i", "ict"],
        "EnvironmentVariables": {
            "PYWATS_HOME": str(home),
            "PYWATS_INSTANCE_ID": "ict",
            "PYWATS_KEYRING": "0",
            "PYTHONUNBUFFERED": "1",
        },
        "WorkingDirectory": str(home / "data" / "instances" / "ict"),
        "RunAtLoad": True,
        "KeepAlive": {"SuccessfulExit": False},  # restart after a failure, not after a stop
        "ThrottleInterval": 10,
        "ExitTimeOut": 55,  # shutdown_timeout 20 -> 2 x 20 + 15
        "ProcessType": "Standard",
        "Umask": 0o077,
        "StandardOutPath": log,
        "StandardErrorPath": log,
        "UserName": mac.user_name,
        "GroupName": resolve(mac, "ict", system_scope=True).account.group,  # type: ignore[union-attr]
    }
    assert path.stat().st_mode & 0o777 == 0o644
    assert recorder.commands == [("launchctl", "bootstrap", "system", str(path))]


def test_launch_agent_for_the_login_user(mac: Host, recorder: Recorder) -> None:
    apply(install_plan(mac, resolve(mac, "ict", system_scope=False)), mac)
    path = mac.user_home / "Library" / "LaunchAgents" / "pywats.ict.plist"
    job = plistlib.loads(path.read_bytes())
    assert "UserName" not in job
    assert "GroupName" not in job
    assert recorder.commands == [("launchctl", "bootstrap", f"gui/{mac.euid}", str(path))]
    apply(uninstall_plan(mac, resolve(mac, "ict", system_scope=False)), mac)
    assert not path.exists()
    assert recorder.commands[-1] == ("launchctl", "bootout", f"gui/{mac.euid}/pywats.ict")


def test_failed_bootstrap_leaves_no_plist(mac: Host, recorder: Recorder) -> None:
    recorder.fail_on = "bootstrap"
    with pytest.raises(DeployError, match="bootstrap"):
        apply(install_plan(mac, resolve(mac, "ict", system_scope=True)), mac)
    assert not (mac.root / "Library" / "LaunchDaemons" / "pywats.ict.plist").exists()
