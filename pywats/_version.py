"""The package version, in one place (read by hatchling and by ``wats --version``)."""

from __future__ import annotations

__version__ = "0.1.0"
