"""System Manager values read tolerantly, and the no-route 404 told from a missing record."""

from __future__ import annotations

import datetime as dt

import pytest

from pywats import ClientLog, SystemNode, UnsupportedOperationError
from pywats._exceptions import is_missing_route
from pywats._models_system import nodes_from_wire


def test_a_node_reads_any_key_case_and_keeps_unknown_keys() -> None:
    node = SystemNode.from_wire(
        {
            "Name": "ICT-01",
            "TYPE": "Client",
            "clientId": 7,
            "typeEnum": 5,
            "lastReportUtc": "2026-12-03T08:00:00.1234567Z",
            "pendingCount": "3",  # wrong type: None, not a crash
            "osVersion": "Windows 11",
        }
    )
    assert (node.name, node.kind, node.client_id, node.client_type) == ("ICT-01", "Client", 7, 5)
    assert node.last_report == dt.datetime(2026, 12, 3, 8, 0, 0, 123456, tzinfo=dt.UTC)
    assert node.pending_count is None
    assert node.extra == {"osVersion": "Windows 11"}
    assert not node.is_level
    assert SystemNode.from_wire({"type": "Level", "name": "Acme"}).is_level


def test_client_lists_and_logs_of_other_shapes() -> None:
    assert nodes_from_wire(None) == []
    assert [n.name for n in nodes_from_wire({"clients": [{"name": "A"}]})] == ["A"]
    with pytest.raises(TypeError):
        nodes_from_wire("clients")
    assert ClientLog.from_wire("line 1\nline 2").text == "line 1\nline 2"
    log = ClientLog.from_wire({"ClientId": 3, "Text": "x", "logDate": "2026-12-03T08:00:00"})
    assert (log.client_id, log.text) == (3, "x")
    assert log.log_date is not None
    assert log.log_date.tzinfo is not None


@pytest.mark.parametrize(
    ("status", "message", "missing"),
    [
        (404, "No HTTP resource was found that matches the request URI 'https://x/api/A'.", True),
        (404, "No type was found that matches the controller named 'Export'.", True),
        (404, "No action was found on the controller 'Export' that matches the request.", True),
        (404, "Unit 'SN-1' was not found.", False),  # a record: NotFoundError as before
        (404, "", False),
        (400, "No HTTP resource was found that matches the request URI 'x'.", False),
    ],
)
def test_only_the_no_route_answer_is_a_missing_operation(
    status: int, message: str, missing: bool
) -> None:
    assert is_missing_route(status, message) is missing


def test_the_missing_operation_is_named_without_host_or_query() -> None:
    error = UnsupportedOperationError.for_route(
        "GET", "https://acme.wats.com/wats/api/SystemStatus", body="{}"
    )
    assert error.operation == "GET /wats/api/SystemStatus"
    assert str(error).startswith("404 from GET https://acme.wats.com/wats/api/SystemStatus: ")
    assert "the server has no operation GET /wats/api/SystemStatus" in str(error)
    assert "older WATS version" in str(error)
