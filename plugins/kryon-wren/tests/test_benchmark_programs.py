"""The benchmark programs (benchmarks/wren) are Wren that this engine runs, in
both modes, printing what their plain-CPython twins print."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from kryon_wren.runner import run_source
from kryon_wren.vm import Limits

PROGRAMS = Path(__file__).resolve().parents[3] / "benchmarks" / "wren"


def python_output(path: Path) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(path.read_text(), str(path), "exec"), {"__name__": "__bench__"})
    return out.getvalue()


@pytest.mark.parametrize("checks", [False, True])
@pytest.mark.parametrize("name", sorted(p.stem for p in PROGRAMS.glob("*.wren")))
def test_a_benchmark_prints_what_its_twin_prints(name: str, checks: bool) -> None:
    expected = python_output(PROGRAMS / f"{name}.py")
    limits = Limits(time_limit_s=600.0, max_depth=100000) if checks else None
    source = (PROGRAMS / f"{name}.wren").read_text()
    assert run_source(source, name, checks=checks, limits=limits) == expected
    assert expected
