"""The one rule for text longer than the server takes: clip it, keep both ends.

Limits (characters), from ``reference/wats-api.md`` §4.17 (Virinco's "Post WSJF" article for
the header fields, the Python-WATS-API/pyWATS_API report models for the rest) and the
server's own Swagger (``openapi_internal.json``: ``ContentType`` and misc ``description`` are
``maxLength: 100``; the public Swagger declares no lengths)::

    step name, measurement name, misc description/text, chart label/series,
    station name (machineName), location, purpose                100
    additionalData / additionalResults name, seqCall.name          200
    seqCall.path                                                   500
    chart xLabel/yLabel 50, xUnit/yUnit 20

The rule: a text that fits is kept as it is; a longer one keeps its first two thirds and its
last third with ``…`` between, so names that differ only at the end (``test_rails[3.3]`` and
``test_rails[5.0]`` behind a long prefix) stay apart. The report builder applies it to step
and measurement names and misc infos; when a step name is clipped the full name goes to the
step's ``reportText`` (which has no limit), so nothing is lost. Serial and part numbers and
revisions are identities, never clipped: the validator refuses them when too long.
"""

from __future__ import annotations

__all__ = ["NAME_MAX", "SEQ_NAME_MAX", "SEQ_PATH_MAX", "clip"]

NAME_MAX = 100
"""Step, measurement, misc info, chart and station names."""
SEQ_NAME_MAX = 200
"""``seqCall.name`` and additional data names."""
SEQ_PATH_MAX = 500
"""``seqCall.path``."""

_MARK = "…"


def clip(text: str, limit: int = NAME_MAX) -> str:
    """``text`` when it fits in ``limit`` characters, else its two ends joined by ``…``."""
    if len(text) <= limit:
        return text
    if limit < 3:
        return text[:limit]
    tail = (limit - 1) // 3
    head = limit - 1 - tail
    return text[:head] + _MARK + text[len(text) - tail :]
