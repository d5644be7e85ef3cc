"""The WSJF report schema is complete: every WSJF definition and field of the server is here.

The target list is the server's internal Swagger (`Virinco.WATS.Schemas.WSJF.*`), read at test
time; real server exports must validate against our schema.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from ._documents import REAL_REPORTS, WSJF_PREFIX, server_swagger, spec, spec_operations


def _wsjf_schemas() -> dict[str, dict[str, Any]]:
    """Server WSJF definition name -> our schema."""
    return {
        schema["x-wats-type"]: schema
        for schema in spec()["components"]["schemas"].values()
        if schema.get("x-wats-type", "").startswith(WSJF_PREFIX)
    }


def test_every_wsjf_definition_and_field_is_in_the_spec() -> None:
    _, internal = server_swagger()
    targets = {k: v for k, v in internal["definitions"].items() if k.startswith(WSJF_PREFIX)}
    ours = _wsjf_schemas()
    assert len(targets) >= 25  # Report, UUT, UUR, Step, every measurement kind, ...
    assert sorted(targets.keys() - ours.keys()) == []
    missing = [
        f"{name}.{field}"
        for name, definition in targets.items()
        for field in definition.get("properties", {})
        if field not in ours[name].get("properties", {})
    ]
    assert missing == []
    extra = [
        f"{name}.{field}"
        for name, schema in ours.items()
        for field in schema.get("properties", {})
        if field not in targets[name].get("properties", {})
    ]
    assert extra == []


def test_wsjf_schema_is_what_the_report_operations_send_and_return() -> None:
    ops = {op["operationId"]: op for op in spec_operations().values()}
    ref = {"$ref": "#/components/schemas/WsjfReport"}
    post = ops["report_post_wsjf"]["requestBody"]["content"]["application/json"]["schema"]
    get = ops["report_get_wsjf"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert post == ref
    assert get == ref


@pytest.mark.parametrize(
    "name", ["uut-wsjf-export.json", "uur_example.json", "new_report_example.json"]
)
def test_real_server_exports_validate_against_the_schema(name: str) -> None:
    path = REAL_REPORTS / name
    if not path.is_file():
        pytest.skip(f"real report exports are not at {REAL_REPORTS.resolve()} (../shared)")
    report = json.loads(path.read_text(encoding="utf-8-sig"))
    # Close every object schema, so a key the schema lacks is an error too.
    components = json.loads(json.dumps(spec()["components"]))
    for schema in components["schemas"].values():
        schema["additionalProperties"] = False
    validator = jsonschema.Draft202012Validator(
        {"$ref": "#/components/schemas/WsjfReport", "components": components}
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(report)]
    assert errors == []


def test_schema_rejects_a_report_with_a_wrong_field_name() -> None:
    components = json.loads(json.dumps(spec()["components"]))
    for schema in components["schemas"].values():
        schema["additionalProperties"] = False
    validator = jsonschema.Draft202012Validator(
        {"$ref": "#/components/schemas/WsjfReport", "components": components}
    )
    # pyWATS once wrote loop info as i/n; the schema names are idx/num.
    bad = {"type": "T", "root": {"loop": {"i": 0, "n": 2}}}
    assert not validator.is_valid(bad)
    assert validator.is_valid({"type": "T", "root": {"loop": {"idx": 0, "num": None}}})
