"""The body of a service that the OS stops by a call rather than a signal (the Windows SCM).

:class:`ServiceHost` runs one instance exactly like ``wats watch --plain`` does and offers
:meth:`ServiceHost.stop`, callable from any thread, which takes the same graceful path as
SIGTERM: ``StationService.request_stop`` on the service's own event loop (intake stops, the
uploads in flight finish within ``shutdown_timeout``, the queue is closed, ``run`` returns).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

        host = self

        class Hosted(StationService):
            # Each service object registers itself: an in-process restart (the endpoint's
            # /restart) builds a new one with type(service), and a stop must reach that one.
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                host._service = self

        handlers: list[logging.Handler] = []
        try:
            service = Hosted.from_instance(self.instance, config_path=self.config_path)
            handlers = configure_logging(service.config.log_path, console=False)
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
        # Waits for stop(), then hands the request to the event loop of the service object that
        # is current, once per object: a stop can arrive while the service is still starting,
        # or while it restarts in-process (then the new object gets it too).
        self._stop.wait()
        told: StationService | None = None
        while not self._ended.is_set():
            service = self._service
            loop = getattr(service, "_loop", None)
            if service is not None and service is not told and loop is not None:
                try:
                    loop.call_soon_threadsafe(service.request_stop)
                    told = service
                except RuntimeError:  # that loop has closed: wait for the next object
                    pass
            self._ended.wait(0.05)
