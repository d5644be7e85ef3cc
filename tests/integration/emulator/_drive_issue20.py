"""Issue 20's operations for test_every_operation's scenario: Auth, Scim, BarcodeIdentifiers."""

from __future__ import annotations

from typing import Any


def drive_auth_scim_barcodes(drive: Any) -> None:
    """Call each operation once with valid input (``drive`` checks answers against the spec)."""
    drive("GET", "/api/Auth/GetToken")
    drive("GET", "/api/Auth/GetToken/{identifier}", path={"identifier": "line-2"})

    jwt = drive("GET", "/api/SCIM/v2/Token", params={"duration": 7}).json()
    bearer = {"Authorization": f"Bearer {jwt}"}
    user = drive(
        "POST",
        "/api/SCIM/v2/Users",
        headers=bearer,
        json={"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "jdoe"},
    ).json()
    drive("GET", "/api/SCIM/v2/Users", headers=bearer, params={"filter": 'userName eq "jdoe"'})
    drive("GET", "/api/SCIM/v2/Users/{id}", path={"id": user["id"]}, headers=bearer)
    drive(
        "GET", "/api/SCIM/v2/Users/userName={userName}", path={"userName": "jdoe"}, headers=bearer
    )
    patch = {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "replace", "path": "givenName", "value": "Jane"}],
    }
    drive("PATCH", "/api/SCIM/v2/Users/{id}", path={"id": user["id"]}, headers=bearer, json=patch)
    drive("DELETE", "/api/SCIM/v2/Users/{id}", path={"id": user["id"]}, headers=bearer)

    rule = drive(
        "PUT",
        "/api/BarcodeIdentifiers/BarcodeIdentifier",
        json={"pattern": "^S", "serialNumber": "^S(\\d+)", "order": 1},
    ).json()
    drive("GET", "/api/BarcodeIdentifiers/BarcodeIdentifiers")
    drive("GET", "/api/BarcodeIdentifiers/IdentifyBarcode", params={"code": "S123"})
    drive("DELETE", "/api/BarcodeIdentifiers/BarcodeIdentifier/{id}", path={"id": rule["id"]})
