"""Hold openapi/wats.yaml against the server's own Swagger documents.

Every operation, parameter (name, location, required-ness, type), request body, response type
and schema field of our spec must exist on the server, in the public or the internal document.
Each difference gets a key; deliberate ones are listed with their reason in deviations.py, and
the tests fail on any difference not listed there and on any listed one that no longer exists.
"""

from __future__ import annotations

from typing import Any

from ._documents import (
    base_type,
    public_domain_operations,
    resolve,
    server_definition,
    server_operation,
    server_swagger,
    spec,
    spec_operations,
    template_shape,
    without_null,
)
from .deviations import DEVIATIONS, INTERNAL_EXTENSIONS

JSON = "application/json"


def _definition_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _matches(ours: dict[str, Any], theirs: dict[str, Any]) -> bool:
    """Does our (OpenAPI 3.1) schema describe the same JSON as the server's (Swagger 2.0) one?"""
    ours = without_null(ours)
    if "$ref" in theirs:
        if "$ref" not in ours:
            return False
        target = resolve(ours)
        return bool(target.get("x-wats-type") == _definition_name(theirs["$ref"]))
    if theirs.get("type") == "array":
        return base_type(ours)[0] == "array" and _matches(ours["items"], theirs["items"])
    return base_type(ours) == (theirs.get("type"), theirs.get("format"))


def _is_untyped(schema: dict[str, Any] | None) -> bool:
    # A map (`additionalProperties`, e.g. GET /api/SystemStatus) is typed; a bare object is not.
    return (
        schema is not None
        and schema.get("type") == "object"
        and "properties" not in schema
        and "additionalProperties" not in schema
    )


def _compare_parameters(route: str, ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    server_params = {
        (p["name"], p["in"]): p for p in theirs.get("parameters", []) if p["in"] != "body"
    }
    our_params = [resolve(p) for p in ours.get("parameters", [])]
    for param in our_params:
        key = f"{route} param {param['name']}"
        match = server_params.get((param["name"], param["in"]))
        if match is None:
            found[key] = f"{param['in']} parameter not listed by the server"
            continue
        if bool(param.get("required")) != bool(match.get("required")):
            found[key] = f"required={param.get('required')}, server says {match.get('required')}"
        elif base_type(param["schema"]) != (match.get("type"), match.get("format")):
            found[key] = f"type {base_type(param['schema'])}, server has {match.get('type')}"
    ours_named = {(p["name"], p["in"]) for p in our_params}
    for name, location in server_params:
        if (name, location) not in ours_named:
            found[f"{route} param {name}"] = f"server {location} parameter missing from our spec"
    return found


def _compare_body(route: str, ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, str]:
    server_body = next((p for p in theirs.get("parameters", []) if p["in"] == "body"), None)
    body = ours.get("requestBody")
    key = f"{route} body"
    if server_body is None and body is None:
        return {}
    if server_body is None:
        return {key: "request body the server does not declare"}
    if body is None:
        return {key: "server body missing from our spec"}
    content = body["content"]
    if list(content) != [JSON] or not _matches(content[JSON]["schema"], server_body["schema"]):
        return {key: f"body {content} does not match the server's {server_body['schema']}"}
    return {}


def _compare_responses(route: str, ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    for code, response in ours["responses"].items():
        key = f"{route} response {code}"
        if code not in theirs["responses"]:
            found[key] = "status the server does not declare"
            continue
        server_schema = theirs["responses"][code].get("schema")
        content = response.get("content", {})
        if server_schema is None or not content:
            if (server_schema is None) != (not content):
                found[key] = f"content {list(content)}, server schema {server_schema}"
            continue
        if list(content) != [JSON]:
            found[key] = f"served as {list(content)}, server declares JSON {server_schema}"
            continue
        schema = content[JSON]["schema"]
        if _is_untyped(server_schema):
            if schema != {}:
                found[key] = "typed here, untyped (object) on the server"
        elif not _matches(schema, server_schema):
            found[key] = f"schema {schema} does not match the server's {server_schema}"
    return found


def _compare_schema(name: str, schema: dict[str, Any]) -> dict[str, str]:
    server_name = schema.get("x-wats-type")
    if server_name is None:
        return {f"schema {name}": "no server definition (x-wats-type) behind it"}
    definition = server_definition(server_name)
    if definition is None:
        return {f"schema {name}": f"server definition {server_name} does not exist"}
    found: dict[str, str] = {}
    ours = schema.get("properties", {})
    theirs = definition.get("properties", {})
    for field in ours.keys() - theirs.keys():
        found[f"schema {name} field {field}"] = f"not a field of {server_name}"
    for field in theirs.keys() - ours.keys():
        found[f"schema {name} field {field}"] = f"field of {server_name} missing here"
    for field in ours.keys() & theirs.keys():
        if not _matches(ours[field], theirs[field]):
            found[f"schema {name} field {field}"] = f"{ours[field]} vs server {theirs[field]}"
    if sorted(schema.get("required", [])) != sorted(definition.get("required", [])):
        found[f"schema {name} required"] = f"server requires {definition.get('required', [])}"
    return found


def _coverage() -> dict[str, str]:
    found: dict[str, str] = {}
    ours = spec_operations()
    for (method, shape), server_paths in public_domain_operations().items():
        mine = [path for (m, path) in ours if m == method and template_shape(path) == shape]
        if len(mine) != 1 or mine[0] not in server_paths:
            found[f"{method.upper()} {shape} missing"] = f"server paths {server_paths}, ours {mine}"
            continue
        for other in server_paths:
            if other != mine[0]:
                found[f"{method.upper()} {other} path"] = f"described as {mine[0]}"
    return found


def compare_with_server() -> dict[str, str]:
    """Every difference between our spec and the server's Swagger: key -> what differs."""
    found = _coverage()
    for (method, path), op in spec_operations().items():
        route = f"{method.upper()} {path}"
        theirs = server_operation(method, path)
        if theirs is None:
            found[route] = "operation not on the server"
            continue
        found.update(_compare_parameters(route, op, theirs))
        found.update(_compare_body(route, op, theirs))
        found.update(_compare_responses(route, op, theirs))
    for name, schema in spec()["components"]["schemas"].items():
        found.update(_compare_schema(name, schema))
    return found


def test_spec_has_every_public_operation_of_the_eight_domains() -> None:
    targets = public_domain_operations()
    ours = {(m, template_shape(p)) for (m, p) in spec_operations()}
    missing = sorted(f"{m.upper()} {shape}" for (m, shape) in targets if (m, shape) not in ours)
    assert missing == []
    # 126 routes in the server's list, two of them the same GET /api/Asset/{} route: the eight
    # domains' 100 operations, Auth 2, SCIM 7, BarcodeIdentifiers 4, SystemManager 6,
    # SystemStatus 1, Export 3, Workflow 2. The whole public API.
    assert sum(len(paths) for paths in targets.values()) == 126
    assert len(targets) == 125


def test_spec_is_the_public_operations_plus_the_listed_internal_extensions() -> None:
    public, internal = server_swagger()
    beyond_public = {
        f"{m.upper()} {p}" for (m, p) in spec_operations() if m not in public["paths"].get(p, {})
    }
    assert beyond_public == set(INTERNAL_EXTENSIONS)
    for route in INTERNAL_EXTENSIONS:
        method, path = route.split(" ", 1)
        assert method.lower() in internal["paths"].get(path, {}), route
    assert len(spec_operations()) == len(public_domain_operations()) + len(INTERNAL_EXTENSIONS)


def test_every_operation_of_the_spec_exists_on_the_server() -> None:
    server_swagger()
    absent = [f"{m.upper()} {p}" for (m, p) in spec_operations() if server_operation(m, p) is None]
    assert absent == []


def test_every_difference_from_the_server_is_allow_listed() -> None:
    server_swagger()
    unexpected = {k: v for k, v in compare_with_server().items() if k not in DEVIATIONS}
    assert unexpected == {}


def test_allow_list_has_no_stale_entries() -> None:
    server_swagger()
    stale = sorted(DEVIATIONS.keys() - compare_with_server().keys())
    assert stale == []


def test_server_parameters_all_present_with_their_names() -> None:
    """Every parameter the server lists for our operations is in the spec under its exact name."""
    server_swagger()
    missing = []
    for (method, path), op in spec_operations().items():
        theirs = server_operation(method, path) or {}
        names = {(resolve(p)["name"], resolve(p)["in"]) for p in op.get("parameters", [])}
        for param in theirs.get("parameters", []):
            if param["in"] != "body" and (param["name"], param["in"]) not in names:
                missing.append(f"{method.upper()} {path} {param['name']}")
    assert missing == []
