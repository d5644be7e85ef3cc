"""``api.system``: the System Manager's clients (test stations) and levels, and the status.

A *client* is a station or server the WATS server knows: named by its machine name (the
``machineName`` of its reports) or by its identifier (the MAC address the WATS Client registered
with). A *level* is a node of the organisation's hierarchy (``Acme / Line 2 / ICT``) that clients
belong to. The server leaves these answers untyped; openapi/wats.yaml says what is assumed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wats_api.api.system import (
    system_create_level,
    system_get_client,
    system_get_client_log,
    system_get_level,
    system_get_status,
    system_list_clients,
    system_update_client,
)
from wats_api.models import ClientUpdate

from pywats._async._service import AsyncService
from pywats._models_system import ClientLog, SystemNode, nodes_from_wire
from pywats._wire import json_of, opt, require, strings

__all__ = ["AsyncSystemService"]

_UNCHANGED: Any = object()


def _level_id(content: bytes) -> int | None:
    value = json_of(content)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"expected a level id, got {value!r}")
    return int(value)


def _hierarchy(path: Sequence[str] | str) -> list[str]:
    """Level names, topmost first: a list, or one string split at ``/``."""
    names = path.split("/") if isinstance(path, str) else strings(path)
    names = [name.strip() for name in names]
    if not names or not all(names):
        raise ValueError(f"a level path needs one or more non-empty names, got {path!r}")
    return names


class AsyncSystemService(AsyncService):
    """System Manager: ``await api.system.list_clients()``, ``await api.system.get_status()``."""

    async def list_clients(self, *, include_levels: bool = False) -> list[SystemNode]:
        """Every client (station, server) the server knows, with status and last report.

        Args:
            include_levels: also return the levels (``node.is_level``), as the server does.
        """

        async def send() -> list[SystemNode]:
            response = await system_list_clients.asyncio_detailed(client=self._api)
            return nodes_from_wire(json_of(response.content))

        nodes = await self._call(send)
        return nodes if include_levels else [node for node in nodes if not node.is_level]

    async def get_client(
        self, name: str | None = None, *, identifier: str | None = None
    ) -> SystemNode | None:
        """One client by name (``"ICT-01"``) or by identifier (its MAC address).

        Returns:
            The client; None when there is none, in lenient mode.

        Raises:
            ValueError: neither or both of ``name`` and ``identifier`` given.
            NotFoundError: no such client (strict mode).
        """
        if (name is None) == (identifier is None):
            raise ValueError("give exactly one of the name and identifier")
        if name is not None:
            require(name, "name")
        if identifier is not None:
            require(identifier, "identifier")

        async def send() -> SystemNode:
            response = await system_get_client.asyncio_detailed(
                client=self._api, name=opt(name), identifier=opt(identifier)
            )
            data = json_of(response.content)
            if not isinstance(data, dict):
                raise TypeError(f"expected a client object, got {type(data).__name__}")
            return SystemNode.from_wire(data)

        return await self._lookup(send)

    async def update_client(
        self,
        client: SystemNode | int,
        *,
        display_name: str | None = _UNCHANGED,
        location: str | None = _UNCHANGED,
        purpose: str | None = _UNCHANGED,
        level_id: int | None = _UNCHANGED,
        move_with_history: bool | None = None,
    ) -> SystemNode | None:
        """Change a client's display name, location, purpose or level.

        Given a :class:`SystemNode` (from ``get_client``), the fields not named here are sent
        as they are, so nothing is cleared by accident; given a bare client id, only the named
        fields are sent. ``None`` clears a field.

        Args:
            client: the client, or its ``client_id``.
            level_id: the level (``client_group_id``) to move the client to.
            move_with_history: when the level changes, move the client's history too.

        Returns:
            The client as the server answers it (None if it answers with no body).

        Raises:
            ValueError: a node without a ``client_id`` (a level), or no field to change.
            NotFoundError: no client has that id.
        """
        wanted = {
            "displayName": display_name,
            "location": location,
            "purpose": purpose,
            "clientGroupId": level_id,
        }
        if isinstance(client, SystemNode):
            if client.client_id is None:
                raise ValueError(f"{client.name!r} has no client_id: only clients can be updated")
            current = {
                "displayName": client.display_name,
                "location": client.location,
                "purpose": client.purpose,
                "clientGroupId": client.client_group_id,
            }
            client_id = client.client_id
        else:
            current = {}
            client_id = client
        if isinstance(client_id, bool) or not isinstance(client_id, int):
            raise TypeError(f"client must be a SystemNode or an int id, got {client_id!r}")
        changes = {key: value for key, value in wanted.items() if value is not _UNCHANGED}
        if not changes:
            raise ValueError("name at least one field to change")
        body = ClientUpdate.from_dict({"clientId": client_id, **current, **changes})

        async def send() -> SystemNode | None:
            response = await system_update_client.asyncio_detailed(
                client=self._api,
                body=body,
                move_with_history=opt(move_with_history),
            )
            data = json_of(response.content)
            return SystemNode.from_wire(data) if isinstance(data, dict) else None

        return await self._call(send)

    async def get_client_log(self, identifier: str) -> ClientLog | None:
        """The most recent log a client uploaded (WATS Client 6.0 or newer).

        Args:
            identifier: the client's identifier (``node.identifier``, a MAC address).

        Returns:
            The log; None when there is none, in lenient mode.
        """
        require(identifier, "identifier")

        async def send() -> ClientLog:
            response = await system_get_client_log.asyncio_detailed(identifier, client=self._api)
            return ClientLog.from_wire(json_of(response.content))

        return await self._lookup(send)

    async def get_level(self, path: Sequence[str] | str) -> int | None:
        """The id of a level from its path, topmost first; None if the path does not exist.

        ``await api.system.get_level(["Acme", "Line 2"])`` (or ``"Acme/Line 2"``).
        """
        names = _hierarchy(path)

        async def send() -> int | None:
            response = await system_get_level.asyncio_detailed(client=self._api, hierarchy=names)
            return _level_id(response.content)

        return await self._call(send)

    async def create_level(self, path: Sequence[str] | str) -> int | None:
        """Create the levels of a path that do not exist yet; return the last one's id.

        Safe to repeat: existing levels are reused, so the call is retried like a read.
        """
        names = _hierarchy(path)

        async def send() -> int | None:
            response = await system_create_level.asyncio_detailed(client=self._api, body=names)
            return _level_id(response.content)

        return await self._call(send)

    async def get_status(self) -> dict[str, str]:
        """The server's status entries (names and text values)."""

        async def send() -> dict[str, str]:
            response = await system_get_status.asyncio_detailed(client=self._api)
            data = json_of(response.content)
            if not isinstance(data, dict):
                raise TypeError(f"expected a status object, got {type(data).__name__}")
            return {str(key): "" if value is None else str(value) for key, value in data.items()}

        return await self._call(send)
