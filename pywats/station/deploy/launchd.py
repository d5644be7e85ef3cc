"""launchd (macOS): a LaunchDaemon (system scope, a service account) or a LaunchAgent (--user).

One plist per instance, label ``pywats.NAME``. launchd starts it at boot (daemon) or login
(agent), restarts it when it exits with a failure (``KeepAlive.SuccessfulExit = false``: a
graceful stop exits 0 and stays stopped), stops it with SIGTERM and waits ``ExitTimeOut``
seconds (from the instance's ``shutdown_timeout``) before SIGKILL.

This has been checked key by key in tests but has not yet run on a real Mac.
"""

from __future__ import annotations

import plistlib
import re
from pathlib import Path
from typing import Any

from pywats.station.deploy._plan import (
    EXIT_PERMISSION,
    ChownTree,
    Command,
    DeployError,
    FileWrite,
    Host,
    MakeDir,
    Plan,
    RemoveFile,
)
from pywats.station.deploy._target import Target

__all__ = [
    "control_plan",
    "install_plan",
    "label",
    "plist",
    "plist_path",
    "status",
    "uninstall_plan",
]


def label(instance: str) -> str:
    return f"pywats.{instance}"


def plist_path(host: Host, target: Target) -> Path:
    name = f"{label(target.instance)}.plist"
    if target.system_scope:
        return host.at("/Library/LaunchDaemons") / name
    return host.user_home / "Library" / "LaunchAgents" / name


def _domain(host: Host, target: Target) -> str:
    return "system" if target.system_scope else f"gui/{host.euid}"


def plist(target: Target) -> dict[str, Any]:
    """The launchd job of the instance, as a dictionary (``plistlib`` writes it)."""
    out = target.log_dir / f"{target.instance}.launchd.log"
    job: dict[str, Any] = {
        "Label": label(target.instance),
        "ProgramArguments": [
            target.python,
            "-m",
            "wats_cli",
            "watch",
            "--plain",
            "-i",
            target.instance,
        ],
        "EnvironmentVariables": target.environment(),
        "WorkingDirectory": str(target.data_dir / "instances" / target.instance),
        "RunAtLoad": True,
        "KeepAlive": {"SuccessfulExit": False},
        "ThrottleInterval": 10,
        "ExitTimeOut": target.stop_seconds,
        "ProcessType": "Standard",
        "Umask": 0o077,
        "StandardOutPath": str(out),
        "StandardErrorPath": str(out),
    }
    if target.account is not None:
        job["UserName"] = target.account.name
        job["GroupName"] = target.account.group
    return job


def _check(host: Host, target: Target, *, dry_run: bool) -> None:
    if dry_run:
        return
    if host.which("launchctl") is None:
        raise DeployError(
            "launchctl is not on this machine, so launchd cannot run the station",
            f"run `wats watch -i {target.instance} --plain` under the supervisor you have",
        )
    if target.system_scope and not host.admin:
        raise DeployError(
            "a LaunchDaemon is installed by root",
            f"run `sudo {target.hint_prefix()}wats service install -i {target.instance}`,"
            " or add --user for a LaunchAgent in your own account",
            code=EXIT_PERMISSION,
        )


def install_plan(host: Host, target: Target, *, start: bool = True, dry_run: bool = False) -> Plan:
    _check(host, target, dry_run=dry_run)
    path = plist_path(host, target)
    if path.is_file():
        raise DeployError(
            f"{label(target.instance)} is already installed ({path})",
            f"`wats service uninstall -i {target.instance}` first (the instance's file, token"
            " and queue are kept)",
        )
    owner = None if target.account is None else (target.account.uid, target.account.gid)
    who = None if target.account is None else f"{target.account.name}:{target.account.group}"
    text = plistlib.dumps(plist(target)).decode("utf-8")
    plan = Plan(f"install launchd job {label(target.instance)}")
    for folder in (target.data_dir / "instances" / target.instance, target.log_dir):
        plan.steps.append(MakeDir(folder, owner=owner, owner_label=who))
    if owner is not None and who is not None and target.home is not None:
        for tree in (target.config_dir, target.data_dir, target.log_dir):
            plan.steps.append(ChownTree(tree, owner, who))
    plan.steps.append(FileWrite(path, text, mode=0o644))
    if start:
        domain = _domain(host, target)
        plan.steps.append(
            Command(
                ("launchctl", "bootstrap", domain, str(path)),
                undo_argv=("launchctl", "bootout", f"{domain}/{label(target.instance)}"),
            )
        )
    if not target.token_file.is_file():
        plan.notes.append(
            f"there is no token file {target.token_file}: the service cannot upload until you"
            f" run `{target.hint_prefix()}wats -i {target.instance} login --for-service`"
        )
    return plan


def uninstall_plan(host: Host, target: Target, *, dry_run: bool = False) -> Plan:
    _check(host, target, dry_run=dry_run)
    path = plist_path(host, target)
    if not path.is_file():
        raise DeployError(
            f"{label(target.instance)} is not installed ({path})",
            f"`wats service status -i {target.instance}` shows what is installed",
        )
    domain = _domain(host, target)
    plan = Plan(f"uninstall launchd job {label(target.instance)}")
    plan.steps.append(
        Command(
            ("launchctl", "bootout", f"{domain}/{label(target.instance)}"),
            undo_argv=("launchctl", "bootstrap", domain, str(path)),
        )
    )
    plan.steps.append(RemoveFile(path))
    plan.notes.append(f"kept: {target.config_file}, the token, the queue and the log")
    return plan


def control_plan(host: Host, target: Target, verb: str, *, dry_run: bool = False) -> Plan:
    _check(host, target, dry_run=dry_run)
    if not plist_path(host, target).is_file():
        raise DeployError(
            f"{label(target.instance)} is not installed",
            f"run `wats service install -i {target.instance}`",
        )
    job = f"{_domain(host, target)}/{label(target.instance)}"
    argv = (
        ("launchctl", "kickstart", job)
        if verb == "start"
        else ("launchctl", "kill", "SIGTERM", job)
    )
    plan = Plan(f"{verb} launchd job {label(target.instance)}")
    plan.steps.append(Command(argv))
    return plan


def status(host: Host, target: Target) -> dict[str, object]:
    path = plist_path(host, target)
    info: dict[str, object] = {
        "manager": "launchd",
        "scope": "system" if target.system_scope else "user",
        "unit": label(target.instance),
        "installed": path.is_file(),
        "unit_file": str(path) if path.is_file() else None,
    }
    if not path.is_file() or host.which("launchctl") is None:
        return info
    done = host.run(("launchctl", "print", f"{_domain(host, target)}/{label(target.instance)}"))
    if done.returncode != 0:
        info["active"] = "not loaded"
        return info
    state = re.search(r"^\s*state = (.+)$", done.stdout or "", re.MULTILINE)
    runs = re.search(r"^\s*runs = (\d+)$", done.stdout or "", re.MULTILINE)
    info["active"] = state.group(1).strip() if state else "loaded"
    info["restarts"] = runs.group(1) if runs else None
    return info
