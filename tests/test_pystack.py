"""The shared Python recursion limit: raised on request, capped, never lowered."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from kryon_core import PYTHON_FRAMES_CEILING, reserve_python_frames


@pytest.fixture
def restore_limit() -> Iterator[None]:
    before = sys.getrecursionlimit()
    yield
    sys.setrecursionlimit(before)


@pytest.mark.usefixtures("restore_limit")
def test_reserving_raises_but_never_lowers_the_limit() -> None:
    sys.setrecursionlimit(1500)
    assert reserve_python_frames(2500) == 2500 == sys.getrecursionlimit()
    assert reserve_python_frames(2000) == 2500  # never lowered
    assert sys.getrecursionlimit() == 2500


@pytest.mark.usefixtures("restore_limit")
def test_no_engine_can_raise_it_past_the_ceiling() -> None:
    sys.setrecursionlimit(1500)
    assert reserve_python_frames(10 * PYTHON_FRAMES_CEILING) == PYTHON_FRAMES_CEILING
    assert sys.getrecursionlimit() == PYTHON_FRAMES_CEILING
