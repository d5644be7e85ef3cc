"""generated/wats_api exposes every operation of the spec, and each one sends what the spec says.

Each operation is called, sync and async, through a real httpx client whose transport records
the request: method, path, query parameter names, body and Authorization header must be those
of openapi/wats.yaml, and a response of the declared shape must be parsed into the declared
type. The WSJF model must also read real server exports without losing anything.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import io
import json
import re
import uuid
from datetime import UTC, datetime
from types import ModuleType
from typing import Any, BinaryIO, cast

import httpx
import pytest

from ._documents import REAL_REPORTS, base_type, resolve, spec_operations, without_null
from .deviations import INTERNAL_EXTENSIONS

TOKEN = "aWRlbnRpdHk6c2VjcmV0"  # Base64 of "identity:secret", sent as issued
OPERATIONS = sorted(
    ((method, path, op) for (method, path), op in spec_operations().items()),
    key=lambda item: str(item[2]["operationId"]),
)


def _snake(text: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", text).lower()


def _endpoint(op: dict[str, Any]) -> ModuleType:
    tag = _snake(op["tags"][0])
    return importlib.import_module(f"wats_api.api.{tag}.{op['operationId']}")


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _sample(schema: dict[str, Any]) -> Any:
    kind, fmt = base_type(without_null(schema))
    if fmt == "uuid":
        return uuid.UUID(int=7)
    if fmt == "date-time":
        return datetime(2026, 1, 30, 22, 1, 41, tzinfo=UTC)
    return {"integer": 7, "boolean": True, "number": 1.5}.get(kind or "", "PN-1")


def _wire_json(schema: dict[str, Any]) -> dict[str, Any]:
    """The smallest JSON object a model accepts: its required fields."""
    target = resolve(schema)
    out: dict[str, Any] = {}
    for name in target.get("required", []):
        prop = target["properties"][name]
        if base_type(without_null(prop))[0] == "array":
            out[name] = []
            continue
        value = _sample(prop)
        out[name] = str(value) if isinstance(value, uuid.UUID) else value
    return out


def _body(op: dict[str, Any]) -> tuple[Any, str] | None:
    from wats_api import models
    from wats_api.types import File

    if "requestBody" not in op:
        return None
    [(media_type, media)] = op["requestBody"]["content"].items()
    schema = media["schema"]
    if media_type == "multipart/form-data":
        form = getattr(models, schema["$ref"].rsplit("/", 1)[-1])
        return form(file=File(payload=io.BytesIO(b"PK\x03\x04"), file_name="f.zip")), media_type
    if schema.get("format") == "binary":
        # Raw bodies go to httpx as `content=payload`. A BytesIO is a sync stream, which an
        # AsyncClient refuses, so callers pass the bytes themselves (works for both twins).
        return File(payload=cast("BinaryIO", b"<Reports/>"), file_name="doc.xml"), media_type
    if schema.get("type") == "array":
        items = schema["items"]
        if "$ref" in items:
            model = getattr(models, items["$ref"].rsplit("/", 1)[-1])
            return [model.from_dict(_wire_json(items))], media_type
        return [_sample(items)], media_type
    model = getattr(models, schema["$ref"].rsplit("/", 1)[-1])
    return model.from_dict(_wire_json(schema)), media_type


def _reply(op: dict[str, Any]) -> tuple[httpx.Response, Any]:
    """A 200 response of the declared shape, and a check of what the client parsed from it."""
    ok = op["responses"].get("200") or op["responses"]["204"]
    content = ok.get("content")
    if not content:
        return httpx.Response(200), lambda parsed: parsed is None
    [media] = content.values()
    schema = media["schema"]
    if schema.get("format") == "binary":
        return (
            httpx.Response(200, content=b"\x00\x01binary"),
            lambda parsed: parsed.payload.read() == b"\x00\x01binary",
        )
    if schema == {}:
        # Undeclared JSON: the generator leaves `parsed` empty; callers read `content`.
        return httpx.Response(200, json={"any": [1]}), lambda parsed: parsed is None
    if schema.get("type") == "array" or "anyOf" in schema:
        return httpx.Response(200, json=[]), lambda parsed: parsed == []
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return (
            httpx.Response(200, json=_wire_json(schema)),
            lambda parsed: type(parsed).__name__ == name,
        )
    if schema.get("type") == "object":  # a map of names to values (GET /api/SystemStatus)
        return (
            httpx.Response(200, json={"Database": "OK"}),
            lambda parsed: parsed.to_dict() == {"Database": "OK"},
        )
    if schema.get("format") == "uuid":
        value = uuid.UUID(int=9)
        return httpx.Response(200, json=str(value)), lambda parsed: parsed == value
    return httpx.Response(200, json="2026.1.5"), lambda parsed: parsed == "2026.1.5"


def _arguments(op: dict[str, Any], endpoint: ModuleType) -> tuple[dict[str, Any], str, set[str]]:
    """Keyword arguments for every parameter, the expected path and query parameter names."""
    params = {_key(p["name"]): p for p in (resolve(p) for p in op.get("parameters", []))}
    kwargs: dict[str, Any] = {}
    for name in inspect.signature(endpoint.sync_detailed).parameters:
        if name in ("client", "body"):
            continue
        kwargs[name] = _sample(params[_key(name)]["schema"])
    assert len(kwargs) == len(params), "every spec parameter is an argument"
    return kwargs, "", {p["name"] for p in params.values() if p["in"] == "query"}


def _expected_path(path: str, op: dict[str, Any]) -> str:
    for param in (resolve(p) for p in op.get("parameters", [])):
        if param["in"] == "path":
            path = path.replace("{" + param["name"] + "}", str(_sample(param["schema"])))
    return path


def _exercise(method: str, path: str, op: dict[str, Any], use_async: bool) -> None:
    import wats_api

    endpoint = _endpoint(op)
    kwargs, _, query_names = _arguments(op, endpoint)
    body = _body(op)
    if body is not None:
        kwargs["body"] = body[0]
    reply, parsed_ok = _reply(op)
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return reply

    client = wats_api.AuthenticatedClient(
        base_url="https://wats.test",
        token=TOKEN,
        prefix="Basic",
        httpx_args={"transport": httpx.MockTransport(handler)},
    )
    if use_async:
        response = asyncio.run(endpoint.asyncio_detailed(client=client, **kwargs))
    else:
        response = endpoint.sync_detailed(client=client, **kwargs)

    [request] = seen
    assert request.method == method.upper()
    assert request.url.path == _expected_path(path, op)
    assert set(request.url.params.keys()) == query_names
    assert request.headers["Authorization"] == f"Basic {TOKEN}"
    if body is not None:
        media_type = body[1]
        assert request.headers["Content-Type"].split(";")[0] == media_type
        if media_type.endswith("json"):  # application/json, application/scim+json
            json.loads(request.content)
        elif media_type == "multipart/form-data":
            assert b'name="file"' in request.content
        else:
            assert request.content == b"<Reports/>"
    assert response.status_code == 200
    assert response.content == reply.content
    assert parsed_ok(response.parsed)


def test_generated_package_has_a_module_per_operation() -> None:
    for _, _, op in OPERATIONS:
        endpoint = _endpoint(op)
        for name in ("sync_detailed", "asyncio_detailed"):
            assert callable(getattr(endpoint, name, None)), (op["operationId"], name)
    # The 125 public operations plus the internal ones listed in deviations.py.
    assert len(OPERATIONS) == 125 + len(INTERNAL_EXTENSIONS)


@pytest.mark.parametrize(
    ("method", "path", "op"), OPERATIONS, ids=[op["operationId"] for _, _, op in OPERATIONS]
)
def test_operation_sends_what_the_spec_says(method: str, path: str, op: dict[str, Any]) -> None:
    _exercise(method, path, op, use_async=False)
    _exercise(method, path, op, use_async=True)


@pytest.mark.parametrize(
    "name", ["uut-wsjf-export.json", "uur_example.json", "new_report_example.json"]
)
def test_wsjf_model_reads_real_exports_without_loss(name: str) -> None:
    from wats_api.models import WsjfReport

    path = REAL_REPORTS / name
    if not path.is_file():
        pytest.skip(f"real report exports are not at {REAL_REPORTS.resolve()} (../shared)")
    original = json.loads(path.read_text(encoding="utf-8-sig"))
    again = WsjfReport.from_dict(original).to_dict()
    assert _same(again, original)


def _same(ours: Any, theirs: Any) -> bool:
    """Equal JSON, where date-times may differ in notation (and below a microsecond)."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return ours.keys() == theirs.keys() and all(_same(ours[k], theirs[k]) for k in ours)
    if isinstance(ours, list) and isinstance(theirs, list):
        return len(ours) == len(theirs) and all(map(_same, ours, theirs))
    if isinstance(ours, str) and isinstance(theirs, str) and ours != theirs:
        try:
            delta = _instant(ours) - _instant(theirs)
        except ValueError:
            return False
        return abs(delta.total_seconds()) < 1e-6
    return bool(ours == theirs)


def _instant(text: str) -> datetime:
    # Python keeps 6 fractional digits; the server writes up to 7.
    text = re.sub(r"(\.\d{6})\d+", r"\1", text.replace("Z", "+00:00"))
    return datetime.fromisoformat(text)
