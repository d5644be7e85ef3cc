"""The short road (JSON → pywats value) gives what the long one (JSON → generated model →
pywats value) gives: the same values, the same ``extra``, the same errors, for every value
class, on well-formed and malformed answers alike."""

from __future__ import annotations

import copy
import importlib
import random
from typing import Any

import attrs
import pytest
import wats_api.models

import pywats._models as models
from pywats import WatsError
from pywats._answers import _kind, _plan, from_json, has_plan, read_json
from pywats._models import from_generated

for _module in sorted(set(models._LAZY.values())):
    importlib.import_module(_module)

WIRE_NAMES = sorted(models._BY_WIRE)
GUID = "b1a26844-de25-4b9c-8d36-5c1eb023e2a9"


def _sample(wire_name: str, rng: random.Random, depth: int = 0) -> dict[str, Any]:
    """A JSON object for ``wire_name``: mostly well-formed, sometimes wrong in one way."""
    generated = getattr(wats_api.models, wire_name)
    data: dict[str, Any] = {}
    for field in attrs.fields(generated):
        if field.name == "additional_properties":
            continue
        key = next(iter(generated(**{field.name: None}).to_dict()))
        found = _kind(str(field.type))
        kind, nested = found if found is not None else ("plain", "")
        text = str(field.type)
        good: Any
        if kind == "uuid":
            good = GUID
        elif kind == "datetime":
            good = "2026-12-03T10:15:30.1234567+01:00"[: rng.choice([25, 32])]
        elif kind == "model":
            good = _sample(nested, rng, depth + 1) if depth < 2 else None
        elif kind == "models":
            good = [_sample(nested, rng, depth + 1) for _ in range(2)] if depth < 2 else []
        elif text.startswith("int"):
            good = rng.randint(-5, 5)
        elif text.startswith("float"):
            good = rng.choice([1.5, 2, -0.25])
        elif text.startswith("bool"):
            good = rng.choice([True, False])
        elif text.startswith("list[str]"):
            good = ["a", "b"]
        else:
            good = rng.choice(["PCB-1001", "", "ÆØÅ"])
        bad = [None, 5, "not-a-guid", "yesterday", True, [1, [2]], {"x": 1}, [5, {"k": "v"}]]
        choice = rng.random()
        if choice < 0.15:
            continue  # missing
        data[key] = rng.choice(bad) if choice < 0.3 else good
    if rng.random() < 0.3:
        data["unknownField"] = {"kept": [1, 2]}
    return data


def _outcome(call: Any) -> Any:
    try:
        value = call()
    except WatsError as exc:
        return ("error", type(exc), str(exc))
    return ("value", type(value), attrs.asdict(value, recurse=True))


def _long_road(wire_name: str, data: dict[str, Any]) -> Any:
    cls = models._BY_WIRE[wire_name]
    return from_generated(cls, getattr(wats_api.models, wire_name).from_dict(data))


def _short_road(wire_name: str, data: dict[str, Any]) -> Any:
    from pywats._answers import _read

    return _read(wire_name, data)


@pytest.mark.parametrize("wire_name", WIRE_NAMES)
def test_both_roads_agree(wire_name: str) -> None:
    if not _plan(wire_name):
        pytest.skip(f"{wire_name} takes the long road (a field kind the short one lacks)")
    rng = random.Random(wire_name)
    for _ in range(60):
        data = _sample(wire_name, rng)
        long = _outcome(lambda d=copy.deepcopy(data): _long_road(wire_name, d))
        short = _outcome(lambda d=copy.deepcopy(data): _short_road(wire_name, d))
        assert short == long, data


def test_most_value_classes_take_the_short_road() -> None:
    # the hot reads must: a product, its revisions and tags, report headers, units
    for name in ("Product", "ProductRevision", "Tag", "ReportHeader", "Unit"):
        assert has_plan(models._BY_WIRE[name]), name
    assert sum(bool(_plan(name)) for name in WIRE_NAMES) >= len(WIRE_NAMES) - 3


def test_a_product_answer_reads_with_its_wire_names() -> None:
    from pywats._models_products import Product

    body = (
        b'{"productId": "%s", "partNumber": "PCB-1", "nonSerial": false, "state": 1,'
        b' "revisions": [{"revision": "A", "PartNumber": "PCB-1", "tags": []}],'
        b' "tags": [{"key": "k", "value": "v"}], "futureField": 7}' % GUID.encode()
    )
    product = read_json(Product, body)
    assert str(product.product_id) == GUID
    assert product.part_number == "PCB-1"
    assert product.non_serial is False
    assert product.revisions is not None
    assert product.revisions[0].revision == "A"
    assert product.revisions[0].part_number == "PCB-1"
    assert product.tags is not None
    assert product.tags[0].key == "k"
    assert product.extra == {"futureField": 7}
    with pytest.raises(TypeError, match="expected a JSON object"):
        read_json(Product, b"[]")
    with pytest.raises(WatsError, match=r"Product\.part_number is int"):
        from_json(Product, {"partNumber": 5})
