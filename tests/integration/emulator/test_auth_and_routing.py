"""Authentication, case-insensitive routing and the server's error bodies."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from pywats.testing import Emulator


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Basic d3Jvbmc6dG9rZW4="},
        {"Authorization": "Bearer x"},
        {"Authorization": "Basic"},
    ],
)
def test_requests_without_a_valid_token_get_401(
    fresh_emulator: Emulator, headers: dict[str, str]
) -> None:
    response = httpx.get(f"{fresh_emulator.url}/api/App/Version", headers=headers)
    assert response.status_code == 401
    assert response.json() == {"Message": "Authorization has been denied for this request."}


def test_a_valid_token_is_accepted_with_any_scheme_case(fresh_emulator: Emulator) -> None:
    headers = {"Authorization": f"basic {fresh_emulator.token}"}
    response = httpx.get(f"{fresh_emulator.url}/api/App/Version", headers=headers)
    assert response.status_code == 200
    assert isinstance(response.json(), str)


@pytest.mark.parametrize("path", ["/api/app/version", "/API/APP/VERSION", "/api/App/Version"])
def test_routes_are_case_insensitive(client: httpx.Client, path: str) -> None:
    assert client.get(path).status_code == 200


def test_unknown_route_is_404_and_wrong_method_405(client: httpx.Client) -> None:
    missing = client.get("/api/Nothing/Here")
    assert missing.status_code == 404
    assert "No HTTP resource was found" in missing.json()["Message"]
    assert client.delete("/api/App/Version").status_code == 405


def test_query_parameter_names_are_case_insensitive(client: httpx.Client) -> None:
    rows = client.get("/api/App/Processes", params={"INCLUDEREPAIROPERATIONS": "true"}).json()
    assert {p["code"] for p in rows} == {500, 510}


def test_missing_required_parameter_is_400(client: httpx.Client) -> None:
    response = client.get("/api/Production/Units/Changes")
    assert response.status_code == 400
    assert "maxCount" in response.json()["MessageDetail"]


def test_reset_restores_the_seed(fresh_emulator: Emulator, client: httpx.Client) -> None:
    client.put("/api/Product", json={"partNumber": "P1"})
    assert fresh_emulator.entities("product")
    fresh_emulator.reset()
    assert fresh_emulator.entities("product") == []
    assert len(fresh_emulator.entities("process")) == 8
    assert fresh_emulator.requests.total() == 0


def test_file_database_keeps_data_across_restarts(tmp_path: Path) -> None:
    db = str(tmp_path / "wats.db")
    with Emulator(db=db) as first:
        httpx.put(
            f"{first.url}/api/Product", json={"partNumber": "KEEP"}, headers=first.auth_headers
        )
    with Emulator(db=db) as second:
        response = httpx.get(f"{second.url}/api/Product/KEEP", headers=second.auth_headers)
        assert response.status_code == 200
        assert len(second.entities("process")) == 8  # seeded once, not twice


def test_repr_hides_the_token(fresh_emulator: Emulator) -> None:
    assert fresh_emulator.token not in repr(fresh_emulator)
