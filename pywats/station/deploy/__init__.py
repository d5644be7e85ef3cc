"""Run a station instance as an OS service: systemd, launchd or the Windows SCM.

``wats service install -i NAME`` hands supervision to the operating system (architecture
decision 11): the OS starts the station at boot, restarts it after a crash and stops it through
the same graceful path as SIGTERM. We write its files; we never daemonize by hand::

    Linux    systemd   /etc/systemd/system/pywats@.service            (template, shared)
                       /etc/systemd/system/pywats@NAME.service.d/pywats.conf  (User=, paths,
                                                                       TimeoutStopSec)
                       /etc/pywats/NAME.env                           (EnvironmentFile)
                       (--user: the same under ~/.config/systemd/user and ~/.config/pywats)
    macOS    launchd   /Library/LaunchDaemons/pywats.NAME.plist        (--user: LaunchAgents)
    Windows  SCM       service ``pywats-NAME`` (pywin32; extra ``pywats[windows-service]``)

Every action is first a :class:`~pywats.station.deploy._plan.Plan` (files to write, commands
to run, each with its undo). ``--dry-run`` prints the plan; otherwise it is applied all or
nothing. Modules: ``_plan`` (plans, errors), ``_machine`` (the host seam), ``_target``
(which instance, which account, which folders), ``systemd``, ``launchd``, ``windows``
(builders; ``_win32`` is pywin32's side), ``manager`` (picks the one for this OS), ``host``
(the graceful service body the Windows service runs), ``token`` (``login --for-service``).
"""

from __future__ import annotations

from pywats.station.deploy._plan import (
    EXIT_CONFIG,
    EXIT_PERMISSION,
    Command,
    DeployError,
    FileWrite,
    Host,
    Plan,
)

__all__ = [
    "EXIT_CONFIG",
    "EXIT_PERMISSION",
    "Command",
    "DeployError",
    "FileWrite",
    "Host",
    "Plan",
]
