"""``/api/Product/*`` and ``/api/Products*``: products, revisions, BOMs, groups and vendors.

Simplifications: ``PUT /api/Product`` without ``productId`` updates the product with that part
number when one exists (an upsert, as the ERP bulk call does); ``tags`` and ``xmlData`` are
stored as sent, not converted into each other; a BOM is write-only, as in the public API.
"""

from __future__ import annotations

import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from pywats.testing._http import ApiProblem, Params, json_body, ok, store_of
from pywats.testing._odata import ODataOptions, apply
from pywats.testing._store import Store

__all__ = [
    "delete_vendors",
    "get_product",
    "get_revision",
    "get_vendors",
    "groups_by_product",
    "product_group_filter",
    "put_bom",
    "put_product",
    "put_products",
    "put_revision",
    "put_revisions",
    "put_vendors",
    "query_products",
]

_PRODUCT_FIELDS = (
    "productId",
    "nonSerial",
    "partNumber",
    "name",
    "description",
    "state",
    "xmlData",
    "productCategoryId",
    "productCategoryName",
    "tags",
)
_REVISION_FIELDS = (
    "productRevisionId",
    "productId",
    "revision",
    "name",
    "description",
    "state",
    "xmlData",
    "PartNumber",
    "tags",
)


def _rev_key(part_number: str, revision: str) -> str:
    return f"{part_number.lower()}\x1f{revision.lower()}"


def revisions_of(store: Store, part_number: str) -> list[dict[str, Any]]:
    return [r for r in store.all("revision") if str(r["PartNumber"]).lower() == part_number.lower()]


def product_view(store: Store, product: dict[str, Any]) -> dict[str, Any]:
    return {**product, "revisions": revisions_of(store, product["partNumber"])}


def _find_product_by_id(store: Store, product_id: str) -> dict[str, Any] | None:
    for product in store.all("product"):
        if str(product.get("productId", "")).lower() == product_id.lower():
            return product
    return None


def save_product(store: Store, body: Any) -> tuple[dict[str, Any], bool]:
    """Create or update one product; returns it and whether it was created."""
    if not isinstance(body, dict):
        raise ApiProblem(400, "The request is invalid.", "A product must be a JSON object.")
    existing = None
    if body.get("productId"):
        existing = _find_product_by_id(store, str(body["productId"]))
        if existing is None:
            raise ApiProblem(404, f"No product with productId '{body['productId']}' exists.")
    part_number = body.get("partNumber") or (existing or {}).get("partNumber")
    if not isinstance(part_number, str) or not part_number.strip():
        raise ApiProblem(400, "The request is invalid.", "partNumber is required.")
    if existing is None:
        existing = store.get("product", part_number)
    created = existing is None
    product: dict[str, Any] = dict(existing or {})
    if created:
        product = {
            "productId": str(uuid.uuid4()),
            "nonSerial": False,
            "partNumber": part_number,
            "name": None,
            "description": None,
            "state": 1,
            "xmlData": None,
            "productCategoryId": None,
            "productCategoryName": None,
            "tags": [],
        }
    for key in _PRODUCT_FIELDS:
        # A part number changes only by naming the product by id (a rename); otherwise the
        # stored spelling stays, as keys match case-insensitively.
        if (
            key in body
            and key != "productId"
            and (key != "partNumber" or created or body.get("productId"))
        ):
            product[key] = body[key]
    if not created and product["partNumber"] != existing["partNumber"]:  # type: ignore[index]
        store.delete("product", existing["partNumber"])  # type: ignore[index]
    store.put("product", product["partNumber"], product)
    return product, created


def save_revision(store: Store, body: Any) -> tuple[dict[str, Any], bool]:
    """Create or update one product revision (``PartNumber`` or ``productId`` names the product)."""
    if not isinstance(body, dict):
        raise ApiProblem(400, "The request is invalid.", "A revision must be a JSON object.")
    product = None
    if body.get("productId"):
        product = _find_product_by_id(store, str(body["productId"]))
    part_number = body.get("PartNumber") or body.get("partNumber")
    if product is None and isinstance(part_number, str) and part_number:
        product = store.get("product", part_number)
    if product is None:
        raise ApiProblem(
            400,
            "The request is invalid.",
            "The revision's product does not exist: give an existing PartNumber or productId.",
        )
    revision = body.get("revision")
    if not isinstance(revision, str) or not revision.strip():
        raise ApiProblem(400, "The request is invalid.", "revision is required.")
    key = _rev_key(product["partNumber"], revision)
    existing = store.get("revision", key)
    created = existing is None
    saved: dict[str, Any] = dict(existing or {})
    if created:
        saved = {
            "productRevisionId": str(uuid.uuid4()),
            "productId": product["productId"],
            "revision": revision,
            "name": None,
            "description": None,
            "state": 1,
            "xmlData": None,
            "PartNumber": product["partNumber"],
            "tags": [],
        }
    for field in _REVISION_FIELDS:
        if field in body and field not in ("productRevisionId", "productId", "PartNumber"):
            saved[field] = body[field]
    store.put("revision", key, saved)
    return saved, created


async def query_products(request: Request) -> Response:
    """``ProductView`` rows with OData (top 1000 unless ``$filter`` is given)."""
    store = store_of(request)
    rows = [
        {
            "partNumber": p["partNumber"],
            "name": p.get("name"),
            "category": p.get("productCategoryName"),
            "nonSerial": bool(p.get("nonSerial")),
            "state": p.get("state"),
        }
        for p in store.all("product")
    ]
    query = Params(request).odata()
    options = ODataOptions(default_top=None if query.get("filter") else 1000)
    return ok(apply(rows, query, options))


async def get_product(request: Request) -> Response:
    """One product with its revisions; 404 when the part number is unknown."""
    store = store_of(request)
    part_number = request.path_params["partNumber"]
    product = store.get("product", part_number)
    if product is None:
        raise ApiProblem(404, f"No product with part number '{part_number}' exists.")
    return ok(product_view(store, product))


async def get_revision(request: Request) -> Response:
    """One product revision; 404 when unknown."""
    store = store_of(request)
    pn, rev = request.path_params["partNumber"], request.path_params["revision"]
    revision = store.get("revision", _rev_key(pn, rev))
    if revision is None:
        raise ApiProblem(404, f"No revision '{rev}' of product '{pn}' exists.")
    return ok(revision)


async def put_product(request: Request) -> Response:
    """Create (no ``productId``) or update a product; answers the saved product."""
    store = store_of(request)
    product, _created = save_product(store, await json_body(request))
    return ok(product_view(store, product))


async def put_revision(request: Request) -> Response:
    """Create or update a revision; answers the saved revision."""
    revision, _created = save_revision(store_of(request), await json_body(request))
    return ok(revision)


def _bulk_list(body: Any, what: str) -> list[Any]:
    if not isinstance(body, list):
        raise ApiProblem(
            400, "The request is invalid.", f"The body must be a JSON array of {what}."
        )
    return body


async def put_products(request: Request) -> Response:
    """Bulk create or update products (atomic: one bad product saves none)."""
    store = store_of(request)
    saved = []
    with store.transaction():
        for body in _bulk_list(await json_body(request), "products"):
            product, _created = save_product(store, body)
            saved.append(product_view(store, product))
    return ok(saved)


async def put_revisions(request: Request) -> Response:
    """Bulk create or update revisions (atomic)."""
    store = store_of(request)
    saved = []
    with store.transaction():
        for body in _bulk_list(await json_body(request), "product revisions"):
            saved.append(save_revision(store, body)[0])
    return ok(saved)


async def put_bom(request: Request) -> Response:
    """Insert or replace a BOM from WSBF XML; an invalid BOM is a 500, as the spec documents."""
    import defusedxml.ElementTree as SafeET

    raw = await request.body()
    try:
        root = SafeET.fromstring(raw)
    except Exception as exc:  # defusedxml raises ParseError and its own DefusedXmlException
        raise ApiProblem(500, f"The BOM is invalid: {exc}") from None

    def local(tag: str) -> str:
        return tag.rsplit("}", 1)[-1]

    attrs = {k.lower(): v for k, v in root.attrib.items()}
    if local(root.tag) != "BOM" or not attrs.get("partnumber") or not attrs.get("revision"):
        raise ApiProblem(
            500, "The BOM is invalid: the root must be <BOM Partnumber=... Revision=...>."
        )
    components = []
    for element in root:
        if local(element.tag) != "Component":
            continue
        c = {k.lower(): v for k, v in element.attrib.items()}
        if not c.get("number"):
            raise ApiProblem(500, "The BOM is invalid: a Component has no Number.")
        try:
            quantity = float(c.get("qty", "1"))
        except ValueError:
            raise ApiProblem(
                500, f"The BOM is invalid: Qty '{c.get('qty')}' is not a number."
            ) from None
        components.append(
            {
                "number": c["number"],
                "revision": c.get("rev"),
                "quantity": quantity,
                "description": c.get("desc"),
                "references": [r for r in (c.get("ref") or "").split(";") if r],
                "functionBlock": c.get("functionblock"),
            }
        )
    bom = {
        "partNumber": attrs["partnumber"],
        "revision": attrs["revision"],
        "description": attrs.get("desc"),
        "components": components,
    }
    store_of(request).put("bom", _rev_key(bom["partNumber"], bom["revision"]), bom)
    return ok(
        {
            "partNumber": bom["partNumber"],
            "revision": bom["revision"],
            "componentCount": len(components),
        }
    )


def _in_group(group: dict[str, Any], part_number: str, revision: str | None) -> bool:
    def hit(f: dict[str, Any]) -> bool:
        if str(f.get("partNumber", "")).lower() != part_number.lower():
            return False
        return (
            not f.get("revision")
            or revision is None
            or (str(f["revision"]).lower() == revision.lower())
        )

    filters = group.get("filters") or []
    includes = [f for f in filters if not f.get("exclude")]
    if any(hit(f) for f in filters if f.get("exclude")):
        return False
    return not includes or any(hit(f) for f in includes)


async def product_group_filter(request: Request) -> Response:
    """Add an include (or ``exclude=true``) filter to an existing product group."""
    params = Params(request)
    store = store_of(request)
    name = params.req("productGroup")
    group = store.get("productgroup", name)
    if group is None:
        raise ApiProblem(404, f"No product group named '{name}' exists.")
    part_number = params.req("partNumber")
    entry: dict[str, Any] = {
        "partNumber": part_number,
        "revision": params.text("revision") or None,
        "exclude": bool(params.flag("exclude", False)),
    }
    filters = [
        f
        for f in group.get("filters") or []
        if (str(f.get("partNumber")).lower(), str(f.get("revision")).lower())
        != (part_number.lower(), str(entry["revision"]).lower())
    ]
    group["filters"] = [*filters, entry]
    store.put("productgroup", group["productGroupName"], group)
    return ok(group)


async def groups_by_product(request: Request) -> Response:
    """Product groups containing a product: an empty list when none (or unknown product)."""
    params = Params(request)
    part_number = params.req("partNumber")
    revision = params.text("revision") or None
    groups = [
        {"productGroupId": g["productGroupId"], "productGroupName": g["productGroupName"]}
        for g in store_of(request).all("productgroup")
        if _in_group(g, part_number, revision)
    ]
    return ok(groups)


def _vendor_names(body: Any) -> list[str]:
    items = _bulk_list(body, 'vendors ({"VendorName": ...})')
    names = []
    for item in items:
        name = item.get("VendorName") if isinstance(item, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise ApiProblem(400, "The request is invalid.", "Every vendor needs a VendorName.")
        names.append(name)
    return names


async def get_vendors(request: Request) -> Response:
    """All vendors as ``[{"VendorName": ...}]``."""
    return ok(store_of(request).all("vendor"))


async def put_vendors(request: Request) -> Response:
    """Add the vendors that do not exist yet; answers the full list."""
    store = store_of(request)
    for name in _vendor_names(await json_body(request)):
        if store.get("vendor", name) is None:
            store.put("vendor", name, {"VendorName": name})
    return ok(store.all("vendor"))


async def delete_vendors(request: Request) -> Response:
    """Delete the vendors listed in the body (unknown names are ignored); answers the rest."""
    store = store_of(request)
    for name in _vendor_names(await json_body(request)):
        store.delete("vendor", name)
    return ok(store.all("vendor"))
