"""systemd: the template unit, the instance drop-in and environment file, and what runs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pywats.station.deploy import DeployError, Host
from pywats.station.deploy._plan import apply
from pywats.station.deploy._target import resolve, stop_timeout
from pywats.station.deploy.systemd import install_plan, uninstall_plan
from tests.unit.deploy.conftest import Recorder

UNITS = Path("etc/systemd/system")


def _install(host: Host, *, user: bool = False) -> None:
    target = resolve(host, "ict", system_scope=not user)
    apply(install_plan(host, target), host)


def _values(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in text.splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            out[key] = value
    return out


def test_install_writes_template_dropin_and_environment(
    host: Host, home: Path, tmp_path: Path, recorder: Recorder
) -> None:
    _install(host)
    template = _values((host.root / UNITS / "pywats@.service").read_text())
    assert template["ExecStart"] == "/usr/bin/python3 -m wats_cli watch --plain -i %i"
    assert template["Restart"] == "on-failure"
    assert template["KillSignal"] == "SIGTERM"
    assert template["EnvironmentFile"] == "%E/pywats/%i.env"
    for key, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "PrivateTmp": "yes",
        "ProtectHome": "read-only",
        "UMask": "0077",
        "WantedBy": "multi-user.target",
    }.items():
        assert template[key] == value, key

    dropin_file = host.root / UNITS / "pywats@ict.service.d" / "pywats.conf"
    dropin = _values(dropin_file.read_text())
    assert dropin["User"] == host.user_name
    assert dropin["TimeoutStopSec"] == "55" == str(stop_timeout(20))
    writable = dropin["ReadWritePaths"].split()
    # Its data and log (made by the install), the watched folder (Done inside), the error folder.
    assert writable == [
        str(home / "data" / "instances" / "ict"),
        str(home / "log"),
        f"-{tmp_path / 'inbox'}",
        f"-{tmp_path / 'rejects'}",
    ]

    env_file = host.root / "etc" / "pywats" / "ict.env"
    assert env_file.stat().st_mode & 0o777 == 0o600
    env = _values(env_file.read_text())
    assert env == {
        "PYWATS_HOME": f'"{home}"',
        "PYWATS_INSTANCE_ID": '"ict"',
        "PYWATS_KEYRING": '"0"',
        "PYTHONUNBUFFERED": '"1"',
    }
    assert "token" not in env_file.read_text().lower().replace("no token here", "")
    assert (home / "data" / "instances" / "ict").is_dir()
    assert recorder.commands == [
        ("systemctl", "daemon-reload"),
        ("systemctl", "enable", "--now", "pywats@ict.service"),
    ]


def test_user_scope_goes_to_the_users_systemd(host: Host, recorder: Recorder) -> None:
    _install(host, user=True)
    units = host.user_home / ".config" / "systemd" / "user"
    template = _values((units / "pywats@.service").read_text())
    assert template["WantedBy"] == "default.target"
    assert "ProtectHome" not in template
    assert "User" not in _values((units / "pywats@ict.service.d" / "pywats.conf").read_text())
    assert (host.user_home / ".config" / "pywats" / "ict.env").is_file()
    assert recorder.commands[-1] == (
        "systemctl",
        "--user",
        "enable",
        "--now",
        "pywats@ict.service",
    )
    assert not (host.root / "etc").exists()


@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None,
    reason="systemd-analyze is not installed (apt-get install systemd)",
)
@pytest.mark.parametrize("user", [False, True], ids=["system", "user"])
def test_systemd_analyze_verify_accepts_the_written_unit(host: Host, user: bool) -> None:
    host.python = sys.executable  # verify checks that ExecStart's program exists
    _install(host, user=user)
    units = host.root / UNITS if not user else host.user_home / ".config/systemd/user"
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(units / "pywats@ict.service")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    # verify exits 0 on unknown keys and bad values too: it must also print nothing.
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", done.stderr


@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None,
    reason="systemd-analyze is not installed (apt-get install systemd)",
)
def test_systemd_analyze_verify_notices_a_broken_unit(host: Host) -> None:
    """The check above can fail: a bad value in the unit is reported."""
    host.python = sys.executable
    _install(host)
    template = host.root / UNITS / "pywats@.service"
    template.write_text(template.read_text().replace("on-failure", "sometimes"))
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(host.root / UNITS / "pywats@ict.service")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "sometimes" in done.stderr


def test_a_failed_command_leaves_nothing_behind(host: Host, recorder: Recorder) -> None:
    # An older template from an earlier install is restored byte for byte.
    old = host.root / UNITS / "pywats@.service"
    old.parent.mkdir(parents=True)
    old.write_text("# old template\n")
    recorder.fail_on = "enable"
    target = resolve(host, "ict", system_scope=True)
    with pytest.raises(DeployError, match=r"enable.*it broke"):
        apply(install_plan(host, target), host)
    assert old.read_text() == "# old template\n"
    assert not (host.root / UNITS / "pywats@ict.service.d").exists()
    assert not (host.root / "etc" / "pywats").exists()
    assert recorder.commands[-1] == ("systemctl", "daemon-reload")


def test_already_installed_is_refused(host: Host) -> None:
    _install(host)
    with pytest.raises(DeployError, match="already installed") as caught:
        _install(host)
    assert caught.value.code == 3
    assert "wats service uninstall -i ict" in str(caught.value.next_step)


def test_uninstall_keeps_the_template_while_another_instance_uses_it(
    host: Host, home: Path, recorder: Recorder
) -> None:
    text = (home / "config" / "instances" / "ict.toml").read_text()
    (home / "config" / "instances" / "eol.toml").write_text(text)
    for name in ("ict", "eol"):
        apply(install_plan(host, resolve(host, name, system_scope=True)), host)
    apply(uninstall_plan(host, resolve(host, "ict", system_scope=True)), host)
    assert not (host.root / UNITS / "pywats@ict.service.d").exists()
    assert not (host.root / "etc" / "pywats" / "ict.env").exists()
    assert (host.root / UNITS / "pywats@.service").is_file()
    assert ("systemctl", "disable", "--now", "pywats@ict.service") in recorder.commands
    apply(uninstall_plan(host, resolve(host, "eol", system_scope=True)), host)
    assert not (host.root / UNITS / "pywats@.service").exists()
    # The instance's own files stay.
    assert (home / "config" / "instances" / "ict.toml").is_file()


def test_paths_with_spaces_and_percent_are_quoted(host: Host, home: Path, tmp_path: Path) -> None:
    odd = tmp_path / "ICT 100% results"
    (home / "config" / "instances" / "ict.toml").write_text(
        f'[server]\nurl = "https://a.example.com"\n[[folders]]\npath = "{odd}"\n'
    )
    _install(host)
    line = next(
        x
        for x in (host.root / UNITS / "pywats@ict.service.d" / "pywats.conf")
        .read_text()
        .splitlines()
        if x.startswith("ReadWritePaths=")
    )
    assert f'"-{str(odd).replace("%", "%%")}"' in line
    assert re.search(r"100%% results", line)
