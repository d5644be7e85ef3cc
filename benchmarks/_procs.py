"""Processes and the machine: timing a command, a worker's JSON line, its environment, RSS.

Standard library only (the anchor's own virtual environment imports it too).
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

__all__ = [
    "HERE",
    "REPO",
    "WORK",
    "Timed",
    "clean_env",
    "failure_reason",
    "machine_description",
    "maxrss_bytes",
    "run_json",
    "time_command",
]

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / ".work"


def machine_description() -> dict[str, str]:
    """CPU, cores, OS, Python and the date: what the absolute numbers depend on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except (OSError, ValueError):
        pass
    try:
        load = "{:.2f} / {:.2f} / {:.2f}".format(*os.getloadavg())
    except OSError:
        load = "?"
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count() or "?"),
        "load average at start (1/5/15 min)": load,
        "memory": mem or "?",
        "OS": platform.platform(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


# ------------------------------------------------------------------------------ processes


def maxrss_bytes() -> int:
    """This process's peak resident set size, in bytes.

    Linux's ``VmHWM`` first: ``ru_maxrss`` survives ``exec`` on Linux, so a worker spawned by a
    bigger parent would report the parent's peak as its own.
    """
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return int(rss if sys.platform == "darwin" else rss * 1024)


def failure_reason(stderr: str, returncode: int) -> str:
    """The line a person would quote: a traceback's exception line, else an ``error:`` line,
    else the last line."""
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    for line in reversed(lines):
        head = line.split(":", 1)[0]
        if head.endswith(("Error", "Exception")) and " " not in head:
            return line
    for line in lines:
        if line.lower().startswith("error"):
            return line
    return lines[-1] if lines else f"exit code {returncode}"


@dataclass(frozen=True)
class Timed:
    seconds: float  # wall clock, spawn to exit
    cpu_seconds: float  # the child's user + system CPU (robust to a busy machine)
    returncode: int
    stdout: str
    stderr: str


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(
    cmd: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 120,
) -> Timed:
    """Run ``cmd`` once and time it: wall clock from spawn to exit, and its CPU time."""
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.run(
        list(cmd),
        capture_output=True,
        text=True,
        env=None if env is None else dict(env),
        cwd=None if cwd is None else str(cwd),
        timeout=timeout,
        check=False,
    )
    wall = time.perf_counter() - t0
    return Timed(wall, _children_cpu() - cpu0, proc.returncode, proc.stdout, proc.stderr)


def run_json(
    cmd: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 300,
) -> dict[str, Any]:
    """Run a worker that prints one JSON object as its last stdout line; return it."""
    done = time_command(cmd, env=env, cwd=cwd, timeout=timeout)
    if done.returncode != 0:
        # the exception line alone: it lands in a table cell ("fails: ...")
        raise RuntimeError(failure_reason(done.stderr, done.returncode))
    lines = done.stdout.strip().splitlines()
    if not lines:
        raise RuntimeError(f"{Path(cmd[1]).name if len(cmd) > 1 else cmd[0]} printed nothing")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def clean_env(extra: Mapping[str, str] | None = None, *, anchor: bool = False) -> dict[str, str]:
    """The environment for a worker process: ours plus ``extra``.

    For the anchor, without ``PYTHONPATH``/``PYTHONHOME``: they could put our ``pywats`` ahead
    of its own. For everyone, without ``PYTHONDONTWRITEBYTECODE``: this machine sets it, and a
    cold start would then compile every module from source on each run, which no installed
    package (pip writes the bytecode at install time) ever does.
    """
    drop = ("PYTHONDONTWRITEBYTECODE",) + (("PYTHONPATH", "PYTHONHOME") if anchor else ())
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(extra or {})
    return env
