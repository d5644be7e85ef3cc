"""``/api/Software/*``: software packages, their status, tags and files (reference §2.6).

Status moves Draft → Pending → Released → Revoked, and Pending → Draft. Everything is editable in
Draft; afterwards only status and tags. Only Draft and Revoked packages can be deleted (204).
A zip upload needs the package in Draft; files at the zip root are refused, as on the server.
Each file's contents are kept (kind ``packagefiledata``, base64, keyed by ``packageFileId``) apart
from its metadata row, so listing files never loads them; the internal download route
(``GET /api/internal/Software/DownloadFile``) serves them back.
"""

from __future__ import annotations

import base64
import io
import uuid
import zipfile
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import (
    ApiProblem,
    Params,
    json_body,
    now_utc,
    ok,
    store_of,
    uploaded_files,
    user_of,
)
from pywats.testing._store import Store

__all__ = [
    "create_package",
    "delete_package",
    "delete_package_by_name",
    "download_file",
    "file_attribute",
    "get_package",
    "list_packages",
    "package_by_name",
    "package_files",
    "packages_by_tag",
    "set_status",
    "update_package",
    "upload_zip",
    "virtual_folders",
]

STATUSES = ("Draft", "Pending", "Released", "Revoked")
_MOVES = {
    "Draft": {"Pending"},
    "Pending": {"Draft", "Released"},
    "Released": {"Revoked"},
    "Revoked": set(),
}
ATTRIBUTES = (
    "None",
    "ExecuteOnce",
    "ExecuteAlways",
    "TopLevelFile",
    "OverwriteNever",
    "OverwriteOnNewPackageVersion",
    "ExecuteOncePerVersion",
)
_DRAFT_ONLY = (
    "name",
    "description",
    "installOnRoot",
    "rootDirectory",
    "priority",
    "virtualFolderId",
)


def _status(value: str | None) -> str:
    for status in STATUSES:
        if value and value.lower() == status.lower():
            return status
    raise ApiProblem(
        400, "The request is invalid.", f"status must be one of {', '.join(STATUSES)}."
    )


def _package_or_404(store: Store, package_id: str) -> dict[str, Any]:
    package = store.get("package", package_id)
    if package is None:
        raise ApiProblem(404, f"No package with id '{package_id}' exists.")
    return package


def _move(package: dict[str, Any], target: str, user: str) -> None:
    current = package["status"]
    if target == current:
        return
    if target not in _MOVES[current]:
        raise ApiProblem(400, f"A package cannot go from {current} to {target}.")
    package["status"] = target
    if target == "Released":
        package["released"], package["releasedBy"] = now_utc(), user
    if target == "Revoked":
        package["revoked"], package["revokedBy"] = now_utc(), user


def _tags(value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(t, dict) and t.get("key") for t in value):
        raise ApiProblem(
            400, "The request is invalid.", 'tags must be [{"key": ..., "value": ...}].'
        )
    return [{"key": t["key"], "value": t.get("value")} for t in value]


async def list_packages(request: Request) -> Response:
    """Every package (a list, although the server spec names a single Package)."""
    return ok(store_of(request).all("package"))


async def get_package(request: Request) -> Response:
    """One package; 404 when unknown."""
    return ok(_package_or_404(store_of(request), request.path_params["id"]))


async def package_by_name(request: Request) -> Response:
    """The package with this name and status: the given version, else the highest; 404 if none."""
    params = Params(request)
    name = params.req("name")
    status = _status(params.req("status"))
    version = params.integer("version")
    found = [
        p
        for p in store_of(request).all("package")
        if p["name"].lower() == name.lower()
        and p["status"] == status
        and (version is None or p["version"] == version)
    ]
    if not found:
        raise ApiProblem(404, f"No {status} package named '{name}' exists.")
    return ok(max(found, key=lambda p: p["version"]))


async def packages_by_tag(request: Request) -> Response:
    """Packages with a status carrying ``tag`` ``"name=value"`` (name case-sensitive, value not)."""
    params = Params(request)
    tag = params.req("tag")
    status = _status(params.req("status"))
    name, sep, value = tag.partition("=")
    if not sep or not name:
        raise ApiProblem(400, "The request is invalid.", "tag must look like 'name=value'.")
    return ok(
        [
            p
            for p in store_of(request).all("package")
            if p["status"] == status
            and any(
                t["key"] == name and str(t.get("value") or "").lower() == value.lower()
                for t in p.get("tags") or []
            )
        ]
    )


async def create_package(request: Request) -> Response:
    """Create a Draft; a name that exists gets the next version number."""
    store = store_of(request)
    body = await json_body(request)
    if not isinstance(body, dict) or not isinstance(body.get("name"), str) or not body["name"]:
        raise ApiProblem(400, "The request is invalid.", "name is required.")
    versions = [
        p["version"] for p in store.all("package") if p["name"].lower() == body["name"].lower()
    ]
    user = user_of(request)
    package = {
        "packageId": str(uuid.uuid4()),
        "name": body["name"],
        "installOnRoot": bool(body.get("installOnRoot", False)),
        "version": max(versions, default=0) + 1,
        "description": body.get("description"),
        "rootDirectory": body.get("rootDirectory"),
        "tags": _tags(body.get("tags")),
        "modified": now_utc(),
        "modifiedBy": user,
        "status": "Draft",
        "priority": body.get("priority") or 0,
        "virtualFolderId": body.get("virtualFolderId"),
        "created": now_utc(),
        "createdBy": user,
        "released": None,
        "releasedBy": None,
        "revoked": None,
        "revokedBy": None,
    }
    store.put("package", package["packageId"], package)
    return ok(package)


async def update_package(request: Request) -> Response:
    """Overwrite a package: all fields in Draft, only status and tags after that."""
    store = store_of(request)
    package = _package_or_404(store, request.path_params["id"])
    body = await json_body(request)
    if not isinstance(body, dict):
        raise ApiProblem(400, "The request is invalid.", "The body must be a Package object.")
    user = user_of(request)
    if package["status"] != "Draft":
        changed = [k for k in _DRAFT_ONLY if k in body and body[k] != package.get(k)]
        if changed:
            raise ApiProblem(
                400,
                f"Only status and tags can change in a {package['status']} "
                f"package (tried: {', '.join(changed)}).",
            )
    else:
        for key in _DRAFT_ONLY:
            if key in body:
                package[key] = body[key]
    if "tags" in body:
        package["tags"] = _tags(body["tags"])
    if body.get("status"):
        _move(package, _status(str(body["status"])), user)
    package["modified"], package["modifiedBy"] = now_utc(), user
    store.put("package", package["packageId"], package)
    return ok(package)


def _delete(store: Store, package: dict[str, Any]) -> Response:
    if package["status"] not in ("Draft", "Revoked"):
        raise ApiProblem(
            400, f"A {package['status']} package cannot be deleted; only Draft or Revoked ones can."
        )
    with store.transaction():
        for f in store.all("packagefile"):
            if f["_packageId"] == package["packageId"]:
                _delete_file(store, f["packageFileId"])
        store.delete("package", package["packageId"])
    return Response(status_code=204)


async def delete_package(request: Request) -> Response:
    """Delete a Draft or Revoked package (204)."""
    store = store_of(request)
    return _delete(store, _package_or_404(store, request.path_params["id"]))


async def delete_package_by_name(request: Request) -> Response:
    """Delete a package by name and version (204)."""
    params = Params(request)
    name, version = params.req("name"), params.integer("version", required=True)
    store = store_of(request)
    for package in store.all("package"):
        if package["name"].lower() == name.lower() and package["version"] == version:
            return _delete(store, package)
    raise ApiProblem(404, f"No package '{name}' version {version} exists.")


async def set_status(request: Request) -> Response:
    """Change the status (same transitions as PUT)."""
    store = store_of(request)
    package = _package_or_404(store, request.path_params["id"])
    user = user_of(request)
    _move(package, _status(Params(request).req("status")), user)
    package["modified"], package["modifiedBy"] = now_utc(), user
    store.put("package", package["packageId"], package)
    return ok(package)


def _delete_file(store: Store, file_id: str) -> None:
    store.delete("packagefile", file_id)
    store.delete("packagefiledata", file_id)


def _files_of(store: Store, package_id: str) -> list[dict[str, Any]]:
    return [f for f in store.all("packagefile") if f["_packageId"] == package_id]


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if not k.startswith("_")}


async def package_files(request: Request) -> Response:
    """The package's files (metadata only)."""
    store = store_of(request)
    package = _package_or_404(store, request.path_params["id"])
    return ok([_public(f) for f in _files_of(store, package["packageId"])])


async def upload_zip(request: Request) -> Response:
    """Add a zip's files to a Draft package (``cleanInstall=true`` replaces them all)."""
    store = store_of(request)
    package = _package_or_404(store, request.path_params["id"])
    if package["status"] != "Draft":
        raise ApiProblem(
            400, f"Files can only be uploaded to a Draft package, not {package['status']}."
        )
    clean = bool(Params(request).flag("cleanInstall", False))
    _name, _ctype, data = (await uploaded_files(request))[0]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = [i for i in archive.infolist() if not i.is_dir()]
    except zipfile.BadZipFile:
        raise ApiProblem(400, "The upload is not a valid zip file.") from None
    at_root = [i.filename for i in entries if "/" not in i.filename.strip("/")]
    if at_root:
        raise ApiProblem(
            400, "Files must be inside folders; the zip root holds " + ", ".join(at_root) + "."
        )
    with store.transaction():
        existing = {
            f"{f['packageFolderName']}/{f['name']}".lower(): f
            for f in _files_of(store, package["packageId"])
        }
        if clean:
            for f in existing.values():
                _delete_file(store, f["packageFileId"])
            existing = {}
        for info in entries:
            folder, _, name = info.filename.strip("/").rpartition("/")
            old = existing.get(f"{folder}/{name}".lower())
            row = {
                "packageFileId": old["packageFileId"] if old else str(uuid.uuid4()),
                "name": name,
                "packageFolderName": folder,
                "attributes": old["attributes"] if old else "None",
                "Description": None,
                "_packageId": package["packageId"],
                "_size": info.file_size,
                "_crc": info.CRC,
            }
            store.put("packagefile", row["packageFileId"], row)
            store.put(
                "packagefiledata",
                row["packageFileId"],
                {"data": base64.b64encode(archive.read(info)).decode("ascii")},
            )
        package["modified"], package["modifiedBy"] = now_utc(), user_of(request)
        store.put("package", package["packageId"], package)
    return ok([_public(f) for f in _files_of(store, package["packageId"])])


async def file_attribute(request: Request) -> Response:
    """Set a file's attribute (``id`` is the file id; attribute names are case-insensitive)."""
    store = store_of(request)
    file_id = request.path_params["id"]
    row = store.get("packagefile", file_id)
    if row is None:
        raise ApiProblem(404, f"No package file with id '{file_id}' exists.")
    wanted = Params(request).req("attribute")
    match = [a for a in ATTRIBUTES if a.lower() == wanted.lower()]
    if not match:
        raise ApiProblem(
            400, "The request is invalid.", f"attribute must be one of {', '.join(ATTRIBUTES)}."
        )
    row["attributes"] = match[0]
    store.put("packagefile", file_id, row)
    return ok(_public(row))


async def download_file(request: Request) -> Response:
    """One package file's bytes (internal route; the id is the file's ``packageFileId``)."""
    file_id = Params(request).req("repositoryFolderFileId")
    try:
        key = str(uuid.UUID(file_id))
    except ValueError:
        raise ApiProblem(
            400,
            "The request is invalid.",
            f"The value '{file_id}' is not valid for the Guid parameter 'repositoryFolderFileId'.",
        ) from None
    data = store_of(request).get("packagefiledata", key)
    if data is None:
        raise ApiProblem(404, f"No package file with id '{file_id}' exists.")
    return Response(base64.b64decode(data["data"]), media_type="application/octet-stream")


async def virtual_folders(request: Request) -> Response:
    """The virtual folders (seeded: Root and Root/Stations)."""
    return ok(store_of(request).all("folder"))
