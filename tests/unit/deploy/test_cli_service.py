"""``wats service``: --dry-run, the one-line errors and their exit codes, status, login."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner
from wats_cli.main import app

from pywats.station.deploy import Host
from tests.unit.deploy.conftest import Recorder


def wats(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def _written(dry_run: str) -> dict[str, str]:
    """The files a dry run would write: {path: content}."""
    files: dict[str, str] = {}
    for block in re.split(r"^\d+\. ", dry_run, flags=re.MULTILINE)[1:]:
        head, _, body = block.partition("\n")
        match = re.match(r"write (\S+) \(mode", head)
        if match:
            lines = [line[4:] for line in body.splitlines() if not line.startswith("note:")]
            files[match.group(1)] = "\n".join(lines).rstrip("\n") + "\n"
    return files


def test_dry_run_prints_every_file_and_command_and_changes_nothing(
    use_host: Host, home: Path, recorder: Recorder
) -> None:
    before = _files(home)
    code, out, err = wats("service", "install", "-i", "ict", "--dry-run")
    assert code == 0, err
    assert "dry run: nothing is changed" in out
    for path in (
        "/etc/systemd/system/pywats@.service",
        "/etc/systemd/system/pywats@ict.service.d/pywats.conf",
        "/etc/pywats/ict.env",
    ):
        assert str(use_host.at(path)) in _written(out)
    assert "run systemctl daemon-reload" in out
    assert "run systemctl enable --now pywats@ict.service" in out
    assert "login --for-service" in out  # no token yet: said
    assert recorder.commands == []
    assert _files(use_host.root) == []
    assert _files(home) == before


@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None,
    reason="systemd-analyze is not installed (apt-get install systemd)",
)
def test_the_dry_run_unit_is_accepted_by_systemd_analyze(use_host: Host, tmp_path: Path) -> None:
    use_host.python = sys.executable
    code, out, _ = wats("service", "install", "--dry-run", "-i", "ict")
    assert code == 0
    units = tmp_path / "printed"
    for path, text in _written(out).items():
        if "systemd" in path:
            target = units / Path(path).relative_to(use_host.root / "etc/systemd/system")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(units / "pywats@ict.service")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", done.stderr


def _one_error(err: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert lines[0].startswith("error: ")
    assert lines[1].startswith("next: ")
    assert "Traceback" not in err


def test_unknown_instance_is_a_config_error(use_host: Host) -> None:
    code, _, err = wats("service", "install", "-i", "nope")
    assert code == 3
    _one_error(err)
    assert "unknown instance 'nope'" in err
    assert "wats -i nope config init --url URL" in err


def test_unknown_account_says_how_to_make_one(use_host: Host) -> None:
    code, _, err = wats("service", "install", "-i", "ict", "--account", "nosuchuser")
    assert code == 3
    _one_error(err)
    assert "useradd --system" in err


def test_already_installed_is_a_config_error(use_host: Host, recorder: Recorder) -> None:
    assert wats("service", "install", "-i", "ict")[0] == 0
    code, _, err = wats("service", "install", "-i", "ict")
    assert code == 3
    _one_error(err)
    assert "already installed" in err


def test_missing_privileges_is_a_permission_error(use_host: Host, recorder: Recorder) -> None:
    use_host.admin = False
    code, _, err = wats("service", "install", "-i", "ict")
    assert code == 4
    _one_error(err)
    assert "--user" in err
    assert recorder.commands == []
    assert _files(use_host.root) == []


def test_no_systemd_is_a_config_error(use_host: Host) -> None:
    use_host.systemd = False
    code, _, err = wats("service", "install", "-i", "ict")
    assert code == 3
    _one_error(err)
    assert "systemd is not running" in err
    assert _files(use_host.root) == []


def test_start_stop_uninstall(use_host: Host, recorder: Recorder) -> None:
    assert wats("service", "start", "-i", "ict")[0] == 3  # not installed yet
    assert wats("service", "install", "-i", "ict", "--no-start")[0] == 0
    assert recorder.commands[-1] == ("systemctl", "enable", "pywats@ict.service")
    assert wats("service", "start", "-i", "ict")[0] == 0
    assert wats("service", "stop", "-i", "ict")[0] == 0
    assert recorder.commands[-2:] == [
        ("systemctl", "start", "pywats@ict.service"),
        ("systemctl", "stop", "pywats@ict.service"),
    ]
    code, _, err = wats("service", "uninstall", "-i", "ict")
    assert code == 0, err
    assert _files(use_host.root) == []


def test_status_says_when_the_service_will_have_no_token(
    use_host: Host, recorder: Recorder, home: Path
) -> None:
    assert wats("service", "install", "-i", "ict")[0] == 0
    recorder.stdout = "ActiveState=active\nSubState=running\nUnitFileState=enabled\nNRestarts=2\n"
    code, out, err = wats("service", "status", "-i", "ict", "-o", "json")
    assert code == 1  # not running here, so not healthy
    info = json.loads(out)
    assert info["installed"] is True
    assert info["active"] == "active"
    assert info["restarts"] == "2"
    assert info["token"] == "missing"
    assert "will have no token" in err
    assert f"PYWATS_HOME={home} wats -i ict login --for-service" in err


def test_login_for_service_writes_the_token_file_the_service_reads(
    home: Path, emulator: object
) -> None:
    url = emulator.url  # type: ignore[attr-defined]
    token = emulator.token  # type: ignore[attr-defined]
    code, _, err = wats("-i", "ict", "--url", url, "login", "--for-service", input=token + "\n")
    assert code == 0, err
    path = home / "config" / "instances" / "ict.token"
    assert path.read_text().strip() == token
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert token not in err
    # ... and status now finds it (the hint it printed before is what fixed it)
    from pywats.station.deploy._target import resolve

    host = Host(system="linux", systemd=False, python=sys.executable)
    assert resolve(host, "ict", system_scope=False).token_file == path


def test_the_unknown_instance_hint_works_as_printed(use_host: Host, home: Path) -> None:
    code, _, err = wats("-i", "line9", "service", "install", "--dry-run")
    assert code == 3
    # PYWATS_HOME=<home> is in this test's environment already
    hint = re.search(
        rf"`PYWATS_HOME={re.escape(str(home))} (wats -i line9 config init --url URL)`", err
    )
    assert hint is not None, err
    args = hint.group(1).replace("URL", "https://acme.example.com").split()[1:]
    assert wats(*args)[0] == 0
    # ... and with the [[folders]] the hint mentions, the same command now plans an install
    config = home / "config" / "instances" / "line9.toml"
    config.write_text(config.read_text() + '\n[[folders]]\npath = "/data/line9"\n')
    code, out, err = wats("-i", "line9", "service", "install", "--dry-run")
    assert code == 0, err
    assert "pywats@line9.service" in out


def test_a_home_it_may_not_read_is_a_permission_error(
    use_host: Host, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", "/var/lib/pywats/config/instances")

    monkeypatch.setattr("pywats.station.deploy.manager.status", denied)
    code, _, err = wats("service", "status", "-i", "ict")
    assert code == 4
    _one_error(err)
    assert "sudo wats service status -i ict" in err
