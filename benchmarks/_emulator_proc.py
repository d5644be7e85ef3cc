"""The emulator in a process of its own, as a WATS server is: the station benchmark's server.

In the benchmark's process the emulator shared the interpreter (its GIL, its garbage collector
and a heap grown by earlier runs and sections) with the harness; its CPU per file then
depended on what ran before it. Here each run gets a fresh interpreter, and its CPU is the
whole process's.

The parent talks to it over a pipe, one line per question: ``count`` (reports stored),
``posts`` (``POST /api/Report/WSJF`` requests seen); end of input stops it.

    with EmulatorProcess() as emulator:
        emulator.url, emulator.token, emulator.pid
        emulator.report_count()
"""

from __future__ import annotations

import json
import subprocess
import sys
from types import TracebackType
from typing import IO

__all__ = ["EmulatorProcess"]


def _serve() -> None:
    from pywats.testing import Emulator

    with Emulator() as emulator:
        print(json.dumps({"url": emulator.url, "token": emulator.token}), flush=True)
        for line in sys.stdin:
            question = line.strip()
            if question == "count":
                answer = emulator.store.report_count()
            elif question == "posts":
                answer = emulator.faults.hits("POST", "/api/Report/WSJF")
            else:
                answer = -1
            print(answer, flush=True)


class EmulatorProcess:
    """A :class:`pywats.testing.Emulator` serving from a child process until closed."""

    def __init__(self) -> None:
        self.url = ""
        self.token = ""
        self.pid = 0
        self._proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> EmulatorProcess:
        proc = subprocess.Popen(
            [sys.executable, __file__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self._proc = proc
        first = self._out().readline()
        if not first:
            self.close()
            raise RuntimeError("the emulator process did not start")
        started = json.loads(first)
        self.url, self.token, self.pid = started["url"], started["token"], proc.pid
        return self

    def _out(self) -> IO[str]:
        proc = self._proc
        if proc is None or proc.stdout is None:
            raise RuntimeError("the emulator process is not running")
        return proc.stdout

    def _ask(self, question: str) -> int:
        proc = self._proc
        if proc is None or proc.stdin is None:
            raise RuntimeError("the emulator process is not running")
        proc.stdin.write(question + "\n")
        proc.stdin.flush()
        return int(self._out().readline())

    def report_count(self) -> int:
        """Reports the emulator has stored."""
        return self._ask("count")

    def posts(self) -> int:
        """``POST /api/Report/WSJF`` requests the emulator has answered."""
        return self._ask("posts")

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


if __name__ == "__main__":
    _serve()
