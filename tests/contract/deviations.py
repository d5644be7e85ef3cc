"""The one allow-list of deliberate differences between openapi/wats.yaml and the server's Swagger.

Each key names one difference the contract test finds (test_server_contract.py computes them
all); each value says why it is deliberate. A difference not listed here fails the test, and so
does an entry that no longer matches a difference, so this file always describes the spec as it
is. Key forms:

    "<METHOD> <path> param <name>"    a parameter the server's Swagger does not list
    "<METHOD> <path> body"            a request body the server's Swagger does not declare
    "<METHOD> <path> response <code>" a response typed differently from the server's Swagger
    "<METHOD> <path> path"            a server route described under another template
    "schema <Name>"                   a schema with no server definition behind it
"""

from __future__ import annotations

# The server documents these OData v4 query options in each operation's text ("supports OData
# query options such as $filter, $top or $orderby") but its Swagger lists no parameters, so a
# generated client would have no way to pass them. The names are OData's own.
_ODATA = "OData query option the server documents in the operation text but does not list"
_ODATA_ROUTES = {
    "GET /api/Report/Query/Header": ("$filter", "$top", "$skip", "$orderby", "$select", "$expand"),
    "GET /api/Product/Query": ("$filter", "$top", "$skip", "$orderby"),
    "GET /api/Asset": ("$filter", "$top", "$skip", "$orderby"),
    "GET /api/Asset/Log": ("$filter", "$top", "$skip", "$orderby"),
    "GET /api/Asset/Types": ("$filter", "$top", "$skip", "$orderby"),
}

# The server declares the response as an untyped `object` although the operation returns a
# file; described as bytes so the generated client hands back the content unchanged.
_FILE = "a file download (bytes), which the server's Swagger calls an untyped object"

# The server reads these bodies straight from the request stream, so its Swagger declares no
# body parameter at all; without one a generated client could not send them.
_MULTIPART = (
    "multipart/form-data upload read from the raw request by the server; the part name `file` "
    "is our assumption (the server does not name it)"
)

# SCIM (issue 20): the server's Swagger types every SCIM body and answer as a bare `object` and
# lists application/scim+json beside JSON among what it consumes and produces. SCIM has a
# standard shape (RFC 7643 resources, RFC 7644 messages) and its own media type, so the spec
# describes both: bodies are sent, and answers read, as application/scim+json with the RFC's
# schemas (attributes the RFC names; anything else the server adds is kept as it comes).
_SCIM_TYPE = "SCIM's own media type, application/scim+json (RFC 7644 §3.1), with the RFC's shape"
_SCIM_SCHEMA = "an RFC 7643/7644 shape the server leaves untyped (`object`)"
_SCIM = {
    **{
        f"{route} response 200": _SCIM_TYPE
        for route in (
            "GET /api/SCIM/v2/Users",
            "POST /api/SCIM/v2/Users",
            "GET /api/SCIM/v2/Users/{id}",
            "PATCH /api/SCIM/v2/Users/{id}",
            "GET /api/SCIM/v2/Users/userName={userName}",
        )
    },
    "POST /api/SCIM/v2/Users body": _SCIM_TYPE + " (a User resource)",
    "PATCH /api/SCIM/v2/Users/{id} body": _SCIM_TYPE + " (a PatchOp message)",
    **{
        f"schema {name}": _SCIM_SCHEMA
        for name in (
            "ScimUser",
            "ScimName",
            "ScimEmail",
            "ScimRole",
            "ScimMeta",
            "ScimListResponse",
            "ScimPatchOp",
            "ScimPatchOperation",
        )
    },
}

DEVIATIONS: dict[str, str] = {
    **_SCIM,
    **{f"{route} param {name}": _ODATA for route, names in _ODATA_ROUTES.items() for name in names},
    # --- one route, two templates
    "GET /api/Asset/{serialNumber} path": (
        "the server lists GET /api/Asset/{assetId} and GET /api/Asset/{serialNumber}, the same "
        "route under two names; OpenAPI allows one, so it is described once as {assetId} (the "
        "name the reference lists first) and the segment accepts either value"
    ),
    # --- bodies the server reads raw
    "POST /api/Report/WSJF body": (
        "the WSJF report as JSON; its schema is the server's own WSJF.Report definition from the "
        "internal document"
    ),
    "POST /api/Report/WSXF body": "the WSXF report as an XML document (bytes)",
    "PUT /api/Product/BOM body": "the WSBF bill of materials as an XML document (bytes)",
    "PUT /api/Production/SerialNumbers body": _MULTIPART,
    "POST /api/Software/Package/UploadZip/{id} body": _MULTIPART,
    "POST /api/RootCause/Attachment body": _MULTIPART,
    "schema SerialNumberFileUpload": "the multipart form of PUT /api/Production/SerialNumbers",
    "schema PackageZipUpload": "the multipart form of POST /api/Software/Package/UploadZip/{id}",
    "schema TicketAttachmentUpload": "the multipart form of POST /api/RootCause/Attachment",
    # --- responses the server leaves untyped, typed after the reference
    "GET /api/Report/Wsjf/{id} response 200": (
        "untyped on the server; it is the WSJF report (the same WSJF.Report the server accepts)"
    ),
    "GET /api/Asset/{assetId} response 200": "untyped on the server; it returns one Asset",
    "GET /api/Production/Unit/{serialNumber}/{partNumber} response 200": (
        "untyped on the server; it returns a Unit with its subUnits"
    ),
    "GET /api/Software/Packages response 200": (
        "the server declares one Package but the operation lists all of them; a list or a single "
        "Package is accepted"
    ),
    "GET /api/Software/PackagesByTag response 200": (
        "the server declares one Package but the operation filters many; a list or a single "
        "Package is accepted"
    ),
    # --- file downloads
    "GET /api/Report/Wsxf/{id} response 200": _FILE + " (the WSXF XML document)",
    "GET /api/Report/Attachment response 200": _FILE,
    "GET /api/Report/Attachments/{id} response 200": _FILE + " (a zip archive)",
    "GET /api/Report/Certificate/{id} response 200": _FILE,
    "POST /api/Production/SerialNumbers/Take response 200": _FILE + " (XML or CSV text)",
    "GET /api/Production/SerialNumbers response 200": _FILE + " (XML or CSV)",
    "GET /api/RootCause/Attachment response 200": _FILE,
    "GET /api/Export/{fileName} response 200": _FILE + " (the export's zip archive)",
    "GET /api/internal/Software/DownloadFile response 200": (
        _FILE + " (one package file's contents; our assumption, as the server does not say)"
    ),
}

# Operations of the spec taken from the server's internal document, each with why: the public
# API has nothing that does the same. Every other operation of the spec is public; the contract
# tests hold the spec to the server's 113 public operations plus exactly these.
INTERNAL_EXTENSIONS: dict[str, str] = {
    "GET /api/internal/Software/DownloadFile": (
        "the public API lists a package's files (GET /api/Software/PackageFiles/{id}) but cannot "
        "read their contents; the official client downloads them through this route"
    ),
}
