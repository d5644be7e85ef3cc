"""Software packages, their files and virtual folders (``api.software``)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

import attrs

from pywats._models import Tag, WireValue, _wire

__all__ = ["SoftwarePackage", "SoftwarePackageFile", "VirtualFolder"]


@_wire("SoftwarePackage")
@attrs.frozen(kw_only=True)
class SoftwarePackage(WireValue):
    """A software distribution package (``status``: Draft, Pending, Released, Revoked)."""

    package_id: UUID | None = None
    name: str | None = None
    version: int | None = None
    status: str | None = None
    description: str | None = None
    install_on_root: bool | None = None
    root_directory: str | None = None
    priority: int | None = None
    virtual_folder_id: UUID | None = None
    tags: list[Tag] | None = None
    created: dt.datetime | None = None
    created_by: str | None = None
    modified: dt.datetime | None = None
    modified_by: str | None = None
    released: dt.datetime | None = None
    released_by: str | None = None
    revoked: dt.datetime | None = None
    revoked_by: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("SoftwarePackageFile")
@attrs.frozen(kw_only=True)
class SoftwarePackageFile(WireValue):
    """A file in a package (metadata)."""

    package_file_id: str | None = None
    name: str | None = None
    package_folder_name: str | None = None
    attributes: str | None = None
    description: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)


@_wire("VirtualFolder")
@attrs.frozen(kw_only=True)
class VirtualFolder(WireValue):
    id: UUID | None = None
    parent_id: UUID | None = None
    name: str | None = None
    description: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, repr=False, eq=False)
