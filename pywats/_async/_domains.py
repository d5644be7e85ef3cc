"""The domain services of a client (``api.report``, ``api.product`` ...), built on first access.

A mixin of :class:`pywats._async._client.AsyncWATS`: each property imports its service module
only when it is first used, so ``import pywats`` stays light.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from pywats._async._client import AsyncWATS
    from pywats._async.analytics import AsyncAnalyticsService
    from pywats._async.asset import AsyncAssetService
    from pywats._async.auth import AsyncAuthService
    from pywats._async.barcode import AsyncBarcodeService
    from pywats._async.export import AsyncExportService
    from pywats._async.process import AsyncProcessService
    from pywats._async.product import AsyncProductService
    from pywats._async.production import AsyncProductionService
    from pywats._async.report import AsyncReportService
    from pywats._async.rootcause import AsyncRootCauseService
    from pywats._async.scim import AsyncScimService
    from pywats._async.software import AsyncSoftwareService
    from pywats._async.system import AsyncSystemService
    from pywats._async.workflow import AsyncWorkflowService

__all__ = ["AsyncDomains"]


class AsyncDomains:
    """Builds each domain service around ``self`` (the client) the first time it is read."""

    @property
    def _itself(self) -> AsyncWATS:
        return cast("AsyncWATS", self)  # only ever mixed into AsyncWATS

    @functools.cached_property
    def report(self) -> AsyncReportService:
        """Reports: submit, read, query headers, attachments."""
        from pywats._async.report import AsyncReportService

        return AsyncReportService(self._itself)

    @functools.cached_property
    def product(self) -> AsyncProductService:
        """Products, revisions, BOMs, vendors and product groups."""
        from pywats._async.product import AsyncProductService

        return AsyncProductService(self._itself)

    @functools.cached_property
    def asset(self) -> AsyncAssetService:
        """Assets (fixtures, instruments): counts, calibration, maintenance, log."""
        from pywats._async.asset import AsyncAssetService

        return AsyncAssetService(self._itself)

    @functools.cached_property
    def production(self) -> AsyncProductionService:
        """Production (MES): units, phases, child units, batches, serial numbers."""
        from pywats._async.production import AsyncProductionService

        return AsyncProductionService(self._itself)

    @functools.cached_property
    def analytics(self) -> AsyncAnalyticsService:
        """Yield, volume, failures, measurements and report lists from the data warehouse."""
        from pywats._async.analytics import AsyncAnalyticsService

        return AsyncAnalyticsService(self._itself)

    @functools.cached_property
    def software(self) -> AsyncSoftwareService:
        """Software distribution: packages, files, virtual folders."""
        from pywats._async.software import AsyncSoftwareService

        return AsyncSoftwareService(self._itself)

    @functools.cached_property
    def rootcause(self) -> AsyncRootCauseService:
        """RootCause tickets and their attachments."""
        from pywats._async.rootcause import AsyncRootCauseService

        return AsyncRootCauseService(self._itself)

    @functools.cached_property
    def process(self) -> AsyncProcessService:
        """Processes (test, repair and WIP operations)."""
        from pywats._async.process import AsyncProcessService

        return AsyncProcessService(self._itself)

    @functools.cached_property
    def system(self) -> AsyncSystemService:
        """System Manager: clients (stations), their logs, levels; the server's status."""
        from pywats._async.system import AsyncSystemService

        return AsyncSystemService(self._itself)

    @functools.cached_property
    def export(self) -> AsyncExportService:
        """Certificate exports: queue, wait, list, download."""
        from pywats._async.export import AsyncExportService

        return AsyncExportService(self._itself)

    @functools.cached_property
    def workflow(self) -> AsyncWorkflowService:
        """MES workflow test activities: start and end a unit's test."""
        from pywats._async.workflow import AsyncWorkflowService

        return AsyncWorkflowService(self._itself)

    @functools.cached_property
    def auth(self) -> AsyncAuthService:
        """API tokens the server makes for the caller (legacy provisioning)."""
        from pywats._async.auth import AsyncAuthService

        return AsyncAuthService(self._itself)

    @functools.cached_property
    def scim(self) -> AsyncScimService:
        """SCIM user provisioning; needs its own token (``api.scim.with_token(...)``)."""
        from pywats._async.scim import AsyncScimService

        return AsyncScimService(self._itself)

    @functools.cached_property
    def barcode(self) -> AsyncBarcodeService:
        """Barcode identifiers, and splitting a scanned barcode into its parts."""
        from pywats._async.barcode import AsyncBarcodeService

        return AsyncBarcodeService(self._itself)
