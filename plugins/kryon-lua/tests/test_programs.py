"""Whole programs of the kind users (and testers) write, run with `kryon run`.

Each ``programs/NAME.lua`` prints ``programs/NAME.out``, which is what the
``lua5.4`` command prints for it (checked again below when ``lua5.4`` is
installed): metatables and inheritance, every metamethod, closures and
varargs, coroutines as generators, ``string.format`` specifiers, patterns
(``%b``, ``%f``, captures, function and table replacements), utf8, integer
and float arithmetic and printing, ``table.sort`` comparators, ``goto``,
errors with tables and levels, ``pcall``/``xpcall`` messages, ``os.date``,
reading an empty standard input.
They run under the sandboxed policy (its time limit raised, so that a busy
machine cannot fail them) and under ``trusted``.

Programs that fail end as ``lua`` ends them: the message ``lua`` prints,
named at the script's line, on stderr, and exit status 65 (compile error) or
70 (runtime error or limit).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kryon_core.testing import kryon_run

PROGRAMS = Path(__file__).parent / "programs"
CASES = sorted(p.stem for p in PROGRAMS.glob("*.lua"))

ROOMY = """
[kryon]
default_policy = "roomy"

[security.policies.roomy]
extends = "sandboxed"
time_limit_ms = 60000
"""


def run_program(path: Path, policy: str, config: Path) -> subprocess.CompletedProcess[bytes]:
    # (bytes: programs print strings that are not UTF-8, as %q of "\200")
    options = ["--policy", "trusted"] if policy == "trusted" else ["--config", str(config)]
    return subprocess.run(
        [sys.executable, "-m", "kryon_core", "run", path.name, *options],
        stdin=subprocess.DEVNULL,  # (the sandbox's input is empty; trusted reads this)
        capture_output=True,
        timeout=120,
        cwd=path.parent,
        check=False,
    )


@pytest.mark.parametrize("policy", ["sandboxed", "trusted"])
@pytest.mark.parametrize("name", CASES)
def test_program_prints_what_lua_prints(tmp_path: Path, name: str, policy: str) -> None:
    config = tmp_path / "kryon.toml"
    config.write_text(ROOMY)
    result = run_program(PROGRAMS / f"{name}.lua", policy, config)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout == (PROGRAMS / f"{name}.out").read_bytes()


@pytest.mark.skipif(shutil.which("lua5.4") is None, reason="no lua5.4 command")
@pytest.mark.parametrize("name", CASES)
def test_the_expected_outputs_are_the_lua_commands(name: str) -> None:
    result = subprocess.run(
        ["lua5.4", f"{name}.lua"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
        cwd=PROGRAMS,
    )
    assert result.stdout == (PROGRAMS / f"{name}.out").read_bytes()


# (source, printed before the failure, exit status, first line of stderr after
# the error's kind: lua's own message)
FAILING = {
    "syntax": ('print("a")\nlocal x = = 1\n', "", 65, "unexpected symbol near '='"),
    "unclosed block": (
        "for i = 1, 2 do\n",
        "",
        65,
        "'end' expected (to close 'for' at line 1) near <eof>",
    ),
    "goto without label": (
        "goto nowhere\n",
        "",
        65,
        "no visible label 'nowhere' for <goto> at line 1",
    ),
    "const assignment": (
        "local x <const> = 1\nx = 2\n",
        "",
        65,
        "attempt to assign to const variable 'x'",
    ),
    "index nil": (
        'print("before")\nlocal t = nil\nprint(t.x)\n',
        "before\n",
        70,
        "{s}:3: attempt to index a nil value (local 't')",
    ),
    "error with a table": ("error({code = 1})\n", "", 70, "(error object is a table value)"),
    "error whose __tostring gives a number": (
        "error(setmetatable({}, {__tostring = function() return 42 end}))\n",
        "",
        70,
        "(error object is a table value)",
    ),
    "error whose __tostring gives a string": (
        "error(setmetatable({}, {__tostring = function() return 'OBJ' end}))\n",
        "",
        70,
        "OBJ",
    ),
    "error at level 0": ("error('plain', 0)\n", "", 70, "plain"),
    "error with a number": ("error(42)\n", "", 70, "42"),
    "error in a wrapped coroutine": (
        "local co = coroutine.wrap(function() error('in co') end)\nco()\n",
        "",
        70,
        "{s}:2: {s}:1: in co",
    ),
    "bad sort comparator": (
        "local t = {}\nfor i = 1, 40 do t[i] = (i * 7) % 11 end\n"
        "table.sort(t, function(a, b) return true end)\n",
        "",
        70,
        "{s}:3: invalid order function for sorting",
    ),
}


@pytest.mark.parametrize("case", sorted(FAILING))
def test_a_failing_program_ends_as_lua_does(tmp_path: Path, case: str) -> None:
    source, printed, status, message = FAILING[case]
    script = tmp_path / "failing.lua"
    script.write_text(source)
    result = kryon_run(script.name, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (status, printed)
    headline = result.stderr.splitlines()[0]
    kind = "CompileError" if status == 65 else "ScriptRuntimeError"
    if "{s}" in message:
        assert headline == f"{kind}: {message.format(s='failing.lua')}"
    else:  # kryon run places the error at its line
        assert headline.startswith(f"{kind}: failing.lua:")
        assert headline.endswith(f": {message}")


@pytest.mark.skipif(shutil.which("lua5.4") is None, reason="no lua5.4 command")
@pytest.mark.parametrize("case", sorted(FAILING))
def test_the_failing_programs_messages_are_the_lua_commands(tmp_path: Path, case: str) -> None:
    source, printed, _, message = FAILING[case]
    script = tmp_path / "failing.lua"
    script.write_text(source)
    result = subprocess.run(
        ["lua5.4", script.name], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert result.returncode == 1 and result.stdout == printed
    headline = result.stderr.splitlines()[0].removeprefix("lua5.4: ")
    assert headline.endswith(message.format(s="failing.lua"))
