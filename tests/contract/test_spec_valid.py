"""openapi/wats.yaml is valid OpenAPI and keeps the conventions the SDK relies on."""

from __future__ import annotations

import keyword
import re

from openapi_spec_validator import validate

from ._documents import resolve, spec, spec_operations

TAGS = {"Report", "Product", "Asset", "Production", "Analytics", "Process", "Software", "RootCause"}
TAGS |= {"System", "Export", "Workflow"}  # issue 20
TAGS |= {"Auth", "Scim", "BarcodeIdentifiers"}
# SCIM's user operations authenticate with their own JWT (Bearer), not the API token.
SCIM_USERS = "/api/SCIM/v2/Users"


def test_spec_is_valid_openapi_3_1() -> None:
    document = spec()
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_operation_ids_are_unique_python_names() -> None:
    ids = [op["operationId"] for op in spec_operations().values()]
    assert len(ids) == len(set(ids))
    bad = [i for i in ids if not re.fullmatch(r"[a-z][a-z0-9_]*", i) or keyword.iskeyword(i)]
    assert bad == []


def test_every_operation_has_one_domain_tag_and_our_description() -> None:
    for (method, path), op in spec_operations().items():
        assert len(op["tags"]) == 1, (method, path)
        assert op["tags"][0] in TAGS, (method, path)
        assert op["operationId"].startswith(_prefix(op["tags"][0])), (method, path)
        assert op.get("summary"), (method, path)
        assert op.get("description"), (method, path)
    assert {tag["name"] for tag in spec()["tags"]} == TAGS


def test_basic_auth_applies_to_every_operation() -> None:
    document = spec()
    assert document["components"]["securitySchemes"]["basic"] == {
        **document["components"]["securitySchemes"]["basic"],
        "type": "http",
        "scheme": "basic",
    }
    assert document["security"] == [{"basic": []}]
    assert document["components"]["securitySchemes"]["scim"] == {
        **document["components"]["securitySchemes"]["scim"],
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
    }
    for (method, path), op in spec_operations().items():
        if path.startswith(SCIM_USERS):
            assert op["security"] == [{"scim": []}], (method, path)
        else:
            assert "security" not in op, (method, path)


def test_non_json_payloads_are_binary_strings() -> None:
    """The generator emits broken code for a non-JSON body or response typed as plain string."""
    for (method, path), op in spec_operations().items():
        contents = [op.get("requestBody", {}).get("content", {})]
        contents += [r.get("content", {}) for r in op["responses"].values()]
        for content in contents:
            for media_type, media in content.items():
                if media_type in ("application/json", "application/scim+json"):
                    continue
                schema = resolve(media["schema"])
                if media_type == "multipart/form-data":
                    parts = schema["properties"].values()
                    assert all(p == {**p, "format": "binary"} for p in parts), (method, path)
                else:
                    assert schema == {"type": "string", "format": "binary"}, (method, path)


def _prefix(tag: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", tag).lower() + "_"
