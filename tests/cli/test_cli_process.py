"""``wats`` as a real process: piping, exit codes, Ctrl-C, and no token in any output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from _cli_helpers import make_report

if TYPE_CHECKING:
    from pywats.testing import Emulator, Faults

TIMEOUT = 60


def wats_env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PYWATS_") and k not in {"NO_COLOR", "FORCE_COLOR"}
    }
    env.update(PYWATS_HOME=str(home), PYWATS_KEYRING="0", **extra)
    return env


def run(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wats_cli", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


@pytest.fixture
def env(fresh_emulator: Emulator, wats_home: Path) -> dict[str, str]:
    return wats_env(
        wats_home,
        PYWATS_SERVER_URL=fresh_emulator.url,
        PYWATS_API_TOKEN=fresh_emulator.token,
    )


def test_version_and_help(wats_home: Path) -> None:
    from pywats import __version__

    env = wats_env(wats_home)
    version = run(env, "--version")
    assert (version.returncode, version.stdout) == (0, f"wats {__version__}\n")
    helped = run(env, "--help")
    assert helped.returncode == 0
    for text in ("Exit codes:", "130 interrupted", "wats report submit", "--output"):
        assert text in helped.stdout
    assert run(env).returncode == 2  # no command: the help, as a usage error
    assert run(env, "no-such-command").returncode == 2


def test_piped_output_is_json_and_messages_go_to_stderr(
    env: dict[str, str], tmp_path: Path
) -> None:
    submitted = run(env, "report", "submit", str(make_report(tmp_path / "r.json")))
    assert submitted.returncode == 0, submitted.stderr
    rows = json.loads(submitted.stdout)
    assert rows[0]["status"] == "submitted"
    assert "Submitted 1 of 1" in submitted.stderr
    quiet = run(env, "-q", "report", "query")
    assert quiet.stderr == ""
    assert [h["uuid"] for h in json.loads(quiet.stdout)] == [rows[0]["id"]]


def test_exit_codes_as_a_shell_sees_them(env: dict[str, str], faults: Faults) -> None:
    assert run(env, "product", "get", "NOPE").returncode == 5
    assert run(env, "report", "query", "--top", "0").returncode == 2
    bad = dict(env, PYWATS_API_TOKEN="bm9ib2R5Om5vdGhpbmc=")
    assert run(bad, "product", "list").returncode == 4
    faults.add(status=503, times=None)
    assert run(env, "--retries", "0", "product", "list").returncode == 6


def test_ctrl_c_is_exit_130(env: dict[str, str], faults: Faults) -> None:
    faults.latency(20)  # the request hangs; the user presses Ctrl-C
    proc = subprocess.Popen(
        [sys.executable, "-m", "wats_cli", "ping"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + TIMEOUT
        while faults.hits("GET", "/api/App/Version") == 0:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=TIMEOUT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
        faults.latency(0)
    assert proc.returncode == 130
    assert out == ""
    assert "interrupted" in err
    assert "Traceback" not in err


def test_sentinel_token_never_appears(
    fresh_emulator: Emulator, wats_home: Path, tmp_path: Path, sentinel: str
) -> None:
    """A refused token, debug logging, every failure path: the token is printed nowhere."""
    env = wats_env(wats_home, PYWATS_SERVER_URL=fresh_emulator.url)
    login = run(env, "-vv", "login", stdin=sentinel + "\n")
    assert login.returncode == 4
    stored = run(env, "login", "--no-verify", stdin=sentinel + "\n")
    assert stored.returncode == 0
    outputs = [login, stored]
    report = str(make_report(tmp_path / "r.json"))
    for args in (
        ("-vv", "ping"),
        ("-vv", "product", "get", "X"),
        ("-vv", "report", "submit", report),
        ("-v", "config", "show"),
        ("config", "list", "-o", "csv"),
        ("-vv", "--url", "http://127.0.0.1:9", "--retries", "0", "ping"),
    ):
        outputs.append(run(env, *args))
    env_token = dict(env, PYWATS_API_TOKEN=sentinel)
    outputs.append(run(env_token, "-vv", "asset", "list"))
    for result in outputs:
        assert sentinel not in result.stdout
        assert sentinel not in result.stderr
    assert outputs[2].returncode == 4
    instance_files = list((wats_home / "config" / "instances").glob("*.toml"))
    assert instance_files
    for path in instance_files:
        assert sentinel not in path.read_text()


def test_shell_completion(wats_home: Path) -> None:
    # Typer otherwise ignores "bash" and detects the shell pytest runs under (CI's is bash;
    # under sh this printed "Shell sh not supported." and exited 1). Its own tests' switch
    # makes --show-completion take the shell named.
    env = wats_env(wats_home, _TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1")
    script = run(env, "--show-completion", "bash")
    assert script.returncode == 0, script.stderr
    assert "_wats_completion" in script.stdout
    env.update(_WATS_COMPLETE="complete_bash", COMP_WORDS="wats prod", COMP_CWORD="1")
    completed = subprocess.run(
        [sys.executable, "-m", "wats_cli"],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert completed.stdout.split() == ["product", "production"]


def test_a_group_call_builds_only_its_group_and_keeps_global_options(
    env: dict[str, str],
) -> None:
    # run() hands Click only the named group (Typer builds every command on each start);
    # global options before or after the group, help and unknown commands behave as before.
    created = run(env, "product", "create", "PCB-9", "--name", "Board nine")
    assert created.returncode == 0, created.stderr
    for args in (
        ("-o", "json", "product", "get", "PCB-9"),
        ("product", "get", "PCB-9", "-o", "json"),
        ("--retries", "0", "product", "get", "PCB-9", "--output=json"),
    ):
        got = run(env, *args)
        assert got.returncode == 0, (args, got.stderr)
        assert json.loads(got.stdout)["partNumber"] == "PCB-9"
    helped = run(env, "product", "--help")
    assert helped.returncode == 0
    assert "get" in helped.stdout
    assert "create" in helped.stdout
    unknown = run(env, "product", "frobnicate")
    assert unknown.returncode == 2
    assert "frobnicate" in unknown.stderr
    top = run(env, "--help")
    assert "rootcause" in top.stdout
    assert "status" in top.stdout


def test_the_slim_tree_is_chosen_only_for_a_named_group_or_command() -> None:
    from wats_cli.commands import service, watch
    from wats_cli.main import _GROUPS, _app_for, app

    assert _app_for(["--help"]) is app
    assert _app_for(["no-such-command"]) is app  # Click lists every command in its error
    status = _app_for(["status", "-i", "x"])
    assert [group.typer_instance for group in status.registered_groups] == [watch.app]
    # 'product' is the -i value here: the command is the top-level 'status'
    assert _app_for(["-i", "product", "status"]).registered_groups[0].typer_instance is watch.app
    named = _app_for(["service", "status"])
    assert [group.typer_instance for group in named.registered_groups] == [service.app]
    slim = _app_for(["-i", "x", "product", "get", "A"])
    assert slim is not app
    assert [group.typer_instance for group in slim.registered_groups] == [_GROUPS["product"]]
