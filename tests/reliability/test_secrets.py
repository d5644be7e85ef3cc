"""Secrets and exposure: the token stays secret, files stay private, TLS is verified, loopback.

The station runs as a real process with its token stored by ``wats login`` (a 0600 file), so
the token reaches it through no command line and no environment variable; then every place
an operator or another user could look is searched for it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ._harness import RUN_WATS, WSJF_POST, Station, make_report, wait_for
from ._tls import Certificates, TlsEmulator
from .conftest import scale

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.timeout(scale(120, 900)),
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions, ps and signals"),
]

REPO = Path(__file__).resolve().parents[2]


def _ps_output() -> str:
    """What any local user sees in ``ps``: every process's full command line."""
    if shutil.which("ps"):
        return subprocess.run(
            ["ps", "-eww", "-o", "pid=,args="],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout
    # Slim containers ship without procps: read what ps would (/proc/<pid>/cmdline).
    psutil = pytest.importorskip("psutil")
    lines = []
    for proc in psutil.process_iter(["pid", "cmdline"]):
        lines.append(f"{proc.info['pid']} {' '.join(proc.info['cmdline'] or [])}")
    return "\n".join(lines)


def _listening(pid: int) -> set[tuple[str, int]]:
    psutil = pytest.importorskip("psutil")
    conns = psutil.Process(pid).net_connections(kind="inet")
    return {(c.laddr.ip, c.laddr.port) for c in conns if c.status == psutil.CONN_LISTEN}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _files_under(folder: Path) -> Iterator[Path]:
    return (p for p in folder.rglob("*") if p.is_file())


# -- the token in everything a station run leaves behind --------------------------------------


def test_station_token_never_exposed(station: Callable[..., Station]) -> None:
    st = station()
    token = st.emulator.token
    # Log in the way an operator would: the token piped on stdin, stored in a private file.
    st.env.pop("PYWATS_API_TOKEN")
    login = subprocess.run(
        [sys.executable, "-c", RUN_WATS, "-i", st.name, "login", "--no-verify"],
        input=token + "\n",
        env=st.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert login.returncode == 0, login.stderr
    token_file = st.home / "config" / "instances" / f"{st.name}.token"
    assert token_file.read_text(encoding="utf-8").strip() == token
    assert _mode(token_file) == 0o600
    assert _mode(token_file.parent) == 0o700

    buggy = st.root / "buggy"  # a converter that raises: its traceback goes to the log
    buggy.mkdir()
    st.document["folders"].append({"path": str(buggy), "converter": "_converters:Exploding"})
    st.write_config()
    faults = st.emulator.faults
    faults.add(*WSJF_POST, status=401, times=2)  # the token refused: the error is logged
    faults.add(*WSJF_POST, status=500, times=2)
    faults.add(*WSJF_POST, drop=True, times=1)
    st.start()
    assert st.proc is not None
    good = [make_report(f"SEC-{i}") for i in range(4)]
    for i, report in enumerate(good):
        st.drop(f"good{i}.json", report)
    st.drop("broken.json", b'{"type": "T", "pn": ')  # a conversion error, with its reason
    st.drop("raises.json", {"type": "T", "pn": "P", "sn": "S", "uut": []})  # not a report
    st.wait_stored({r["id"] for r in good}, timeout=30)
    wait_for(lambda: len(list(st.error.glob("*.error.txt"))) == 2, 30, "two error files")
    st.drop("bug.json", make_report("SEC-BUG"), folder=buggy)
    wait_for(lambda: list((buggy / "Error").glob("*.error.txt")), 30, "the converter bug noted")

    ps = _ps_output()
    assert str(st.proc.pid) in ps
    assert token not in ps
    psutil = pytest.importorskip("psutil")
    watch = psutil.Process(st.proc.pid)
    assert token not in " ".join(watch.cmdline())
    assert token not in json.dumps(watch.environ())
    assert {ip for ip, _ in _listening(st.proc.pid)} == {"127.0.0.1"}  # health endpoint
    health = json.dumps(st.health())
    status = st.wats("status", "-i", st.name, "-o", "json")
    queue = st.wats("queue", "list", "-i", st.name, "-o", "json")
    assert st.stop() == 0

    places: dict[str, str] = {
        "ps": ps,
        "health endpoint": health,
        "wats status": status.stdout + status.stderr,
        "wats queue list": queue.stdout + queue.stderr,
        "watch output": st.output(),
        "service log": st.logs(),
    }
    for path in _files_under(st.root):
        if path != token_file:
            places[str(path.relative_to(st.root))] = path.read_bytes().decode("latin-1")
    # The queue database, its WAL and the error notes are among the files read above.
    assert any(name.endswith(".error.txt") for name in places)
    assert any("queue.sqlite3" in name for name in places)
    assert "401" in places["service log"]  # the refusal was logged, the token was not
    assert "Traceback" in places["service log"]  # the converter bug, with its traceback
    leaked = [where for where, text in places.items() if token in text]
    assert leaked == []


def test_cassettes_hold_no_credentials() -> None:
    cassettes = sorted((REPO / "tests" / "cassettes").rglob("*.yaml"))
    if not cassettes:
        pytest.skip("no cassettes recorded in tests/cassettes")
    basic = re.compile(r"Basic\s+[A-Za-z0-9+/=]{8,}")
    for cassette in cassettes:
        text = cassette.read_text(encoding="utf-8")
        assert not basic.search(text), f"{cassette.name} holds a Basic credential"
        values = re.findall(r"(?im)^\s*authorization:\s*\n\s*-\s*(.+)$", text)
        assert all(v.strip() in ("REDACTED", "'REDACTED'") for v in values), cassette.name


# -- files on disk --------------------------------------------------------------------------


def test_credentials_file_is_private(tmp_path: Path) -> None:
    env = {**os.environ, "PYWATS_HOME": str(tmp_path / "home"), "PYWATS_KEYRING": "0"}
    env.pop("PYWATS_API_TOKEN", None)
    run = subprocess.run(
        [sys.executable, "-c", RUN_WATS, "-i", "cred", "--url", "http://127.0.0.1:9", "login",
         "--no-verify"],
        input="c2VjcmV0OnRva2Vu\n", env=env, capture_output=True, text=True, timeout=60,
        check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    folder = tmp_path / "home" / "config" / "instances"
    assert _mode(folder / "cred.token") == 0o600
    assert _mode(folder / "cred.toml") == 0o600
    assert _mode(folder) == 0o700
    assert "c2VjcmV0OnRva2Vu" not in run.stdout + run.stderr
    assert "c2VjcmV0OnRva2Vu" not in (folder / "cred.toml").read_text(encoding="utf-8")


def test_config_file_written_alone_is_private_in_a_private_folder(tmp_path: Path) -> None:
    env = {**os.environ, "PYWATS_HOME": str(tmp_path / "home")}
    run = subprocess.run(
        [sys.executable, "-c", RUN_WATS, "-i", "cfg", "config", "set", "server.url",
         "http://127.0.0.1:9"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    folder = tmp_path / "home" / "config" / "instances"
    assert _mode(folder / "cfg.toml") == 0o600
    assert _mode(folder) == 0o700


# -- TLS ------------------------------------------------------------------------------------


def test_tls_is_verified_by_default_and_a_custom_ca_bundle_works(
    tls_server: TlsEmulator, certificates: Certificates
) -> None:
    from pywats import WatsConnectionError
    from pywats._sync._client import pyWATS

    assert tls_server.host == "127.0.0.1"
    with (
        pyWATS(tls_server.url, tls_server.token, retry=None) as api,
        pytest.raises(WatsConnectionError) as refused,
    ):
        api.analytics.get_version()
    assert "CERTIFICATE_VERIFY_FAILED" in str(refused.value)
    assert tls_server.token not in str(refused.value)
    with pyWATS(tls_server.url, tls_server.token, verify=str(certificates.ca)) as api:
        assert "emulator" in api.analytics.get_version()


def test_station_verifies_tls_and_trusts_a_ca_bundle_from_ssl_cert_file(
    tls_server: TlsEmulator, certificates: Certificates, tmp_path: Path
) -> None:
    class _Server:  # what Station needs of an emulator: a URL and a token
        url = tls_server.url
        token = tls_server.token

    st = Station(tmp_path / "st", _Server())  # type: ignore[arg-type]  # duck-typed
    try:
        st.start()
        st.drop("r.json", make_report("TLS-1"))
        # The server heartbeat meets the refusal too, maybe first: wait for an upload's.
        wait_for(
            lambda: (
                "CERTIFICATE_VERIFY_FAILED" in st.logs()
                and any(r["attempts"] for r in st.queue_rows())
            ),
            20,
            "a TLS refusal of an upload",
        )
        assert st.stop() == 0
        assert {r["state"] for r in st.queue_rows()} == {"pending"}  # kept, not parked
        st.env["SSL_CERT_FILE"] = str(certificates.ca)
        st.start()
        wait_for(lambda: {r["state"] for r in st.queue_rows()} == {"delivered"}, 30, "delivery")
        assert st.stop() == 0
    finally:
        st.kill()


# -- loopback by default ----------------------------------------------------------------------


def test_servers_bind_loopback_by_default(
    station: Callable[..., Station], fresh_emulator: Any, tmp_path: Path
) -> None:
    assert fresh_emulator.host == "127.0.0.1"
    assert fresh_emulator.url.startswith("http://127.0.0.1:")
    # The station's health endpoint.
    st = station()
    st.start()
    assert st.proc is not None
    assert {ip for ip, _ in _listening(st.proc.pid)} == {"127.0.0.1"}
    health_url = json.loads(st.service_json.read_text(encoding="utf-8"))["health_url"]
    assert health_url.startswith("http://127.0.0.1:")
    assert st.stop() == 0
    # `wats emulator` with no --host.
    env = {**os.environ, "PYWATS_HOME": str(tmp_path / "home")}
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN_WATS, "emulator", "--port", "0"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("PYWATS_SERVER_URL=http://127.0.0.1:"), first
        wait_for(lambda: _listening(proc.pid), 30, "wats emulator to listen")
        assert {ip for ip, _ in _listening(proc.pid)} == {"127.0.0.1"}
    finally:
        proc.kill()
        proc.wait(timeout=10)
