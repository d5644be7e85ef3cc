"""Load openapi/wats.yaml and the server's Swagger documents for the contract tests.

The server documents live in the sibling folder ../shared (never copied into the repository);
tests that need them call `server_swagger()`, which skips with a reason when it is absent.
The target lists (which operations, which fields) are always computed from those documents at
test time, never from a copy kept here.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO / "openapi" / "wats.yaml"
SHARED = REPO / ".." / "shared"
SWAGGER_DIR = SHARED / "reference" / "wats-server-swagger"
REAL_REPORTS = SHARED / "fixtures" / "real-reports"

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
# The domains the spec covers, as path prefixes of the server's public document: the eight of
# the first issue, then those of issue 20.
DOMAIN_PATH = re.compile(
    r"^/api/(Report|Product|Products|Asset|Production|App|Software|RootCause"
    r"|Auth|SCIM|BarcodeIdentifiers"
    r"|SystemManager|SystemStatus|Export|Workflow"
    r")(/|$)"
)
WSJF_PREFIX = "Virinco.WATS.Schemas.WSJF."


@cache
def spec() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return data


@cache
def _swagger() -> tuple[dict[str, Any], dict[str, Any]] | None:
    public = SWAGGER_DIR / "openapi_public.json"
    internal = SWAGGER_DIR / "openapi_internal.json"
    if not (public.is_file() and internal.is_file()):
        return None
    return (
        json.loads(public.read_text(encoding="utf-8")),
        json.loads(internal.read_text(encoding="utf-8")),
    )


def server_swagger() -> tuple[dict[str, Any], dict[str, Any]]:
    """Return (public, internal) Swagger 2.0 documents, or skip the test."""
    docs = _swagger()
    if docs is None:
        pytest.skip(f"the server's Swagger files are not at {SWAGGER_DIR.resolve()} (../shared)")
    return docs


def spec_operations() -> dict[tuple[str, str], dict[str, Any]]:
    """(method, path) -> operation object of openapi/wats.yaml."""
    return {
        (method, path): op
        for path, item in spec()["paths"].items()
        for method, op in item.items()
        if method in HTTP_METHODS
    }


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref` in openapi/wats.yaml."""
    while "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def template_shape(path: str) -> str:
    """The route with parameter names blanked: /api/Asset/{assetId} -> /api/Asset/{}."""
    return re.sub(r"\{[^}]+\}", "{}", path)


def public_domain_operations() -> dict[tuple[str, str], list[str]]:
    """Distinct public operations of the eight domains: (method, shape) -> server paths.

    The server lists some routes under several templates of the same shape (GET
    /api/Asset/{assetId} and /api/Asset/{serialNumber}); OpenAPI can hold only one of them,
    so they count as one operation.
    """
    public, _ = server_swagger()
    ops: dict[tuple[str, str], list[str]] = {}
    for path, item in public["paths"].items():
        if DOMAIN_PATH.match(path):
            for method in item:
                if method in HTTP_METHODS:
                    ops.setdefault((method, template_shape(path)), []).append(path)
    return ops


def server_operation(method: str, path: str) -> dict[str, Any] | None:
    """The server's operation for (method, path), from the public or else the internal document."""
    for doc in server_swagger():
        op = doc["paths"].get(path, {}).get(method)
        if op is not None:
            return dict(op)
    return None


def server_definition(name: str) -> dict[str, Any] | None:
    for doc in server_swagger():
        found = doc["definitions"].get(name)
        if found is not None:
            return dict(found)
    return None


def base_type(schema: dict[str, Any]) -> tuple[str | None, str | None]:
    """(type, format) of a schema, with OpenAPI 3.1's `"null"` alternative removed."""
    kind = schema.get("type")
    if isinstance(kind, list):
        rest = [k for k in kind if k != "null"]
        kind = rest[0] if len(rest) == 1 else None
    return kind, schema.get("format")


def without_null(schema: dict[str, Any]) -> dict[str, Any]:
    """Drop the `{type: null}` branch of `anyOf: [X, {type: null}]`."""
    options = schema.get("anyOf")
    if options:
        rest = [o for o in options if o.get("type") != "null"]
        if len(rest) == 1:
            return dict(rest[0])
    return schema
