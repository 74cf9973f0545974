"""Programs checked against the reference Wren 0.4 itself: each
``programs/reference/NAME.wren`` prints ``NAME.out`` and, if it fails, writes
``NAME.err`` (the reference's compile errors, or its message and stack trace),
all as the reference printed them running the program as module ``main``.
They run in-process, compiled with and without limit checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from kryon_wren.runtime.objects import WrenError
from kryon_wren.vm import VM, Limits, WrenCompileError, render_runtime_error

PROGRAMS = sorted((Path(__file__).parent / "programs" / "reference").glob("*.wren"))


def run(source: str, *, checks: bool) -> tuple[bytes, bytes]:
    """What the program prints, and what it reports as the reference CLI does,
    as bytes (a String holds bytes that are not UTF-8 as surrogate escapes)."""
    out: list[str] = []
    limits = Limits(time_limit_s=60.0) if checks else Limits()
    vm = VM(write=out.append, checks=checks, limits=limits, main_name="main")
    report = ""
    try:
        vm.run(vm.load(vm.compile(source, "main"))["_wren_module"])
    except WrenCompileError as err:
        report = err.rendered + "\n"
    except WrenError as err:
        report = render_runtime_error(err) + "\n"
    finally:
        vm.close()
    return "".join(out).encode("utf-8", "surrogateescape"), report.encode()


@pytest.mark.parametrize("checks", [False, True], ids=["trusted", "checked"])
@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.stem)
def test_a_program_prints_and_reports_what_the_reference_does(program: Path, checks: bool) -> None:
    err = program.with_suffix(".err")
    expected = (program.with_suffix(".out").read_bytes(), err.read_bytes() if err.exists() else b"")
    assert run(program.read_text(), checks=checks) == expected
