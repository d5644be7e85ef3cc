"""``api.software`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

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


def _zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.anyio
async def test_download_writes_every_file_with_its_bytes(
    async_api: AsyncWATS, tmp_path: Path
) -> None:
    contents = {
        "bin/tool.exe": bytes(range(256)) * 64,
        "cfg/deep/settings.ini": b"[a]\nb=1\n",
        "cfg/empty.txt": b"",
    }
    package_id = (await async_api.software.create_package({"name": "station-fw"})).package_id
    assert package_id is not None
    await async_api.software.upload_zip(package_id, _zip_of(contents))
    files = await async_api.software.get_package_files(package_id)
    by_path = {f"{f.package_folder_name}/{f.name}": f for f in files}

    one = by_path["bin/tool.exe"].package_file_id
    assert one is not None
    assert await async_api.software.download_file(one) == contents["bin/tool.exe"]

    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "empty.txt").write_bytes(b"old copy")  # replaced, not appended to
    written = await async_api.software.download(package_id, tmp_path)

    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == sorted(contents)
    for relative, data in contents.items():
        assert (tmp_path / relative).read_bytes() == data
    leftovers = [p for p in tmp_path.rglob("*") if p.is_file() and p.name.endswith(".part")]
    assert leftovers == []


@pytest.mark.anyio
async def test_download_refuses_a_path_outside_dest_before_writing(
    async_api: AsyncWATS, tmp_path: Path
) -> None:
    # The emulator stores what the zip says, so it can play a server that sends a hostile name.
    package_id = (await async_api.software.create_package({"name": "hostile"})).package_id
    assert package_id is not None
    await async_api.software.upload_zip(
        package_id, _zip_of({"ok/first.txt": b"1", "a/../../escaped.txt": b"2"})
    )
    dest = tmp_path / "dest"
    with pytest.raises(ValueError, match=r"\.\."):
        await async_api.software.download(package_id, dest)
    assert not dest.exists()
    assert not (tmp_path / "escaped.txt").exists()


@pytest.mark.anyio
async def test_download_errors(async_api: AsyncWATS, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        await async_api.software.download_file("8d5e9d8e-1c1d-4c84-9a4f-5d6e7f809a1b")
    with pytest.raises(NotFoundError):
        await async_api.software.download("8d5e9d8e-1c1d-4c84-9a4f-5d6e7f809a1b", tmp_path)
    with pytest.raises(ValueError, match="GUID"):
        await async_api.software.download_file("not-a-guid")
    assert list(tmp_path.iterdir()) == []
