"""The worker's recursion limit, and the C stack it may need.

CPython 3.11 has a single recursion counter: each Python call adds one, and
so does each C layer a call passes through: ``functools.lru_cache``'s
wrapper, calling a class (``__init__``), ``repr()``/``str()``/an f-string
calling ``__repr__``/``__str__``, ``list.sort`` calling a key or ``__lt__``.
A memoized recursion therefore counts two per level and a recursive
``__repr__`` three, while plain recursion counts one.  The policy's
``recursion_limit`` means script-level depth, so the counter is set to
:data:`UNITS_PER_LEVEL` times it (plus the worker's own frames): every one of
those idioms reaches the policy's depth, and plain recursion stops at about
three times it.  Deep recursion always ends with ``RecursionError``.

What bounds the counter is the C stack: Python-to-Python calls take none, but
each C layer does (up to ~2.4 KB per unit, ``list.sort``).  The counter is
capped so that :data:`BYTES_PER_UNIT` for each unit fits the stack, and that
much stack is mapped at start-up (:func:`reserve`), before the address-space
limit is set: a script that used all of its memory still has the stack for its
recursion (a stack that cannot grow is a SIGSEGV, not a ``MemoryError``).
"""

from __future__ import annotations

import resource
import sys
from collections.abc import Callable

__all__ = [
    "BYTES_PER_UNIT",
    "UNITS_PER_LEVEL",
    "WORKER_UNITS",
    "recursion_units",
    "reserve",
    "stack_kb",
]

UNITS_PER_LEVEL = 3 if sys.version_info >= (3, 11) else 4
"""Counter units one script call may take: a recursive ``__repr__`` takes 3;
on Python 3.10 a recursion through ``list.sort``'s key takes 4 (Python calls
made from C count twice there)."""
WORKER_UNITS = 30
"""Counter units of the worker's own frames below the script's."""
BYTES_PER_UNIT = 2560
"""C stack one counter unit may take: the most seen is ~2.4 KB (``list.sort``
calling a Python ``__lt__`` or key, its merge state on the stack)."""
_DEFAULT_STACK = 8 * 1024 * 1024
_CHECK_EVERY = 8


def recursion_units(limit: int | None) -> int:
    """CPython's recursion limit for a policy's ``recursion_limit`` (None:
    Python's default of 1000), capped by what the C stack holds."""
    wanted = sys.getrecursionlimit() if limit is None else UNITS_PER_LEVEL * limit + WORKER_UNITS
    return max(WORKER_UNITS + 1, min(wanted, _stack_bytes() // BYTES_PER_UNIT))


def _stack_bytes() -> int:
    """The C stack the interpreter may use: the soft ``RLIMIT_STACK`` (8 MB
    when unlimited), less an eighth for what start-up and signal handlers use."""
    soft, _ = resource.getrlimit(resource.RLIMIT_STACK)
    size = _DEFAULT_STACK if soft == resource.RLIM_INFINITY or soft <= 0 else soft
    return size - size // 8


def reserve(units: int) -> None:
    """Grow the C stack by what ``units`` counter units may take, now (while
    ``/proc/self/status`` can be read; elsewhere nothing is reserved)."""
    start = stack_kb()
    if start is None:
        return
    target = start + units * BYTES_PER_UNIT // 1024
    previous = sys.getrecursionlimit()
    # a level below takes ~4 KB and 3 units: the target is met in fewer than
    # ``units`` levels, which bound the walk should the stack size stay put
    sys.setrecursionlimit(previous + 3 * units + 100)
    try:
        _descend(0, lambda: (stack_kb() or target) >= target, units)
    finally:
        sys.setrecursionlimit(previous)


def stack_kb() -> int | None:
    """The size of this process's stack mapping (``VmStk``), in KiB."""
    try:
        with open("/proc/self/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmStk:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def _descend(level: int, reached: Callable[[], bool], most: int) -> int:
    if level >= most or (level % _CHECK_EVERY == 0 and reached()):
        return level
    # sorted() keeps its merge state on the C stack and calls the key from C
    return sorted((level + 1,), key=lambda n: _descend(n, reached, most))[0]
