"""The machine a plan is made for: :class:`Host`, the one seam to the OS.

The platform, the root every absolute path is written under (``/``; a temporary folder in
tests), who we are, whether systemd runs, how a command runs and how an account is looked up.
``Host.current()`` describes the real machine; tests build one by hand.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath
from typing import Protocol

import attrs

__all__ = ["Account", "Host", "Runner"]


@attrs.frozen
class Account:
    """A local account a service runs under."""

    name: str
    uid: int
    gid: int
    group: str
    home: Path


def _lookup_account(name: str) -> Account | None:
    if sys.platform == "win32":
        return None
    import grp
    import pwd

    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        return None
    try:
        group = grp.getgrgid(entry.pw_gid).gr_name
    except KeyError:
        group = str(entry.pw_gid)
    return Account(name, entry.pw_uid, entry.pw_gid, group, Path(entry.pw_dir))


def _lookup_group(name: str) -> int | None:
    if sys.platform == "win32":
        return None
    import grp

    try:
        return grp.getgrnam(name).gr_gid
    except KeyError:
        return None


class Runner(Protocol):
    def __call__(self, argv: Sequence[str]) -> subprocess.CompletedProcess[str]: ...


def _run(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(argv), capture_output=True, text=True, timeout=120, check=False)


@attrs.define(kw_only=True)
class Host:
    """The machine a plan is made for and applied to."""

    system: str
    """``linux``, ``darwin`` or ``win32`` (``sys.platform``)."""
    root: Path = Path("/")
    """Every absolute path a plan writes lives under this (``/``; a temporary folder in tests)."""
    user_home: Path = attrs.field(factory=Path.home)
    user_name: str = ""
    euid: int | None = None
    """Our effective uid (None on Windows)."""
    admin: bool = False
    """Root on POSIX, an elevated administrator on Windows."""
    systemd: bool = False
    """systemd is the running init (``/run/systemd/system`` exists)."""
    run: Runner = _run
    account: Callable[[str], Account | None] = _lookup_account
    group_id: Callable[[str], int | None] = _lookup_group
    chown: Callable[[Path, int, int], None] = attrs.field(
        default=lambda path, uid, gid: os.chown(path, uid, gid)  # type: ignore[attr-defined,unused-ignore]
    )
    python: str = sys.executable

    @classmethod
    def current(cls) -> Host:
        """Describe this machine."""
        import getpass

        euid = os.geteuid() if hasattr(os, "geteuid") else None
        if sys.platform == "win32":
            admin = _windows_admin()
        else:
            admin = euid == 0
        try:
            user = getpass.getuser()
        except Exception:  # no login name (a container with an unnamed uid)
            user = str(euid)
        return cls(
            system=sys.platform,
            euid=euid,
            admin=admin,
            user_name=user,
            systemd=Path("/run/systemd/system").is_dir(),
        )

    def at(self, path: PurePath | str) -> Path:
        """``path`` (absolute, as the OS sees it) under :attr:`root`."""
        p = Path(path)
        if self.root == Path("/") or not p.is_absolute():
            return p
        return self.root.joinpath(*p.parts[1:])

    def which(self, name: str) -> str | None:
        return shutil.which(name)


def _windows_admin() -> bool:
    try:
        import ctypes

        return bool(ctypes.windll.shell32.IsUserAnAdmin())  # type: ignore[attr-defined,unused-ignore]
    except Exception:
        return False
