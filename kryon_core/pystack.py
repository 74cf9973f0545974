"""One ceiling for the Python stack that in-process engines share.

Engines that compile scripts to Python (Wren, Kryon Lisp) need a deeper
Python stack than CPython's default, and they share the one interpreter - and
its one recursion limit - with each other, with trusted Python scripts and
with the host.  Each asks for what it needs through
:func:`reserve_python_frames`; the limit only ever grows, and never beyond
:data:`PYTHON_FRAMES_CEILING`, so no engine can raise it to where a deep
stack overflows a thread's C stack (a crash) instead of raising
``RecursionError`` (which engines report as ``RecursionLimitError``).
"""

from __future__ import annotations

import sys
import threading

__all__ = ["PYTHON_FRAMES_CEILING", "reserve_python_frames"]

PYTHON_FRAMES_CEILING = 10_000
"""The highest recursion limit any engine may set (CPython's default is 1,000)."""

_lock = threading.Lock()


def reserve_python_frames(frames: int) -> int:
    """Make the interpreter's recursion limit at least ``frames``, capped at
    :data:`PYTHON_FRAMES_CEILING` (it is never lowered); returns the limit in force."""
    with _lock:
        limit = sys.getrecursionlimit()
        wanted = min(frames, PYTHON_FRAMES_CEILING)
        if limit < wanted:
            sys.setrecursionlimit(wanted)
            return wanted
        return limit
