"""``debug.traceback``: the sandbox's whole ``debug`` table.

It reads as Lua 5.4's (the reference programs' outputs are the ``lua5.4``
command's), leaves out every frame of the kernel, and reaches nothing else.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from kryon_lua.config import LuaConfig

from kryon_core import InstructionLimitError, ScriptRuntimeError, SecurityPolicy
from kryon_core.testing import kryon_run as run_cli

REFERENCE = Path(__file__).parent / "reference" / "traceback"
PROGRAMS = sorted(p.stem for p in REFERENCE.glob("*.lua"))


def kryon_run(name: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli(f"{name}.lua", *extra, cwd=REFERENCE)


@pytest.mark.parametrize("policy", ["sandboxed", "trusted"])
@pytest.mark.parametrize("name", PROGRAMS)
def test_tracebacks_read_as_lua_5_4s(name: str, policy: str) -> None:
    # function kinds, messages and levels, coroutines, skipped levels and tail
    # calls, callbacks from C functions (the kernel's stand-ins among them)
    result = kryon_run(name, "--policy", policy)
    expected = (REFERENCE / f"{name}.out").read_text()
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == expected


@pytest.mark.skipif(shutil.which("lua5.4") is None, reason="no lua5.4 command")
@pytest.mark.parametrize("name", PROGRAMS)
def test_the_reference_outputs_are_the_lua_commands(name: str) -> None:
    result = subprocess.run(
        ["lua5.4", f"{name}.lua"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=REFERENCE,
    )
    assert result.stdout == (REFERENCE / f"{name}.out").read_text()


def test_a_function_the_host_calls_ends_its_trace_as_entered_from_c(lua: Any) -> None:
    sid = lua.load("function f(n)\n  return debug.traceback('from f ' .. n)\nend\n", "calls")
    assert lua.call(sid, "f", 1) == (
        "from f 1\nstack traceback:\n\tcalls:2: in function 'f'\n\t[C]: in ?"
    )


# (never a tail call to debug.traceback: on LuaJIT it is a Lua function,
# which takes its caller's place)
TRACED = {
    "error in pcall'd xpcall": "return (select(3, pcall(xpcall, function() error('e') end,"
    " debug.traceback)))",
    "sort comparator": "local r; table.sort({3, 1, 2}, function(a, b) r = r or"
    " debug.traceback('s') return a < b end) return r",
    "costly gsub (the Lua matcher)": "local r; (('a,'):rep(300)):gsub('([^,]*),?', function()"
    " r = r or debug.traceback('g') end) return r",
    "wrap in a coroutine": "return coroutine.wrap(function() return coroutine.wrap(function()"
    " local r = debug.traceback('w') return r end)() end)()",
    "a host function calling back": "return kryon.reenter(function() local r ="
    " debug.traceback('h') return r end)",
    "a replacement's error": "return select(2, xpcall(string.rep, debug.traceback))",
    "a load'ed chunk": "local r = load('local r = debug.traceback(\"l\") return r')() return r",
    "the message handler's error": "return select(2, xpcall(error, function(e)"
    " return debug.traceback(e, 1) end, 'x'))",
    "print's __tostring": "local r; print(setmetatable({}, {__tostring = function()"
    " r = debug.traceback('p') return '' end})) return r",
}


@pytest.mark.parametrize("route", TRACED)
def test_no_kernel_frame_shows(any_lua: Any, route: str) -> None:
    trace = any_lua.run(TRACED[route])
    assert isinstance(trace, str)
    assert "stack traceback:" in trace
    assert "kryon" not in trace
    assert "\ts1:" in trace  # the script's own frames are there


def test_debug_holds_only_traceback(any_lua: Any) -> None:
    assert (
        any_lua.run(
            "local names = {}"
            " for k, v in pairs(debug) do names[#names + 1] = k .. ':' .. type(v) end"
            " return table.concat(names, ',')"
        )
        == "traceback:function"
    )
    for name in (
        "getinfo",
        "getlocal",
        "sethook",
        "gethook",
        "getregistry",
        "getmetatable",
        "setmetatable",
        "getupvalue",
        "setupvalue",
        "upvalueid",
        "upvaluejoin",
        "setlocal",
        "getuservalue",
        "setuservalue",
        "debug",
        "setcstacklimit",
    ):
        assert any_lua.run(f"return debug.{name} == nil and rawget(debug, '{name}') == nil")
    assert any_lua.run("return getmetatable(debug) == nil") is True


def test_traceback_returns_a_string_or_its_message_untouched(any_lua: Any) -> None:
    # nothing of the kernel comes back: a non-string message is returned as
    # is, whatever it is, with or without a thread
    assert (
        any_lua.run(
            "local co = coroutine.create(function() end)"
            " local values = {{}, print, true, string.rep, debug.traceback}"
            " for _, v in ipairs(values) do"
            "   if debug.traceback(v) ~= v or debug.traceback(co, v) ~= v"
            "      or debug.traceback(v, 1) ~= v then return false end"
            " end"
            " for _, args in ipairs({{}, {nil}, {'m', 0}, {co}, {co, 'm', 0}, {'m', -5},"
            "                        {'m', 1e9}, {coroutine.running() or co, 'm', 0}}) do"
            "   local r = debug.traceback((table.unpack or unpack)(args, 1, 3))"
            "   if type(r) ~= 'string' then return false end"
            " end"
            " return true"
        )
        is True
    )


def test_traceback_runs_nothing_of_the_script(any_lua: Any) -> None:
    # no __tostring, __index or __name of the message is consulted
    assert (
        any_lua.run(
            "local called = false"
            " local mt = {__tostring = function() called = true return 'x' end,"
            "             __index = function() called = true end, __name = 'N'}"
            " local m = setmetatable({}, mt)"
            " return debug.traceback(m) == m and not called"
        )
        is True
    )


def test_scripts_cannot_change_each_others_traceback(lua: Any) -> None:
    lua.load(
        "debug.traceback = function() return 'hijacked' end\n"
        "debug.extra = print\n"
        "local real = debug\n"
        "debug = nil\n"
    )
    sid = lua.load("function t() return debug.traceback('mine'), debug.extra == nil end\n", "other")
    assert lua.call(sid, "t") == [
        "mine\nstack traceback:\n\tother:1: in function 't'\n\t[C]: in ?",
        True,
    ]


def test_bad_arguments_are_luas_errors(any_lua: Any) -> None:
    with pytest.raises(ScriptRuntimeError) as info:
        any_lua.run("local x = debug.traceback('m', {})\nreturn x")
    assert info.value.message == "bad argument #2 to 'traceback' (number expected, got table)"
    assert info.value.line == 2
    # and it keeps working after its own errors
    assert any_lua.run(
        "for i = 1, 5 do pcall(debug.traceback, 'x', {}) end return debug.traceback('ok')"
    ).startswith("ok\nstack traceback:\n\t")


def test_traceback_is_the_scripts_work_and_limits_stop_it(
    make_lua: Callable[..., Any],
) -> None:
    # (no time limit: on a loaded machine 100 ms can pass before 200,000 instructions)
    harness = make_lua(SecurityPolicy(name="t", instruction_limit=200_000, time_limit_ms=None))
    sid = harness.load(
        "for i = 1, 2000 do _G['g' .. i] = function() end end\n"
        "function spin() while true do debug.traceback('x') end end\n"
        "function once() return debug.traceback('after') end\n"
    )
    with pytest.raises(InstructionLimitError):
        harness.call(sid, "spin")
    assert harness.call(sid, "once").startswith("after\nstack traceback:\n\t")


def test_deep_stacks_are_cut_and_do_not_count_as_recursion(lua: Any) -> None:
    # the default policy's recursion limit is 200: a traceback at depth 195
    # is not a deeper call (Lua's own is one C function)
    trace = lua.run(
        "local function rec(n) if n == 0 then return debug.traceback('d') end"
        " local r = rec(n - 1) return r end local r = rec(195) return r"
    )
    lines = trace.split("\n")
    assert len(lines) == 2 + 10 + 1 + 11
    assert lines[12] == "\t...\t(skipping 176 levels)"
    assert lines[-2:] == ["\ts1:2: in function 'main'", "\t[C]: in ?"]


def test_trusted_scripts_keep_the_rest_of_luas_debug(make_lua: Callable[..., Any]) -> None:
    harness = make_lua(SecurityPolicy(name="trusted", sandbox=False), LuaConfig(runtime="lua54"))
    assert (
        harness.run(
            "return type(debug.getinfo) == 'function' and type(debug.sethook) == 'function'"
            " and not debug.traceback('x'):find('kryon')"
        )
        is True
    )
