"""Timing for the scaling tests: the best of a few runs, in CPU time (steadier
than wall time on a shared machine), with the cyclic garbage collector paused
(its full collections cost in proportion to everything alive, not to the call
being timed).  Only ratios of such times are asserted."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_time(func: Callable[[], object], runs: int = 3) -> float:
    """The shortest CPU time of ``runs`` calls of ``func``."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            t0 = time.process_time()
            func()
            best = min(best, time.process_time() - t0)
        finally:
            gc.enable()
    return best
