from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from pywats import ReportValidationError
from pywats._reportio import prepare_submission, submitted_id
from pywats._serials import parse_serial_numbers
from pywats._station import Station
from pywats._wire import as_uuid, clean, file_bytes, json_of, model, one_of


def _wsjf(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "type": "T",
        "pn": "PCB-1",
        "sn": "SN-1",
        "rev": "A",
        "processCode": 10,
        "result": "P",
        "machineName": "",
        "location": "",
        "purpose": "",
        "start": "2026-01-30T22:01:41.4707353+01:00",
        "root": {"id": 0, "group": "M", "stepType": "SequenceCall", "name": "Main", "status": "P"},
        "uut": {"user": "op"},
    }
    data.update(overrides)
    return data


def test_prepare_fills_station_and_id_without_touching_the_caller() -> None:
    original = _wsjf()
    data = prepare_submission(original, Station("ST-1", "Line 1", "Production"))
    assert (data["machineName"], data["location"], data["purpose"]) == (
        "ST-1",
        "Line 1",
        "Production",
    )
    assert uuid.UUID(data["id"])
    assert "id" not in original
    assert original["machineName"] == ""


def test_prepare_collects_every_problem() -> None:
    with pytest.raises(ReportValidationError) as info:
        prepare_submission(_wsjf(result="Q", sn=""), None)
    assert len(info.value.lines) >= 2


def test_prepare_reads_files_and_refuses_other_things(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(_wsjf(machineName="M", location="L", purpose="P")))
    assert prepare_submission(path, None)["machineName"] == "M"
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(ReportValidationError, match="not JSON"):
        prepare_submission(bad, None)
    with pytest.raises(TypeError, match="WSJF dict"):
        prepare_submission(42, None)


def test_submitted_id_reads_every_answer_shape() -> None:
    rid = uuid.uuid4()
    data = {"id": str(rid)}
    assert submitted_id({"ID": str(rid), "uuid": str(rid), "Report_ID": 3}, data) == rid
    assert submitted_id([{"ID": str(rid)}], data) == rid
    assert submitted_id(str(rid), data) == rid
    assert submitted_id(None, data) == rid


def test_clean_replaces_unset_recursively() -> None:
    from wats_api.models import Product, ProductRevision
    from wats_api.types import UNSET

    product = Product(part_number="P", revisions=[ProductRevision(revision="A")])
    assert product.name is UNSET
    clean(product)
    assert product.name is None
    assert product.revisions[0].name is None  # type: ignore[index]
    assert product.part_number == "P"


def test_model_drops_nulls_from_models_but_keeps_mappings() -> None:
    from wats_api.models import Product

    built = model(Product, {"partNumber": "P", "name": None})
    assert built.name is None
    round_trip = model(Product, clean(Product(part_number="P")))
    assert "name" not in round_trip.to_dict()
    with pytest.raises(TypeError):
        model(Product, 42)  # type: ignore[arg-type]


def test_small_helpers(tmp_path: Path) -> None:
    assert json_of(b"  ") is None
    assert json_of(b'{"a": 1}') == {"a": 1}
    rid = uuid.uuid4()
    assert as_uuid(str(rid).upper()) == rid
    with pytest.raises(ValueError, match="GUID"):
        as_uuid("nope")
    with pytest.raises(ValueError, match="exactly one"):
        one_of(None, None)
    path = tmp_path / "f.bin"
    path.write_bytes(b"abc")
    assert file_bytes(path) == b"abc"
    assert file_bytes(str(path)) == b"abc"
    assert file_bytes(b"xyz") == b"xyz"


def test_serial_number_files() -> None:
    xml = b'<SerialNumbers type="SN"><SN id="SN1" state="Taken"/><SN id="SN2"/></SerialNumbers>'
    assert parse_serial_numbers(xml) == ["SN1", "SN2"]
    csv = b"SerialNumber,State\nSN1,Free\nSN2,Free\n"
    assert parse_serial_numbers(csv) == ["SN1", "SN2"]
    assert parse_serial_numbers(b"") == []
