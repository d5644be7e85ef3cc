"""Which instance a service runs, under which account, with which home and folders.

:func:`resolve` turns ``wats service ... -i NAME [--user] [--account A] [--home DIR]`` into a
:class:`Target`: the instance file is read with the service's ``PYWATS_HOME`` (so the paths
are the ones the service will see), and every folder the service writes is listed for the
service manager's sandbox (systemd ``ReadWritePaths``) and for ``wats service status``.

The service's home: ``--home``, else ``$PYWATS_HOME``, else (system scope) the service
account's home directory on POSIX or ``%ProgramData%\\pywats`` on Windows, else (user scope)
none: the service then uses the same per-user folders as the ``wats`` command.
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Iterator
from pathlib import Path

import attrs

from pywats.station.deploy._plan import EXIT_CONFIG, Account, DeployError, Host

__all__ = ["Target", "resolve", "stop_timeout", "with_home"]

DEFAULT_ACCOUNT = "pywats"


def stop_timeout(shutdown_timeout: float) -> int:
    """Seconds the service manager waits after SIGTERM before it kills the station.

    The station finishes intake, then uploads in flight, each within ``shutdown_timeout``, then
    flushes and closes the queue: twice the setting plus 15 s of margin.
    """
    return math.ceil(2 * shutdown_timeout) + 15


@contextlib.contextmanager
def with_home(home: Path | None) -> Iterator[None]:
    """Let pywats see ``PYWATS_HOME=home`` (or none) for the duration of the block."""
    before = os.environ.get("PYWATS_HOME")
    if home is None:
        os.environ.pop("PYWATS_HOME", None)
    else:
        os.environ["PYWATS_HOME"] = str(home)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PYWATS_HOME", None)
        else:
            os.environ["PYWATS_HOME"] = before


@attrs.frozen(kw_only=True)
class Target:
    """One instance as a service: what the service manager files are built from."""

    instance: str
    system_scope: bool
    account: Account | None
    """The POSIX account of a system service (None: user scope, or Windows)."""
    windows_account: str | None = None
    """A Windows service account (None: LocalSystem)."""
    home: Path | None
    config_file: Path
    config_dir: Path
    data_dir: Path
    log_dir: Path
    log_file: Path | None
    lock_path: Path
    folders: tuple[Path, ...]
    writable: tuple[Path, ...]
    token_file: Path
    shutdown_timeout: float
    python: str

    @property
    def stop_seconds(self) -> int:
        return stop_timeout(self.shutdown_timeout)

    def environment(self) -> dict[str, str]:
        """The service's environment (no secrets: the token is read from the token file)."""
        env = {} if self.home is None else {"PYWATS_HOME": str(self.home)}
        env["PYWATS_INSTANCE_ID"] = self.instance
        env["PYWATS_KEYRING"] = "0"  # a service has no login keyring: the token file only
        env["PYTHONUNBUFFERED"] = "1"
        return env

    def hint_prefix(self) -> str:
        return f"PYWATS_HOME={self.home} " if self.home is not None else ""


def _service_home(
    host: Host, home: str | None, system_scope: bool, account: Account | None
) -> Path | None:
    if home:
        return Path(home).expanduser().absolute()
    env_home = os.environ.get("PYWATS_HOME", "").strip()
    if env_home:
        return Path(env_home).expanduser().absolute()
    if not system_scope:
        return None
    if account is not None:
        return account.home
    if host.system == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "pywats"
    return None


def _account(host: Host, name: str | None, group: str | None) -> Account:
    wanted = name or DEFAULT_ACCOUNT
    found = host.account(wanted)
    if found is None:
        if host.system == "darwin":
            hint = "pass --account NAME of an existing user (System Settings > Users & Groups)"
        else:
            hint = (
                f"create it: `sudo useradd --system --create-home --home-dir /var/lib/{wanted}"
                f" --shell /usr/sbin/nologin {wanted}`, or pass --account NAME"
            )
        raise DeployError(f"there is no account {wanted!r} on this machine", hint)
    if group:
        gid = host.group_id(group)
        if gid is None:
            raise DeployError(
                f"there is no group {group!r} on this machine",
                "pass --group NAME of an existing group, or leave it out (the account's own)",
            )
        found = attrs.evolve(found, gid=gid, group=group)
    return found


def _outermost(paths: list[Path]) -> tuple[Path, ...]:
    """The paths without duplicates and without those inside another one, in order."""
    kept: list[Path] = []
    for path in paths:
        if any(path == k or k in path.parents for k in kept):
            continue
        kept = [k for k in kept if path not in k.parents]
        kept.append(path)
    return tuple(kept)


def _known_instance(instance: str, home: Path | None) -> Path:
    with with_home(home):
        from pywats.config import instance_path

        file = instance_path(instance)
    if not file.is_file():
        prefix = f"PYWATS_HOME={home} " if home is not None else ""
        raise DeployError(
            f"unknown instance {instance!r}: there is no {file}",
            f"create it: `{prefix}wats -i {instance} config init --url URL`, add its"
            " [[folders]] (see docs/deploy.md), then run this again",
        )
    return file


def resolve(
    host: Host,
    instance: str,
    *,
    system_scope: bool,
    account: str | None = None,
    group: str | None = None,
    home: str | None = None,
    windows_account: str | None = None,
    need_account: bool = True,
) -> Target:
    """Read instance ``instance`` as its service will see it.

    ``need_account=False`` (status) goes on without the service account when it is missing.

    Raises:
        DeployError: a bad instance name, an instance with no or a broken file, an unknown
            account or group (exit 3).
    """
    from pywats.config import ConfigError, check_instance_name

    try:
        check_instance_name(instance)
    except ConfigError as exc:
        raise DeployError(str(exc), "pick another name with -i NAME", code=EXIT_CONFIG) from None
    wants_account = system_scope and host.system != "win32"
    known_home = _service_home(host, home, system_scope, None)
    if known_home is not None and wants_account:
        _known_instance(instance, known_home)  # name the missing instance before the account
    posix_account = None
    if wants_account:
        try:
            posix_account = _account(host, account, group)
        except DeployError:
            if need_account:
                raise
    service_home = _service_home(host, home, system_scope, posix_account)
    with with_home(service_home):
        from pywats.config import config_dir
        from pywats.credentials import TokenStore
        from pywats.station.config import data_dir, instance_paths, load_config, log_dir

        file = _known_instance(instance, service_home)
        try:
            config = load_config(instance, for_service=False)
        except ConfigError as exc:
            raise DeployError(
                f"instance {instance!r}: {exc}", f"fix {file} (see `wats watch --help`)"
            ) from None
        if not config.folders:
            raise DeployError(
                f"instance {instance!r} watches no folders: a service would do nothing",
                f"add a [[folders]] table to {file} (see `wats watch --help`)",
            )
        token_file = TokenStore(use_keyring=False).path(instance)
        paths = instance_paths(instance)
        cfg_dir, dat_dir, lg_dir = config_dir(), data_dir(), log_dir()
    folders = tuple(f.path for f in config.folders)
    writable = [paths.data, config.queue_path.parent, config.lock_path.parent]
    if config.log_path is not None:
        writable.append(config.log_path.parent)
    for folder in config.folders:
        writable.extend([folder.path, folder.done_dir, folder.error_dir])
    return Target(
        instance=instance,
        system_scope=system_scope,
        account=posix_account,
        windows_account=windows_account,
        home=service_home,
        config_file=file,
        config_dir=cfg_dir,
        data_dir=dat_dir,
        log_dir=lg_dir,
        log_file=config.log_path,
        lock_path=config.lock_path,
        folders=folders,
        writable=_outermost(writable),
        token_file=token_file,
        shutdown_timeout=config.shutdown_timeout,
        python=host.python,
    )
