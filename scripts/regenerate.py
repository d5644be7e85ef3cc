"""Regenerate generated/wats_api from openapi/wats.yaml, or check that it is up to date.

    python scripts/regenerate.py           # rewrite generated/wats_api
    python scripts/regenerate.py --check   # exit 1 and name the files that differ

The generator (openapi-python-client) pins `typer<0.28`, which the CLI cannot live with, so it
runs from its own virtual environment, .cache/regen-venv, created on first use with the pinned
versions below. The generator always writes into a temporary directory outside the repository;
`ruff --isolated` in openapi/generator.yaml formats the output the same way wherever it lands,
so a regeneration is byte-for-byte reproducible and the check compares like with like.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "openapi" / "wats.yaml"
CONFIG = ROOT / "openapi" / "generator.yaml"
TEMPLATES = ROOT / "openapi" / "templates"
TARGET = ROOT / "generated" / "wats_api"
VENV = ROOT / ".cache" / "regen-venv"
PINS = {"openapi-python-client": "0.29.1", "ruff": "0.17.6"}
# Files the generator does not write but the package needs (PEP 561 marker).
EXTRA_FILES = {"py.typed": ""}
IGNORED = {"__pycache__", ".ruff_cache", ".mypy_cache"}


class RegenerateError(Exception):
    """A step failed; the message says which and what to do."""


def _bin(name: str) -> Path:
    folder = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return VENV / folder / f"{name}{suffix}"


def _installed_versions() -> dict[str, str]:
    python = _bin("python")
    if not python.exists():
        return {}
    code = (
        "import importlib.metadata as m, json\n"
        "out = {}\n"
        f"for name in {sorted(PINS)!r}:\n"
        "    try: out[name] = m.version(name)\n"
        "    except m.PackageNotFoundError: pass\n"
        "print(json.dumps(out))"
    )
    result = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return {}
    versions: dict[str, str] = json.loads(result.stdout)
    return versions


def ensure_venv() -> None:
    """Create or repair .cache/regen-venv so it holds exactly the pinned tools."""
    if _installed_versions() == PINS:
        return
    if not _bin("python").exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    requirements = [f"{name}=={version}" for name, version in sorted(PINS.items())]
    pip = [str(_bin("python")), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    result = subprocess.run(
        [*pip, *requirements],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or _installed_versions() != PINS:
        raise RegenerateError(
            f"could not install {' '.join(requirements)} into {VENV}:\n"
            f"{result.stdout}{result.stderr}\n"
            "Check network access to the package index, or delete the folder and retry."
        )


def generate(out_dir: Path) -> float:
    """Run the generator into out_dir (which must not exist); return the seconds it took."""
    env = dict(os.environ)
    # The post hooks in generator.yaml call `ruff`: use the pinned one.
    env["PATH"] = str(_bin("ruff").parent) + os.pathsep + env.get("PATH", "")
    command = [
        str(_bin("openapi-python-client")),
        "generate",
        "--path",
        str(SPEC),
        "--config",
        str(CONFIG),
        "--custom-template-path",
        str(TEMPLATES),
        "--meta",
        "none",
        "--output-path",
        str(out_dir),
        "--fail-on-warning",
    ]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0 or not (out_dir / "__init__.py").exists():
        raise RegenerateError(
            "openapi-python-client failed (warnings count as failures: an unsupported content "
            "type or schema would silently drop an operation):\n"
            f"{result.stdout}{result.stderr}"
        )
    for name, text in EXTRA_FILES.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    return elapsed


def _files(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and not IGNORED.intersection(path.relative_to(folder).parts)
    }


def compare(expected: Path, actual: Path) -> list[str]:
    """Describe every difference between a fresh generation and the committed package."""
    want, have = _files(expected), _files(actual)
    problems = [f"missing: {name}" for name in sorted(want - have)]
    problems += [f"extra: {name}" for name in sorted(have - want)]
    problems += [
        f"differs: {name}"
        for name in sorted(want & have)
        if not filecmp.cmp(expected / name, actual / name, shallow=False)
    ]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="regenerate into a temporary directory and fail if generated/wats_api differs",
    )
    args = parser.parse_args(argv)
    try:
        ensure_venv()
        with tempfile.TemporaryDirectory(prefix="wats-api-") as tmp:
            fresh = Path(tmp) / "wats_api"
            elapsed = generate(fresh)
            if args.check:
                problems = compare(fresh, TARGET)
                if problems:
                    rel = TARGET.relative_to(ROOT).as_posix()
                    print(f"{rel} is out of date with openapi/wats.yaml:", file=sys.stderr)
                    for line in problems:
                        print(f"  {line}", file=sys.stderr)
                    print("Run `python scripts/regenerate.py`, then commit.", file=sys.stderr)
                    return 1
                print(f"generated/wats_api is up to date (generator {elapsed:.1f} s)")
                return 0
            if TARGET.exists():
                shutil.rmtree(TARGET)
            TARGET.parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(fresh, TARGET, ignore=shutil.ignore_patterns(*IGNORED))
            count = len(_files(TARGET))
            print(f"wrote {count} files to generated/wats_api (generator {elapsed:.1f} s)")
            return 0
    except RegenerateError as exc:
        print(f"regenerate: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
