"""Where a running instance's console is, for ``wats console``: endpoint and control secret.

Reads the status file ``service.json`` (its ``endpoint``) and the 0600 ``control.secret``
beside it, both written by the service at start. No web framework is imported here.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pywats.station.config import StationConfig

__all__ = ["LinkError", "endpoint_and_secret"]


class LinkError(RuntimeError):
    """The instance's service is not running, or serves no endpoint."""


def _running(config: StationConfig) -> bool:
    from filelock import FileLock, Timeout

    if not config.lock_path.exists():
        return False
    probe = FileLock(str(config.lock_path), timeout=0)
    try:
        probe.acquire()
    except Timeout:
        return True
    probe.release()
    return False


def endpoint_and_secret(config: StationConfig) -> tuple[str, str]:
    """The endpoint's base URL (``http://127.0.0.1:PORT``) and the control secret.

    Raises:
        LinkError: the service does not run, or its files say no endpoint / no secret.
    """
    start = f"start it with `wats watch -i {config.name}`"
    if not _running(config):
        raise LinkError(
            f"the station service of instance {config.name!r} is not running: {start}"
            " (the console is served by it)"
        )
    status_file = config.lock_path.with_name("service.json")
    try:
        status = json.loads(status_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LinkError(f"cannot read {status_file}: {exc}") from None
    endpoint = status.get("endpoint") if isinstance(status, dict) else None
    if not isinstance(endpoint, str) or not endpoint.startswith(("http://", "https://")):
        raise LinkError(f"the service of instance {config.name!r} serves no local endpoint")
    secret_file = config.lock_path.with_name("control.secret")
    try:
        secret = secret_file.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise LinkError(
            f"cannot read the control secret {secret_file}: {exc.strerror or exc}"
            " (run this as the user the service runs as)"
        ) from None
    if not secret:
        raise LinkError(f"the control secret {secret_file} is empty: restart the service")
    return endpoint.rstrip("/"), secret
