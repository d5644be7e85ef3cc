"""Timing and memory protocol shared by both benchmark workers (ours and the anchor's).

Standard library only: it runs in the anchor's virtual environment too. A worker process
does one job and prints one JSON line:

Both jobs do one untimed warm-up run first (imports done lazily on first use are not the work).

* ``build N REPEAT``: REPEAT times build an N-step report and serialise it to JSON text;
  timings per repetition, then one more run under tracemalloc for the peak.
* ``parse FILE REPEAT``: REPEAT times ``json.loads`` + read into the report model.
"""

from __future__ import annotations

import gc
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any


def parse_args(argv: list[str]) -> tuple[str, str, int]:
    if len(argv) != 3 or argv[0] not in ("build", "parse"):
        sys.exit("usage: worker build N REPEAT | parse FILE REPEAT")
    return argv[0], argv[1], int(argv[2])


def measure(
    args: tuple[str, str, int],
    build: Callable[[int], Any],
    serialise: Callable[[Any], str],
    parse: Callable[[str], Any],
) -> dict[str, Any]:
    job, target, repeat = args
    out: dict[str, Any] = {"job": job}
    if job == "build":
        n = int(target)
        serialise(build(min(n, 100)))  # warm-up: lazy imports and caches are not the work
        build_s: list[float] = []
        total_s: list[float] = []
        total_cpu_s: list[float] = []
        size = 0
        for _ in range(repeat):
            gc.collect()
            c0 = time.process_time()
            t0 = time.perf_counter()
            report = build(n)
            t1 = time.perf_counter()
            text = serialise(report)
            t2 = time.perf_counter()
            total_cpu_s.append(time.process_time() - c0)
            build_s.append(t1 - t0)
            total_s.append(t2 - t0)
            size = len(text)
            del report, text
        gc.collect()
        tracemalloc.start()
        report = build(n)
        text = serialise(report)
        out["peak_bytes"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        out.update(build_s=build_s, total_s=total_s, total_cpu_s=total_cpu_s, json_chars=size)
    else:
        text = Path(target).read_text(encoding="utf-8-sig")
        parse(text)  # warm-up
        parse_s: list[float] = []
        for _ in range(repeat):
            gc.collect()
            t0 = time.perf_counter()
            parse(text)
            parse_s.append(time.perf_counter() - t0)
        out["parse_s"] = parse_s
    # ru_maxrss is KiB on Linux
    out["maxrss_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return out
