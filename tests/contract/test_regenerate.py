"""The drift check of scripts/regenerate.py names every missing, extra and changed file."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from ._documents import REPO


def _regenerate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("regenerate", REPO / "scripts" / "regenerate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_compare_names_missing_extra_and_changed_files(tmp_path: Path) -> None:
    fresh = _tree(
        tmp_path / "fresh",
        {"__init__.py": "", "api/a.py": "a = 1\n", "models/m.py": "m = 1\n", "new.py": ""},
    )
    committed = _tree(
        tmp_path / "committed",
        {"__init__.py": "", "api/a.py": "a = 2\n", "models/m.py": "m = 1\n", "old.py": ""},
    )
    assert _regenerate().compare(fresh, committed) == [
        "missing: new.py",
        "extra: old.py",
        "differs: api/a.py",
    ]


def test_compare_ignores_caches_and_accepts_identical_trees(tmp_path: Path) -> None:
    files = {"__init__.py": "x = 1\n", "api/a.py": "a = 1\n"}
    fresh = _tree(tmp_path / "fresh", files)
    committed = _tree(tmp_path / "committed", {**files, "api/__pycache__/a.cpython-311.pyc": "b"})
    assert _regenerate().compare(fresh, committed) == []


def test_compare_reports_a_missing_package(tmp_path: Path) -> None:
    fresh = _tree(tmp_path / "fresh", {"__init__.py": ""})
    assert _regenerate().compare(fresh, tmp_path / "absent") == ["missing: __init__.py"]


def test_committed_package_has_every_generated_part() -> None:
    package = REPO / "generated" / "wats_api"
    for name in ("__init__.py", "client.py", "types.py", "errors.py", "py.typed"):
        assert (package / name).is_file(), name
    assert (package / "api").is_dir()
    assert (package / "models").is_dir()
    assert "regenerate.py" in (package / "__init__.py").read_text(encoding="utf-8")
