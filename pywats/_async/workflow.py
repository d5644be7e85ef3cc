"""``api.workflow``: start and end the test activity of a unit's MES workflow.

The unit must exist in WATS MES and its workflow must have been initialised (by the Operator
Interface or the MES API) with the same definition ``status``. The server answers ``false``
rather than an error when the activity cannot start or end (the unit's current activity is not
a test, or no test is running); the SDK hands that back as a bool.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from wats_api.api.workflow import workflow_end_test, workflow_start_test

from pywats._async._service import AsyncService
from pywats._wire import json_of, opt, require

if TYPE_CHECKING:
    from pywats._async._client import AsyncWATS

__all__ = ["AsyncWorkflowService", "WorkflowStatus"]

WorkflowStatus = Literal["Draft", "Pending", "Released", "Revoked"]
_STATUS: dict[str, int] = {"draft": 0, "pending": 1, "released": 2, "revoked": 3}


def _status_code(status: WorkflowStatus | int | None) -> int | None:
    if status is None:
        return None
    if isinstance(status, int) and not isinstance(status, bool):
        if status not in _STATUS.values():
            raise ValueError(f"workflow status must be 0-3, got {status}")
        return status
    code = _STATUS.get(str(status).lower())
    if code is None:
        raise ValueError(f"workflow status must be one of {', '.join(_STATUS)}, got {status!r}")
    return code


def _station(client: AsyncWATS, station: str | None) -> str | None:
    """The station named, else the client's active station (as reports are filled)."""
    if station is not None:
        return station
    active = client.station
    return active.name if active is not None else None


def _answer(content: bytes) -> bool:
    value = json_of(content)
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {value!r}")
    return value


class AsyncWorkflowService(AsyncService):
    """Workflow test activities: ``await api.workflow.start_test("SN-1", "PCB-1001")``."""

    async def start_test(
        self,
        serial_number: str,
        part_number: str,
        *,
        operator: str | None = None,
        station: str | None = None,
        status: WorkflowStatus | int | None = None,
    ) -> bool:
        """Start the unit's test activity.

        Args:
            serial_number: the unit's serial number.
            part_number: the unit's part number.
            operator: the operator's name.
            station: the test station's name (default: the client's station, if it has one).
            status: the workflow definition's status (the server's default: Released).

        Returns:
            True when the test started; False when the unit's workflow does not allow it now.

        Raises:
            NotFoundError: the unit does not exist (as the server reports it).
        """
        require(serial_number, "serial_number")
        require(part_number, "part_number")
        code = _status_code(status)

        async def send() -> bool:
            response = await workflow_start_test.asyncio_detailed(
                client=self._api,
                serial_number=serial_number,
                part_number=part_number,
                operator_name=opt(operator),
                station_name=opt(_station(self._client, station)),
                status=opt(code),
            )
            return _answer(response.content)

        # Not retried: if the first attempt started the test, a repeat would answer False.
        return await self._call(send, idempotent=False)

    async def end_test(
        self,
        serial_number: str,
        part_number: str,
        *,
        passed: bool = True,
        operator: str | None = None,
        station: str | None = None,
        status: WorkflowStatus | int | None = None,
    ) -> bool:
        """End the unit's running test activity, passed (the default) or failed.

        Returns:
            True when the test ended; False when no test activity could be ended.
        """
        require(serial_number, "serial_number")
        require(part_number, "part_number")
        code = _status_code(status)

        async def send() -> bool:
            response = await workflow_end_test.asyncio_detailed(
                client=self._api,
                serial_number=serial_number,
                part_number=part_number,
                passed=passed,
                operator_name=opt(operator),
                station_name=opt(_station(self._client, station)),
                status=opt(code),
            )
            return _answer(response.content)

        return await self._call(send, idempotent=False)
