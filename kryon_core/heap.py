"""The memory a script running as Python code holds, for engines built that way.

An engine that compiles scripts to Python (Wren, Kryon Lisp, third-party ones)
allocates through the interpreter, so its memory limit has to be read off the
process.  Two allocators serve it:

* Python's small-object allocator (objects up to 512 bytes), whose live blocks
  ``sys.getallocatedblocks()`` counts - one block each, whatever its size, so
  they are taken at an average size;
* the C library's ``malloc`` for everything larger: the item array of a list
  of a million elements, a long string, a big integer.  Counting these as one
  block each would let a script hold gigabytes under a 16 MB limit; glibc
  reports the bytes in use through ``mallinfo2()``, read here through ctypes.

:class:`HeapMeter` measures the growth of both since it was started.  Both
figures are the whole process's: a host thread allocating at the same time is
counted too, so a meter bounds a script's memory approximately.  Where
``mallinfo2`` does not exist (not glibc, or glibc before 2.33) only the block
count is used and :data:`MALLOC_COUNTED` is false.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

__all__ = ["BLOCK_BYTES", "MALLOC_COUNTED", "HeapMeter", "malloc_in_use"]

BLOCK_BYTES = 64
"""The size a small-object block is taken at (Python's blocks are 16-512 bytes)."""


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def _malloc_reader() -> Callable[[], int] | None:
    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError, TypeError):
        return None
    mallinfo2.restype = _MallInfo2
    mallinfo2.argtypes = []

    def in_use() -> int:
        info = mallinfo2()
        # chunks handed out from the heap, plus the large ones malloc mmaps
        return int(info.uordblks + info.hblkhd)

    return in_use


_read_malloc = _malloc_reader()

MALLOC_COUNTED = _read_malloc is not None
"""Whether memory from ``malloc`` is measured in bytes (glibc 2.33 and later)."""


def malloc_in_use() -> int | None:
    """Bytes the C library's ``malloc`` has handed out and not got back, or None."""
    return _read_malloc() if _read_malloc is not None else None


class HeapMeter:
    """Growth of the process's heap since :meth:`start` (made at construction)."""

    __slots__ = ("_blocks", "_malloc")

    def __init__(self) -> None:
        self._blocks = 0
        self._malloc = 0
        self.start()

    def start(self) -> None:
        """Measure from now on."""
        self._blocks = sys.getallocatedblocks()
        self._malloc = _read_malloc() if _read_malloc is not None else 0

    def used(self) -> int:
        """Bytes allocated since :meth:`start` and still held (an estimate; never negative)."""
        grown = (sys.getallocatedblocks() - self._blocks) * BLOCK_BYTES
        if _read_malloc is not None:
            grown += _read_malloc() - self._malloc
        return max(grown, 0)
