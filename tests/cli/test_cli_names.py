"""Instance names and config keys are checked whole: a trailing newline is not allowed."""

from __future__ import annotations

from pywats.config import instances_dir


def test_an_instance_name_with_a_trailing_newline_is_refused(wats) -> None:
    # Before the fix the regex's `$` matched before the newline: "prod\n.toml" was written.
    result = wats("-i", "prod\n", "config", "set", "server.url", "https://x.example.com")
    assert result.exit_code == 3
    assert "instance name" in result.stderr
    assert not instances_dir().exists() or list(instances_dir().iterdir()) == []


def test_a_config_key_with_a_trailing_newline_is_refused(wats) -> None:
    result = wats("config", "set", "upload.concurrency\n", "8")
    assert result.exit_code == 3
    assert not instances_dir().exists() or list(instances_dir().iterdir()) == []
