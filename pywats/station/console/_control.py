"""What the console needs of the running service: a subset of ``StationControl``'s face.

Typed as a Protocol so the console depends on the facade's shape only (and tests can hand it
a small stand-in); ``pywats.station.control.StationControl`` satisfies it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

__all__ = ["Control"]


class Control(Protocol):
    @property
    def instance(self) -> str: ...

    @property
    def config(self) -> Any:
        """The StationConfig in effect (replaced on reload)."""

    @property
    def config_path(self) -> Path: ...

    @property
    def log_path(self) -> Path | None: ...

    @property
    def queue_path(self) -> Path: ...

    @property
    def secret(self) -> str: ...

    def snapshot(self) -> dict[str, Any]: ...

    def history(self) -> Sequence[dict[str, Any]]: ...

    def recent_errors(self, limit: int = 20) -> Sequence[dict[str, Any]]: ...

    def wake_uploader(self) -> None: ...

    async def reload(self) -> None: ...
