"""``api.export`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pywats import BadRequestError, NotFoundError, WatsError, WatsTimeoutError
from pywats._async._client import AsyncWATS
from pywats.reports import UUTReport
from pywats.testing import Emulator


def _report(sn: str, pn: str = "PCB-1") -> UUTReport:
    report = UUTReport(
        pn=pn,
        sn=sn,
        rev="A",
        process_code=50,
        station_name="ICT-01",
        location="Line 1",
        purpose="Production",
    )
    report.root.add_pass_fail_step("LED on", True)
    return report


@pytest.mark.anyio
async def test_export_is_queued_listed_and_downloaded(
    async_api: AsyncWATS, tmp_path: Path, waits: list[float]
) -> None:
    for sn in ("SN-1", "SN-2"):
        await async_api.report.submit(_report(sn))
    await async_api.report.submit(_report("OTHER-1", pn="PSU-1"))

    name = await async_api.export.queue_certificates(
        {"partNumber": "PCB-1"}, email="qa@example.com", individual_files=True
    )
    assert await async_api.export.wait(name.removesuffix(".zip"), interval=1) == name
    assert waits == []  # the emulator finishes at once
    assert name in await async_api.export.list()

    path = await async_api.export.download(name, tmp_path)
    assert path == tmp_path / name
    assert path.stat().st_mode & 0o077 == 0  # private, like every file pywats writes
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert len(names) == 2
        assert all(n.startswith("SN-") and n.endswith(".pdf") for n in names)
        assert archive.read(names[0]).startswith(b"%PDF")

    target = tmp_path / "mine.zip"
    assert await async_api.export.download(name.removesuffix(".zip"), target) == target
    assert target.read_bytes() == path.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.anyio
async def test_export_errors(async_api: AsyncWATS, tmp_path: Path, waits: list[float]) -> None:
    with pytest.raises(NotFoundError):
        await async_api.export.download("no-such-export", tmp_path)
    assert list(tmp_path.iterdir()) == []  # nothing half-written
    with pytest.raises(ValueError, match="plain file name"):
        await async_api.export.download("../escape.zip", tmp_path)
    with pytest.raises(WatsTimeoutError):
        await async_api.export.wait("never", timeout=2, interval=1)
    assert waits == [1, 1]
    with pytest.raises(BadRequestError):  # the server wants an address with a token
        await async_api.export.queue_certificates({}, email=" x")


@pytest.mark.anyio
async def test_export_download_is_bounded(fresh: Emulator, tmp_path: Path) -> None:
    async with AsyncWATS(fresh.url, fresh.token, max_download_size=100) as small:
        await small.report.submit(_report("SN-1"))
        name = await small.export.queue_certificates({}, email="qa@example.com")
        with pytest.raises(WatsError, match="larger"):
            await small.export.download(name, tmp_path)
    assert list(tmp_path.iterdir()) == []
