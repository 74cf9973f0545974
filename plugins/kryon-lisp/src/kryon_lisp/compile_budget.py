"""Reading and compiling a script within the policy's limits.

Compiling is pure Python (and CPython's own ``compile()``, which cannot be
interrupted), so a source of a million characters could take seconds and
hundreds of megabytes before any compiled code checks the run budget.
A :class:`CompileBudget` bounds it as the run is bounded: the reader checks it
every :data:`CHECK_EVERY` forms, the compiler every :data:`CHECK_EVERY` forms it
compiles and before each ``compile()`` with an estimate of what that takes.
Time: :data:`COMPILE_TIME_FACTOR` times the policy's time limit (a limit made
for one call; compiling is slower than running).  Memory: the heap's growth
since compiling began (:class:`kryon_core.heap.HeapMeter`), against the
policy's memory limit.
"""

from __future__ import annotations

import time

from kryon_core import MemoryLimitError, TimeLimitError
from kryon_core.heap import HeapMeter

COMPILE_TIME_FACTOR = 10
"""Compiling a script may take this many times the policy's time limit."""

CHECK_EVERY = 512
"""Forms read or compiled between two checks."""

COMPILE_BYTES_PER_NODE = 600
"""What CPython's compiler holds per syntax-tree node it is given (code,
constants and its own tables; measured at 300-500 bytes on 3.11)."""


class CompileBudget:
    """The time and memory left to reading and compiling one script."""

    __slots__ = ("_count", "_deadline", "_limit", "_meter", "script")

    def __init__(self, script: str, time_limit_ms: int | None, memory_limit: int | None) -> None:
        self.script = script
        self._deadline = (
            time.monotonic() + COMPILE_TIME_FACTOR * time_limit_ms / 1000.0
            if time_limit_ms is not None
            else None
        )
        self._limit = memory_limit
        self._meter = HeapMeter() if memory_limit is not None else None
        self._count = 0

    def tick(self) -> None:
        """One more form read or compiled: check every :data:`CHECK_EVERY`."""
        self._count += 1
        if self._count >= CHECK_EVERY:
            self._count = 0
            self.check()

    def check(self, nbytes: int = 0) -> None:
        """Raise the limit error if compiling is past its limits, or would be
        after taking ``nbytes`` more."""
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise TimeLimitError(
                "time limit exceeded while compiling the script "
                f"(compiling may take {COMPILE_TIME_FACTOR} times the call limit)",
                script=self.script,
            )
        if (
            self._meter is not None
            and self._limit is not None
            and self._meter.used() + nbytes > self._limit
        ):
            raise MemoryLimitError(
                f"memory limit of {self._limit >> 20} MB exceeded while compiling the script",
                script=self.script,
            )

    def pause(self, seconds: float) -> None:
        """Code ran for ``seconds`` between two compiles: that is not compiling,
        so the deadline moves, and memory is measured from here (what the code
        allocated is the run budget's to bound)."""
        if self._deadline is not None:
            self._deadline += seconds
        if self._meter is not None:
            self._meter.start()
