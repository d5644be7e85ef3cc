"""``wats login --for-service``: the token where a service account reads it.

A service account has no login keyring, so a service reads its token from the instance's token
file (``<PYWATS_HOME>/config/instances/NAME.token``, 0600) and runs with ``PYWATS_KEYRING=0``.
Run as root with the service's ``PYWATS_HOME``, the file is handed to the account that owns the
instance's folder (``wats service install`` hands that folder to the service account).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["store_for_service"]


def store_for_service(instance: str, token: str) -> tuple[Path, str | None]:
    """Write the token file of ``instance``; return it and the account it was handed to."""
    from pywats.credentials import TokenStore

    store = TokenStore(use_keyring=False)
    path = Path(store.save(instance, token).location)
    if sys.platform == "win32" or os.geteuid() != 0:
        return path, None  # Windows: the folder's ACL decides who reads it
    folder = path.parent.stat()
    if folder.st_uid == 0:
        return path, None
    os.chown(path, folder.st_uid, folder.st_gid)
    import pwd

    try:
        return path, pwd.getpwuid(folder.st_uid).pw_name
    except KeyError:
        return path, str(folder.st_uid)
