"""Whole programs of the kind a tester writes, run by ``kryon run`` as a user runs
them: stdout must be byte for byte what Node 20 printed (``node_programs/*.out``,
recorded with ``node NAME.js`` or ``node NAME.mjs``), and a program that fails ends
with the CLI contract's status and names its script and line on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest

from kryon_core.testing import kryon_run

PROGRAMS = Path(__file__).parent / "node_programs"

# program -> (exit status, texts stderr must hold); every other program exits 0
FAILING: dict[str, tuple[int, str] | tuple[int, str, str]] = {
    "17_uncaught.js": (70, "17_uncaught.js:2:29: TypeError: Cannot read properties of undefined"),
    "18_syntax.js": (65, "18_syntax.js:2:11"),
    "19_rejection.js": (70, "19_rejection.js:2:43: unhandled promise rejection: RangeError"),
    "20_exitcode.js": (3, ""),
    "21_throw_custom.js": (70, "21_throw_custom.js:3:7: AppError: bad config"),
    # (Node's column is the outer `new`'s, 24; QuickJS places it at the inner one's)
    "62_uncaught_class.js": (70, "62_uncaught_class.js:5:", "ConfigError: port missing"),
    "63_uncaught_async.js": (70, "63_uncaught_async.js:3:", "RangeError: user 50 out of range"),
    "64_throw_in_timer.js": (70, "64_throw_in_timer.js:4:20: SyntaxError: Unexpected token '}'"),
    "65_exit_code.js": (4, ""),
    "66_throw_object.js": (70, "66_throw_object.js:2:19: uncaught exception: { x: 1, y: [ 2, 3 ]"),
    "83_uncaught_nested.js": (70, "83_uncaught_nested.js:5:40: ValidationError: email: invalid"),
    "84_unhandled_async.js": (
        70,
        "84_unhandled_async.js:3:47: unhandled promise rejection: RangeError: no user 3",
    ),
}


@pytest.mark.parametrize(
    "name", sorted(p.name for p in PROGRAMS.iterdir() if p.suffix in (".js", ".mjs"))
)
def test_program_prints_what_node_prints(name: str) -> None:
    done = kryon_run(PROGRAMS / name, cwd=PROGRAMS)
    status, *texts = FAILING.get(name, (0, ""))
    assert done.stdout == (PROGRAMS / name).with_suffix(".out").read_text()
    assert done.returncode == status, done.stderr
    for text in texts:
        assert text in done.stderr
