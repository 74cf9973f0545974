"""``os.exit([code [, close]])``: the program ends with that status, past
every pcall, xpcall, coroutine and ``__close`` handler (Lua's exit runs
none), with the output written before it kept; embedded, the host goes on."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kryon_core import ScriptExit, ScriptManager, ScriptRuntimeError, SecurityPolicy
from kryon_core.testing import kryon_run as run_cli

POLICIES = ["sandboxed", "trusted"]


def kryon_run(tmp_path: Path, source: str, *extra: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "main.lua"
    script.write_text(source)
    return run_cli(script, *extra)


@pytest.mark.parametrize(
    ("call", "status"),
    [
        ("os.exit()", 0),
        ("os.exit(true)", 0),
        ("os.exit(false)", 1),
        ("os.exit(nil, true)", 0),
        ("os.exit(42)", 42),
        ("os.exit(3.0)", 3),
        ("os.exit('7')", 7),
        ("os.exit(-1)", 255),
        ("os.exit(256 + 7)", 7),
        ("os.exit(2^32 + 5)", 5),
    ],
)
@pytest.mark.parametrize("policy", POLICIES)
def test_exit_ends_the_run_with_its_status(
    tmp_path: Path, call: str, status: int, policy: str
) -> None:
    source = f"print('before')\nio.write('partial')\n{call}\nprint('after')\nfunction f() end\n"
    result = kryon_run(tmp_path, source, "--policy", policy, "--call", "f")
    assert (result.returncode, result.stdout, result.stderr) == (status, "before\npartial", "")


UNCATCHABLE = [
    "pcall(os.exit, 3)",
    "pcall(function() os.exit(3) end)",
    "xpcall(os.exit, function(e) print('handler') return e end, 3)",
    "xpcall(function() os.exit(3) end, print)",
    "coroutine.wrap(function() os.exit(3) end)()",
    "pcall(coroutine.wrap(function() os.exit(3) end))",
    "coroutine.resume(coroutine.create(function() pcall(os.exit, 3) end))",
    "do local c <close> = setmetatable({}, {__close = function() print('closed') end})\n"
    "  pcall(os.exit, 3) end",
    "pcall(function()\n"
    "  local c <close> = setmetatable({}, {__close = function() error('from close') end})\n"
    "  os.exit(3) end)",
    "local co = coroutine.create(function()\n"
    "  local c <close> = setmetatable({}, {__close = function() os.exit(3) end})\n"
    "  coroutine.yield() end)\n"
    "coroutine.resume(co) print(coroutine.close(co))",
    "print(pcall(load('os.exit(3)')))",
    "print(pcall(string.gsub, 'a', 'a', function() os.exit(3) end))",
    "print(pcall(table.sort, {3, 2, 1}, function() os.exit(3) end))",
    "print(pcall(tostring, setmetatable({}, {__tostring = function() os.exit(3) end})))",
]


@pytest.mark.parametrize("catch", UNCATCHABLE)
@pytest.mark.parametrize("policy", POLICIES)
def test_no_pcall_coroutine_or_close_handler_stops_an_exit(
    tmp_path: Path, catch: str, policy: str
) -> None:
    source = f"print('before')\n{catch}\nprint('after')\n"
    result = kryon_run(tmp_path, source, "--policy", policy)
    assert (result.returncode, result.stdout, result.stderr) == (3, "before\n", "")


def test_exit_inside_a_called_function_ends_the_run(tmp_path: Path) -> None:
    source = "print('loaded')\nfunction f(n) print('in f') pcall(os.exit, n) print('no') end\n"
    result = kryon_run(tmp_path, source, "--call", "f", "4")
    assert (result.returncode, result.stdout, result.stderr) == (4, "loaded\nin f\n", "")


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("{}", "bad argument #1 to 'exit' (number expected, got table)"),
        ("3.5", "bad argument #1 to 'exit' (number has no integer representation)"),
        ("'x'", "bad argument #1 to 'exit' (number expected, got string)"),
    ],
)
def test_a_bad_argument_is_lua_s_error(tmp_path: Path, argument: str, message: str) -> None:
    result = kryon_run(tmp_path, f"print('a')\nos.exit({argument})\n")
    assert (result.returncode, result.stdout) == (70, "a\n")
    assert f"main.lua:2: {message}" in result.stderr
    caught = kryon_run(tmp_path, f"print(pcall(os.exit, {argument}))\n")
    named = message.replace("'exit'", "'os.exit'")  # called by pcall: no name, as in Lua
    assert (caught.returncode, caught.stdout) == (0, f"false\t{named}\n")


def test_embedded_exit_fails_the_load_or_the_call_and_the_host_goes_on() -> None:
    with ScriptManager() as manager:
        with pytest.raises(ScriptExit) as info:
            manager.load_script(
                "quits", "print('hi')\npcall(os.exit, 4)\nfunction f() end\n", language="lua"
            )
        assert (info.value.status, info.value.script, info.value.line) == (4, "quits", 2)
        assert "quits" not in manager.scripts
        manager.load_script(
            "calc",
            "function add(a, b) return a + b end\n"
            "function stop(n)\n  pcall(os.exit, n)\nend\n"
            "function bad() os.exit({}) end\n",
            language="lua",
        )
        with pytest.raises(ScriptExit) as info:
            manager.call_function("stop", 3)
        assert (info.value.status, info.value.script, info.value.line) == (3, "calc", 3)
        assert info.value.render() == ""
        with pytest.raises(ScriptRuntimeError, match="bad argument #1 to 'exit'"):
            manager.call_function("bad")
        assert manager.call_function("add", 2, 3) == 5


def test_an_exit_inside_a_nested_call_ends_the_outer_one(make_lua: Callable[..., Any]) -> None:
    harness = make_lua()
    sid = harness.load(
        "function main()\n"
        "  print(pcall(kryon.reenter, function() os.exit(6) end))\n"
        "  print('after')\n"
        "end\n"
        "function ok() return 1 end\n"
    )
    with pytest.raises(ScriptExit) as info:
        harness.call(sid, "main")
    assert info.value.status == 6 and harness.output == []
    assert harness.call(sid, "ok") == 1


def test_a_host_function_s_exit_cannot_be_caught(make_lua: Callable[..., Any]) -> None:
    """A script in another engine, called through the host, ended the program."""

    def quit_(caller: str) -> None:
        raise ScriptExit(5, "bye", script="other")

    harness = make_lua(SecurityPolicy(), functions={"quit": quit_})
    sid = harness.load("function main() print(pcall(kryon.quit)) end\nfunction ok() return 1 end\n")
    with pytest.raises(ScriptExit) as info:
        harness.call(sid, "main")
    assert (info.value.status, info.value.render()) == (5, "bye")
    assert harness.output == [] and harness.call(sid, "ok") == 1
