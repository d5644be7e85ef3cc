from __future__ import annotations

from pathlib import Path

import pytest

from pywats.station.config import (
    ConfigError,
    FolderConfig,
    StationConfig,
    config_to_mapping,
    load_config,
    write_config,
)

GOOD = """
[server]
url = "https://acme.wats.com/"
timeout = 12
verify = true

[station]
name = "ICT-01"
location = "Line 2"
purpose = "Production"

[queue]
retry_ladder = [1, 2.5]
retention_days = 7

[upload]
concurrency = 2

[intake]
stable_seconds = 0.5

[service]
health_port = 0

[output]
format = "json"

[[folders]]
path = "results"
patterns = ["*.json"]
post_action = "zip"
[folders.parameters]
operator = "op1"
"""


TOKEN = {"PYWATS_API_TOKEN": "t0ken"}


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYWATS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PYWATS_KEYRING", "0")
    monkeypatch.delenv("PYWATS_SERVER_URL", raising=False)
    monkeypatch.delenv("PYWATS_API_TOKEN", raising=False)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ict.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_every_section(tmp_path: Path) -> None:
    config = load_config("ict", path=write(tmp_path, GOOD), env={"PYWATS_API_TOKEN": "s3cret"})
    assert config.server_url == "https://acme.wats.com"
    assert config.station_name == "ICT-01"
    assert config.retry_ladder == (1.0, 2.5)
    assert config.concurrency == 2
    assert config.upload_timeout == 12.0  # server.timeout carries over
    assert config.health_port == 0
    (folder,) = config.folders
    assert folder.path == tmp_path / "results"  # relative to the file
    assert folder.done_dir == tmp_path / "results" / "Done"
    assert folder.post_action == "zip"
    assert folder.parameters == {"operator": "op1"}
    assert config.queue_path == tmp_path / "home" / "data" / "instances" / "ict" / "queue.sqlite3"
    assert config.token == "s3cret"
    assert "s3cret" not in repr(config)


def test_precedence_flag_over_env_over_file(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    env = {"PYWATS_SERVER_URL": "http://env.example", **TOKEN}
    assert load_config("ict", path=path, env=env).server_url == "http://env.example"
    flagged = load_config("ict", path=path, env=env, server_url="http://flag.example")
    assert flagged.server_url == "http://flag.example"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[folders]]\npath = "x"\npost_action = "copy"\n',
            "post_action = 'copy'.*move, delete, zip, keep",
        ),
        (
            '[[folders]]\npath = "x"\nobserver = "magic"\n',
            "observer = 'magic'.*auto, native, polling",
        ),
        ('[[folders]]\npath = "x"\nrecurse = true\n', "folders\\[0\\].recurse is not a known key"),
        ('[[folders]]\nconverter = "wsjf"\n', "folders\\[0\\].path is missing"),
        (
            '[upload]\nconcurrency = "many"\n[[folders]]\npath = "x"\n',
            "upload.concurrency = 'many'",
        ),
        (
            '[upload]\nconcurrency = 0\n[[folders]]\npath = "x"\n',
            "upload.concurrency = 0 is out of range",
        ),
        ('[queue]\nretry_ladder = []\n[[folders]]\npath = "x"\n', "retry_ladder = \\[\\]"),
        ('[queue]\nretry = 1\n[[folders]]\npath = "x"\n', "queue.retry is not a known key"),
        ('[service]\nhealth_port = 70000\n[[folders]]\npath = "x"\n', "health_port = 70000"),
        ("[server]\nurl = 'http://x'\n", "watches no folders"),
        ("not toml ==", "not valid TOML"),
    ],
)
def test_errors_name_key_value_and_allowed(tmp_path: Path, text: str, message: str) -> None:
    if "[server]" not in text and "not toml" not in text:
        text = '[server]\nurl = "http://x"\n' + text
    with pytest.raises(ConfigError, match=message):
        load_config("ict", path=write(tmp_path, text), env={})


def test_missing_file_and_url_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no configuration"):
        load_config("ict", env={})
    with pytest.raises(ConfigError, match=r"server\.url is not set"):
        load_config("ict", path=write(tmp_path, '[[folders]]\npath = "x"\n'), env={})


def test_bad_instance_name() -> None:
    with pytest.raises(ConfigError, match="not allowed"):
        load_config("../etc", env={})


def test_write_round_trips_and_keeps_other_sections(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    config = load_config("ict", path=path, env=TOKEN)
    changed = StationConfig(
        name="ict",
        server_url=config.server_url,
        station_name="ICT-02",
        folders=(FolderConfig(path=tmp_path / "in", post_action="keep"),),
        token="never-written",
    )
    write_config(changed, path)
    text = path.read_text(encoding="utf-8")
    assert "never-written" not in text
    assert 'format = "json"' in text  # the CLI's own section survives
    assert "verify = true" in text  # and the CLI's keys in the shared [server] table
    again = load_config("ict", path=path, env=TOKEN)
    assert again.station_name == "ICT-02"
    assert again.folders[0].post_action == "keep"
    assert "token" not in str(config_to_mapping(changed))


def test_default_file_location(tmp_path: Path) -> None:
    config = StationConfig(
        name="line1", server_url="http://x", folders=(FolderConfig(path=tmp_path / "in"),)
    )
    written = write_config(config)
    assert written == tmp_path / "home" / "config" / "instances" / "line1.toml"
    assert load_config("line1", env=TOKEN).folders[0].path == tmp_path / "in"


def test_missing_token_says_how_to_add_one(tmp_path: Path) -> None:
    from pywats.config import CredentialsMissingError

    with pytest.raises(CredentialsMissingError, match="wats login -i ict"):
        load_config("ict", path=write(tmp_path, GOOD), env={})
    lenient = load_config("ict", path=write(tmp_path, GOOD), env={}, for_service=False)
    assert lenient.token == ""


def _with_verify(value: str) -> str:
    return GOOD.replace("verify = true", f"verify = {value}")


def test_server_verify_defaults_to_true_and_reads_false_and_a_ca_bundle(tmp_path: Path) -> None:
    no_key = GOOD.replace("verify = true\n", "")
    assert load_config("ict", path=write(tmp_path, no_key), env=TOKEN).verify is True
    assert (
        load_config("ict", path=write(tmp_path, _with_verify("false")), env=TOKEN).verify is False
    )
    (tmp_path / "certs").mkdir()
    (tmp_path / "certs" / "ca.pem").write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    relative = load_config("ict", path=write(tmp_path, _with_verify('"certs/ca.pem"')), env=TOKEN)
    assert relative.verify == str(tmp_path / "certs" / "ca.pem")  # relative to the file
    absolute = write(tmp_path, _with_verify(f'"{tmp_path / "certs" / "ca.pem"}"'))
    assert load_config("ict", path=absolute, env=TOKEN).verify == relative.verify
    # Written back unchanged.
    write_config(relative, tmp_path / "out.toml")
    assert load_config("ict", path=tmp_path / "out.toml", env=TOKEN).verify == relative.verify


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            '"missing.pem"',
            r"invalid value 'missing\.pem' for server\.verify: .*missing\.pem is not",
        ),
        ("3", "invalid value 3 for server.verify"),
        ('""', "invalid value '' for server.verify"),
    ],
)
def test_server_verify_errors_name_key_value_and_allowed(
    tmp_path: Path, value: str, message: str
) -> None:
    with pytest.raises(ConfigError, match=message) as caught:
        load_config("ict", path=write(tmp_path, _with_verify(value)), env=TOKEN)
    assert "true, false, or the path of an existing CA bundle file" in str(caught.value)


def test_the_service_warns_once_when_verification_is_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import asyncio
    import logging

    import pywats.config
    from pywats.station.service import StationService

    monkeypatch.setattr(pywats.config, "_warned_unverified", False)
    config = load_config("ict", path=write(tmp_path, _with_verify("false")), env=TOKEN)
    service = StationService.from_config(config)

    async def start_and_stop() -> None:
        await service.start()
        await service.shutdown()

    with caplog.at_level(logging.WARNING, logger="pywats"):
        asyncio.run(start_and_stop())
        pywats.config.warn_unverified()  # a second time: no second warning
    loud = [r for r in caplog.records if "VERIFICATION IS OFF" in r.getMessage()]
    assert len(loud) == 1
    assert loud[0].levelno == logging.WARNING
