"""The uploader's client: one WSJF report in, the server's id out.

:class:`SdkSubmitter` is :class:`pywats.AsyncWATS` with the SDK's retries off (the queue's
ladder is the station's only retry layer), its breaker and rate limit configured from the
instance file, and the HTTP stack imported without what the service never runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from pywats._stack import blocked

if TYPE_CHECKING:
    from pywats._models_system import SystemNode

__all__ = ["SdkSubmitter", "Submitter"]


@runtime_checkable
class Submitter(Protocol):
    """What the uploader needs from a client: send one WSJF report, return the server's id."""

    async def submit(self, report: dict[str, Any]) -> str: ...


class SdkSubmitter:
    """A :class:`Submitter` over :class:`pywats.AsyncWATS` with the SDK's retries turned off."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = 30.0,
        requests_per_minute: int = 500,
        verify: bool | str = True,
        breaker_failures: int = 5,
        breaker_open_seconds: float = 30.0,
    ) -> None:
        # The service never runs trio, tornado or httpx's CLI; installed beside it (selenium
        # brings trio, openhtf tornado, typer httpx's CLI), they would stay resident: ~6 MB for
        # the CLI and a few MB for trio/tornado, measured in `wats watch`.
        with blocked("trio", "tornado", "httpx._main"):
            import httpcore  # noqa: F401  imported here, without trio
            import httpx  # noqa: F401  imported here, without its CLI
            import tenacity  # noqa: F401  imported here, without tornado

            from pywats._async._client import AsyncWATS
        from pywats._options import BreakerConfig, RateLimit

        limit = (
            RateLimit(max_calls=requests_per_minute, period=60.0)
            if requests_per_minute > 0
            else None
        )
        breaker = BreakerConfig(
            failure_threshold=breaker_failures, reset_timeout=breaker_open_seconds
        )
        self._client = AsyncWATS(
            base_url, token, rate_limit=limit, verify=verify, circuit_breaker=breaker
        )
        self._api = self._client.with_options(max_retries=0, timeout=timeout)

    async def submit(self, report: dict[str, Any]) -> str:
        result = await self._api.report.submit(report)
        return str(result)

    async def submit_json(self, payload: str, report_id: str) -> str:
        """Send a queued payload as it is (checked when it was converted): no object tree of
        a large report is built in the service, so its memory does not stay fragmented."""
        result = await self._api.report.submit_json(payload, report_id=report_id)
        return str(result)

    async def server_version(self) -> str:
        """Ask the server its version (checks the token too; goes through the breaker)."""
        return str(await self._api.analytics.get_version())

    async def processes(self) -> list[dict[str, Any]]:
        """The server's process list, fetched now (for the station's local copy)."""
        return await self._api.process.refresh()

    async def processes_with_inactive(self) -> list[dict[str, Any]]:
        """The process list with the inactive processes, fetched now (for the local copy)."""
        return await self._api.process.refresh(include_inactive_processes=True)

    async def levels(self) -> list[dict[str, Any]]:
        """The server's levels (``/api/App/Levels``), fetched now (for the local copy)."""
        rows = await self._api.analytics.get_levels()
        if not isinstance(rows, list):
            raise TypeError(f"expected a list of levels, got {type(rows).__name__}")
        return [row for row in rows if isinstance(row, dict)]

    async def level_nodes(self) -> list[SystemNode]:
        """The System Manager's levels, with their parents (for the local copy's paths)."""
        return await self._api.system.list_clients(include_levels=True)

    def breaker_state(self) -> str:
        """The SDK circuit breaker's state name (``closed``, ``open``, ``half_open``)."""
        breaker = self._api.breaker
        return "off" if breaker is None else str(breaker.state.value)

    def breaker_wait(self) -> float:
        """Seconds until the breaker lets a probe through (0 when closed)."""
        breaker = self._api.breaker
        return 0.0 if breaker is None else float(breaker.retry_in)

    async def aclose(self) -> None:
        await self._client.close()
