from __future__ import annotations

import threading
import time

import pytest

from pywats._options import RateLimit
from pywats._ratelimit import SlidingWindowLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def test_sliding_window_admits_n_then_says_how_long_to_wait() -> None:
    clock = Clock()
    limiter = SlidingWindowLimiter(RateLimit(3, 10), clock=clock)
    assert [limiter.reserve() for _ in range(3)] == [0, 0, 0]
    clock.now += 4
    assert limiter.reserve() == pytest.approx(6)  # the first slot frees at 50 + 10
    assert limiter.in_window == 3
    clock.now += 6
    assert limiter.reserve() == 0
    # The window slides: the two calls at t=50 are gone, the one at t=60 is not.
    assert limiter.reserve() == 0
    assert limiter.reserve() == 0
    assert limiter.reserve() > 0


def test_threads_never_exceed_the_budget() -> None:
    # Real clock, many threads: within one window at most max_calls are admitted.
    limiter = SlidingWindowLimiter(RateLimit(25, 60))
    admitted: list[int] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(10):
            if limiter.reserve() == 0:
                with lock:
                    admitted.append(1)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert time.monotonic() - start < 60  # all within one window (milliseconds, usually)
    assert len(admitted) == 25
