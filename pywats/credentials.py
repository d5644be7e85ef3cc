"""Where API tokens live between runs: the OS keyring when one is usable, else a private file.

::

    TokenStore.save(instance, token)
      ├── keyring importable, a real backend, and it accepts the secret  -> OS keyring
      └── otherwise  -> <config dir>/instances/<instance>.token   (dir 0700, file 0600)
                        and a warning for the caller to show

``keyring`` is not a dependency: it is used only when it is installed and has a backend that
can store secrets (not the ``fail``/``null`` backends headless Linux machines get). The token
file sits beside the instance's TOML file, where the station service also looks. Tokens are
never written to the instance TOML file and never taken from a command line. Nothing here
logs, prints or puts a token into an exception message.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import Any

from pywats._atomic import atomic_file
from pywats._private import private_dir, warn_if_shared
from pywats.config import ConfigError, instances_dir

__all__ = ["KEYRING_SERVICE", "StoredToken", "TokenStore", "credentials_dir"]

#: The service name under which tokens are kept in the OS keyring (username = instance name).
KEYRING_SERVICE = "pywats"

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\Z")  # \Z: "$" would allow a final newline


def credentials_dir() -> Path:
    """Return the private directory that holds token files when no keyring is usable."""
    return instances_dir()


class StoredToken:
    """Where :meth:`TokenStore.save` put a token, and a warning to show when it is a file."""

    __slots__ = ("location", "warning")

    def __init__(self, location: str, warning: str | None = None) -> None:
        self.location = location
        self.warning = warning

    def __repr__(self) -> str:
        return f"StoredToken(location={self.location!r})"


def _check_instance(instance: str) -> None:
    if not _NAME.match(instance):
        raise ConfigError(
            f"instance name {instance!r} is not allowed: use 1-64 letters, digits, '.', '_' or"
            " '-', starting with a letter or digit"
        )


def _usable_keyring() -> Any | None:
    """Return the keyring module when it is installed with a backend that stores secrets."""
    if os.environ.get("PYWATS_KEYRING", "").strip().lower() in {"0", "no", "false", "off"}:
        return None
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # not installed, or broken at import (e.g. a missing D-Bus)
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring):
        return None
    # keyring.backends.null.Keyring (priority -1) silently discards secrets.
    priority = getattr(backend, "priority", 0)
    try:
        if float(priority) <= 0:
            return None
    except (TypeError, ValueError):
        return None
    return keyring


class TokenStore:
    """Save, load and delete the API token of each named instance.

    Args:
        use_keyring: ``None`` (default) uses the OS keyring when usable; ``False`` always uses
            the file store (tests, or ``PYWATS_KEYRING=0``).
        directory: the directory for token files (default: :func:`credentials_dir`).
    """

    def __init__(self, *, use_keyring: bool | None = None, directory: Path | None = None) -> None:
        self._keyring = None if use_keyring is False else _usable_keyring()
        self._dir = directory

    @property
    def directory(self) -> Path:
        """The directory that holds token files."""
        return self._dir if self._dir is not None else credentials_dir()

    def path(self, instance: str) -> Path:
        """Return the token file of ``instance`` (whether or not it exists)."""
        _check_instance(instance)
        return self.directory / f"{instance}.token"

    def save(self, instance: str, token: str) -> StoredToken:
        """Store ``token`` for ``instance``, replacing any earlier one.

        Raises:
            ValueError: the token is empty or spans several lines.
            ConfigError: the instance name is not allowed, or the file cannot be written.
        """
        token = token.strip()
        if not token:
            raise ValueError("the token is empty")
        if any(ch in token for ch in "\r\n\0"):
            raise ValueError("the token must be a single line")
        _check_instance(instance)
        if self._keyring is not None:
            try:
                self._keyring.set_password(KEYRING_SERVICE, instance, token)
            except Exception:  # a locked or broken keyring: fall back to the file below
                pass
            else:
                # A token file left from before would shadow nothing, but it is a stale copy.
                with contextlib.suppress(OSError):
                    self.path(instance).unlink()
                return StoredToken("OS keyring")
        path = self._write_file(instance, token)
        return StoredToken(
            str(path),
            warning=(
                f"no usable OS keyring: the token is stored in {path} (readable only by you);"
                " install the 'keyring' package to use the OS keyring instead"
            ),
        )

    def load(self, instance: str) -> str | None:
        """Return the stored token of ``instance``, or ``None`` when there is none."""
        _check_instance(instance)
        if self._keyring is not None:
            try:
                token = self._keyring.get_password(KEYRING_SERVICE, instance)
            except Exception:
                token = None
            if token:
                return str(token)
        path = self.path(instance)
        try:
            text = path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise ConfigError(
                f"cannot read the token file {self.path(instance)}: {exc.strerror}"
            ) from None
        warn_if_shared(path.parent, "token folder")
        warn_if_shared(path, "token file")
        return text or None

    def delete(self, instance: str) -> bool:
        """Forget the token of ``instance`` everywhere; return whether one was stored."""
        _check_instance(instance)
        removed = False
        if self._keyring is not None:
            try:
                if self._keyring.get_password(KEYRING_SERVICE, instance) is not None:
                    self._keyring.delete_password(KEYRING_SERVICE, instance)
                    removed = True
            except Exception:
                pass
        try:
            self.path(instance).unlink()
            removed = True
        except FileNotFoundError:
            pass
        return removed

    def _write_file(self, instance: str, token: str) -> Path:
        directory = self.directory
        path = self.path(instance)
        try:
            private_dir(directory)
            os.chmod(directory, 0o700)  # an existing folder made looser before: tighten it
            # The temporary file is 0600 and renamed over the old one when fully written, so a
            # crash never leaves a half-written token.
            with atomic_file(path, "w", prefix=f".{instance}.") as fh:
                fh.write(token + "\n")
        except OSError as exc:
            raise ConfigError(f"cannot write the token file {path}: {exc.strerror}") from None
        return path
