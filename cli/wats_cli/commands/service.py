"""``wats service install|uninstall|status|start|stop``: the station as an OS service.

systemd on Linux, launchd on macOS, the Service Control Manager on Windows. The logic lives in
``pywats.station.deploy``; this module parses options and prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from wats_cli._types import OutputFormat, output_option

if TYPE_CHECKING:
    from pywats.station.deploy import DeployError, Host
    from pywats.station.deploy._target import Target

app = typer.Typer(
    name="service",
    help="Run an instance as an OS service (systemd, launchd, Windows), started at boot.",
    no_args_is_help=True,
)

_INSTANCE = typer.Option(
    None, "--instance", "-i", help="The instance (default: the global -i, $PYWATS_INSTANCE_ID)."
)
_USER = typer.Option(
    False,
    "--user",
    help="Your own account's service (systemd --user, a LaunchAgent) instead of a system one.",
)
_ACCOUNT = typer.Option(
    None,
    "--account",
    metavar="NAME",
    help="The account a system service runs under (POSIX default: pywats; Windows: LocalSystem).",
)
_GROUP = typer.Option(None, "--group", metavar="NAME", help="Its group (default: the account's).")
_HOME = typer.Option(
    None,
    "--home",
    metavar="DIR",
    help="The service's PYWATS_HOME (default: $PYWATS_HOME, else the account's home directory).",
)
_DRY_RUN = typer.Option(
    False, "--dry-run", help="Print every file and command it would write and run; change nothing."
)


def _fail(exc: DeployError) -> typer.Exit:
    typer.echo(f"error: {exc.message}", err=True)
    if exc.next_step:
        typer.echo(f"next: {exc.next_step}", err=True)
    return typer.Exit(exc.code)


def _target(
    host: Host,
    instance: str | None,
    *,
    user: bool,
    account: str | None,
    group: str | None,
    home: str | None,
    need_account: bool = True,
) -> Target:
    from pywats.config import ConfigError, resolve_instance
    from pywats.station.deploy import DeployError
    from pywats.station.deploy._target import resolve
    from wats_cli._context import state

    try:
        name = resolve_instance(instance or state().instance)
    except ConfigError as exc:
        raise DeployError(str(exc), "pick another name with -i NAME") from None
    if user and host.system == "win32":
        raise DeployError(
            "a Windows service belongs to the machine: there is no --user scope",
            "leave out --user (and run from an elevated prompt)",
        )
    windows_account = account if host.system == "win32" else None
    return resolve(
        host,
        name,
        system_scope=not user,
        account=None if host.system == "win32" else account,
        group=group,
        home=home,
        windows_account=windows_account,
        need_account=need_account,
    )


def _denied(exc: PermissionError, action: str, instance: str | None) -> DeployError:
    from pywats.station.deploy import EXIT_PERMISSION, DeployError

    name = f" -i {instance}" if instance else ""
    return DeployError(
        f"permission denied: {exc.filename or exc}",
        f"run `sudo wats service {action}{name}` (a system service's files are its account's)",
        code=EXIT_PERMISSION,
    )


def _password(host: Host, account: str | None) -> str | None:
    builtin = {"localsystem", r"nt authority\localservice", r"nt authority\networkservice"}
    if host.system != "win32" or not account or account.lower() in builtin:
        return None
    return str(typer.prompt(f"Password of {account} (input hidden)", hide_input=True))


def _run(
    action: str,
    *,
    dry_run: bool,
    done: str,
    instance: str | None,
    user: bool,
    account: str | None,
    group: str | None,
    home: str | None,
    start: bool = True,
) -> None:
    from pywats.station.deploy import DeployError, Host, manager
    from pywats.station.deploy._plan import apply
    from wats_cli._context import info, warn

    host = Host.current()
    try:
        target = _target(host, instance, user=user, account=account, group=group, home=home)
        if action == "install":
            password = None if dry_run else _password(host, account)
            plan = manager.install(host, target, start=start, dry_run=dry_run, password=password)
        elif action == "uninstall":
            plan = manager.uninstall(host, target, dry_run=dry_run)
        else:
            plan = manager.control(host, target, action, dry_run=dry_run)
        if dry_run:
            typer.echo(plan.describe())
            return
        apply(plan, host)
    except DeployError as exc:
        raise _fail(exc) from None
    except PermissionError as exc:
        raise _fail(_denied(exc, action, instance)) from None
    info(done.format(instance=target.instance))
    for note in plan.notes:
        warn(note)


@app.command("install")
def install(
    instance: str = _INSTANCE,
    user: bool = _USER,
    account: str = _ACCOUNT,
    group: str = _GROUP,
    home: str = _HOME,
    start: bool = typer.Option(True, "--start/--no-start", help="Start it now (else at boot)."),
    dry_run: bool = _DRY_RUN,
) -> None:
    """Install the instance as a service that starts at boot and restarts after a failure.

    Everything is written or nothing is: a failed step undoes the ones before it. The
    instance's file must exist (with its [[folders]]) under the service's PYWATS_HOME; store
    the service's token with `wats -i NAME login --for-service`.
    """
    _run(
        "install",
        dry_run=dry_run,
        done="Installed the service of instance {instance!r}: `wats service status -i {instance}`",
        instance=instance,
        user=user,
        account=account,
        group=group,
        home=home,
        start=start,
    )


def _control(action: str, summary: str, done: str) -> None:
    """Register ``wats service ACTION``: the same options, one step of the service manager."""

    def command(
        instance: str = _INSTANCE,
        user: bool = _USER,
        account: str = _ACCOUNT,
        home: str = _HOME,
        dry_run: bool = _DRY_RUN,
    ) -> None:
        _run(
            action,
            dry_run=dry_run,
            done=done,
            instance=instance,
            user=user,
            account=account,
            group=None,
            home=home,
        )

    command.__name__ = action
    command.__doc__ = summary
    app.command(action)(command)


_control(
    "uninstall",
    "Stop the service and remove its files (the instance's config, token and queue stay).",
    "Uninstalled the service of instance {instance!r}",
)
_control(
    "start", "Start the installed service now.", "Started the service of instance {instance!r}"
)
_control(
    "stop",
    "Stop the service gracefully (uploads in flight finish); it starts again at boot.",
    "Stopped the service of instance {instance!r}",
)


@app.command("status")
def status(
    instance: str = _INSTANCE,
    user: bool = _USER,
    account: str = _ACCOUNT,
    home: str = _HOME,
    output: OutputFormat = output_option(),
) -> None:
    """Installed? running? will it find a token? what does /health say? Exit 0 only if healthy."""
    from pywats.station.deploy import DeployError, Host, manager
    from wats_cli._context import emit, warn

    host = Host.current()
    try:
        target = _target(
            host, instance, user=user, account=account, group=None, home=home, need_account=False
        )
        info = manager.status(host, target)
    except DeployError as exc:
        raise _fail(exc) from None
    except PermissionError as exc:
        raise _fail(_denied(exc, "status", instance)) from None
    emit(info, output)
    if info["token"] == "missing":
        prefix = target.hint_prefix()
        warn(
            f"the service will have no token ({target.token_file} does not exist): run"
            f" `{prefix}wats -i {target.instance} login --for-service`"
        )
    if not info["healthy"]:
        raise typer.Exit(1)
