"""The pywin32 side of the Windows service: SCM calls and the service class. Windows only.

Everything sits under ``sys.platform == "win32"`` so that other platforms import nothing from
pywin32; CI type-checks it with ``mypy --platform win32`` against ``types-pywin32``. It has not
yet run on a Windows machine.
"""

from __future__ import annotations

import sys

__all__: list[str] = []

if sys.platform == "win32":
    import winreg
    from typing import Any

    import pywintypes
    import servicemanager
    import win32service
    import win32serviceutil

    from pywats.station.deploy.host import ServiceHost
    from pywats.station.deploy.windows import WindowsService

    __all__ = ["Win32Scm", "host_service"]

    _ERROR_SERVICE_DOES_NOT_EXIST = 1060
    _ERROR_SERVICE_NOT_ACTIVE = 1062
    _STATES = {
        win32service.SERVICE_STOPPED: "stopped",
        win32service.SERVICE_START_PENDING: "starting",
        win32service.SERVICE_STOP_PENDING: "stopping",
        win32service.SERVICE_RUNNING: "running",
        win32service.SERVICE_PAUSED: "paused",
    }
    _ACTIONS = {"restart": win32service.SC_ACTION_RESTART, "none": win32service.SC_ACTION_NONE}

    class Win32Scm:
        """:class:`pywats.station.deploy.windows.Scm` on the real Service Control Manager."""

        def _manager(self, access: int) -> Any:
            return win32service.OpenSCManager(None, None, access)

        def exists(self, name: str) -> bool:
            manager = self._manager(win32service.SC_MANAGER_CONNECT)
            try:
                handle = win32service.OpenService(manager, name, win32service.SERVICE_QUERY_STATUS)
            except pywintypes.error as exc:
                if exc.winerror == _ERROR_SERVICE_DOES_NOT_EXIST:
                    return False
                raise
            finally:
                win32service.CloseServiceHandle(manager)
            win32service.CloseServiceHandle(handle)
            return True

        def create(self, service: WindowsService, password: str | None) -> None:
            manager = self._manager(win32service.SC_MANAGER_ALL_ACCESS)
            try:
                handle = win32service.CreateService(
                    manager,
                    service.name,
                    service.display_name,
                    win32service.SERVICE_ALL_ACCESS,
                    win32service.SERVICE_WIN32_OWN_PROCESS,
                    win32service.SERVICE_AUTO_START,
                    win32service.SERVICE_ERROR_NORMAL,
                    service.command_line,
                    None,
                    False,
                    None,
                    service.account,
                    password,
                )
                win32service.CloseServiceHandle(handle)
            finally:
                win32service.CloseServiceHandle(manager)

        def configure(self, service: WindowsService) -> None:
            manager = self._manager(win32service.SC_MANAGER_ALL_ACCESS)
            try:
                handle = win32service.OpenService(
                    manager, service.name, win32service.SERVICE_ALL_ACCESS
                )
                try:
                    change = win32service.ChangeServiceConfig2
                    change(handle, win32service.SERVICE_CONFIG_DESCRIPTION, service.description)
                    actions = [(_ACTIONS[what], delay) for what, delay in service.recovery]
                    change(
                        handle,
                        win32service.SERVICE_CONFIG_FAILURE_ACTIONS,
                        {
                            "ResetPeriod": service.recovery_reset_seconds,
                            "RebootMsg": "",
                            "Command": "",
                            "Actions": actions,
                        },
                    )
                    change(
                        handle,
                        win32service.SERVICE_CONFIG_FAILURE_ACTIONS_FLAG,
                        service.failure_on_nonzero_exit,
                    )
                    change(
                        handle,
                        win32service.SERVICE_CONFIG_DELAYED_AUTO_START_INFO,
                        service.delayed_start,
                    )
                finally:
                    win32service.CloseServiceHandle(handle)
            finally:
                win32service.CloseServiceHandle(manager)
            key = rf"SYSTEM\CurrentControlSet\Services\{service.name}"
            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key, 0, winreg.KEY_SET_VALUE) as reg:
                values = [f"{k}={v}" for k, v in service.environment.items()]
                winreg.SetValueEx(reg, "Environment", 0, winreg.REG_MULTI_SZ, values)

        def delete(self, name: str) -> None:
            manager = self._manager(win32service.SC_MANAGER_ALL_ACCESS)
            try:
                handle = win32service.OpenService(manager, name, win32service.SERVICE_ALL_ACCESS)
                try:
                    win32service.DeleteService(handle)
                finally:
                    win32service.CloseServiceHandle(handle)
            finally:
                win32service.CloseServiceHandle(manager)

        def start(self, name: str) -> None:
            win32serviceutil.StartService(name)

        def stop(self, name: str, wait_seconds: int) -> None:
            try:
                win32serviceutil.StopService(name)
            except pywintypes.error as exc:
                if exc.winerror == _ERROR_SERVICE_NOT_ACTIVE:
                    return
                raise
            win32serviceutil.WaitForServiceStatus(name, win32service.SERVICE_STOPPED, wait_seconds)

        def query(self, name: str) -> str:
            state = win32serviceutil.QueryServiceStatus(name)[1]
            return _STATES.get(state, str(state))

    class _StationService(win32serviceutil.ServiceFramework):
        """The SCM's view of one instance; the work is :class:`ServiceHost`'s."""

        _svc_name_ = "pywats"
        _svc_display_name_ = "pywats station"
        _instance = "default"
        _stop_wait_ms = 35_000

        def __init__(self, args: Any) -> None:
            super().__init__(args)
            self._host = ServiceHost(self._instance)

        def SvcStop(self) -> None:
            # The SCM's stop takes the same path as SIGTERM; tell it how long that may take.
            self.ReportServiceStatus(win32service.SERVICE_STOP_PENDING, waitHint=self._stop_wait_ms)
            self._host.stop()

        def SvcShutdown(self) -> None:
            self.SvcStop()

        def SvcDoRun(self) -> None:
            servicemanager.LogInfoMsg(f"pywats station {self._instance!r} starting")
            # An exception here reaches pywin32's framework, which reports the service stopped
            # with an error: the recovery actions then restart it.
            self._host.run()
            servicemanager.LogInfoMsg(f"pywats station {self._instance!r} stopped")

    def host_service(instance: str) -> None:
        """Connect to the SCM and run instance ``instance`` as service ``pywats-<instance>``."""
        from pywats.station.config import load_config
        from pywats.station.deploy._target import stop_timeout

        try:
            wait_ms = stop_timeout(load_config(instance, for_service=False).shutdown_timeout)
        except Exception:  # the service itself reports a broken file; keep the default here
            wait_ms = 35
        service_class = type(
            "PywatsStationService",
            (_StationService,),
            {
                "_svc_name_": f"pywats-{instance}",
                "_svc_display_name_": f"pywats station ({instance})",
                "_instance": instance,
                "_stop_wait_ms": wait_ms * 1000,
            },
        )
        servicemanager.Initialize()
        servicemanager.PrepareToHostSingle(service_class)
        servicemanager.StartServiceCtrlDispatcher()  # type: ignore[no-untyped-call]
