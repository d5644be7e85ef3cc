"""``api.process``: processes, i.e. the test, repair and WIP operations and their codes.

Processes are reference data: they change rarely and lookups repeat (a converter maps each
file's operation name to its code). Answers are kept in the client's reference cache (shared
with its ``with_options`` copies) for ``api.process.cache.ttl`` seconds (default 300);
``refresh()`` fetches anew, and ``freshness()`` says where the last answer came from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wats_api.api.process import process_list

from pywats._async._service import AsyncService
from pywats._refcache import find_process
from pywats._wire import json_of

if TYPE_CHECKING:
    from pywats._refcache import Freshness, ReferenceCache

__all__ = ["AsyncProcessService"]

Flags = tuple[bool, bool, bool, bool]
DEFAULT: Flags = (True, True, True, False)


def _flags(
    test: bool | None, repair: bool | None, wip: bool | None, inactive: bool | None
) -> Flags:
    # The server's default (no kind flag) is every kind, so both spellings share one entry.
    kinds = (True, True, True) if (test, repair, wip) == (None, None, None) else None
    t, r, w = kinds or (test is True, repair is True, wip is True)
    return (t, r, w, inactive is True)


class AsyncProcessService(AsyncService):
    """Processes: ``await api.process.get(100)`` → the "End of line test" operation."""

    @property
    def cache(self) -> ReferenceCache:
        """The client's reference cache (``.ttl`` seconds, ``.clear()``)."""
        return self._client._state.reference

    def freshness(self, **flags: bool | None) -> Freshness | None:
        """Where the last ``query`` answer (with these flags) came from, and its age."""
        return self.cache.freshness(("process", _flags(*_named(flags))))

    async def query(
        self,
        *,
        include_test_operations: bool | None = None,
        include_repair_operations: bool | None = None,
        include_wip_operations: bool | None = None,
        include_inactive_processes: bool | None = None,
    ) -> list[dict[str, Any]]:
        """List processes; without flags, every active test, repair and WIP operation.

        Served from the reference cache while fresh (see ``cache.ttl``).
        """
        flags = _flags(
            include_test_operations,
            include_repair_operations,
            include_wip_operations,
            include_inactive_processes,
        )
        kept = self.cache.lookup(("process", flags))
        if kept is not None:
            return list(kept)
        return await self._fetch(flags)

    async def refresh(self, **flags: bool | None) -> list[dict[str, Any]]:
        """Fetch the process list from the server now (and keep it), whatever the cache holds."""
        return await self._fetch(_flags(*_named(flags)))

    async def _fetch(self, flags: Flags) -> list[dict[str, Any]]:
        test, repair, wip, inactive = flags
        explicit = flags[:3] != (True, True, True)
        response = await self._call(
            lambda: process_list.asyncio_detailed(
                client=self._api,
                include_test_operations=test if explicit else None,
                include_repair_operations=repair if explicit else None,
                include_wip_operations=wip if explicit else None,
                include_inactive_processes=True if inactive else None,
            )
        )
        rows = json_of(response.content) or []
        result = [row for row in rows if isinstance(row, dict)]
        self.cache.store(("process", flags), result)
        return list(result)

    async def get(self, code_or_name: int | str) -> dict[str, Any] | None:
        """One process by code (``100``) or exact name (``"End of line test"``).

        Looked up in the (cached) list of active processes.

        Returns:
            The process; None when no process has that code or name, in lenient mode.

        Raises:
            NotFoundError: no such process (strict mode).
        """
        found = find_process(await self.query(), code_or_name)
        if found is not None or self._client._options.error_mode == "lenient":
            return found
        from pywats._exceptions import NotFoundError

        raise NotFoundError(404, f"no process has the code or name {code_or_name!r}")


def _named(flags: dict[str, bool | None]) -> tuple[bool | None, ...]:
    names = (
        "include_test_operations",
        "include_repair_operations",
        "include_wip_operations",
        "include_inactive_processes",
    )
    unknown = set(flags) - set(names)
    if unknown:
        raise TypeError(f"unknown flag(s): {', '.join(sorted(unknown))}")
    return tuple(flags.get(name) for name in names)
