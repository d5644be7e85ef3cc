"""``wats barcode`` and ``wats scim`` against the emulator."""

from __future__ import annotations

import json

import pytest

from pywats.testing import Emulator
from tests.cli.conftest import Wats


def test_identify_a_barcode(wats: Wats, online: Emulator) -> None:
    default = wats("barcode", "identify", "SN-1/PCB-1001/A/B1/100", "-o", "json")
    assert default.exit_code == 0, default.stderr
    assert json.loads(default.stdout)["partNumber"] == "PCB-1001"
    with online.store.transaction():
        online.store.put(
            "barcode", "1", {"id": 1, "pattern": "^X", "serialNumber": r"^X(\d+)", "order": 1}
        )
    listed = json.loads(wats("barcode", "list", "-o", "json").stdout)
    assert [row["id"] for row in listed] == [1]
    ruled = json.loads(wats("barcode", "identify", "X42", "-o", "json").stdout)
    assert (ruled["id"], ruled["serialNumber"]) == (1, "42")


def test_scim_users_need_the_scim_token(
    wats: Wats, online: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYWATS_SCIM_TOKEN", raising=False)
    refused = wats("scim", "users")
    assert refused.exit_code == 4
    assert "next: get a SCIM token with `wats scim token`" in refused.stderr

    made = wats("scim", "token", "--days", "7")  # the command the hint names, as printed
    assert made.exit_code == 0, made.stderr
    jwt = made.stdout.strip()
    assert jwt.count(".") == 2
    monkeypatch.setenv("PYWATS_SCIM_TOKEN", jwt)
    assert json.loads(wats("scim", "users", "-o", "json").stdout) == []

    monkeypatch.setenv("PYWATS_SCIM_TOKEN", online.token)  # the API token is not one
    wrong = wats("scim", "users")
    assert wrong.exit_code == 4
    assert online.token not in wrong.stderr
