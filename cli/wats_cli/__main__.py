"""``python -m wats_cli``: the same as the ``wats`` command."""

from __future__ import annotations

from wats_cli.main import run

run()
