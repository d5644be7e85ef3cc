"""``api.barcode``: barcode identifiers (the rules that split a scanned barcode) and identifying."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wats_api import models as wire
from wats_api.api.barcode_identifiers import (
    barcode_identifiers_delete,
    barcode_identifiers_identify,
    barcode_identifiers_list,
    barcode_identifiers_put,
)

from pywats._admin_models import BarcodeIdentifier
from pywats._async._service import AsyncService
from pywats._models import many, the
from pywats._wire import model, require

__all__ = ["AsyncBarcodeService"]


class AsyncBarcodeService(AsyncService):
    """Barcodes: ``await api.barcode.identify("SN1/PCB-1001/A")`` → serial, part, revision ..."""

    async def query(self) -> list[BarcodeIdentifier]:
        """Every barcode identifier, in the order the server tries them."""
        response = await self._listing(
            lambda: barcode_identifiers_list.asyncio_detailed(client=self._api)
        )
        return many(BarcodeIdentifier, response)

    async def save(self, identifier: BarcodeIdentifier | Mapping[str, Any]) -> BarcodeIdentifier:
        """Add an identifier (``id`` unset) or update the one with that ``id``; return it as stored.

        Not retried when adding: a repeat would add a second one.

        Raises:
            BadRequestError: an expression is not a valid regular expression.
            NotFoundError: ``id`` names no identifier.
        """
        body = model(wire.BarcodeIdentifier, identifier)
        adding = not isinstance(body.id, int) or not body.id
        response = await self._call(
            lambda: barcode_identifiers_put.asyncio_detailed(client=self._api, body=body),
            idempotent=not adding,
        )
        return the(BarcodeIdentifier, response.parsed)

    async def delete(self, identifier_id: int) -> None:
        """Delete the identifier with this id.

        Raises:
            NotFoundError: no identifier has this id.
        """
        if isinstance(identifier_id, bool) or not isinstance(identifier_id, int):
            raise TypeError(f"identifier_id must be an int, got {type(identifier_id).__name__}")
        await self._call(
            lambda: barcode_identifiers_delete.asyncio_detailed(identifier_id, client=self._api)
        )

    async def identify(self, code: str) -> BarcodeIdentifier:
        """Split a scanned barcode into serial number, part number, revision, batch and process.

        The first identifier (by ``order``) whose ``pattern`` matches applies; without one the
        server reads the default format ``SerialNumber/PartNumber/Revision/BatchNumber/Process``.
        The part fields of the answer hold the values found (None where a part was not found).
        """
        require(code, "code")
        response = await self._call(
            lambda: barcode_identifiers_identify.asyncio_detailed(client=self._api, code=code)
        )
        return the(BarcodeIdentifier, response.parsed)
