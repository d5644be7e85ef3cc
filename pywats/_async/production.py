"""``api.production``: units, phases, processes, parent/child relations, batches, serial numbers.

The MES module must be enabled on the server. A unit is named by its serial number and part
number, both positional.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from wats_api import models as wire
from wats_api.api.production import (
    production_add_child_unit,
    production_check_child_units,
    production_delete_unit_change,
    production_export_serial_numbers,
    production_get_serial_number_types,
    production_get_serial_numbers_by_range,
    production_get_serial_numbers_by_reference,
    production_get_unit,
    production_get_unit_changes,
    production_get_unit_verification,
    production_put_batches,
    production_put_units,
    production_remove_child_unit,
    production_set_unit_phase,
    production_set_unit_process,
    production_take_serial_numbers,
    production_upload_serial_numbers,
)

from pywats._async._service import AsyncService
from pywats._models import many, one
from pywats._models_production import SerialNumberType, Unit, UnitChange, UnitVerification
from pywats._serials import SerialFormat, parse_serial_numbers
from pywats._wire import FileSource, file_bytes, json_of, model, opt_aware, require, upload

__all__ = ["AsyncProductionService"]


class AsyncProductionService(AsyncService):
    """Production (MES): ``await api.production.get_unit("SN-1", "PCB-100")``."""

    async def get_unit(self, serial_number: str, part_number: str) -> Unit | None:
        """Get a unit and its sub-units (None if unknown, in lenient mode)."""
        require(serial_number, "serial_number")
        require(part_number, "part_number")
        response = await self._lookup(
            lambda: production_get_unit.asyncio_detailed(
                serial_number, part_number, client=self._api
            )
        )
        return None if response is None else one(Unit, response.parsed)

    async def save_units(self, units: Iterable[Unit | Mapping[str, Any]]) -> Any:
        """Add or update units by serial number; the answer counts any errors."""
        body = [model(wire.Unit, unit) for unit in units]
        response = await self._call(
            lambda: production_put_units.asyncio_detailed(client=self._api, body=body)
        )
        return json_of(response.content)

    async def verify_unit(
        self, serial_number: str, *, part_number: str | None = None
    ) -> UnitVerification | None:
        """Check a unit against the verification rules and return its grade."""
        require(serial_number, "serial_number")
        response = await self._lookup(
            lambda: production_get_unit_verification.asyncio_detailed(
                client=self._api, serial_number=serial_number, part_number=part_number
            )
        )
        return None if response is None else one(UnitVerification, response.parsed)

    async def set_unit_phase(self, serial_number: str, part_number: str, *, phase: int) -> Any:
        """Set a unit's phase (a phase flag value)."""
        require(serial_number, "serial_number")
        require(part_number, "part_number")
        response = await self._call(
            lambda: production_set_unit_phase.asyncio_detailed(
                client=self._api, serial_number=serial_number, part_number=part_number, phase=phase
            )
        )
        return json_of(response.content)

    async def set_unit_process(
        self, serial_number: str, part_number: str, *, process_name: str
    ) -> Any:
        """Set a unit's current process, by the process's name."""
        require(serial_number, "serial_number")
        require(part_number, "part_number")
        require(process_name, "process_name")
        response = await self._call(
            lambda: production_set_unit_process.asyncio_detailed(
                client=self._api,
                serial_number=serial_number,
                part_number=part_number,
                process_name=process_name,
            )
        )
        return json_of(response.content)

    async def add_child_unit(
        self,
        parent_serial_number: str,
        parent_part_number: str,
        *,
        child_serial_number: str,
        child_part_number: str,
        check_part_number: str = "",
        check_revision: str = "",
    ) -> Any:
        """Make a unit the child of another.

        Leave ``check_part_number``/``check_revision`` empty to check the child against the
        parent's box build; give them to check against that part number/revision instead.
        """
        for value, what in (
            (parent_serial_number, "parent_serial_number"),
            (parent_part_number, "parent_part_number"),
            (child_serial_number, "child_serial_number"),
            (child_part_number, "child_part_number"),
        ):
            require(value, what)
        response = await self._call(
            lambda: production_add_child_unit.asyncio_detailed(
                client=self._api,
                parent_serial_number=parent_serial_number,
                parent_part_number=parent_part_number,
                child_serial_number=child_serial_number,
                child_part_number=child_part_number,
                check_part_number=check_part_number,
                check_revision=check_revision,
            ),
            idempotent=False,
        )
        return json_of(response.content)

    async def remove_child_unit(
        self,
        parent_serial_number: str,
        parent_part_number: str,
        *,
        child_serial_number: str,
        child_part_number: str,
    ) -> Any:
        """Remove a parent/child relation."""
        # Checked here, not inside the exchange, where a ValueError reads as a bad answer.
        for value, what in (
            (parent_serial_number, "parent_serial_number"),
            (parent_part_number, "parent_part_number"),
            (child_serial_number, "child_serial_number"),
            (child_part_number, "child_part_number"),
        ):
            require(value, what)
        response = await self._call(
            lambda: production_remove_child_unit.asyncio_detailed(
                client=self._api,
                parent_serial_number=parent_serial_number,
                parent_part_number=parent_part_number,
                child_serial_number=child_serial_number,
                child_part_number=child_part_number,
            ),
            idempotent=False,
        )
        return json_of(response.content)

    async def check_child_units(self, parent_serial_number: str, parent_part_number: str) -> Any:
        """Check a unit's direct children against its box build."""
        require(parent_serial_number, "parent_serial_number")
        require(parent_part_number, "parent_part_number")
        response = await self._lookup(
            lambda: production_check_child_units.asyncio_detailed(
                client=self._api,
                parent_serial_number=parent_serial_number,
                parent_part_number=parent_part_number,
            )
        )
        return None if response is None else json_of(response.content)

    async def get_unit_changes(self, *, max_count: int = 100) -> list[UnitChange]:
        """Pending unit changes; acknowledge each with :meth:`delete_unit_change`."""
        response = await self._call(
            lambda: production_get_unit_changes.asyncio_detailed(
                client=self._api, max_count=max_count
            )
        )
        return many(UnitChange, response.parsed)

    async def delete_unit_change(self, change_id: int) -> Any:
        """Acknowledge (delete) a unit change."""
        response = await self._call(
            lambda: production_delete_unit_change.asyncio_detailed(change_id, client=self._api)
        )
        return json_of(response.content)

    async def save_batches(self, batches: Iterable[Mapping[str, Any]]) -> Any:
        """Add or update production batches (``{"batchNumber": ..., "batchSize": ...}``)."""
        body = [model(wire.ProductionBatch, batch) for batch in batches]
        response = await self._call(
            lambda: production_put_batches.asyncio_detailed(client=self._api, body=body)
        )
        return json_of(response.content)

    async def get_serial_number_types(self) -> list[SerialNumberType]:
        """The serial-number pools."""
        response = await self._call(
            lambda: production_get_serial_number_types.asyncio_detailed(client=self._api)
        )
        return many(SerialNumberType, response.parsed)

    async def take_serial_numbers(
        self,
        serial_number_type: str,
        quantity: int,
        *,
        ref_sn: str | None = None,
        ref_pn: str | None = None,
        station_name: str | None = None,
        only_in_sequence: bool | None = None,
    ) -> list[str]:
        """Take free serial numbers from a pool and return them.

        Not retried: a repeat would take another batch. If too few are free, the server
        hands out the ones left.
        """
        require(serial_number_type, "serial_number_type")
        if quantity <= 0:
            raise ValueError(f"quantity must be > 0, got {quantity}")
        response = await self._call(
            lambda: production_take_serial_numbers.asyncio_detailed(
                client=self._api,
                serial_number_type=serial_number_type,
                quantity=quantity,
                ref_sn=ref_sn,
                ref_pn=ref_pn,
                station_name=station_name,
                only_in_sequence=only_in_sequence,
                format_="XML",
            ),
            idempotent=False,
        )
        return parse_serial_numbers(response.content)

    async def get_serial_numbers_by_range(
        self,
        serial_number_type: str,
        *,
        start_address: str,
        end_address: str,
        start_date: dt.datetime | None = None,
        end_date: dt.datetime | None = None,
    ) -> Any:
        """Serial numbers of a pool in an address range."""
        require(serial_number_type, "serial_number_type")
        since, until = opt_aware(start_date, "start_date"), opt_aware(end_date, "end_date")
        response = await self._call(
            lambda: production_get_serial_numbers_by_range.asyncio_detailed(
                client=self._api,
                serial_number_type=serial_number_type,
                start_address=start_address,
                end_address=end_address,
                start_date=since,
                end_date=until,
            )
        )
        return json_of(response.content) or []

    async def get_serial_numbers_by_reference(
        self,
        serial_number_type: str,
        *,
        ref_sn: str | None = None,
        ref_pn: str | None = None,
        start_date: dt.datetime | None = None,
        end_date: dt.datetime | None = None,
    ) -> Any:
        """Serial numbers taken with a reference serial and/or part number."""
        require(serial_number_type, "serial_number_type")
        if ref_sn is None and ref_pn is None:
            raise ValueError("give ref_sn, ref_pn or both")
        since, until = opt_aware(start_date, "start_date"), opt_aware(end_date, "end_date")
        response = await self._call(
            lambda: production_get_serial_numbers_by_reference.asyncio_detailed(
                client=self._api,
                serial_number_type=serial_number_type,
                ref_sn=ref_sn,
                ref_pn=ref_pn,
                start_date=since,
                end_date=until,
            )
        )
        return json_of(response.content) or []

    async def export_serial_numbers(
        self,
        serial_number_type: str,
        *,
        format: SerialFormat = "CSV",
        start_address: str | None = None,
        end_address: str | None = None,
        start_date: dt.datetime | None = None,
        end_date: dt.datetime | None = None,
    ) -> bytes:
        """Export a pool's serial numbers as a CSV or XML file (bytes)."""
        require(serial_number_type, "serial_number_type")
        since, until = opt_aware(start_date, "start_date"), opt_aware(end_date, "end_date")
        response = await self._call(
            lambda: production_export_serial_numbers.asyncio_detailed(
                client=self._api,
                serial_number_type=serial_number_type,
                format_=format,
                start_address=start_address,
                end_address=end_address,
                start_date=since,
                end_date=until,
            )
        )
        content: bytes = response.content
        return content

    async def upload_serial_numbers(
        self, serial_number_type: str, data: FileSource, *, format: SerialFormat = "CSV"
    ) -> Any:
        """Upload serial numbers to a pool from a CSV or XML file."""
        require(serial_number_type, "serial_number_type")
        content = file_bytes(data)
        mime = "text/csv" if format == "CSV" else "application/xml"
        name = f"serialnumbers.{format.lower()}"
        response = await self._call(
            lambda: production_upload_serial_numbers.asyncio_detailed(
                client=self._api,
                body=wire.SerialNumberFileUpload(file=upload(content, name, mime)),
                serial_number_type=serial_number_type,
                format_=format,
            ),
            idempotent=False,
        )
        return json_of(response.content)
