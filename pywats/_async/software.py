"""``api.software``: software distribution packages, their files and virtual folders.

Package status moves Draft → Pending → Released → Revoked (and Pending → Draft); only Draft
and Revoked packages can be deleted.

File contents come from the server's internal ``GET /api/internal/Software/DownloadFile``, the
route the official client uses (the public API lists files but cannot read them); see the
operation's description in openapi/wats.yaml for what is assumed about it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO, Literal

from wats_api import models as wire
from wats_api.api.software import (
    software_create_package,
    software_delete_package,
    software_delete_package_by_name,
    software_download_file,
    software_get_package,
    software_get_package_by_name,
    software_get_package_files,
    software_get_packages_by_tag,
    software_get_virtual_folders,
    software_list_packages,
    software_put_package,
    software_set_file_attribute,
    software_set_package_status,
    software_upload_zip,
)

from pywats._async._service import AsyncService
from pywats._async._stream import stream_into
from pywats._downloads import Staging, check_plan, package_file_target
from pywats._models import many, one, the
from pywats._models_software import SoftwarePackage, SoftwarePackageFile, VirtualFolder
from pywats._wire import FileSource, as_uuid, file_bytes, json_of, model, require, upload

__all__ = ["AsyncSoftwareService", "PackageStatus"]

PackageStatus = Literal["Draft", "Pending", "Released", "Revoked"]
FileAttribute = Literal[
    "None",
    "ExecuteOnce",
    "ExecuteAlways",
    "TopLevelFile",
    "OverwriteNever",
    "OverwriteOnNewPackageVersion",
    "ExecuteOncePerVersion",
]


def _id(value: uuid.UUID | str, what: str = "package_id") -> str:
    return require(str(value), what)


class AsyncSoftwareService(AsyncService):
    """Software packages: ``await api.software.get_package_by_name("fw", status="Released")``."""

    async def get_packages(self) -> list[SoftwarePackage]:
        """Every package."""
        response = await self._call(
            lambda: software_list_packages.asyncio_detailed(client=self._api)
        )
        return many(SoftwarePackage, response.parsed)

    async def get_package(self, package_id: uuid.UUID | str) -> SoftwarePackage | None:
        """One package by id (None if unknown, in lenient mode)."""
        pid = _id(package_id)
        response = await self._lookup(
            lambda: software_get_package.asyncio_detailed(pid, client=self._api)
        )
        return None if response is None else one(SoftwarePackage, response.parsed)

    async def get_package_by_name(
        self, name: str, *, status: PackageStatus = "Released", version: int | None = None
    ) -> SoftwarePackage | None:
        """A package by name and status; the highest version unless ``version`` is given."""
        require(name, "name")
        response = await self._lookup(
            lambda: software_get_package_by_name.asyncio_detailed(
                client=self._api, name=name, status=status, version=version
            )
        )
        return None if response is None else one(SoftwarePackage, response.parsed)

    async def get_packages_by_tag(
        self, tag: str, *, status: PackageStatus = "Released"
    ) -> list[SoftwarePackage]:
        """Packages with a tag, given as ``"name=value"`` (name case-sensitive, value not)."""
        require(tag, "tag")
        if "=" not in tag:
            raise ValueError(f"tag must look like 'name=value', got {tag!r}")
        response = await self._call(
            lambda: software_get_packages_by_tag.asyncio_detailed(
                client=self._api, tag=tag, status=status
            )
        )
        return many(SoftwarePackage, response.parsed)

    async def create_package(self, package: SoftwarePackage | Mapping[str, Any]) -> SoftwarePackage:
        """Create a Draft package (``name`` required; an existing name gets the next version).

        Not retried: a repeat would create another version.
        """
        body = model(wire.SoftwarePackage, package)
        response = await self._call(
            lambda: software_create_package.asyncio_detailed(client=self._api, body=body),
            idempotent=False,
        )
        return the(SoftwarePackage, response.parsed)

    async def save_package(
        self, package_id: uuid.UUID | str, package: SoftwarePackage | Mapping[str, Any]
    ) -> Any:
        """Overwrite a package (in Pending/Released only its status and tags change)."""
        pid = _id(package_id)
        body = model(wire.SoftwarePackage, package)
        response = await self._call(
            lambda: software_put_package.asyncio_detailed(pid, client=self._api, body=body)
        )
        return json_of(response.content)

    async def delete_package(self, package_id: uuid.UUID | str) -> None:
        """Delete a Draft or Revoked package."""
        pid = _id(package_id)
        await self._call(lambda: software_delete_package.asyncio_detailed(pid, client=self._api))

    async def delete_package_by_name(self, name: str, *, version: int) -> None:
        """Delete a Draft or Revoked package by name and version."""
        require(name, "name")
        await self._call(
            lambda: software_delete_package_by_name.asyncio_detailed(
                client=self._api, name=name, version=version
            )
        )

    async def set_package_status(
        self, package_id: uuid.UUID | str, status: PackageStatus
    ) -> SoftwarePackage:
        """Move a package to another status (Draft, Pending, Released, Revoked)."""
        pid = _id(package_id)
        response = await self._call(
            lambda: software_set_package_status.asyncio_detailed(
                pid, client=self._api, status=status
            )
        )
        return the(SoftwarePackage, response.parsed)

    async def get_package_files(self, package_id: uuid.UUID | str) -> list[SoftwarePackageFile]:
        """The files of a package (metadata only)."""
        pid = _id(package_id)
        response = await self._call(
            lambda: software_get_package_files.asyncio_detailed(pid, client=self._api)
        )
        return many(SoftwarePackageFile, response.parsed)

    async def upload_zip(
        self,
        package_id: uuid.UUID | str,
        zip_file: FileSource,
        *,
        clean_install: bool | None = None,
    ) -> Any:
        """Upload a package's files as a zip (files inside folders; none at the zip's root).

        ``clean_install=True`` replaces the package's files; the default merges.
        """
        pid = _id(package_id)
        content = file_bytes(zip_file)
        response = await self._call(
            lambda: software_upload_zip.asyncio_detailed(
                pid,
                client=self._api,
                body=wire.PackageZipUpload(file=upload(content, "package.zip", "application/zip")),
                clean_install=clean_install,
            )
        )
        return json_of(response.content)

    async def set_file_attribute(self, file_id: uuid.UUID | str, attribute: FileAttribute) -> Any:
        """Set a package file's attribute (e.g. ``"ExecuteOnce"``)."""
        fid = _id(file_id, "file_id")
        response = await self._call(
            lambda: software_set_file_attribute.asyncio_detailed(
                fid, client=self._api, attribute=attribute
            )
        )
        return json_of(response.content)

    async def download_file(self, file_id: uuid.UUID | str) -> bytes:
        """The contents of one package file.

        Args:
            file_id: the file's ``package_file_id``, from ``get_package_files``.

        Raises:
            ValueError: ``file_id`` is not a GUID.
            NotFoundError: the server has no file with this id.
        """
        fid = as_uuid(file_id, "file_id")
        response = await self._call(
            lambda: software_download_file.asyncio_detailed(
                client=self._api, repository_folder_file_id=fid
            )
        )
        content: bytes = response.content
        return content

    async def download(self, package_id: uuid.UUID | str, dest: Path) -> list[Path]:
        """Download every file of a package to ``dest/<packageFolderName>/<name>``.

        Every target path is checked before anything is fetched or written. Files stream to
        disk (not memory) under hidden temporary names, through folder handles that cannot
        be redirected by a symlink made meanwhile; once all have arrived they are renamed
        into place, replacing existing copies. A failure part-way leaves no new file behind.

        Returns:
            The paths written, in the server's file order.

        Raises:
            ValueError: a file's folder or name is absolute or contains ``..``, two files
                collide (``a/b`` as a file and a folder), or a folder on the way is a
                symlink or a file (nothing is left written then).
            NotFoundError: the package, or one of its files, is unknown.
            WatsError: a file is larger than the client's ``max_download_size``.

        Example::

            paths = await api.software.download(package.package_id, Path("C:/Stations/fw"))
        """
        dest = Path(dest)
        files = await self.get_package_files(package_id)
        plan: list[tuple[str, Path]] = []
        for file in files:
            target = package_file_target(dest, file.package_folder_name, file.name)
            if not file.package_file_id:
                raise ValueError(f"package file {file.name!r} has no packageFileId")
            plan.append((file.package_file_id, target))
        check_plan(dest, [target for _, target in plan])
        with Staging(dest) as staging:
            for file_id, target in plan:
                with staging.open(target) as handle:
                    await self._download_to(file_id, handle)
                    handle.flush()
                    os.fsync(handle.fileno())
            staging.commit()
        return [target for _, target in plan]

    async def _download_to(self, file_id: str, handle: BinaryIO) -> None:
        """Stream one package file into ``handle`` (rewound for each retried attempt)."""
        kwargs = software_download_file._get_kwargs(
            repository_folder_file_id=as_uuid(file_id, "file_id")
        )
        await stream_into(self, kwargs, handle)

    async def get_virtual_folders(self) -> list[VirtualFolder]:
        """The virtual folders from Production Manager."""
        response = await self._call(
            lambda: software_get_virtual_folders.asyncio_detailed(client=self._api)
        )
        return many(VirtualFolder, response.parsed)
