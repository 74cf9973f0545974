"""Num results where Python's math functions raise and C's return a value."""

from __future__ import annotations

import pytest
from kryon_wren.runner import run_source


@pytest.mark.parametrize("checks", [False, True])
def test_an_infinite_dividend_is_nan_as_c_fmod_gives(checks: bool) -> None:
    """`inf % 2` was 'Internal error: ValueError: math domain error'."""
    source = (
        "var x = 1/0\nvar y = 2\n"
        "System.print([x % y, -x % 3, (1/0) % 2, 5 % x, (0/0) % 2, x % 0])\n"
    )
    assert run_source(source, checks=checks) == "[nan, nan, nan, 5, nan, nan]\n"


def test_pow_gives_what_c_pow_gives() -> None:
    """Zero to a negative power is an infinity (it was nan) and an overflow
    keeps the sign of an odd power of a negative base (it was infinity)."""
    source = (
        "System.print([0.pow(-1), (-0).pow(-1), (-0).pow(-2), (-10).pow(309),"
        " (-10).pow(310), 10.pow(309), (-8).pow(1/3), 0.pow(0)])\n"
    )
    assert run_source(source) == (
        "[infinity, -infinity, infinity, -infinity, infinity, infinity, nan, 1]\n"
    )
