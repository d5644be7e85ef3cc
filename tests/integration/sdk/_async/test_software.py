"""``api.software`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import io
import zipfile

import pytest

from pywats import NotFoundError
from pywats._async._client import AsyncWATS


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bin/tool.exe", b"MZ...")
        archive.writestr("cfg/settings.ini", b"[a]\nb=1\n")
    return buffer.getvalue()


@pytest.mark.anyio
async def test_package_lifecycle(async_api: AsyncWATS) -> None:
    folders = await async_api.software.get_virtual_folders()
    assert folders

    package = await async_api.software.create_package(
        {"name": "station-fw", "description": "Firmware", "tags": [{"key": "line", "value": "3"}]}
    )
    assert package.status == "Draft"
    assert package.version == 1
    package_id = package.package_id

    await async_api.software.upload_zip(package_id, _zip(), clean_install=True)
    files = await async_api.software.get_package_files(package_id)
    assert len(files) == 2
    await async_api.software.set_file_attribute(files[0].package_file_id, "ExecuteOnce")

    await async_api.software.save_package(
        package_id, {"name": "station-fw", "description": "Firmware v1"}
    )
    assert (await async_api.software.get_package(package_id)).description == "Firmware v1"  # type: ignore[union-attr]

    pending = await async_api.software.set_package_status(package_id, "Pending")
    assert pending.status == "Pending"
    await async_api.software.set_package_status(package_id, "Released")

    found = await async_api.software.get_package_by_name("station-fw", status="Released")
    assert found is not None
    assert found.package_id == package_id
    tagged = await async_api.software.get_packages_by_tag("line=3", status="Released")
    assert [p.name for p in tagged] == ["station-fw"]
    assert [p.name for p in await async_api.software.get_packages()] == ["station-fw"]

    second = await async_api.software.create_package({"name": "station-fw"})
    assert second.version == 2
    await async_api.software.delete_package_by_name("station-fw", version=2)
    await async_api.software.set_package_status(package_id, "Revoked")
    await async_api.software.delete_package(package_id)
    assert await async_api.software.get_packages() == []

    with pytest.raises(NotFoundError):
        await async_api.software.get_package(package_id)
    lenient = async_api.with_options(error_mode="lenient")
    assert await lenient.software.get_package_by_name("station-fw", status="Released") is None
    with pytest.raises(ValueError, match="name=value"):
        await async_api.software.get_packages_by_tag("line")
