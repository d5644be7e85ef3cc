"""Windows: a real service ``pywats-NAME`` in the Service Control Manager (pywin32).

What is installed (built by :func:`build`, unit-tested with a fake SCM on any OS):

* start type automatic (delayed: the network is up by then), account LocalSystem unless
  ``--account`` names another, the environment (``PYWATS_HOME``, ``PYWATS_INSTANCE_ID``...)
  in the service's registry key;
* recovery: restart after 5 s, 30 s, 60 s; the failure count resets after a day; a stop with
  a non-zero exit code counts as a failure too;
* the command line ``<python> -m pywats.station.deploy.windows`` with the *base* interpreter:
  a venv's ``python.exe`` on Windows is a launcher that starts the real interpreter as a child
  process, and the SCM can talk only to the process it started. The venv's site-packages come
  in through ``PYTHONPATH`` and are added with ``site.addsitedir`` (so pywin32's ``.pth`` runs).

The SCM's stop request calls :meth:`pywats.station.deploy.host.ServiceHost.stop`: the same
graceful path as SIGTERM (finish uploads in flight, exit 0). Windows-only imports sit behind
``sys.platform == "win32"``; CI type-checks this module with ``mypy --platform win32``.

**This has not yet run on a Windows machine**: only its plan and its type-checking are tested.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from typing import Protocol

import attrs

from pywats.station.deploy._plan import (
    EXIT_PERMISSION,
    Call,
    DeployError,
    Host,
    MakeDir,
    Plan,
)
from pywats.station.deploy._target import Target

__all__ = [
    "Scm",
    "WindowsService",
    "build",
    "control_plan",
    "install_plan",
    "service_name",
    "status",
    "uninstall_plan",
]

#: Recovery actions: (action, delay in milliseconds) for the 1st, 2nd and later failures.
RECOVERY: tuple[tuple[str, int], ...] = (
    ("restart", 5_000),
    ("restart", 30_000),
    ("restart", 60_000),
)
RECOVERY_RESET_SECONDS = 86_400


def service_name(instance: str) -> str:
    return f"pywats-{instance}"


@attrs.frozen(kw_only=True)
class WindowsService:
    """Everything the SCM is told about one instance's service."""

    name: str
    display_name: str
    description: str
    argv: tuple[str, ...]
    account: str | None
    """None: LocalSystem."""
    environment: dict[str, str]
    delayed_start: bool = True
    recovery: tuple[tuple[str, int], ...] = RECOVERY
    recovery_reset_seconds: int = RECOVERY_RESET_SECONDS
    failure_on_nonzero_exit: bool = True
    stop_wait_seconds: int = 35

    @property
    def command_line(self) -> str:
        """The service's binary path as the SCM stores it (Windows quoting rules)."""
        return subprocess.list2cmdline(list(self.argv))


def _interpreter() -> tuple[str, str | None]:
    """The base interpreter, and the venv's site-packages when we run inside a venv."""
    base = getattr(sys, "_base_executable", None) or sys.executable
    if sys.prefix != sys.base_prefix:
        return base, sysconfig.get_paths()["purelib"]
    return sys.executable, None


def build(target: Target, *, python: str | None = None, site: str | None = None) -> WindowsService:
    """The service of ``target`` (``python``/``site`` default to this interpreter's)."""
    if python is None:
        python, site = _interpreter()
    env = target.environment()
    if site:
        env["PYTHONPATH"] = site
        env["PYWATS_SITE"] = site
    return WindowsService(
        name=service_name(target.instance),
        display_name=f"pywats station ({target.instance})",
        description=(
            f"Uploads the test results of pywats instance {target.instance!r} to WATS"
            f" ({target.config_file})."
        ),
        argv=(python, "-m", "pywats.station.deploy.windows", target.instance),
        account=target.windows_account,
        environment=env,
        stop_wait_seconds=target.stop_seconds,
    )


class Scm(Protocol):
    """The calls made to the Service Control Manager (a fake in tests)."""

    def exists(self, name: str) -> bool: ...
    def create(self, service: WindowsService, password: str | None) -> None: ...
    def configure(self, service: WindowsService) -> None: ...
    def delete(self, name: str) -> None: ...
    def start(self, name: str) -> None: ...
    def stop(self, name: str, wait_seconds: int) -> None: ...
    def query(self, name: str) -> str: ...


def _describe(service: WindowsService) -> str:
    recovery = ", ".join(f"{what} after {ms // 1000} s" for what, ms in service.recovery)
    env = " ".join(f"{k}={v}" for k, v in service.environment.items())
    return (
        f"create Windows service {service.name} ({service.display_name!r}):\n"
        f"    binary path: {service.command_line}\n"
        f"    start: automatic{' (delayed)' if service.delayed_start else ''};"
        f" account: {service.account or 'LocalSystem'}\n"
        f"    recovery: {recovery}; reset after {service.recovery_reset_seconds // 3600} h;"
        f" non-zero exit counts: {'yes' if service.failure_on_nonzero_exit else 'no'}\n"
        f"    environment: {env}"
    )


def _check(host: Host, target: Target, *, dry_run: bool) -> None:
    if not dry_run and not host.admin:
        raise DeployError(
            "a Windows service is installed, started and stopped by an administrator",
            f"run `wats service install -i {target.instance}` from an elevated prompt"
            " (Run as administrator)",
            code=EXIT_PERMISSION,
        )


def install_plan(
    host: Host,
    target: Target,
    scm: Scm,
    *,
    start: bool = True,
    dry_run: bool = False,
    password: str | None = None,
) -> Plan:
    _check(host, target, dry_run=dry_run)
    service = build(target)
    if scm.exists(service.name):
        raise DeployError(
            f"the Windows service {service.name} is already installed",
            f"`wats service uninstall -i {target.instance}` first (config, token and queue"
            " are kept)",
        )
    plan = Plan(f"install Windows service {service.name}")
    for folder in (target.data_dir / "instances" / target.instance, target.log_dir):
        plan.steps.append(MakeDir(folder))
    plan.steps.append(
        Call(
            _describe(service),
            lambda: scm.create(service, password),
            lambda: scm.delete(service.name),
        )
    )
    plan.steps.append(
        Call(
            f"set {service.name}'s description, recovery actions, delayed start, environment",
            lambda: scm.configure(service),
        )
    )
    if start:
        plan.steps.append(
            Call(
                f"start {service.name}",
                lambda: scm.start(service.name),
                lambda: scm.stop(service.name, service.stop_wait_seconds),
            )
        )
    if not target.token_file.is_file():
        plan.notes.append(
            f"there is no token file {target.token_file}: the service cannot upload until you"
            f" run `{_set_home(target)}wats -i {target.instance} login --for-service`"
        )
    return plan


def _set_home(target: Target) -> str:
    return f"set PYWATS_HOME={target.home}& " if target.home is not None else ""


def uninstall_plan(host: Host, target: Target, scm: Scm, *, dry_run: bool = False) -> Plan:
    _check(host, target, dry_run=dry_run)
    name = service_name(target.instance)
    if not scm.exists(name):
        raise DeployError(
            f"the Windows service {name} is not installed",
            f"`wats service status -i {target.instance}` shows what is installed",
        )
    wait = target.stop_seconds
    plan = Plan(f"uninstall Windows service {name}")
    plan.steps.append(Call(f"stop {name} (waits up to {wait} s)", lambda: scm.stop(name, wait)))
    plan.steps.append(Call(f"delete the Windows service {name}", lambda: scm.delete(name)))
    plan.notes.append(f"kept: {target.config_file}, the token, the queue and the log")
    return plan


def control_plan(host: Host, target: Target, scm: Scm, verb: str, *, dry_run: bool = False) -> Plan:
    _check(host, target, dry_run=dry_run)
    name = service_name(target.instance)
    if not scm.exists(name):
        raise DeployError(
            f"the Windows service {name} is not installed",
            f"run `wats service install -i {target.instance}`",
        )
    plan = Plan(f"{verb} Windows service {name}")
    if verb == "start":
        plan.steps.append(Call(f"start {name}", lambda: scm.start(name)))
    else:
        wait = target.stop_seconds
        plan.steps.append(Call(f"stop {name} (waits up to {wait} s)", lambda: scm.stop(name, wait)))
    return plan


def status(host: Host, target: Target, scm: Scm) -> dict[str, object]:
    name = service_name(target.instance)
    installed = scm.exists(name)
    return {
        "manager": "windows",
        "scope": "system",
        "unit": name,
        "installed": installed,
        "unit_file": None,
        "active": scm.query(name) if installed else None,
    }


def scm() -> Scm:
    """The real SCM (Windows with pywin32), else an explanation of what to install."""
    if sys.platform != "win32":
        raise DeployError("the Windows service manager exists only on Windows")
    try:
        from pywats.station.deploy._win32 import Win32Scm  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        raise DeployError(
            "the Windows service support is not installed (pywin32)",
            "run `pip install pywats[windows-service]`",
        ) from None
    return Win32Scm()


def main(argv: list[str] | None = None) -> None:
    """What the SCM runs: host the service of the instance named on the command line."""
    import site

    extra = os.environ.get("PYWATS_SITE", "").strip()
    if extra:
        site.addsitedir(extra)  # the venv's .pth files (pywin32's among them)
    args = sys.argv[1:] if argv is None else argv
    instance = args[0] if args else os.environ.get("PYWATS_INSTANCE_ID", "default")
    if sys.platform != "win32":
        raise SystemExit("pywats.station.deploy.windows runs only as a Windows service")
    from pywats.station.deploy._win32 import host_service  # type: ignore[attr-defined,unused-ignore]

    host_service(instance)


if __name__ == "__main__":
    main()
