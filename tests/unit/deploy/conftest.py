"""A station instance on tmp_path and a fake machine (:class:`Host`) to install it on.

The fake host writes every OS file under ``tmp_path/root`` and records the commands it is
asked to run; ``fail_on`` makes the command containing that word fail (exit 1).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from pywats.station.deploy import Host
from pywats.station.deploy._plan import Account

INSTANCE_TOML = """\
[server]
url = "https://acme.example.com"

[[folders]]
path = "{inbox}"
error = "{errors}"

[service]
shutdown_timeout = 20
"""


class Recorder:
    def __init__(self) -> None:
        self.commands: list[tuple[str, ...]] = []
        self.fail_on: str | None = None
        self.stdout = ""

    def __call__(self, argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
        self.commands.append(tuple(argv))
        if self.fail_on is not None and self.fail_on in argv:
            return subprocess.CompletedProcess(list(argv), 1, "", f"{self.fail_on}: it broke")
        return subprocess.CompletedProcess(list(argv), 0, self.stdout, "")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """PYWATS_HOME with instance 'ict' watching tmp_path/inbox (errors elsewhere)."""
    home = tmp_path / "svc-home"
    instances = home / "config" / "instances"
    instances.mkdir(parents=True)
    inbox, errors = tmp_path / "inbox", tmp_path / "rejects"
    (instances / "ict.toml").write_text(INSTANCE_TOML.format(inbox=inbox, errors=errors))
    monkeypatch.setenv("PYWATS_HOME", str(home))
    monkeypatch.setenv("PYWATS_KEYRING", "0")
    monkeypatch.delenv("PYWATS_INSTANCE_ID", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    return home


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def _me(home: Path) -> Account:
    import grp
    import pwd

    uid, gid = os.getuid(), os.getgid()
    return Account(pwd.getpwuid(uid).pw_name, uid, gid, grp.getgrgid(gid).gr_name, home)


@pytest.fixture
def host(tmp_path: Path, home: Path, recorder: Recorder) -> Host:
    """A Linux machine with systemd, as root; the service account is the test's own user."""
    if sys.platform == "win32":
        pytest.skip("the fake host looks accounts up with pwd/grp (POSIX)")
    root = tmp_path / "root"
    root.mkdir()
    me = _me(home)
    chowned: list[Path] = []
    return Host(
        system="linux",
        root=root,
        user_home=tmp_path / "user",
        user_name=me.name,
        euid=os.getuid(),
        admin=True,
        systemd=True,
        run=recorder,
        account=lambda name: me if name in {"pywats", me.name} else None,
        group_id=lambda name: me.gid if name == me.group else None,
        chown=lambda path, uid, gid: chowned.append(path),
        python="/usr/bin/python3",
    )


@pytest.fixture
def use_host(host: Host, monkeypatch: pytest.MonkeyPatch) -> Host:
    """Make ``wats service`` see ``host`` as this machine."""
    monkeypatch.setattr(Host, "current", classmethod(lambda cls: host))
    return host
