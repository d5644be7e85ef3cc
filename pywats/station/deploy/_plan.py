"""Plans: what an install or uninstall does, printed by ``--dry-run`` or applied all or nothing.

A plan is an ordered list of steps (write a file, remove a file, make a folder, hand a tree to
the service account, run a command, call the Windows SCM). :func:`apply` runs them in order;
when one fails, the steps already done are undone in reverse (a replaced file gets its old
bytes back, a new file and the folders made for it go, a command runs its undo), so a failed
install leaves the machine as it found it.

The machine itself is :class:`~pywats.station.deploy._machine.Host` (re-exported here).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import attrs

from pywats.station.deploy._machine import Account, Host

__all__ = [
    "EXIT_CONFIG",
    "EXIT_PERMISSION",
    "Account",
    "Call",
    "ChownTree",
    "Command",
    "DeployError",
    "FileWrite",
    "Host",
    "MakeDir",
    "Plan",
    "RemoveFile",
    "Step",
    "apply",
]

EXIT_CONFIG = 3
EXIT_PERMISSION = 4


class DeployError(Exception):
    """One line of cause, the next step, and the ``wats`` exit code (3 config, 4 permission)."""

    def __init__(self, message: str, next_step: str | None = None, *, code: int = EXIT_CONFIG):
        super().__init__(message)
        self.message = message
        self.next_step = next_step
        self.code = code


# --- steps ---------------------------------------------------------------------------------


class Step(Protocol):
    def describe(self) -> str: ...

    def do(self, host: Host) -> None: ...

    def undo(self, host: Host) -> None: ...


def _owner_text(owner: tuple[int, int] | None, label: str | None) -> str:
    if owner is None:
        return ""
    return f", owner {label or f'{owner[0]}:{owner[1]}'}"


@attrs.define
class FileWrite:
    """Write ``content`` to ``path`` (atomically), mode ``mode``, owned by ``owner`` if given."""

    path: Path
    content: str
    mode: int = 0o644
    owner: tuple[int, int] | None = None
    owner_label: str | None = None
    _backup: tuple[bytes, int] | None = attrs.field(default=None, init=False)
    _made: list[Path] = attrs.field(factory=list, init=False)
    _done: bool = attrs.field(default=False, init=False)

    def describe(self) -> str:
        head = (
            f"write {self.path} (mode {self.mode:04o}{_owner_text(self.owner, self.owner_label)})"
        )
        body = "\n".join(f"    {line}" if line else "" for line in self.content.splitlines())
        return f"{head}:\n{body}"

    def do(self, host: Host) -> None:
        from pywats._atomic import atomic_file

        target = self.path
        if target.exists():
            self._backup = (target.read_bytes(), target.stat().st_mode & 0o7777)
        self._made = _make_parents(target.parent)
        with atomic_file(target, "w") as fh:
            fh.write(self.content)
        self._done = True
        os.chmod(target, self.mode)
        if self.owner is not None:
            host.chown(target, *self.owner)

    def undo(self, host: Host) -> None:
        if not self._done:
            return
        target = self.path
        if self._backup is not None:
            target.write_bytes(self._backup[0])
            os.chmod(target, self._backup[1])
        else:
            with contextlib.suppress(OSError):
                target.unlink()
        for folder in reversed(self._made):
            with contextlib.suppress(OSError):
                folder.rmdir()


def _make_parents(folder: Path) -> list[Path]:
    """Make ``folder`` and its missing parents (0755); return those made, outermost first."""
    missing: list[Path] = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for item in reversed(missing):
        item.mkdir(mode=0o755)
    return list(reversed(missing))


@attrs.define
class RemoveFile:
    """Remove ``path`` (kept in memory until the plan succeeds); a missing file is fine."""

    path: Path
    _backup: tuple[bytes, int] | None = attrs.field(default=None, init=False)

    def describe(self) -> str:
        return f"remove {self.path}"

    def do(self, host: Host) -> None:
        target = self.path
        if target.is_file():
            self._backup = (target.read_bytes(), target.stat().st_mode & 0o7777)
            target.unlink()
            with contextlib.suppress(OSError):  # a drop-in folder left empty
                if target.parent.name.endswith(".d"):
                    target.parent.rmdir()

    def undo(self, host: Host) -> None:
        if self._backup is not None:
            target = self.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self._backup[0])
            os.chmod(target, self._backup[1])


@attrs.define
class MakeDir:
    """Make a folder the service writes (private: 0700), owned by the service account."""

    path: Path
    mode: int = 0o700
    owner: tuple[int, int] | None = None
    owner_label: str | None = None
    _made: list[Path] = attrs.field(factory=list, init=False)

    def describe(self) -> str:
        owner = _owner_text(self.owner, self.owner_label)
        return f"make folder {self.path} (mode {self.mode:04o}{owner}) if missing"

    def do(self, host: Host) -> None:
        target = self.path
        if target.is_dir():
            return
        self._made = _make_parents(target)
        for folder in self._made:
            os.chmod(folder, self.mode)
            if self.owner is not None:
                host.chown(folder, *self.owner)

    def undo(self, host: Host) -> None:
        for folder in reversed(self._made):
            with contextlib.suppress(OSError):
                folder.rmdir()


@attrs.define
class ChownTree:
    """Hand ``path`` and everything under it to the service account (undone owner by owner)."""

    path: Path
    owner: tuple[int, int]
    owner_label: str
    _previous: list[tuple[Path, int, int]] = attrs.field(factory=list, init=False)

    def describe(self) -> str:
        return f"chown -R {self.owner_label} {self.path}"

    def do(self, host: Host) -> None:
        top = self.path
        if not top.exists():
            return
        for item in [top, *sorted(top.rglob("*"))]:
            if item.is_symlink():
                continue  # never follow a link out of the tree
            info = item.stat()
            if (info.st_uid, info.st_gid) != self.owner:
                self._previous.append((item, info.st_uid, info.st_gid))
                host.chown(item, *self.owner)

    def undo(self, host: Host) -> None:
        for item, uid, gid in reversed(self._previous):
            with contextlib.suppress(OSError):
                host.chown(item, uid, gid)


@attrs.define
class Command:
    """Run ``argv``; on a later failure run ``undo_argv`` (errors in an undo are ignored)."""

    argv: tuple[str, ...]
    undo_argv: tuple[str, ...] | None = None
    _done: bool = attrs.field(default=False, init=False)

    def describe(self) -> str:
        import shlex

        return "run " + shlex.join(self.argv)

    def do(self, host: Host) -> None:
        try:
            done = host.run(self.argv)
        except (OSError, subprocess.SubprocessError) as exc:
            raise DeployError(f"`{' '.join(self.argv)}` could not run: {exc}") from None
        if done.returncode != 0:
            said = (done.stderr or done.stdout or "").strip().splitlines()
            reason = said[-1] if said else f"exit status {done.returncode}"
            raise DeployError(
                f"`{' '.join(self.argv)}` failed: {reason}",
                "nothing was changed; fix the cause above and run the command again",
            )
        self._done = True

    def undo(self, host: Host) -> None:
        if self._done and self.undo_argv is not None:
            with contextlib.suppress(Exception):
                host.run(self.undo_argv)


@attrs.define
class Call:
    """A step done through an API rather than a command (the Windows SCM)."""

    text: str
    action: Callable[[], None]
    reverse: Callable[[], None] | None = None
    _done: bool = attrs.field(default=False, init=False)

    def describe(self) -> str:
        return self.text

    def do(self, host: Host) -> None:
        self.action()
        self._done = True

    def undo(self, host: Host) -> None:
        if self._done and self.reverse is not None:
            with contextlib.suppress(Exception):
                self.reverse()


@attrs.define
class Plan:
    """What one ``wats service`` action does, in order, plus notes for the person."""

    title: str
    steps: list[Step] = attrs.field(factory=list)
    notes: list[str] = attrs.field(factory=list)
    rollback: list[tuple[str, ...]] = attrs.field(factory=list)
    """Commands run after a failed plan's steps are undone (e.g. ``systemctl daemon-reload``)."""

    def describe(self) -> str:
        lines = [f"{self.title} (dry run: nothing is changed)"]
        for number, step in enumerate(self.steps, 1):
            lines.append(f"{number}. {step.describe()}")
        lines.extend(f"note: {note}" for note in self.notes)
        return "\n".join(lines)


def apply(plan: Plan, host: Host) -> None:
    """Do every step of ``plan``; when one fails, undo the done ones in reverse and re-raise.

    Raises:
        DeployError: a step failed (the machine is as it was before).
    """
    done: list[Step] = []
    try:
        for step in plan.steps:
            done.append(step)
            step.do(host)
    except BaseException as exc:
        for step in reversed(done):
            with contextlib.suppress(Exception):
                step.undo(host)
        for argv in plan.rollback:
            with contextlib.suppress(Exception):
                host.run(argv)
        if isinstance(exc, PermissionError):
            raise DeployError(
                f"permission denied: {exc.filename or exc}",
                "nothing was changed; run it as root/administrator, or use --user",
                code=EXIT_PERMISSION,
            ) from None
        if isinstance(exc, OSError) and not isinstance(exc, DeployError):
            raise DeployError(
                f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
                "nothing was changed; fix the cause above and run the command again",
            ) from None
        raise
