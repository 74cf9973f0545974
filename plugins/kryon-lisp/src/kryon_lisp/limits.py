"""The budget of the call that is running: time, steps, depth and realised elements.

Compiled code checks it at function entry and loop back-edges (only when the
policy has limits, so trusted code pays nothing); infinite lazy sources check
it every :data:`CHUNK` elements.  The engine installs a :class:`Budget` for the
duration of each call and restores the previous one afterwards, so nested
calls (script -> host -> script) share the outermost deadline.
"""

from __future__ import annotations

import os
import threading
import time

from kryon_core import (
    InstructionLimitError,
    LimitError,
    MemoryLimitError,
    RecursionLimitError,
    TimeLimitError,
)

CHUNK = 1024
"""Elements an infinite source yields between two budget checks."""

ROOM = 255
"""Function entries between two calls of :meth:`Budget.enter` at most: the
counters compiled code moves stay within CPython's cached small integers
(up to 256), so an entry or an exit allocates no new int object."""

GRANT = 63
"""Steps a loop takes from the budget at once beyond the one of its pass."""

MEMORY_INTERVAL = 0.001
"""Seconds between two resident-memory readings made by the periodic checks
(a reading opens ``/proc``: at every check it would cost more than the work
between checks).  Python code cannot grow by megabytes in a millisecond;
single operations that could (building a large collection or string) check
their size themselves."""

BYTES_PER_ELEMENT = 64
"""The memory a realised element is assumed to cost when ``memory_limit_mb``
is turned into an element cap."""


class Budget:
    """Counters of one call.

    Loop back-edges count ``steps`` down to the next real check (:meth:`tick`).
    Function entries count ``room`` down and exits count ``out`` up; an entry
    that takes ``room`` below zero calls :meth:`enter`, which folds both into
    the totals ``entered`` and ``exited`` (the Lisp call depth is their
    difference) and arms ``room`` again.  ``room`` never reaches past the entry
    that would exceed the depth limit (exits only raise that bound), so the
    limit is exact while an ordinary call costs a decrement, a comparison with
    zero and an increment, all on small integers (see :data:`ROOM`).
    """

    __slots__ = (
        "clock_mark",
        "deadline",
        "element_cap",
        "elements",
        "entered",
        "entered_mark",
        "exited",
        "max_depth",
        "memory_due",
        "memory_limit",
        "out",
        "room",
        "rss_base",
        "slept_ns",
        "spent",
        "step_limit",
        "steps",
        "steps_used",
        "time_limit_ms",
        "window",
    )

    def __init__(
        self,
        *,
        time_limit_ms: int | None = None,
        step_limit: int | None = None,
        max_depth: int | None = None,
        memory_limit_mb: int | None = None,
    ) -> None:
        self.time_limit_ms = time_limit_ms
        self.deadline = (
            time.monotonic() + time_limit_ms / 1000.0 if time_limit_ms is not None else None
        )
        self.step_limit = step_limit
        self.steps_used = 0
        self.steps = min(CHUNK, step_limit) if step_limit is not None else CHUNK
        self.max_depth = max_depth if max_depth is not None else 1 << 30
        self.entered = 0
        self.exited = 0
        self.out = 0
        self.entered_mark = 0
        self.clock_mark = 0
        self.room = self.window = self._next_room()
        self.element_cap = (
            memory_limit_mb * (1 << 20) // BYTES_PER_ELEMENT
            if memory_limit_mb is not None
            else None
        )
        self.elements = 0
        self.memory_limit = memory_limit_mb * (1 << 20) if memory_limit_mb is not None else None
        self.rss_base = resident_bytes() if memory_limit_mb is not None else 0
        self.memory_due = 0.0
        self.spent: LimitError | None = None
        # what Thread/sleep slept under the time limit, on no clock but the
        # script's own (interop: sleeping takes no time there); kept across calls
        self.slept_ns = 0

    def reset(self) -> None:
        """Start a new call: a fresh deadline and step count, depth zero."""
        self.deadline = (
            time.monotonic() + self.time_limit_ms / 1000.0
            if self.time_limit_ms is not None
            else None
        )
        self.steps_used = 0
        self.steps = min(CHUNK, self.step_limit) if self.step_limit is not None else CHUNK
        self.entered = self.exited = self.out = self.entered_mark = self.clock_mark = 0
        self.room = self.window = self._next_room()
        self.elements = 0
        self.rss_base = -1  # measured at the first memory check of the call
        self.memory_due = 0.0
        self.spent = None

    def tick(self) -> None:
        """Called when ``steps`` ran out: account them and check the limits."""
        if self.spent is not None:
            self.steps = 1
            raise self.again()
        used = (CHUNK if self.step_limit is None else min(CHUNK, self.step_limit)) - self.steps
        self.steps_used += used
        if self.step_limit is not None and self.steps_used > self.step_limit:
            raise self.exhausted(
                InstructionLimitError(f"instruction limit of {self.step_limit} steps exceeded")
            )
        try:
            self.check_clock()
        except (MemoryLimitError, TimeLimitError) as exc:
            raise self.exhausted(exc) from None
        remaining = (
            CHUNK
            if self.step_limit is None
            else max(1, min(CHUNK, self.step_limit - self.steps_used))
        )
        self.steps = remaining

    def grant(self) -> int:
        """A loop's pass: count its step as ``budget_tick`` does, and hand the
        loop up to :data:`GRANT` more, never past the next check (so that check
        comes at the same step). The loop counts them down itself and gives
        back what it did not use when it is left."""
        self.steps -= 1
        if self.steps < 0:
            self.tick()
        granted = min(self.steps, GRANT)
        if granted <= 0:
            return 0
        self.steps -= granted
        return granted

    def exhausted(self, error: LimitError) -> LimitError:
        """``error`` ends the call: from now on every check of this call fails
        the same way, so no ``finally`` block of the script (which runs as the
        error passes) can go on without limits."""
        self.spent = error
        self.steps = 1
        self._fold()
        self.room = self.window = 0
        return error

    def again(self) -> LimitError:
        """The limit error of a spent call, raised anew at the next check."""
        assert self.spent is not None
        error = type(self.spent)(self.spent.message)
        return error

    def check_clock(self) -> None:
        """The periodic check: the deadline, and memory at most every
        :data:`MEMORY_INTERVAL`."""
        if self.spent is not None:
            raise self.again()
        now = time.monotonic()
        if self.memory_limit is not None and now >= self.memory_due:
            self.memory_due = now + MEMORY_INTERVAL
            self.check_memory()
        if self.deadline is not None and now > self.deadline:
            raise TimeLimitError(f"time limit of {self.time_limit_ms} ms exceeded")

    def check_memory(self) -> None:
        """The process grew by more than the limit since the call began."""
        if self.memory_limit is None:
            return
        if self.rss_base < 0:
            self.rss_base = resident_bytes()
            return
        if resident_bytes() - self.rss_base > self.memory_limit:
            raise self.exhausted(
                MemoryLimitError(f"memory limit of {self.memory_limit >> 20} MB exceeded")
            )

    @property
    def depth(self) -> int:
        return self.entered + self.window - self.room - self.exited - self.out

    def _fold(self) -> None:
        """Add the entries and exits counted since ``room`` was armed to the totals."""
        self.entered += self.window - self.room
        self.window = self.room
        self.exited += self.out
        self.out = 0

    def _next_room(self) -> int:
        room = min(ROOM, self.exited + self.max_depth - self.entered)
        if self.step_limit is not None:
            room = min(room, max(1, self.step_limit - self.steps_used))
        return room

    def enter(self) -> None:
        """An entry ran out of ``room``: check depth and steps, and time and
        memory once per :data:`CHUNK` entries (a call chain near the depth
        limit runs out at every entry; reading the clock each time would
        dominate)."""
        self._fold()
        if self.spent is not None:
            self.entered -= 1
            raise self.again()
        if self.entered - self.exited > self.max_depth:
            self.entered -= 1  # this frame never reaches its exit
            raise self.exhausted(
                RecursionLimitError(f"recursion depth limit of {self.max_depth} exceeded")
            )
        self.steps_used += self.entered - self.entered_mark
        self.entered_mark = self.entered
        if self.step_limit is not None and self.steps_used > self.step_limit:
            raise self.exhausted(
                InstructionLimitError(f"instruction limit of {self.step_limit} steps exceeded")
            )
        if self.entered - self.clock_mark >= CHUNK:
            self.clock_mark = self.entered
            try:
                self.check_clock()
            except (MemoryLimitError, TimeLimitError) as exc:
                raise self.exhausted(exc) from None
        self.room = self.window = self._next_room()

    def realise(self, n: int) -> None:
        """Account ``n`` elements realised from an infinite or huge source.

        Streaming is not a memory cost by itself: what realised elements keep
        alive shows in the resident-memory check."""
        self.elements += n
        self.check_clock()
        if self.step_limit is not None:
            self.steps_used += n
            if self.steps_used > self.step_limit:
                raise InstructionLimitError(
                    f"instruction limit of {self.step_limit} steps exceeded"
                )


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_bytes() -> int:
    """The process's resident memory (Linux /proc; peak RSS elsewhere)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class _Current(threading.local):
    """The budget in force on this thread (``None`` outside calls or without limits)."""

    def __init__(self) -> None:
        self.budget: Budget | None = None


current = _Current()


def slept_ns() -> int:
    """What the script slept under its time limit (``Thread/sleep`` takes no
    time there): its clocks add it, so they read as if it had slept."""
    budget = current.budget
    return budget.slept_ns if budget is not None else 0


def script_clock_ns() -> int:
    """The script's monotonic clock (``System/nanoTime``, ``time``): the
    host's, moved on by what the script slept."""
    return time.perf_counter_ns() + slept_ns()


def step() -> None:
    """Count one unit of work done inside a core function, as a loop back-edge is.

    Tree walks need it: a vector of forty levels of shared vectors has 2**40
    nodes and no Lisp code runs while a core walker visits them."""
    budget = current.budget
    if budget is not None:
        budget.steps -= 1
        if budget.steps <= 0:
            budget.tick()


def charge(n: int) -> None:
    """Count ``n`` units of work one C operation is about to do (no step check
    can interrupt it), so that a step limit stops it before it starts."""
    budget = current.budget
    if budget is not None:
        budget.realise(n)


def check_text(length: int) -> None:
    """Refuse a string of ``length`` characters beyond the memory limit.

    Building a string is one C operation that no step check interrupts, so
    a doubling loop of forty steps would ask for a terabyte; the size is
    checked when the string is built instead."""
    budget = current.budget
    if budget is None or budget.memory_limit is None:
        return
    if length > budget.memory_limit:
        raise MemoryLimitError(f"memory limit: a string of {length:,} characters is too large")
    if length >= 1 << 20:
        budget.check_memory()


def check_size(n: int) -> None:
    """Refuse to build a collection of ``n`` elements beyond the element cap."""
    budget = current.budget
    if budget is None:
        return
    if budget.element_cap is not None and n > budget.element_cap:
        raise MemoryLimitError(f"memory limit: a collection of {n} elements is too large")
    if n >= 256:
        budget.check_memory()
