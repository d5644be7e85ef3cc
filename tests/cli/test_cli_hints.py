"""Every command the CLI suggests (in ``error:`` and ``next:`` lines) runs as printed.

Issue 18.1: ``no API token ...: run `wats login -i notoken``` answered ``No such option: -i``.
Each scenario below provokes a failure, takes every backticked ``wats ...`` command from
stderr, and runs it with the same environment: it must parse (no usage error) and do its job.
"""

from __future__ import annotations

import shlex
import socket
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from pywats.testing import Emulator

_BACKTICKED = r"`(wats [^`]*)`"


def _hints(stderr: str) -> list[str]:
    import re

    return re.findall(_BACKTICKED, stderr)


def _run_hint(wats: Any, hint: str, *, token: str, tmp_path: Path) -> Any:
    """Run ``hint`` as printed; ``< file`` feeds stdin from a file holding ``token``."""
    words = shlex.split(hint)
    stdin = None
    if "<" in words:
        at = words.index("<")
        source = tmp_path / words[at + 1]
        source.write_text(token + "\n")
        stdin = source.read_text()
        words = words[:at]
    elif words[1:2] == ["login"]:
        stdin = token + "\n"  # a terminal would prompt; a test types the token
    return wats(*words[1:], input=stdin)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def non_wats_server() -> Any:
    """A plain web server on loopback: every path answers 404 with an HTML page."""
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body>Not Found</body></html>")

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


def _scenarios(emulator: Emulator, non_wats: str) -> list[tuple[str, list[str], dict[str, str]]]:
    url, token = emulator.url, emulator.token
    good = {"PYWATS_SERVER_URL": url, "PYWATS_API_TOKEN": token}
    refused = {"PYWATS_SERVER_URL": url, "PYWATS_API_TOKEN": "bm90LWl0"}
    nowhere = f"http://127.0.0.1:{_free_port()}"
    only_token = {"PYWATS_API_TOKEN": token}
    return [
        ("no token", ["-i", "notoken", "--url", url, "product", "list"], {}),
        ("no url", ["-i", "nourl", "product", "list"], only_token),
        ("refused token", ["ping", "-i", "line3"], refused),
        ("not a WATS server", ["--url", non_wats, "ping"], only_token),
        ("unreachable", ["--retries", "0", "--url", nowhere, "ping"], only_token),
        ("unknown product", ["product", "get", "NOPE"], good),
        ("unknown asset", ["asset", "get", "NOPE"], good),
        ("usage", ["report", "query", "--top", "0"], good),
        ("unknown option", ["product", "get", "X", "--bogus"], good),
        ("no queue", ["queue", "list"], good),
        ("no token on stdin", ["login"], {"PYWATS_SERVER_URL": url}),
        ("bad config key", ["config", "set", "bogus.key", "1"], {}),
    ]


def test_every_hint_runs_as_printed(
    wats,
    fresh_emulator: Emulator,
    non_wats_server: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    seen: dict[str, list[str]] = {}
    for name, args, env in _scenarios(fresh_emulator, non_wats_server):
        with monkeypatch.context() as m:
            for key, value in env.items():
                m.setenv(key, value)
            failed = wats(*args, input="" if args == ["login"] else None)
            assert failed.exit_code != 0, name
            hints = _hints(failed.stderr)
            assert hints, (name, failed.stderr)
            seen[name] = hints
            for hint in hints:
                if hint.startswith("wats config init"):
                    continue  # it asks for the URL on a terminal: run on a pty below
                ran = _run_hint(wats, hint, token=fresh_emulator.token, tmp_path=tmp_path)
                assert ran.exit_code != 2, (name, hint, ran.stderr)
                assert "No such" not in ran.stderr, (name, hint, ran.stderr)
                assert "Traceback" not in ran.stderr, (name, hint, ran.stderr)
    # The hints name the instance the user is working with.
    assert "wats login -i notoken" in seen["no token"]
    assert "wats config init -i nourl" in seen["no url"]
    assert "wats login -i line3" in seen["refused token"]
    assert any(h.startswith("wats config show") for h in seen["not a WATS server"])
    assert seen["unknown product"] == ["wats product list"]
    assert seen["unknown asset"] == ["wats asset list"]


def test_the_login_hint_for_a_missing_token_stores_it(
    wats, fresh_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    failed = wats("-i", "notoken", "--url", fresh_emulator.url, "product", "list")
    (hint,) = [h for h in _hints(failed.stderr) if h.startswith("wats login")]
    monkeypatch.setenv("PYWATS_SERVER_URL", fresh_emulator.url)
    ran = wats(*shlex.split(hint)[1:], input=fresh_emulator.token + "\n")
    assert ran.exit_code == 0, ran.stderr
    monkeypatch.delenv("PYWATS_SERVER_URL")
    assert wats("-i", "notoken", "product", "list").exit_code == 0


@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")
def test_the_config_init_hint_runs_on_a_terminal(
    wats, fresh_emulator: Emulator, wats_home: Path
) -> None:
    """``run `wats config init -i nourl``` asks for what it needs on a terminal, as printed."""
    import os
    import select
    import subprocess
    import sys
    import termios
    import time

    failed = wats("-i", "nourl", "product", "list")
    (hint,) = [h for h in _hints(failed.stderr) if h.startswith("wats config init")]
    leader, follower = os.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYWATS_")}
    env.update(PYWATS_HOME=str(wats_home), PYWATS_KEYRING="0", NO_COLOR="1")
    run = "import sys; from wats_cli.main import run; sys.argv[0] = 'wats'; run()"

    def own_terminal() -> None:
        # The pty becomes the child's controlling terminal: the hidden token prompt reads
        # /dev/tty, as it would in a user's shell.
        import fcntl

        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen(
        [sys.executable, "-c", run, *shlex.split(hint)[1:]],
        stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True,
        preexec_fn=own_terminal,
    )  # fmt: skip
    os.close(follower)
    answers = [fresh_emulator.url, "ST-1", "Line 1", "Production", fresh_emulator.token]
    seen = b""
    deadline = time.monotonic() + 90  # bounded, with room for a loaded machine
    try:
        while answers and time.monotonic() < deadline and proc.poll() is None:
            ready, _, _ = select.select([leader], [], [], 0.5)
            if not ready:
                continue
            seen += os.read(leader, 4096)
            # A prompt ends "[default]:" or "later):"; an echoed URL never does.
            if seen.rstrip().endswith((b"]:", b"):")):
                if seen.rstrip().endswith(b"later):"):
                    # The hidden prompt flushes typed-ahead input when it turns echo off:
                    # type only once it has (a person would not be faster).
                    while termios.tcgetattr(leader)[3] & termios.ECHO:
                        assert time.monotonic() < deadline
                        time.sleep(0.05)
                os.write(leader, answers.pop(0).encode() + b"\n")
                seen = b""
        assert not answers, seen
        rest = b""
        while proc.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.5)
            if ready:
                try:
                    rest += os.read(leader, 4096)
                except OSError:  # the child closed the terminal
                    break
        assert proc.wait(timeout=10) == 0, rest
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(leader)
    assert wats("-i", "nourl", "config", "get", "server.url").stdout.strip() == fresh_emulator.url
    assert wats("-i", "nourl", "product", "list").exit_code == 0
