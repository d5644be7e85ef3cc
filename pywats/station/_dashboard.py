"""The live terminal dashboard of ``wats watch`` (rich; only when stderr is a terminal)."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import TracebackType

    from pywats.station.service import StationService


def _ago(when: float | None) -> str:
    if when is None:
        return "never"
    seconds = max(0.0, time.time() - when)
    if seconds < 120:
        return f"{seconds:.0f} s ago"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min ago"
    return f"{seconds / 3600:.1f} h ago"


class Dashboard:
    """Shows the service's snapshot, refreshed by the event loop; log lines scroll above it."""

    def __init__(self, service: StationService) -> None:
        from rich.console import Console
        from rich.live import Live
        from rich.logging import RichHandler

        self.service = service
        self.console = Console(stderr=True)
        self.live = Live(console=self.console, refresh_per_second=4, transient=False)
        self.handler = RichHandler(console=self.console, show_path=False, markup=False)
        self.handler.setFormatter(logging.Formatter("%(message)s"))

    def __enter__(self) -> Dashboard:
        logger = logging.getLogger("pywats")
        # The dashboard's console replaces the plain stderr handler while it is up.
        self._plain = [
            h
            for h in logger.handlers
            if isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler)
        ]
        for handler in self._plain:
            logger.removeHandler(handler)
        logger.addHandler(self.handler)
        self.live.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.live.__exit__(exc_type, exc, tb)
        logger = logging.getLogger("pywats")
        logger.removeHandler(self.handler)
        for handler in self._plain:
            logger.addHandler(handler)

    def update(self, snapshot: dict[str, Any]) -> None:
        from rich.table import Table

        queue = snapshot.get("queue", {})
        counts = queue.get("counts", {})
        table = Table(
            title=f"wats watch — instance {snapshot.get('instance')}",
            expand=False,
            show_header=False,
        )
        table.add_column("", style="bold")
        table.add_column("")
        state = snapshot.get("state", "")
        if snapshot.get("intake_paused"):
            state = f"[red]intake paused: {snapshot['intake_paused']}[/red]"
        table.add_row("state", state)
        server = f"{snapshot.get('server_url', '')} ({snapshot.get('server', 'unknown')})"
        if snapshot.get("server_version"):
            server += f" version {snapshot['server_version']}"
        table.add_row("server", server)
        table.add_row("breaker", str(snapshot.get("breaker", "")))
        table.add_row(
            "queue",
            "  ".join(
                f"{name} {counts.get(name, 0)}"
                for name in ("pending", "uploading", "delivered", "parked", "quarantined")
            ),
        )
        table.add_row(
            "files",
            f"converted {snapshot.get('files_converted', 0)}  failed "
            f"{snapshot.get('files_failed', 0)}  waiting {snapshot.get('files_waiting', 0)}",
        )
        table.add_row("last upload", _ago(snapshot.get("last_upload_at")))
        if snapshot.get("last_error"):
            table.add_row("last error", str(snapshot["last_error"])[:200])
        self.live.update(table)
