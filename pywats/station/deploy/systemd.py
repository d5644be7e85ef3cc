"""systemd: one template unit ``pywats@.service`` for every instance, a drop-in per instance.

The template holds what all instances share (the command, restart policy, the sandbox); the
drop-in ``pywats@NAME.service.d/pywats.conf`` holds what is the instance's own (``User=``,
``Group=``, ``TimeoutStopSec=`` from its ``shutdown_timeout``, ``ReadWritePaths=`` for its data,
log and folders); ``%E/pywats/NAME.env`` (``/etc/pywats`` or ``~/.config/pywats``) is its
environment (``PYWATS_HOME``...; never a token). System scope runs under a service account;
``--user`` scope runs in the login user's own systemd.
"""

from __future__ import annotations

import os
from pathlib import Path

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
    "TEMPLATE",
    "dropin_text",
    "env_text",
    "install_plan",
    "paths",
    "status",
    "template_text",
    "uninstall_plan",
    "unit_name",
]

TEMPLATE = "pywats@.service"
_HEADER = "# Written by `wats service install`; `wats service uninstall` removes it."


def unit_name(instance: str) -> str:
    return f"pywats@{instance}.service"


def _escape(text: str) -> str:
    """A value for a unit file: ``%`` is a specifier, so it is doubled."""
    return text.replace("%", "%%")


def _quote(text: str) -> str:
    """One word of a unit file list or command line, quoted when it needs it."""
    if text and not any(ch in text for ch in " \t\"'\\;$"):
        return _escape(text)
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _escape(escaped) + '"'


def paths(host: Host, system_scope: bool) -> tuple[Path, Path]:
    """The unit folder and the environment-file folder (``%E/pywats``) of a scope."""
    if system_scope:
        return host.at("/etc/systemd/system"), host.at("/etc/pywats")
    xdg = os.environ.get("XDG_CONFIG_HOME", "").strip()
    config = Path(xdg) if xdg else host.user_home / ".config"
    return config / "systemd" / "user", config / "pywats"


def template_text(python: str, *, system_scope: bool) -> str:
    """The shared template unit ``pywats@.service``."""
    command = " ".join(_quote(part) for part in (python, "-m", "wats_cli"))
    lines = [
        _HEADER,
        "# One instance per unit: systemctl enable --now pywats@NAME.service",
        "[Unit]",
        "Description=pywats station %i (uploads test results to WATS)",
    ]
    if system_scope:
        lines += ["Wants=network-online.target", "After=network-online.target"]
    lines += [
        "StartLimitIntervalSec=600",
        "StartLimitBurst=20",
        "",
        "[Service]",
        "Type=exec",
        "EnvironmentFile=%E/pywats/%i.env",
        f"ExecStart={command} watch --plain -i %i",
        "Restart=on-failure",
        "RestartSec=5",
        # SIGTERM takes the graceful path: stop intake, finish uploads in flight, exit 0.
        "KillSignal=SIGTERM",
        "KillMode=mixed",
        "TimeoutStopSec=35",
        "UMask=0077",
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "PrivateTmp=yes",
        "PrivateDevices=yes",
        "ProtectKernelTunables=yes",
        "ProtectKernelModules=yes",
        "ProtectControlGroups=yes",
        "RestrictSUIDSGID=yes",
        "RestrictRealtime=yes",
        "LockPersonality=yes",
    ]
    if system_scope:
        lines.append("ProtectHome=read-only")
    lines += [
        "",
        "[Install]",
        f"WantedBy={'multi-user.target' if system_scope else 'default.target'}",
    ]
    return "\n".join(lines) + "\n"


def dropin_text(target: Target) -> str:
    """The instance's drop-in: account, stop timeout, the folders it may write."""
    lines = [
        _HEADER,
        f"# Instance {target.instance!r} of pywats@.service; its file: {target.config_file}",
        "[Service]",
    ]
    if target.account is not None:
        lines += [f"User={_escape(target.account.name)}", f"Group={_escape(target.account.group)}"]
    lines.append(
        f"# shutdown_timeout = {target.shutdown_timeout:g} s: intake, then uploads, each within it"
    )
    lines.append(f"TimeoutStopSec={target.stop_seconds}")
    own = {target.data_dir, target.log_dir}
    words = []
    for path in target.writable:
        mine = any(path == p or p in path.parents for p in own)
        # A folder that does not exist yet must not stop the unit from starting ("-").
        words.append(_quote(str(path) if mine else f"-{path}"))
    lines.append("ReadWritePaths=" + " ".join(words))
    return "\n".join(lines) + "\n"


def _env_value(value: str) -> str:
    for char in ("\\", '"', "$", "`"):
        value = value.replace(char, "\\" + char)
    return f'"{value}"'


def env_text(target: Target) -> str:
    """The instance's ``EnvironmentFile`` (no secrets)."""
    lines = [_HEADER, f"# Environment of pywats@{target.instance}.service (no token here)."]
    lines += [f"{key}={_env_value(value)}" for key, value in target.environment().items()]
    return "\n".join(lines) + "\n"


def _systemctl(system_scope: bool, *args: str) -> tuple[str, ...]:
    return ("systemctl", *(() if system_scope else ("--user",)), *args)


def _check(host: Host, target: Target, *, dry_run: bool) -> None:
    if dry_run:
        return
    if not host.systemd:
        raise DeployError(
            "systemd is not running on this machine (no /run/systemd/system), so it cannot"
            f" run {unit_name(target.instance)}",
            f"run `wats watch -i {target.instance} --plain` under the supervisor you have,"
            " or use the container image (docs/deploy.md)",
        )
    if target.system_scope and not host.admin:
        raise DeployError(
            "a system service is installed by root",
            f"run `sudo {target.hint_prefix()}wats service install -i {target.instance}`,"
            " or add --user to run it in your own account",
            code=EXIT_PERMISSION,
        )


def installed(host: Host, target: Target) -> Path | None:
    """The instance's drop-in when the instance is installed."""
    unit_dir, _ = paths(host, target.system_scope)
    dropin = unit_dir / f"{unit_name(target.instance)}.d" / "pywats.conf"
    return dropin if dropin.is_file() else None


def install_plan(host: Host, target: Target, *, start: bool = True, dry_run: bool = False) -> Plan:
    """Files and commands that install the instance (raises DeployError when it cannot)."""
    _check(host, target, dry_run=dry_run)
    scope = target.system_scope
    unit_dir, env_dir = paths(host, scope)
    existing = installed(host, target)
    if existing is not None:
        raise DeployError(
            f"{unit_name(target.instance)} is already installed ({existing})",
            f"`wats service uninstall -i {target.instance}` first (the instance's file, token"
            " and queue are kept)",
        )
    owner = None if target.account is None else (target.account.uid, target.account.gid)
    label = None if target.account is None else f"{target.account.name}:{target.account.group}"
    plan = Plan(f"install {unit_name(target.instance)} ({'system' if scope else 'user'} scope)")
    plan.steps.append(
        FileWrite(unit_dir / TEMPLATE, template_text(target.python, system_scope=scope))
    )
    plan.steps.append(
        FileWrite(unit_dir / f"{unit_name(target.instance)}.d" / "pywats.conf", dropin_text(target))
    )
    plan.steps.append(FileWrite(env_dir / f"{target.instance}.env", env_text(target), mode=0o600))
    for folder in (target.data_dir / "instances" / target.instance, target.log_dir):
        plan.steps.append(MakeDir(folder, owner=owner, owner_label=label))
    if owner is not None and label is not None and target.home is not None:
        for tree in (target.config_dir, target.data_dir, target.log_dir):
            plan.steps.append(ChownTree(tree, owner, label))
    plan.steps.append(Command(_systemctl(scope, "daemon-reload")))
    enable = ("enable", "--now") if start else ("enable",)
    plan.steps.append(
        Command(
            _systemctl(scope, *enable, unit_name(target.instance)),
            undo_argv=_systemctl(scope, "disable", "--now", unit_name(target.instance)),
        )
    )
    plan.rollback.append(_systemctl(scope, "daemon-reload"))
    if not target.token_file.is_file():
        plan.notes.append(
            f"there is no token file {target.token_file}: the service cannot upload until you"
            f" run `{target.hint_prefix()}wats -i {target.instance} login --for-service`"
        )
    if not scope:
        plan.notes.append(
            "a --user service starts when you log in; to start it at boot, run"
            " `loginctl enable-linger` once"
        )
    return plan


def uninstall_plan(host: Host, target: Target, *, dry_run: bool = False) -> Plan:
    """Stop, disable and remove the instance's files (its config, token, queue and log stay)."""
    _check(host, target, dry_run=dry_run)
    scope = target.system_scope
    unit_dir, env_dir = paths(host, scope)
    dropin = installed(host, target)
    if dropin is None:
        raise DeployError(
            f"{unit_name(target.instance)} is not installed"
            f" ({'system' if scope else 'user'} scope)",
            f"`wats service status -i {target.instance}` shows what is installed"
            + ("" if scope else "; without --user it looks at the system scope"),
        )
    plan = Plan(f"uninstall {unit_name(target.instance)}")
    plan.steps.append(
        Command(
            _systemctl(scope, "disable", "--now", unit_name(target.instance)),
            undo_argv=_systemctl(scope, "enable", "--now", unit_name(target.instance)),
        )
    )
    plan.steps.append(RemoveFile(dropin))
    plan.steps.append(RemoveFile(env_dir / f"{target.instance}.env"))
    others = [
        d
        for d in unit_dir.glob("pywats@*.service.d")
        if d.name != f"{unit_name(target.instance)}.d"
    ]
    if not others:
        plan.steps.append(RemoveFile(unit_dir / TEMPLATE))
    plan.steps.append(Command(_systemctl(scope, "daemon-reload")))
    plan.rollback.append(_systemctl(scope, "daemon-reload"))
    plan.notes.append(
        f"kept: {target.config_file}, the token, the queue and the log; delete them by hand"
        " when the station is retired"
    )
    return plan


def control_plan(host: Host, target: Target, verb: str, *, dry_run: bool = False) -> Plan:
    """``start`` or ``stop`` the installed instance."""
    _check(host, target, dry_run=dry_run)
    if installed(host, target) is None:
        raise DeployError(
            f"{unit_name(target.instance)} is not installed",
            f"run `wats service install -i {target.instance}`"
            + ("" if target.system_scope else " --user"),
        )
    plan = Plan(f"{verb} {unit_name(target.instance)}")
    plan.steps.append(Command(_systemctl(target.system_scope, verb, unit_name(target.instance))))
    return plan


def status(host: Host, target: Target) -> dict[str, object]:
    """What systemd says about the instance (installed, active, enabled, restarts)."""
    dropin = installed(host, target)
    info: dict[str, object] = {
        "manager": "systemd" if host.systemd else "systemd (not running on this machine)",
        "scope": "system" if target.system_scope else "user",
        "unit": unit_name(target.instance),
        "installed": dropin is not None,
        "unit_file": str(dropin) if dropin else None,
    }
    if dropin is None or not host.systemd:
        return info
    props = "ActiveState,SubState,UnitFileState,NRestarts,MainPID"
    done = host.run(
        _systemctl(target.system_scope, "show", unit_name(target.instance), "-p", props)
    )
    values = dict(line.split("=", 1) for line in (done.stdout or "").splitlines() if "=" in line)
    info["active"] = values.get("ActiveState")
    info["sub_state"] = values.get("SubState")
    info["enabled"] = values.get("UnitFileState")
    info["restarts"] = values.get("NRestarts")
    return info
