"""Every value of an instance file is checked when it is loaded (issue 19, item 10): finite,
in range, of the right type; the message names the key, the value and what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from pywats.station.config import ConfigError, StationConfig, load_config
from pywats.station.converters import load_converter

BASE = """
[server]
url = "https://acme.wats.com"
[[folders]]
path = "results"
"""


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYWATS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PYWATS_KEYRING", "0")
    monkeypatch.setenv("PYWATS_API_TOKEN", "t0ken")
    monkeypatch.delenv("PYWATS_SERVER_URL", raising=False)


def _load(tmp_path: Path, text: str) -> StationConfig:
    file = tmp_path / "ict.toml"
    file.write_text(text, encoding="utf-8")
    return load_config("ict", path=file)


@pytest.mark.parametrize(
    ("section", "line", "message"),
    [
        ("intake", "stable_seconds = inf", "intake.stable_seconds = inf is not a finite number"),
        ("intake", "rescan_seconds = nan", "intake.rescan_seconds = nan is not a finite number"),
        ("intake", "poll_seconds = 0", "intake.poll_seconds = 0 is out of range"),
        ("queue", "min_free_mb = nan", "queue.min_free_mb = nan is not a finite number"),
        ("queue", "retry_ladder = [5, inf]", "queue.retry_ladder = inf is not a finite number"),
        ("queue", "retry_ladder = []", "queue.retry_ladder = [] is not allowed"),
        ("upload", "timeout = nan", "upload.timeout = nan is not a finite number"),
        ("upload", "concurrency = 9223372036854775807", "out of range; expected a whole number"),
        ("upload", "concurrency = 0", "upload.concurrency = 0 is out of range"),
        ("upload", "concurrency = 2.5", "upload.concurrency = 2.5 is not allowed"),
        ("upload", "max_retry_after = -1", "upload.max_retry_after = -1 is out of range"),
        ("upload", "requests_per_minute = true", "requests_per_minute = True is not allowed"),
        ("server", "timeout = nan", "server.timeout = nan is not a finite number"),
        ("service", "shutdown_timeout = 1e300", "service.shutdown_timeout = 1e+300 is out of"),
    ],
)
def test_a_bad_number_is_refused_naming_key_value_and_range(
    tmp_path: Path, section: str, line: str, message: str
) -> None:
    text = BASE.replace("[[folders]]", f"[{section}]\n{line}\n[[folders]]")
    if section == "server":
        text = BASE.replace('url = "https://acme.wats.com"', f'url = "https://a.b"\n{line}')
    with pytest.raises(ConfigError, match=r"expected|allowed") as caught:
        _load(tmp_path, text)
    assert message in str(caught.value)


def test_good_values_still_load(tmp_path: Path) -> None:
    text = BASE.replace(
        "[[folders]]",
        "[upload]\nconcurrency = 64\nmax_retry_after = 600\n[intake]\nstable_seconds = 0\n"
        "[queue]\nretry_ladder = [1, 2.5]\n[[folders]]",
    )
    config = _load(tmp_path, text + '[folders.parameters]\noperation_code = "10"\n')
    assert (config.concurrency, config.max_retry_after, config.retry_ladder) == (
        64,
        600.0,
        (1, 2.5),
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('operation_code = "abc"', "folders[0].parameters.operation_code = 'abc' is not allowed"),
        ("operation_code = 1.5", "operation_code = 1.5 is not allowed"),
        ("operation_code = -1", "operation_code = -1 is not allowed"),
        ("operator = 5", "folders[0].parameters.operator = 5 is not allowed"),
    ],
)
def test_a_wrong_type_converter_parameter_is_refused_at_load(
    tmp_path: Path, line: str, message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, f"{BASE}[folders.parameters]\n{line}\n")
    assert message in str(caught.value)


def test_settings_built_in_code_refuse_nan_too() -> None:
    with pytest.raises(ConfigError, match="not a finite number"):
        StationConfig(name="x", stable_seconds=float("inf"))


def test_a_converter_must_be_a_converter_subclass(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    with pytest.raises(ConfigError, match="name a subclass of"):
        load_converter("subprocess:Popen")
    with pytest.raises(ConfigError, match="name a subclass of"):
        load_converter("pathlib:Path")
    assert not marker.exists()
    assert load_converter("pywats.station.converters.wsjf:WSJFConverter").name == "wsjf"
