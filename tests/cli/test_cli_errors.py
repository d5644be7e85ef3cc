"""The error handler: one line, a next step, the documented exit code, no secrets."""

from __future__ import annotations

import pytest
from wats_cli._errors import classify, handle

import pywats
from pywats.config import ConfigError, CredentialsMissingError


@pytest.mark.parametrize(
    ("exc", "code"),
    [
        (pywats.AuthenticationError(401, "bad token"), 4),
        (pywats.PermissionDeniedError(403, "no"), 4),
        (CredentialsMissingError("no token"), 4),
        (ConfigError("bad"), 3),
        (pywats.NotFoundError(404, "gone"), 5),
        (pywats.ServerError(503, "down"), 6),
        (pywats.RateLimitError(429, "slow down"), 6),
        (pywats.WatsConnectionError("refused"), 6),
        (pywats.WatsTimeoutError("timed out"), 6),
        (pywats.CircuitOpenError("open"), 6),
        (pywats.BadRequestError(400, "root -> step A: bad"), 7),
        (pywats.ReportValidationError(["root: bad"]), 7),
        (pywats.ConflictError(409, "conflict"), 1),
        (ValueError("part number is empty"), 2),
        (KeyboardInterrupt(), 130),
        (RuntimeError("boom"), 1),
    ],
)
def test_each_error_class_has_its_exit_code(exc: BaseException, code: int) -> None:
    assert classify(exc)[0] == code


def test_handle_prints_one_line_and_a_next_step(capsys: pytest.CaptureFixture[str]) -> None:
    code = handle(pywats.WatsConnectionError("cannot connect to https://x.example.com"))
    err = capsys.readouterr().err.splitlines()
    assert code == 6
    assert err[0] == "error: cannot connect to https://x.example.com"
    assert err[1].startswith("next: ")
    assert "wats ping" in err[1]
    assert len(err) == 2


def test_bad_request_lists_the_server_lines(capsys: pytest.CaptureFixture[str]) -> None:
    exc = pywats.BadRequestError(400, "root -> step A: limit missing\nroot -> step B: status")
    assert handle(exc) == 7
    err = capsys.readouterr().err
    assert "root -> step A: limit missing" in err
    assert "root -> step B: status" in err


def test_traceback_only_when_verbose(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        handle(exc)
        assert "Traceback" not in capsys.readouterr().err
        handle(exc, verbose=1)
        assert "Traceback" in capsys.readouterr().err


def test_secrets_are_masked_everywhere(capsys: pytest.CaptureFixture[str], sentinel: str) -> None:
    try:
        raise RuntimeError(f"leaky {sentinel} message")
    except RuntimeError as exc:
        handle(exc, verbose=1, secrets={sentinel})
    err = capsys.readouterr().err
    assert sentinel not in err
    assert "leaky *** message" in err


def test_a_server_message_with_escape_sequences_is_shown_as_text(
    wats, fresh_emulator, monkeypatch
) -> None:
    """Issue 19.8: a hostile server's message never reaches the terminal as control codes."""
    monkeypatch.setenv("PYWATS_SERVER_URL", fresh_emulator.url)
    monkeypatch.setenv("PYWATS_API_TOKEN", fresh_emulator.token)
    result = wats("product", "get", "EVIL\x1b]0;pwned\x07\x1b[2J")
    assert result.exit_code == 5
    assert "\x1b" not in result.stderr
    assert "\x07" not in result.stderr
    assert "\\x1b]0;pwned\\x07" in result.stderr
