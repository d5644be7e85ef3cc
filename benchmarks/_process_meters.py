"""What the station benchmark reads about the processes it runs: memory and CPU seconds.

Read with psutil from the benchmark process: the service (``wats watch``), its converter
workers (its children) and the emulator (a process of its own, ``_emulator_proc.py``).
"""

from __future__ import annotations

import time
from typing import Any

__all__ = ["CpuMeter", "RssSampler", "rss_mb"]


def rss_mb(pid: int) -> float:
    import psutil

    return float(psutil.Process(pid).memory_info().rss) / 1e6


class RssSampler:
    """Peak resident memory of the service, alone and with its children (converter workers).

    Read every 50 ms from a thread. Finding the children means reading every process on the
    machine, so they are looked up once a second, not at every sample: the benchmark must not
    take the CPU it is measuring.
    """

    def __init__(self, pid: int, idle_mb: float) -> None:
        import psutil

        self._service = psutil.Process(pid)
        self._children: list[Any] = []
        self._found_at = float("-inf")
        self.peak = idle_mb
        self.peak_tree = idle_mb

    def sample(self) -> None:
        import psutil

        now = time.monotonic()
        if now - self._found_at > 1.0:
            self._children = self._service.children(recursive=True)
            self._found_at = now
        own = self._service.memory_info().rss
        total = own
        for child in self._children:
            try:
                total += child.memory_info().rss
            except psutil.Error:  # exited meanwhile
                continue
        self.peak = max(self.peak, own / 1e6)
        self.peak_tree = max(self.peak_tree, total / 1e6)


class CpuMeter:
    """CPU seconds (user + system) used so far by the service, its workers and the emulator."""

    def __init__(self, service_pid: int, emulator_pid: int) -> None:
        import psutil

        self._service = psutil.Process(service_pid)
        self._emulator = psutil.Process(emulator_pid)
        self._workers: dict[int, float] = {}  # last reading of every worker seen

    def read(self) -> dict[str, float]:
        import psutil

        times = self._service.cpu_times()
        for child in self._service.children(recursive=True):
            try:
                spent = child.cpu_times()
            except psutil.Error:  # exited meanwhile: its last reading stands
                continue
            self._workers[child.pid] = spent.user + spent.system
        # A worker that exited and was reaped is counted in the service's children_* times
        # and also in its last reading: take the larger, never both.
        reaped = times.children_user + times.children_system
        emulator = self._emulator.cpu_times()
        return {
            "service": times.user + times.system,
            "workers": max(sum(self._workers.values()), reaped),
            "emulator": emulator.user + emulator.system,
        }
