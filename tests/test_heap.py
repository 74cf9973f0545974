"""kryon_core.heap: what an engine running scripts as Python code is charged for memory."""

from __future__ import annotations

import platform
import sys

import pytest

from kryon_core.heap import MALLOC_COUNTED, HeapMeter, malloc_in_use

GLIBC = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"


@pytest.mark.skipif(not GLIBC, reason="mallinfo2 is glibc's")
def test_glibc_reports_malloc_in_bytes() -> None:
    assert MALLOC_COUNTED
    before = malloc_in_use()
    assert before is not None and before > 0


def test_large_allocations_count_by_their_size() -> None:
    """A list of ten million items is one block of 80 MB: the meter must see
    the megabytes (a block count alone saw 64 bytes)."""
    meter = HeapMeter()
    items = [0] * 10_000_000
    grown = meter.used()
    if MALLOC_COUNTED:
        assert grown >= 70 * 1024 * 1024
    del items
    assert meter.used() < 10 * 1024 * 1024


def test_small_objects_count_by_number() -> None:
    meter = HeapMeter()
    held = [object() for _ in range(100_000)]
    assert meter.used() >= 100_000 * 32
    meter.start()
    assert meter.used() < 1024 * 1024
    assert len(held) == 100_000
