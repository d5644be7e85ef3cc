"""Stream one answer's body into an open file, under the client's download budget.

Shared by the services that download files (``software.download``, ``export.download``): the
body goes to disk in chunks, never whole into memory; ``max_download_size`` bounds it and each
``timeout`` must bring 64 KiB (pywats._limits.DownloadBudget). The handle is rewound for every
retried attempt, so a retry never appends to half a file.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from pywats._limits import DownloadBudget, streaming

if TYPE_CHECKING:
    from pywats._async._service import AsyncService

__all__ = ["stream_into"]


async def stream_into(service: AsyncService, request: dict[str, Any], handle: IO[bytes]) -> None:
    """Send ``request`` (a generated module's ``_get_kwargs()``) and write the body to ``handle``.

    Raises:
        WatsError: the typed error of the last attempt, or the body passed the size limit.
    """
    options = service._client.options
    limit, timeout = options.max_download_size, options.timeout

    async def send() -> None:
        handle.seek(0)
        handle.truncate()
        flag = streaming.set(True)
        try:
            async with service._http.stream(**request) as response:
                budget = DownloadBudget(response.request, limit, timeout)
                async for chunk in response.aiter_bytes():
                    budget.take(len(chunk))
                    handle.write(chunk)
        finally:
            streaming.reset(flag)

    await service._call(send)
