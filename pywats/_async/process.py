"""``api.process``: processes, i.e. the test, repair and WIP operations and their codes."""

from __future__ import annotations

from typing import Any

from wats_api.api.process import process_list

from pywats._async._service import AsyncService
from pywats._wire import json_of

__all__ = ["AsyncProcessService"]


def _code(row: dict[str, Any]) -> Any:
    return row.get("code", row.get("Code"))


def _name(row: dict[str, Any]) -> Any:
    return row.get("name", row.get("Name"))


class AsyncProcessService(AsyncService):
    """Processes: ``await api.process.get(100)`` → the "End of line test" operation."""

    async def query(
        self,
        *,
        include_test_operations: bool | None = None,
        include_repair_operations: bool | None = None,
        include_wip_operations: bool | None = None,
        include_inactive_processes: bool | None = None,
    ) -> list[dict[str, Any]]:
        """List processes; without flags, every active test, repair and WIP operation."""
        response = await self._call(
            lambda: process_list.asyncio_detailed(
                client=self._api,
                include_test_operations=include_test_operations,
                include_repair_operations=include_repair_operations,
                include_wip_operations=include_wip_operations,
                include_inactive_processes=include_inactive_processes,
            )
        )
        rows = json_of(response.content) or []
        return [row for row in rows if isinstance(row, dict)]

    async def get(self, code_or_name: int | str) -> dict[str, Any] | None:
        """One process by code (``100``) or exact name (``"End of line test"``).

        Returns:
            The process; None when no process has that code or name, in lenient mode.

        Raises:
            NotFoundError: no such process (strict mode).
        """
        rows = await self.query()
        for row in rows:
            if isinstance(code_or_name, int):
                if _code(row) == code_or_name:
                    return row
            elif _name(row) == code_or_name or str(_code(row)) == code_or_name:
                return row
        if self._client._options.error_mode == "lenient":
            return None
        from pywats._exceptions import NotFoundError

        raise NotFoundError(404, f"no process has the code or name {code_or_name!r}")
