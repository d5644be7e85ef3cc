"""The body of a service that the OS stops by a call rather than a signal (the Windows SCM).

:class:`ServiceHost` runs one instance exactly like ``wats watch --plain`` does and offers
:meth:`ServiceHost.stop`, callable from any thread, which takes the same graceful path as
SIGTERM: ``StationService.request_stop`` on the service's own event loop (intake stops, the
uploads in flight finish within ``shutdown_timeout``, the queue is closed, ``run`` returns).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pywats.station.service import StationService

__all__ = ["ServiceHost"]


class ServiceHost:
    """Run instance ``instance`` until :meth:`stop`; the Windows service delegates to this."""

    def __init__(self, instance: str, *, config_path: Path | None = None) -> None:
        self.instance = instance
        self.config_path = config_path
        self._service: StationService | None = None
        self._stop = threading.Event()
        self._ended = threading.Event()

    def run(self) -> int:
        """Serve until stopped; return 0 after a graceful stop (exceptions propagate)."""
        import logging

        from pywats.station.service import StationService, configure_logging

        handlers: list[logging.Handler] = []
        try:
            service = StationService.from_instance(self.instance, config_path=self.config_path)
            handlers = configure_logging(service.config.log_path, console=False)
            self._service = service
            relay = threading.Thread(target=self._relay, name="pywats-stop-relay", daemon=True)
            relay.start()
            service.run(dashboard=False)
            return 0
        finally:
            self._ended.set()
            for handler in handlers:
                logging.getLogger("pywats").removeHandler(handler)
                handler.close()

    def stop(self) -> None:
        """Ask the running instance to stop gracefully (any thread; before ``run`` is fine)."""
        self._stop.set()

    def _relay(self) -> None:
        # Waits for stop(), then hands the request to the service's event loop as soon as the
        # loop exists (a stop can arrive while the service is still starting).
        self._stop.wait()
        while not self._ended.is_set():
            service = self._service
            loop = getattr(service, "_loop", None)
            if service is not None and loop is not None and not loop.is_closed():
                try:
                    loop.call_soon_threadsafe(service.request_stop)
                except RuntimeError:  # the loop closed in between: the service has ended
                    return
                return
            self._ended.wait(0.05)
