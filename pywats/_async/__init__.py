"""The client and its services, written once as async code (the sync twin is generated).

Every module here imports httpx; the package imports it first, without httpx's own CLI.
"""

from __future__ import annotations

from pywats._stack import import_httpx

import_httpx()
