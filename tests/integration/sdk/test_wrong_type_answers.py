"""Answers of the wrong type are "could not be read" errors, not half-empty objects
(issue 19, item 9). The emulator answers 200 with the body under test, over a real socket."""

from __future__ import annotations

import pytest

from pywats import WatsError
from pywats._sync._client import pyWATS
from pywats.testing import Emulator

PATH = "/api/Product/PCB-1001"


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ("[]", "expected a JSON object"),
        ("[1, 2]", "could not be read"),
        ('"PCB-1001"', "could not be read"),
        ('{"partNumber": 5}', "Product.part_number is int '5', expected str"),
        ('{"partNumber": "PCB-1001", "nonSerial": "no"}', "non_serial is str 'no', expected bool"),
        ('{"partNumber": "PCB-1001", "state": true}', "state is bool 'True', expected int"),
        ('{"partNumber": "PCB-1001", "revisions": 3}', "revisions is int '3', expected list"),
        ('{"partNumber": "PCB-1001", "tags": [{"key": 1}]}', "Tag.key is int '1', expected str"),
    ],
)
def test_a_wrong_type_answer_cannot_be_read(
    fresh_emulator: Emulator, body: str, names: str
) -> None:
    fresh_emulator.faults.add("GET", PATH, status=200, body=body)
    with (
        pyWATS(fresh_emulator.url, fresh_emulator.token, retry=None) as api,
        pytest.raises(WatsError, match="could not be read") as caught,
    ):
        api.product.get("PCB-1001")
    assert names in str(caught.value)


def test_a_right_type_answer_still_reads(fresh_emulator: Emulator) -> None:
    body = '{"partNumber": "PCB-1001", "name": "Board", "state": 1, "nonSerial": false}'
    fresh_emulator.faults.add("GET", PATH, status=200, body=body)
    with pyWATS(fresh_emulator.url, fresh_emulator.token, retry=None) as api:
        product = api.product.get("PCB-1001")
    assert product is not None
    assert (product.part_number, product.name, product.state) == ("PCB-1001", "Board", 1)
