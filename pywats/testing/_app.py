"""The emulator's ASGI application: one ``ROUTES`` list, auth, faults and SQLite state.

::

    FaultMiddleware (counts requests, injects faults)
      └── Starlette router (case-insensitive paths; literal routes before templates)
            └── Op wrapper: Basic auth → handler → server-style JSON errors
                  └── handler modules, one per domain, sharing the Store on app.state

``ROUTES`` holds every operation of the public WATS API in the eight domains the SDK speaks
(Report, Product, Production, Asset, App, Software, RootCause; 100 operations) and those of
issue 20 (Auth, Scim, BarcodeIdentifiers, SystemManager, SystemStatus, Export, Workflow), plus
the internal package-file download the spec adds. A contract test holds it equal to
``openapi/wats.yaml``.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterable

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response

from pywats.testing import (
    _analytics as app_,
)
from pywats.testing import (
    _assets as asset,
)
from pywats.testing import _auth as auth
from pywats.testing import _barcodes as barcode
from pywats.testing import _export as export
from pywats.testing import (
    _production as production,
)
from pywats.testing import (
    _products as product,
)
from pywats.testing import (
    _reports as report,
)
from pywats.testing import (
    _rootcause as rootcause,
)
from pywats.testing import _scim as scim
from pywats.testing import (
    _software as software,
)
from pywats.testing import _system as system
from pywats.testing import _workflow as workflow
from pywats.testing._fault_asgi import FaultMiddleware, quiet_dropped_connections
from pywats.testing._faults import Faults
from pywats.testing._http import Op, error, user_of_token
from pywats.testing._seed import seed
from pywats.testing._store import Store

__all__ = ["ROUTES", "create_app"]

# Literal paths come before templates that could swallow them (/api/Asset/Log before
# /api/Asset/{assetId}); Starlette takes the first full match.
ROUTES: list[Op] = [
    # Report
    Op("GET", "/api/Report/Query/Header", report.query_header),
    Op("GET", "/api/Report/Query/HeaderByMiscInfo", report.header_by_misc_info),
    Op("POST", "/api/Report/WSJF", report.post_wsjf),
    Op("GET", "/api/Report/Wsjf/{id}", report.get_wsjf),
    Op("POST", "/api/Report/WSXF", report.post_wsxf),
    Op("GET", "/api/Report/Wsxf/{id}", report.get_wsxf),
    Op("GET", "/api/Report/Attachment", report.attachment),
    Op("GET", "/api/Report/Attachments/{id}", report.attachments_zip),
    Op("GET", "/api/Report/Certificate/{id}", report.certificate),
    # Product
    Op("GET", "/api/Product/Query", product.query_products),
    Op("PUT", "/api/Product", product.put_product),
    Op("PUT", "/api/Product/Revision", product.put_revision),
    Op("PUT", "/api/Product/BOM", product.put_bom),
    Op("POST", "/api/Product/ProductGroupFilter", product.product_group_filter),
    Op("GET", "/api/Product/ProductGroupsByProduct", product.groups_by_product),
    Op("GET", "/api/Product/Vendors", product.get_vendors),
    Op("PUT", "/api/Product/Vendors", product.put_vendors),
    Op("DELETE", "/api/Product/Vendors", product.delete_vendors),
    Op("GET", "/api/Product/{partNumber}", product.get_product),
    Op("GET", "/api/Product/{partNumber}/{revision}", product.get_revision),
    Op("PUT", "/api/Products", product.put_products),
    Op("PUT", "/api/Products/Revisions", product.put_revisions),
    # Production
    Op("GET", "/api/Production/Unit/{serialNumber}/{partNumber}", production.get_unit),
    Op("PUT", "/api/Production/Units", production.put_units),
    Op("GET", "/api/Production/UnitVerification", production.unit_verification),
    Op("PUT", "/api/Production/SetUnitPhase", production.set_unit_phase),
    Op("PUT", "/api/Production/SetUnitProcess", production.set_unit_process),
    Op("POST", "/api/Production/AddChildUnit", production.add_child_unit),
    Op("POST", "/api/Production/RemoveChildUnit", production.remove_child_unit),
    Op("GET", "/api/Production/CheckChildUnits", production.check_child_units),
    Op("GET", "/api/Production/Units/Changes", production.unit_changes),
    Op("DELETE", "/api/Production/Units/Changes/{id}", production.delete_unit_change),
    Op("PUT", "/api/Production/Batches", production.put_batches),
    Op("GET", "/api/Production/SerialNumbers/Types", production.serial_number_types),
    Op("POST", "/api/Production/SerialNumbers/Take", production.take_serial_numbers),
    Op("GET", "/api/Production/SerialNumbers/ByRange", production.serial_numbers_by_range),
    Op("GET", "/api/Production/SerialNumbers/ByReference", production.serial_numbers_by_reference),
    Op("GET", "/api/Production/SerialNumbers", production.get_serial_numbers),
    Op("PUT", "/api/Production/SerialNumbers", production.put_serial_numbers),
    # Asset
    Op("GET", "/api/Asset", asset.list_assets),
    Op("PUT", "/api/Asset", asset.put_asset),
    Op("DELETE", "/api/Asset", asset.delete_asset),
    Op("GET", "/api/Asset/Status", asset.status),
    Op("PUT", "/api/Asset/State", asset.put_state),
    Op("PUT", "/api/Asset/Count", asset.put_count),
    Op("POST", "/api/Asset/ResetRunningCount", asset.reset_running_count),
    Op("POST", "/api/Asset/Calibration", asset.calibration),
    Op("POST", "/api/Asset/Maintenance", asset.maintenance),
    Op("GET", "/api/Asset/Log", asset.list_log),
    Op("POST", "/api/Asset/Message", asset.message),
    Op("GET", "/api/Asset/Types", asset.list_types),
    Op("PUT", "/api/Asset/Types", asset.put_type),
    Op("GET", "/api/Asset/SubAssets", asset.sub_assets),
    Op("GET", "/api/Asset/{assetId}", asset.get_asset),  # an asset id or a serial number
    # App (analytics, processes, version)
    Op("GET", "/api/App/Version", app_.version),
    Op("GET", "/api/App/Processes", app_.list_processes),
    Op("GET", "/api/App/Levels", app_.levels),
    Op("GET", "/api/App/ProductGroups", app_.product_groups),
    Op("GET", "/api/App/CommonUserSettings", app_.common_user_settings),
    Op("POST", "/api/App/DynamicYield", app_.dynamic_yield),
    Op("POST", "/api/App/DynamicRepair", app_.dynamic_repair),
    Op("GET", "/api/App/VolumeYield", app_.volume_yield_get),
    Op("POST", "/api/App/VolumeYield", app_.volume_yield_post),
    Op("GET", "/api/App/HighVolume", app_.high_volume_get),
    Op("POST", "/api/App/HighVolume", app_.high_volume_post),
    Op("POST", "/api/App/HighVolumeByProductGroup", app_.high_volume_by_group),
    Op("GET", "/api/App/WorstYield", app_.worst_yield_get),
    Op("POST", "/api/App/WorstYield", app_.worst_yield_post),
    Op("POST", "/api/App/WorstYieldByProductGroup", app_.worst_yield_by_group),
    Op("GET", "/api/App/TopFailed", app_.top_failed_get),
    Op("POST", "/api/App/TopFailed", app_.top_failed_post),
    Op("POST", "/api/App/TestStepAnalysis", app_.test_step_analysis),
    Op("POST", "/api/App/Measurements", app_.measurements),
    Op("POST", "/api/App/AggregatedMeasurements", app_.aggregated_measurements),
    Op("POST", "/api/App/OeeAnalysis", app_.oee_analysis),
    Op("POST", "/api/App/SerialNumberHistory", app_.serial_number_history),
    Op("GET", "/api/App/UutReport", app_.uut_report_get),
    Op("POST", "/api/App/UutReport", app_.uut_report_post),
    Op("POST", "/api/App/UurReport", app_.uur_report_post),
    Op("GET", "/api/App/RelatedRepairHistory", app_.related_repair_history),
    # Software
    Op("GET", "/api/Software/Packages", software.list_packages),
    Op("GET", "/api/Software/PackageByName", software.package_by_name),
    Op("DELETE", "/api/Software/PackageByName", software.delete_package_by_name),
    Op("GET", "/api/Software/PackagesByTag", software.packages_by_tag),
    Op("POST", "/api/Software/Package", software.create_package),
    Op("GET", "/api/Software/Package/{id}", software.get_package),
    Op("PUT", "/api/Software/Package/{id}", software.update_package),
    Op("DELETE", "/api/Software/Package/{id}", software.delete_package),
    Op("POST", "/api/Software/PackageStatus/{id}", software.set_status),
    Op("GET", "/api/Software/PackageFiles/{id}", software.package_files),
    Op("POST", "/api/Software/Package/UploadZip/{id}", software.upload_zip),
    Op("POST", "/api/Software/Package/FileAttribute/{id}", software.file_attribute),
    Op("GET", "/api/Software/VirtualFolders", software.virtual_folders),
    Op("GET", "/api/internal/Software/DownloadFile", software.download_file),
    # SystemManager, SystemStatus, Export, Workflow (issue 20)
    Op("GET", "/api/SystemManager/Clients", system.list_clients),
    Op("GET", "/api/SystemManager/Client", system.get_client),
    Op("PUT", "/api/SystemManager/Client", system.put_client),
    Op("GET", "/api/SystemManager/ClientLog/{identifier}", system.get_client_log),
    Op("GET", "/api/SystemManager/Level", system.get_level),
    Op("POST", "/api/SystemManager/Level", system.post_level),
    Op("GET", "/api/SystemStatus", system.system_status),
    Op("POST", "/api/Export/Certificate", export.queue_certificates),
    Op("GET", "/api/Export/List", export.list_exports),
    Op("GET", "/api/Export/{fileName}", export.get_export),
    Op("GET", "/api/Workflow/StartTest", workflow.start_test),
    Op("GET", "/api/Workflow/EndTest", workflow.end_test),
    # RootCause
    Op("GET", "/api/RootCause/Ticket", rootcause.get_ticket),
    Op("POST", "/api/RootCause/Ticket", rootcause.create_ticket),
    Op("PUT", "/api/RootCause/Ticket", rootcause.update_ticket),
    Op("GET", "/api/RootCause/Tickets", rootcause.list_tickets),
    Op("POST", "/api/RootCause/ArchiveTickets", rootcause.archive_tickets),
    Op("GET", "/api/RootCause/Attachment", rootcause.get_attachment),
    Op("POST", "/api/RootCause/Attachment", rootcause.upload_attachment),
    # Auth, Scim (user routes take the SCIM JWT), BarcodeIdentifiers
    Op("GET", "/api/Auth/GetToken", auth.get_token),
    Op("GET", "/api/Auth/GetToken/{identifier}", auth.get_token_for_identifier),
    Op("GET", "/api/SCIM/v2/Token", scim.get_token),
    scim.ScimOp("GET", "/api/SCIM/v2/Users", scim.list_users),
    scim.ScimOp("POST", "/api/SCIM/v2/Users", scim.create_user),
    scim.ScimOp("GET", "/api/SCIM/v2/Users/userName={userName}", scim.get_user_by_user_name),
    scim.ScimOp("GET", "/api/SCIM/v2/Users/{id}", scim.get_user),
    scim.ScimOp("DELETE", "/api/SCIM/v2/Users/{id}", scim.delete_user),
    scim.ScimOp("PATCH", "/api/SCIM/v2/Users/{id}", scim.update_user),
    Op("GET", "/api/BarcodeIdentifiers/BarcodeIdentifiers", barcode.list_identifiers),
    Op("PUT", "/api/BarcodeIdentifiers/BarcodeIdentifier", barcode.put_identifier),
    Op("DELETE", "/api/BarcodeIdentifiers/BarcodeIdentifier/{id}", barcode.delete_identifier),
    Op("GET", "/api/BarcodeIdentifiers/IdentifyBarcode", barcode.identify),
]


async def _not_found(request: Request, exc: Exception) -> Response:
    return error(404, f"No HTTP resource was found that matches the request URI '{request.url}'.")


async def _not_allowed(request: Request, exc: Exception) -> Response:
    return error(405, f"The requested resource does not support http method '{request.method}'.")


def create_app(
    *, db: str = ":memory:", tokens: Iterable[str], faults: Faults | None = None
) -> Starlette:
    """Build the emulator app.

    Args:
        db: SQLite path, or ``:memory:`` (the default) for state that ends with the process.
            A file keeps a demo server's data across restarts; it is seeded once.
        tokens: the accepted tokens (``Authorization: Basic <token>``).
        faults: the fault injector to consult (a new, empty one if not given).

    The store is opened when the app starts (ASGI lifespan) and kept on ``app.state.store``.
    """
    accepted = {token: user_of_token(token) for token in tokens}
    if not accepted:
        raise ValueError("the emulator needs at least one token")
    faults = faults if faults is not None else Faults()
    quiet_dropped_connections()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        store = Store(db)
        if not store.is_seeded():
            seed(store)
        app.state.store = store
        try:
            yield
        finally:
            store.close()

    app = Starlette(
        routes=list(ROUTES),
        middleware=[Middleware(FaultMiddleware, faults=faults)],
        lifespan=lifespan,
        exception_handlers={404: _not_found, 405: _not_allowed},
    )
    app.state.tokens = accepted
    app.state.faults = faults
    return app
