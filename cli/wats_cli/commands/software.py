"""``wats software``: software distribution packages and their files."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import typer

from wats_cli._types import OutputFormat, output_option

app = typer.Typer(help="Software distribution packages.", no_args_is_help=True)


class PackageStatus(StrEnum):
    draft = "Draft"
    pending = "Pending"
    released = "Released"
    revoked = "Revoked"


@app.command("list")
def list_(
    tag: str = typer.Option(None, "--tag", help="Only packages with this tag: name=value."),
    status: PackageStatus = typer.Option(
        PackageStatus.released, "--status", help="With --tag: the packages' status."
    ),
    output: OutputFormat = output_option(),
) -> None:
    """List packages (all of them, or those with a tag)."""
    from wats_cli._context import client, emit

    api = client()
    packages = (
        api.software.get_packages()
        if tag is None
        else api.software.get_packages_by_tag(tag, status=status.value)
    )
    emit(packages, output, columns=["packageId", "name", "version", "status", "modified"])


@app.command()
def get(
    package: str = typer.Argument(
        ..., metavar="PACKAGE", help="The package id (a GUID) or its name.", show_default=False
    ),
    status: PackageStatus = typer.Option(
        PackageStatus.released, "--status", help="With a name: the package's status."
    ),
    version: int = typer.Option(None, "--version", help="With a name: this version."),
    output: OutputFormat = output_option(),
) -> None:
    """Show one package, by id or by name (the highest version unless --version)."""
    import uuid

    from wats_cli._context import client, emit

    api = client()
    try:
        uuid.UUID(package)
    except ValueError:
        emit(
            api.software.get_package_by_name(package, status=status.value, version=version),
            output,
        )
        return
    emit(api.software.get_package(package), output)


@app.command()
def files(
    package_id: str = typer.Argument(
        ..., metavar="PACKAGE_ID", help="The package id.", show_default=False
    ),
    output: OutputFormat = output_option(),
) -> None:
    """List a package's files (metadata: name, folder, attributes)."""
    from wats_cli._context import client, emit

    emit(client().software.get_package_files(package_id), output)


@app.command()
def upload(
    package_id: str = typer.Argument(
        ..., metavar="PACKAGE_ID", help="The package id.", show_default=False
    ),
    zip_file: str = typer.Argument(
        ..., metavar="ZIP_FILE", help="A zip whose files sit inside folders.", show_default=False
    ),
    clean: bool = typer.Option(False, "--clean", help="Replace all files instead of merging."),
    output: OutputFormat = output_option(),
) -> None:
    """Upload a package's files as a zip (the package must be a Draft)."""
    from pathlib import Path

    from wats_cli._context import client, emit, info

    emit(
        client().software.upload_zip(package_id, Path(zip_file), clean_install=clean or None),
        output,
    )
    info(f"Uploaded {zip_file} to package {package_id}")


@app.command()
def download(
    package_id: str = typer.Argument(
        ..., metavar="PACKAGE_ID", help="The package id.", show_default=False
    ),
    dest: str = typer.Option(
        ".",
        "--dest",
        metavar="DIR",
        help="Folder to write into, as DIR/<package folder>/<file> (created if missing).",
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Download every file of a package (existing copies are replaced).

    Uses the server's internal file-download route, as the official client does. A file whose
    folder or name would land outside DIR stops the download before anything is written.
    """
    from pathlib import Path

    from wats_cli._context import client, emit, info

    written = client().software.download(package_id, Path(dest))
    for path in written:
        info(f"Wrote {path} ({path.stat().st_size} bytes)")
    info(f"Downloaded {len(written)} file(s) of package {package_id} to {dest}")
    emit(written, output)


def _resolve(api: Any, package: str, version: int | None) -> Any:
    """A package by id, or by name (the highest version unless ``version``), or NotFoundError."""
    import uuid

    from pywats import NotFoundError
    from wats_cli._context import found

    try:
        uuid.UUID(package)
    except ValueError:
        named = [
            p
            for p in api.software.get_packages()
            if p.name == package and (version is None or p.version == version)
        ]
        if not named:
            which = package if version is None else f"{package} version {version}"
            raise NotFoundError(404, f"no software package {which!r}") from None
        return max(named, key=lambda p: p.version or 0)
    return found(api.software.get_package(package), f"software package {package}")


@app.command()
def create(
    name: str = typer.Argument(
        ..., metavar="NAME", help="The package name (an existing name gets the next version)."
    ),
    description: str = typer.Option(None, "--description", help="What it holds."),
    tag: list[str] = typer.Option(
        [], "--tag", metavar="NAME=VALUE", help="A tag (repeatable), e.g. station=ICT."
    ),
    output: OutputFormat = output_option(),
) -> None:
    """Create a Draft package; upload its files with `upload`, then move it on with `status`."""
    from wats_cli._context import client, emit, info

    package: dict[str, Any] = {"name": name}
    if description is not None:
        package["description"] = description
    tags = []
    for text in tag:
        key, sep, value = text.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"{text!r} is not NAME=VALUE", param_hint="--tag")
        tags.append({"key": key.strip(), "value": value.strip()})
    if tags:
        package["tags"] = tags
    created = client().software.create_package(package)
    info(f"Created package {created.name} version {created.version} ({created.package_id})")
    emit(created, output)


@app.command("status")
def status_(
    package: str = typer.Argument(
        ..., metavar="PACKAGE", help="The package id (a GUID) or its name.", show_default=False
    ),
    new_status: PackageStatus = typer.Argument(
        ...,
        metavar="STATUS",
        help="Draft, Pending, Released or Revoked (any case).",
        show_default=False,
        case_sensitive=False,
    ),
    version: int = typer.Option(None, "--version", help="With a name: this version."),
    output: OutputFormat = output_option(),
) -> None:
    """Move a package to another status (e.g. Draft -> Pending -> Released)."""
    from wats_cli._context import client, emit, info

    api = client()
    current = _resolve(api, package, version)
    changed = api.software.set_package_status(str(current.package_id), new_status.value)
    info(f"Package {current.name} version {current.version}: {current.status} -> {changed.status}")
    emit(changed, output)
