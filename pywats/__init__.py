"""pywats: the Python SDK for the WATS test-data system.

``from pywats import pyWATS, AsyncWATS``. Clients, services and models load on first use
(PEP 562), so ``import pywats`` stays light: httpx, tenacity and the generated client are not
imported until a client is made. The exceptions load eagerly (they import nothing heavy), so
``except pywats.NotFoundError`` never triggers an import.
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
    ScimTokenError,
    ServerError,
    UnsupportedOperationError,
    WatsConnectionError,
    WatsError,
    WatsTimeoutError,
)
from pywats._version import __version__

if TYPE_CHECKING:  # pragma: no cover - what the lazy table resolves to, for type checkers
    from pywats._admin_models import (
        BarcodeIdentifier,
        ScimEmail,
        ScimMeta,
        ScimName,
        ScimRole,
        ScimUser,
        ScimUserPage,
    )
    from pywats._async._client import AsyncWATS
    from pywats._breaker import BreakerState, CircuitBreaker
    from pywats._bulk import ExportResult, SubmitResult
    from pywats._models import (
        Asset,
        AssetLogEntry,
        AssetSummary,
        AssetType,
        MiscInfoMatch,
        Product,
        ProductRevision,
        ProductSummary,
        ReportHeader,
        SerialNumberType,
        SoftwarePackage,
        SoftwarePackageFile,
        Tag,
        Ticket,
        TicketUpdate,
        TicketView,
        Unit,
        UnitChange,
        UnitVerification,
        UserSettings,
        VirtualFolder,
    )
    from pywats._models_system import ClientLog, SystemNode
    from pywats._odata import F, Filter, ODataQuery, where
    from pywats._options import BreakerConfig, ClientOptions, RateLimit, RetryConfig
    from pywats._station import Station, StationRegistry
    from pywats._sync._client import pyWATS
    from pywats.reports import UURReport, UUTReport

# public name -> private module that defines it; resolved on first access
_LAZY: dict[str, str] = {
    "AsyncWATS": "pywats._async._client",
    "pyWATS": "pywats._sync._client",
    "BreakerState": "pywats._breaker",
    "ExportResult": "pywats._bulk",
    "SubmitResult": "pywats._bulk",
    "CircuitBreaker": "pywats._breaker",
    "F": "pywats._odata",
    "Filter": "pywats._odata",
    "ODataQuery": "pywats._odata",
    "where": "pywats._odata",
    "BreakerConfig": "pywats._options",
    "ClientOptions": "pywats._options",
    "RateLimit": "pywats._options",
    "RetryConfig": "pywats._options",
    "Station": "pywats._station",
    "StationRegistry": "pywats._station",
    "UURReport": "pywats.reports",
    "UUTReport": "pywats.reports",
    "ClientLog": "pywats._models_system",
    "SystemNode": "pywats._models_system",
    **dict.fromkeys(
        [
            "BarcodeIdentifier",
            "ScimEmail",
            "ScimMeta",
            "ScimName",
            "ScimRole",
            "ScimUser",
            "ScimUserPage",
        ],
        "pywats._admin_models",
    ),
    **dict.fromkeys(
        [
            "Asset",
            "AssetLogEntry",
            "AssetSummary",
            "AssetType",
            "MiscInfoMatch",
            "Product",
            "ProductRevision",
            "ProductSummary",
            "ReportHeader",
            "SerialNumberType",
            "SoftwarePackage",
            "SoftwarePackageFile",
            "Tag",
            "Ticket",
            "TicketUpdate",
            "TicketView",
            "Unit",
            "UnitChange",
            "UnitVerification",
            "UserSettings",
            "VirtualFolder",
        ],
        "pywats._models",
    ),
}

__all__ = [
    "ApiError",
    "Asset",
    "AssetLogEntry",
    "AssetSummary",
    "AssetType",
    "AsyncWATS",
    "AuthenticationError",
    "BadRequestError",
    "BarcodeIdentifier",
    "BreakerConfig",
    "BreakerState",
    "CircuitBreaker",
    "CircuitOpenError",
    "ClientLog",
    "ClientOptions",
    "ConflictError",
    "ExportResult",
    "F",
    "Filter",
    "MiscInfoMatch",
    "NotFoundError",
    "ODataQuery",
    "PermissionDeniedError",
    "Product",
    "ProductRevision",
    "ProductSummary",
    "RateLimit",
    "RateLimitError",
    "ReportHeader",
    "ReportValidationError",
    "RetryConfig",
    "ScimEmail",
    "ScimMeta",
    "ScimName",
    "ScimRole",
    "ScimTokenError",
    "ScimUser",
    "ScimUserPage",
    "SerialNumberType",
    "ServerError",
    "SoftwarePackage",
    "SoftwarePackageFile",
    "Station",
    "StationRegistry",
    "SubmitResult",
    "SystemNode",
    "Tag",
    "Ticket",
    "TicketUpdate",
    "TicketView",
    "UURReport",
    "UUTReport",
    "Unit",
    "UnitChange",
    "UnitVerification",
    "UnsupportedOperationError",
    "UserSettings",
    "VirtualFolder",
    "WatsConnectionError",
    "WatsError",
    "WatsTimeoutError",
    "__version__",
    "pyWATS",
    "where",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pywats' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
