"""The container files agree with each other and with pywats (no container runtime here).

Their steps were run by hand in a Debian bookworm root (mmdebstrap + chroot; docs/deploy.md).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    out = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            word, _, rest = line.strip().partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def test_runs_wats_watch_plain_as_a_non_root_user_with_volumes_and_a_healthcheck() -> None:
    steps = _instructions()
    final = steps[max(i for i, (w, _) in enumerate(steps) if w == "FROM") :]
    values = dict(final)  # one of each that matters (RUN repeats; the last one wins)
    assert values["USER"] == "pywats"
    assert json.loads(values["ENTRYPOINT"]) == ["wats"]
    assert json.loads(values["CMD"]) == ["watch", "--plain"]
    assert json.loads(values["VOLUME"]) == ["/var/lib/pywats", "/data"]
    assert values["STOPSIGNAL"] == "SIGTERM"
    health = re.search(r"CMD (\[.*\])", values["HEALTHCHECK"])
    assert health is not None
    assert json.loads(health.group(1))[:3] == ["wats", "service", "status"]
    env = values["ENV"]
    for setting in (
        "PYWATS_HOME=/var/lib/pywats",
        "PYWATS_INSTANCE_ID=station",
        "PYWATS_KEYRING=0",
    ):
        assert setting in env


def test_every_copied_file_passes_the_dockerignore() -> None:
    allowed = [
        line[1:].rstrip("/")
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.startswith("!")
    ]
    for word, rest in _instructions():
        if word == "COPY" and not rest.startswith("--from"):
            for source in rest.split()[:-1]:
                assert source in allowed, source
                assert (ROOT / source).exists(), source


def test_the_images_instance_file_is_a_valid_station(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    instances = tmp_path / "config" / "instances"
    instances.mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "container" / "station.toml", instances / "station.toml")
    monkeypatch.setenv("PYWATS_HOME", str(tmp_path))
    from pywats.station.config import load_config

    config = load_config("station", for_service=False)
    assert [str(f.path) for f in config.folders] == ["/data/in"]
    assert config.lock_path.parent == tmp_path / "data" / "instances" / "station"
