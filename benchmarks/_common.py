"""What every benchmark shares, by concern; this module re-exports them for the bench scripts.

- ``_rows``: a figure's samples, a table row with its ratios, the Markdown table;
- ``_procs``: the machine, timing a command, a worker's JSON line and environment, RSS;
- ``_workload``: the request workload (section 4) and its worker entry point;
- ``_results``: ``results.md`` as marked sections, each written by its benchmark.

Standard library only: ``anchor_*.py`` scripts import it from the anchor's own virtual
environment (``pywats-api`` is also called ``pywats``, so it can never share ours).
"""

from __future__ import annotations

from _procs import (
    HERE,
    REPO,
    WORK,
    Timed,
    clean_env,
    failure_reason,
    machine_description,
    maxrss_bytes,
    run_json,
    time_command,
)
from _rows import (
    ANCHOR,
    FLOOR,
    Cell,
    Row,
    Stats,
    Unit,
    fmt_cell,
    fmt_overhead,
    fmt_ratio,
    fmt_target,
    fmt_value,
    markdown_table,
)
from _workload import (
    AsyncGet,
    RequestSizes,
    RequestWorkload,
    async_rate,
    drive_requests,
    timed_calls,
    worker_main,
)

__all__ = [
    "ANCHOR",
    "FLOOR",
    "HERE",
    "REPO",
    "WORK",
    "AsyncGet",
    "Cell",
    "RequestSizes",
    "RequestWorkload",
    "Row",
    "Stats",
    "Timed",
    "Unit",
    "async_rate",
    "clean_env",
    "drive_requests",
    "failure_reason",
    "fmt_cell",
    "fmt_overhead",
    "fmt_ratio",
    "fmt_target",
    "fmt_value",
    "machine_description",
    "markdown_table",
    "maxrss_bytes",
    "run_json",
    "time_command",
    "timed_calls",
    "worker_main",
]
