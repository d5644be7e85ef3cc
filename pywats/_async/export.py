"""``api.export``: background exports of UUT certificates, listed and downloaded when done.

The server renders the certificates in a background job::

    queue_certificates(filter, email=...) ──► "certificates_....zip"   (the job's file name)
    list() ──► [... names of finished exports ...]                     (poll until it appears)
    download(name, dest) ──► dest/name.zip                             (streamed to disk)

``wait(name)`` does the polling. An export belongs to the user or token that queued it: another
one can neither list nor download it. With a token the server needs ``email``, the address it
mails the download link to.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wats_api.api.export import export_get_file, export_list, export_queue_certificates
from wats_api.models import AnalyticsFilter

from pywats._async._service import AsyncService
from pywats._async._stream import stream_into
from pywats._wire import json_of, model, opt, require

__all__ = ["AsyncExportService"]

_NAME_KEYS = ("exportfilename", "filename", "name")


def _file_name(item: Any) -> str | None:
    """An export's file name from a list entry or the queueing answer (string or object)."""
    if isinstance(item, str):
        return item
    if isinstance(item, Mapping):
        lower = {str(key).lower(): value for key, value in item.items()}
        for key in _NAME_KEYS:
            if isinstance(lower.get(key), str):
                return str(lower[key])
    return None


def _names(data: Any) -> list[str]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise TypeError(f"expected a list of export names, got {type(data).__name__}")
    return [name for name in map(_file_name, data) if name]


def _same(listed: str, wanted: str) -> bool:
    stem = listed.rsplit(".", 1)[0] if "." in listed else listed
    return wanted.lower() in (listed.lower(), stem.lower())


def _local_name(file_name: str) -> str:
    """The export's name as a plain file name (``.zip`` added when it has no extension)."""
    require(file_name, "file_name")
    if any(sep in file_name for sep in ("/", "\\", "\0")) or file_name in (".", ".."):
        raise ValueError(f"export name {file_name!r} is not a plain file name")
    return file_name if "." in file_name.lstrip(".") else f"{file_name}.zip"


class AsyncExportService(AsyncService):
    """Certificate exports: queue, ``wait``, ``download``."""

    async def queue_certificates(
        self,
        filter: Any = None,
        *,
        email: str,
        header_data_only: bool = True,
        individual_files: bool = True,
        dimensions: str | None = None,
        numeric_format: str | None = None,
        body_footer_tag: str | None = None,
        document_footer_tag: str | None = None,
    ) -> str:
        """Queue an export of the certificates (PDF) of the UUT reports ``filter`` selects.

        Args:
            filter: the report filter, as the analytics take it (a mapping with wire names,
                e.g. ``{"partNumber": "PCB-1001", "dateFrom": "2026-11-01T00:00:00Z"}``).
            email: where the server mails the download link (required with a token).
            header_data_only: header data only (True), or step data as well (False).
            individual_files: one PDF per report in the zip (True), or one for all (False).
            dimensions: details to include, ``;``-separated (``operator;measurement``).
            numeric_format: ``default``, ``integer``, ``decimal``, ``scientific`` ...

        Returns:
            The export's file name, for ``wait`` and ``download``.

        Not retried: a repeat would queue a second export.
        """
        require(email, "email")
        body = model(AnalyticsFilter, filter if filter is not None else {})

        async def send() -> str:
            response = await export_queue_certificates.asyncio_detailed(
                client=self._api,
                body=body,
                header_data_only=header_data_only,
                as_individual_files=individual_files,
                dimensions=opt(dimensions),
                numeric_format=opt(numeric_format),
                body_footer_tag=opt(body_footer_tag),
                document_footer_tag=opt(document_footer_tag),
                email=email,
            )
            name = _file_name(json_of(response.content))
            if not name:
                raise ValueError("the answer names no export file")
            return name

        return await self._call(send, idempotent=False)

    async def list(self) -> builtins.list[str]:
        """The file names of your finished exports."""

        async def send() -> builtins.list[str]:
            response = await export_list.asyncio_detailed(client=self._api)
            return _names(json_of(response.content))

        return await self._call(send)

    async def wait(self, file_name: str, *, timeout: float = 300.0, interval: float = 5.0) -> str:
        """Poll the list until the export appears; return its name as listed.

        Raises:
            WatsTimeoutError: it did not appear within ``timeout`` seconds.
        """
        require(file_name, "file_name")
        if interval <= 0:
            raise ValueError(f"interval must be > 0, got {interval}")
        # Count the time slept, not the wall clock: the client's sleep is a test seam, and a
        # poll that takes long only makes the wait a little longer than asked.
        waited = 0.0
        while True:
            for listed in await self.list():
                if _same(listed, file_name):
                    return listed
            if waited >= timeout:
                from pywats._exceptions import WatsTimeoutError

                raise WatsTimeoutError(
                    f"the export {file_name!r} was not ready after {timeout:g} s; it may still "
                    "be running: check `list()` later (the server also mails a link)"
                )
            pause = min(interval, timeout - waited)
            await self._client._state.sleep(pause)
            waited += pause

    async def download(self, file_name: str, dest: str | os.PathLike[str]) -> Path:
        """Download a finished export to ``dest`` (a folder, or the file to write).

        The file streams to a private temporary file beside the target (never whole into
        memory; the client's ``max_download_size`` bounds it) and is renamed into place when
        complete, so a failure leaves no partial file.

        Raises:
            ValueError: the name is not a plain file name.
            NotFoundError: no such export of yours.
            WatsError: the file is larger than ``max_download_size``.
        """
        local = _local_name(file_name)
        target = Path(dest)
        if target.is_dir():
            target = target / local
        kwargs = export_get_file._get_kwargs(file_name)
        from pywats._atomic import atomic_file

        with atomic_file(target, "wb", suffix=".part") as handle:
            await stream_into(self, kwargs, handle)
        return target
