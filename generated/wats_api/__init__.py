"""Client for the WATS REST API, generated from openapi/wats.yaml by openapi-python-client.

Do not edit: every file in this package is rewritten by `python scripts/regenerate.py`, and CI
fails when it differs from the spec (`python scripts/regenerate.py --check`). Change the spec or
openapi/generator.yaml instead. pywats wraps this package; users import pywats, not wats_api.
"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
