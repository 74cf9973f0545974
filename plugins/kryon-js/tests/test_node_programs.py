"""Whole programs of the kind a tester writes, run by ``kryon run`` as a user runs
them: stdout must be byte for byte what Node 20 printed (``node_programs/*.out``,
recorded with ``node NAME.js``), and a program that fails ends with the CLI
contract's status and names its script and line on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest

from kryon_core.testing import kryon_run

PROGRAMS = Path(__file__).parent / "node_programs"

# program -> (exit status, text stderr must hold); every other program exits 0
FAILING = {
    "17_uncaught.js": (70, "17_uncaught.js:2:29: TypeError: Cannot read properties of undefined"),
    "18_syntax.js": (65, "18_syntax.js:2:11"),
    "19_rejection.js": (70, "19_rejection.js:2:43: unhandled promise rejection: RangeError"),
    "20_exitcode.js": (3, ""),
    "21_throw_custom.js": (70, "21_throw_custom.js:3:7: AppError: bad config"),
}


@pytest.mark.parametrize("name", sorted(p.name for p in PROGRAMS.glob("*.js")))
def test_program_prints_what_node_prints(name: str) -> None:
    done = kryon_run(PROGRAMS / name, cwd=PROGRAMS)
    status, stderr = FAILING.get(name, (0, ""))
    assert done.stdout == (PROGRAMS / name).with_suffix(".out").read_text()
    assert done.returncode == status, done.stderr
    assert stderr in done.stderr
