"""Pick this OS's service manager and answer ``wats service status``.

``install``/``uninstall``/``control`` return a :class:`~pywats.station.deploy._plan.Plan` for
systemd (Linux), launchd (macOS) or the Windows SCM; the caller prints it (``--dry-run``) or
applies it. :func:`status` adds what every OS shares: whether the service will find a token,
whether the instance runs (its lock), and what its ``/health`` endpoint answers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pywats.station.deploy import launchd, systemd, windows
from pywats.station.deploy._plan import DeployError, Host, Plan
from pywats.station.deploy._target import Target

if TYPE_CHECKING:
    from pywats.station.deploy.windows import Scm

__all__ = ["control", "health", "install", "status", "uninstall"]


def _kind(host: Host) -> str:
    if host.system.startswith("linux"):
        return "systemd"
    if host.system == "darwin":
        return "launchd"
    if host.system == "win32":
        return "windows"
    raise DeployError(
        f"`wats service` does not know the service manager of {host.system!r}",
        "run `wats watch --plain` under the supervisor you have (docs/deploy.md)",
    )


def install(
    host: Host,
    target: Target,
    *,
    start: bool = True,
    dry_run: bool = False,
    scm: Scm | None = None,
    password: str | None = None,
) -> Plan:
    kind = _kind(host)
    if kind == "systemd":
        return systemd.install_plan(host, target, start=start, dry_run=dry_run)
    if kind == "launchd":
        return launchd.install_plan(host, target, start=start, dry_run=dry_run)
    return windows.install_plan(
        host, target, scm or windows.scm(), start=start, dry_run=dry_run, password=password
    )


def uninstall(host: Host, target: Target, *, dry_run: bool = False, scm: Scm | None = None) -> Plan:
    kind = _kind(host)
    if kind == "systemd":
        return systemd.uninstall_plan(host, target, dry_run=dry_run)
    if kind == "launchd":
        return launchd.uninstall_plan(host, target, dry_run=dry_run)
    return windows.uninstall_plan(host, target, scm or windows.scm(), dry_run=dry_run)


def control(
    host: Host, target: Target, verb: str, *, dry_run: bool = False, scm: Scm | None = None
) -> Plan:
    kind = _kind(host)
    if kind == "systemd":
        return systemd.control_plan(host, target, verb, dry_run=dry_run)
    if kind == "launchd":
        return launchd.control_plan(host, target, verb, dry_run=dry_run)
    return windows.control_plan(host, target, scm or windows.scm(), verb, dry_run=dry_run)


def _lock_held(lock_path: Path) -> bool:
    from filelock import FileLock, Timeout

    if not lock_path.exists():
        return False
    probe = FileLock(str(lock_path), timeout=0)
    try:
        probe.acquire()
    except Timeout:
        return True
    except OSError:  # not ours to open (another account's lock): someone holds it or not
        return True
    probe.release()
    return False


def health(lock_path: Path, *, timeout: float = 3.0) -> tuple[str | None, str]:
    """The running instance's ``/health`` URL and what it answered (``ok`` or the problem)."""
    import urllib.error
    import urllib.request

    try:
        recorded: dict[str, Any] = json.loads(
            lock_path.with_name("service.json").read_text(encoding="utf-8")
        )
    except (OSError, ValueError):
        return None, "no service.json: the instance records its endpoint when it starts"
    endpoint = recorded.get("endpoint")
    url = f"{str(endpoint).rstrip('/')}/health" if endpoint else recorded.get("health_url")
    if not url:
        return None, "the instance serves no local endpoint"
    try:
        with urllib.request.urlopen(str(url), timeout=timeout) as answer:
            return str(url), "ok" if answer.status == 200 else f"HTTP {answer.status}"
    except urllib.error.HTTPError as exc:
        return str(url), f"HTTP {exc.code}"
    except (OSError, ValueError) as exc:
        return str(url), f"no answer: {getattr(exc, 'reason', exc)}"


def status(host: Host, target: Target, *, scm: Scm | None = None) -> dict[str, Any]:
    """Installed? active? token? running? healthy? (``healthy`` decides the exit code)."""
    info: dict[str, Any] = {"instance": target.instance}
    kind = _kind(host)
    if kind == "systemd":
        info.update(systemd.status(host, target))
    elif kind == "launchd":
        info.update(launchd.status(host, target))
    else:
        try:
            info.update(windows.status(host, target, scm or windows.scm()))
        except DeployError as exc:  # no pywin32: still report the rest
            info.update({"manager": "windows", "installed": None, "active": exc.message})
    info["config_file"] = str(target.config_file)
    info["token_file"] = str(target.token_file)
    import os

    if target.token_file.is_file():
        info["token"] = "present"
    elif os.environ.get("PYWATS_API_TOKEN", "").strip() and not info.get("installed"):
        info["token"] = "PYWATS_API_TOKEN"  # a container: the service shares this environment
    else:
        info["token"] = "missing"
    running = _lock_held(target.lock_path)
    info["running"] = running
    url, said = health(target.lock_path) if running else (None, "not running")
    info["health_url"] = url
    info["health"] = said
    info["healthy"] = running and said == "ok"
    info["log_file"] = str(target.log_file) if target.log_file else None
    return info
