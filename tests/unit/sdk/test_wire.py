from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from pywats import ReportValidationError, WatsError
from pywats._models import Product, ProductRevision, Tag, from_generated, many, one, the
from pywats._reportio import prepare_submission, submitted_id
from pywats._serials import parse_serial_numbers
from pywats._station import Station
from pywats._wire import as_uuid, file_bytes, json_of, model, one_of


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


def test_generated_models_become_pywats_values() -> None:
    from wats_api import models as wire

    generated = wire.Product.from_dict(
        {
            "partNumber": "P",
            "revisions": [{"revision": "A", "PartNumber": "P"}],
            "tags": [{"key": "k", "value": "v"}],
            "futureField": 1,
        }
    )
    product = from_generated(Product, generated)
    assert product.part_number == "P"
    assert product.name is None  # UNSET becomes None
    assert product.revisions == [ProductRevision(revision="A", part_number="P")]
    assert product.tags == [Tag(key="k", value="v")]
    assert product.extra == {"futureField": 1}
    assert product.to_dict() == {
        "partNumber": "P",
        "revisions": [{"revision": "A", "PartNumber": "P"}],
        "tags": [{"key": "k", "value": "v"}],
        "futureField": 1,
    }
    assert one(Product, None) is None
    assert many(Product, None) == []
    assert many(Product, generated) == [product]
    with pytest.raises(WatsError, match="without the Product"):
        the(Product, None)


def test_model_sends_values_without_nulls_and_mappings_as_given() -> None:
    from wats_api import models as wire

    built = model(wire.Product, {"partNumber": "P", "name": None})
    assert built.name is None
    round_trip = model(wire.Product, Product(part_number="P"))
    assert round_trip.to_dict() == {"partNumber": "P"}
    with pytest.raises(TypeError):
        model(wire.Product, 42)


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
