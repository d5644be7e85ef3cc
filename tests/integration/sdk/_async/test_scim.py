"""``api.scim`` against the emulator (async source; ``_sync/`` is generated from it)."""

from __future__ import annotations

import pytest

from pywats import BadRequestError, ConflictError, NotFoundError, ScimName, ScimTokenError, ScimUser
from pywats._async._client import AsyncWATS
from pywats.testing import Emulator


@pytest.mark.anyio
async def test_users_need_the_scim_token_and_say_how_to_get_one(
    async_api: AsyncWATS, fresh: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYWATS_SCIM_TOKEN", raising=False)
    scim = async_api.with_options(max_retries=0).scim
    assert not scim.has_token
    with pytest.raises(ScimTokenError, match=r"api\.scim\.create_token\(\)"):
        await scim.list_users()
    assert fresh.requests[("GET", "/api/scim/v2/users")] == 0  # refused before any I/O

    with pytest.raises(ScimTokenError, match="GET /api/SCIM/v2/Token") as refused:
        await scim.with_token(fresh.token).list_users()  # the API token is not a SCIM token
    assert refused.value.status == 401
    assert fresh.token not in str(refused.value)


@pytest.mark.anyio
async def test_user_lifecycle(async_api: AsyncWATS, fresh: Emulator) -> None:
    jwt = await async_api.scim.create_token(duration_days=7)
    assert jwt.count(".") == 2
    scim = async_api.scim.with_token(jwt)
    assert jwt not in repr(scim)

    jane = await scim.create_user(
        ScimUser(user_name="jdoe", name=ScimName(given_name="J", family_name="Doe"))
    )
    assert jane.id is not None
    assert jane.active is True
    assert jane.meta is not None
    assert jane.meta.created is not None
    await scim.create_user({"userName": "asmith", "externalId": "e-2"})
    with pytest.raises(ConflictError):
        await scim.create_user({"userName": "JDOE"})

    page = await scim.list_users(filter='userName eq "jdoe"')
    assert page.total_results == 1
    assert [u.id for u in page.users or []] == [jane.id]
    assert [u.user_name async for u in scim.iter_users(page_size=1)] == ["jdoe", "asmith"]
    assert (await scim.get_user(jane.id)) == jane
    by_name = await scim.get_user_by_name("jdoe")
    assert by_name is not None
    assert by_name.id == jane.id

    changed = await scim.update_user(
        jane.id,
        {"givenName": "Jane", "email": "jane@example.com", "roles": "Operator", "active": False},
    )
    assert changed.name is not None
    assert changed.name.given_name == "Jane"
    assert [e.value for e in changed.emails or []] == ["jane@example.com"]
    assert [r.value for r in changed.roles or []] == ["Operator"]
    assert changed.active is False
    await scim.update_user(jane.id, {"levels": "Plant A;Line 2"})
    assert fresh.entities("scimuser")[0]["_levels"] == ["Plant A", "Line 2"]

    await scim.delete_user(jane.id)
    with pytest.raises(NotFoundError):
        await scim.get_user(jane.id)
    lenient = async_api.with_options(error_mode="lenient").scim.with_token(jwt)
    assert await lenient.get_user(jane.id) is None
    assert await lenient.get_user_by_name("jdoe") is None


@pytest.mark.anyio
async def test_changes_the_server_refuses(async_api: AsyncWATS) -> None:
    scim = async_api.scim.with_token(await async_api.scim.create_token())
    user = await scim.create_user({"userName": "op1"})
    assert user.id is not None
    with pytest.raises(BadRequestError, match="Wizard"):
        await scim.update_user(user.id, {"roles": "Wizard"})
    with pytest.raises(BadRequestError, match="userName"):
        await scim.update_user(user.id, {"userName": "x"})
    with pytest.raises(TypeError):
        await scim.update_user(user.id, {"active": 1})  # type: ignore[dict-item]
