"""pywats: the Python SDK for the WATS test-data system.

``from pywats import pyWATS, AsyncWATS``. Clients and services load on first use (PEP 562), so
``import pywats`` stays light: httpx, tenacity and the generated client are not imported until
a client is made.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pywats._exceptions import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    CircuitOpenError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ReportValidationError,
    ServerError,
    WatsConnectionError,
    WatsError,
    WatsTimeoutError,
)
from pywats._version import __version__

if TYPE_CHECKING:  # pragma: no cover - for type checkers only
    pass

# public name -> private module that defines it; resolved on first access
_LAZY: dict[str, str] = {}

__all__ = sorted(
    [
        "ApiError",
        "AuthenticationError",
        "BadRequestError",
        "CircuitOpenError",
        "ConflictError",
        "NotFoundError",
        "PermissionDeniedError",
        "RateLimitError",
        "ReportValidationError",
        "ServerError",
        "WatsConnectionError",
        "WatsError",
        "WatsTimeoutError",
        "__version__",
        *_LAZY,
    ]
)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pywats' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
