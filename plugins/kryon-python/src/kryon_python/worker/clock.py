"""Sleeping under a time limit: the script's clocks move on, nothing waits.

A sandboxed script has nothing to wait for (no I/O, no threads: nothing
another party could do while it sleeps), and its call's time limit counts
wall-clock time too, so ``time.sleep(1)`` under the ``sandboxed`` policy
(100 ms) ended the program.  Under a time limit the worker therefore keeps a
virtual clock, as the JavaScript engine does for its timers: ``time.sleep``
and an ``asyncio`` loop waiting for its next timer add the time to the clock
and return at once, and the clocks a script reads (``time.time``,
``monotonic``, ``perf_counter`` and their ``_ns`` forms) include what was slept,
so ``elapsed = time.time() - start`` around a sleep reads as it would in
python.  CPU clocks (``process_time``) are real; so is ``datetime.now()``,
which reads the system clock itself.  A script sleeping in a loop still uses
CPU time and meets its limit.
"""

from __future__ import annotations

import math
import operator
import time
from collections.abc import Callable
from typing import Any

__all__ = ["VirtualClock"]

_CLOCKS = ("time", "monotonic", "perf_counter")


class VirtualClock:
    """The time slept so far, added to the script's clocks."""

    def __init__(self) -> None:
        self.slept_ns = 0

    def sleep(self, seconds: Any, /) -> None:
        """``time.sleep``: its checks and messages, and no wait."""
        if not isinstance(seconds, float):
            seconds = operator.index(seconds)  # TypeError as time.sleep words it
        elif math.isnan(seconds):
            raise ValueError("Invalid value NaN (not a number)")
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        self.advance(seconds)

    def advance(self, seconds: float) -> None:
        """Spend ``seconds`` (unchecked: an ``asyncio`` loop's wait for its timer)."""
        if seconds > 0:
            self.slept_ns += round(seconds * 1_000_000_000)

    def functions(self) -> dict[str, Callable[..., Any]]:
        """The ``time`` module's functions that read or spend the clock."""

        def sleep(seconds: Any, /) -> None:  # (a bound method's name cannot be set)
            self.sleep(seconds)

        functions: dict[str, Callable[..., Any]] = {"sleep": sleep}
        for name in _CLOCKS:
            functions[name] = self.seconds(getattr(time, name))
            functions[f"{name}_ns"] = self._nanoseconds(getattr(time, f"{name}_ns"))
        for name, function in functions.items():
            real = getattr(time, name)
            function.__name__ = function.__qualname__ = name
            function.__doc__ = real.__doc__
        return functions

    def seconds(self, real: Callable[[], float]) -> Callable[[], float]:
        """The clock ``real`` (``time.monotonic``...) with the time slept added."""

        def read() -> float:
            return real() + self.slept_ns / 1_000_000_000

        return read

    def _nanoseconds(self, real: Callable[[], int]) -> Callable[[], int]:
        def read() -> int:
            return real() + self.slept_ns

        return read
