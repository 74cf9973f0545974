"""The library functions the sandbox replaces behave as Lua's own.

Replacements are Lua functions of the sandbox chunk; these tests pin what a
script sees of them: error messages positioned at the script's line and
naming the function as called, xpcall/pcall argument checks, coroutine.wrap's
5.4 error positions, string methods a script adds, and load's chunk names and
reader functions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kryon_core import MemoryLimitError, ScriptRuntimeError, SecurityPolicy


def _message(lua: Any, body: str) -> Any:
    """The error message `body` raises, caught by pcall in the script itself."""
    sid = lua.load(
        f"function main()\n  return select(2, pcall(function()\n{body}\nend))\nend\n", "m"
    )
    return lua.call(sid, "main")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("string.rep()", "m:3: bad argument #1 to 'rep' (string expected, got no value)"),
        ('("x"):rep()', "m:3: bad argument #1 to 'rep' (number expected, got no value)"),
        ('string.find("abc", "%")', "m:3: malformed pattern (ends with '%')"),
        ('("abc"):gsub("a", "%2")', "m:3: invalid capture index %2"),
        ("table.insert(nil, 1)", "m:3: bad argument #1 to 'insert' (table expected, got nil)"),
        ("table.insert({}, 1, 2, 3)", "m:3: wrong number of arguments to 'insert'"),
        (
            "setmetatable(1, {})",
            ("m:3: bad argument #1 to 'setmetatable' (table expected, got number)"),
        ),
        (
            "setmetatable({}, 1)",
            "m:3: bad argument #2 to 'setmetatable' (nil or table expected, got number)",
        ),
        (
            "setmetatable(setmetatable({}, {__metatable = 1}), {})",
            "m:3: cannot change a protected metatable",
        ),
        ("coroutine.create(1)", "m:3: bad argument #1 to 'create' (function expected, got number)"),
        (
            "local f = string.rep; f()",
            ("m:3: bad argument #1 to 'f' (string expected, got no value)"),
        ),
        ("pcall()", "m:3: bad argument #1 to 'pcall' (value expected)"),
        ("xpcall(print)", "m:3: bad argument #2 to 'xpcall' (function expected, got no value)"),
        ("xpcall(print, 42)", "m:3: bad argument #2 to 'xpcall' (function expected, got number)"),
        (
            "setmetatable({})",
            "m:3: bad argument #2 to 'setmetatable' (nil or table expected, got no value)",
        ),
        ("getmetatable()", "m:3: bad argument #1 to 'getmetatable' (value expected)"),
        # a missing argument is "no value", as the C function sees it
        ("table.insert()", "m:3: bad argument #1 to 'insert' (table expected, got no value)"),
        ("table.remove()", "m:3: bad argument #1 to 'remove' (table expected, got no value)"),
        ("table.sort()", "m:3: bad argument #1 to 'sort' (table expected, got no value)"),
        ("table.move({}, 1)", "m:3: bad argument #3 to 'move' (number expected, got no value)"),
        ("table.move({})", "m:3: bad argument #2 to 'move' (number expected, got no value)"),
    ],
)
def test_replacement_errors_read_as_the_library_functions(
    lua: Any, body: str, expected: str
) -> None:
    assert _message(lua, body) == expected


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ("table.insert({}, 5, 2)", "t:1: bad argument #2 to 'insert' (position out of bounds)"),
        ("string.rep()", "t:1: bad argument #1 to 'rep' (string expected, got no value)"),
        ("io.stdin:read('x')", "t:1: bad argument #1 to 'read' (invalid format)"),
    ],
)
def test_a_tail_called_replacement_is_told_at_the_nearest_script_line(
    lua: Any, call: str, expected: str
) -> None:
    # `return f()` replaces the caller's frame with the replacement (a C
    # function would not): the line is the nearest script frame's, here the
    # pcall's, and the name the short one, as Lua's in a one-line pcall
    sid = lua.load(
        f"function main() return select(2, pcall(function() return {call} end)) end", "t"
    )
    assert lua.call(sid, "main") == expected


def test_pcall_of_a_replacement_names_it_as_lua_does(lua: Any) -> None:
    result = lua.run("return select(2, pcall(string.rep))")
    assert result == "bad argument #1 to 'string.rep' (string expected, got no value)"


@pytest.mark.parametrize("args", ["'x', 1e10", "'x', 2^31", "'ab', 2^30, ','", "'', 2^40, 'x'"])
def test_rep_past_the_largest_string_fails_as_lua_does(lua: Any, args: str) -> None:
    # a catchable error, as Lua's own (not the memory limit)
    assert lua.run(f"return {{pcall(string.rep, {args})}}") == [
        False,
        "resulting string too large",
    ]


def test_rep_counts_given_as_strings_are_bounded(lua: Any) -> None:
    with pytest.raises(MemoryLimitError):
        lua.run("return #string.rep('x', '1e9')")
    assert lua.run("return string.rep('ab', '3', 1)") == "ab1ab1ab"


def test_callback_errors_pass_through_replacements_unchanged(lua: Any) -> None:
    result = lua.run(
        'return select(2, pcall(string.gsub, "ab", "%w", function() error({code = 7}) end)).code'
    )
    assert result == 7
    text = lua.run('return select(2, pcall(string.gsub, "ab", "%w", function() error("cb") end))')
    assert text.endswith(":2: cb")


def test_error_levels_past_pcall_name_the_script(lua: Any) -> None:
    # the level lands where Lua has pcall's caller: never the sandbox's own chunk
    sid = lua.load(
        "function main()\n"
        "  local a = select(2, pcall(error, 'a', 2))\n"
        "  local b = select(2, pcall(function() error('b', 3) end))\n"
        "  local c = select(2, xpcall(function() error('c', 3) end, function(m) return m end))\n"
        "  return {a, b, c}\n"
        "end\n",
        "lv",
    )
    assert lua.call(sid, "main") == ["lv:2: a", "lv:3: b", "lv:4: c"]


def test_the_main_chunk_is_the_main_thread(lua: Any) -> None:
    # it runs in a coroutine of its own (so that its failures keep their stack)
    sid = lua.load(
        "local co, main = coroutine.running()\n"
        "local inner = coroutine.wrap(function() return coroutine.isyieldable() end)()\n"
        "result = {main, coroutine.isyieldable(), coroutine.status(co), inner,\n"
        "          select(2, pcall(coroutine.yield, 1)), select(2, coroutine.resume(co))}\n"
        "function get() return result end\n",
        "mt",
    )
    assert lua.call(sid, "get") == [
        True,
        False,
        "running",
        True,
        "attempt to yield from outside a coroutine",
        "cannot resume non-suspended coroutine",
    ]
    with pytest.raises(ScriptRuntimeError) as info:
        lua.load("local x = 1\ncoroutine.yield(x)\n", "y")
    assert (info.value.line, info.value.message) == (2, "attempt to yield from outside a coroutine")


def test_close_handlers_of_a_failed_main_chunk_run(lua: Any) -> None:
    with pytest.raises(ScriptRuntimeError) as info:
        lua.load(
            "local x <close> = setmetatable({},\n"
            "  {__close = function(_, e) print('closed', e) end})\n"
            "error('boom')\n",
            "c",
        )
    assert info.value.line == 3
    assert lua.output[-1][0] == "closed\tc:3: boom\n"


def test_xpcall_handler_that_fails_ends_in_error_in_error_handling(lua: Any) -> None:
    assert lua.run("return {xpcall(error, error)}") == [False, "error in error handling"]
    assert lua.run("return {xpcall(error, function(m) return 'h:' .. m end, 'x')}") == [
        False,
        "h:x",
    ]


def test_coroutine_wrap_errors_carry_the_callers_position(lua: Any) -> None:
    sid = lua.load(
        "function main()\n"
        "  local f = coroutine.wrap(function() error('in co') end)\n"
        "  local ok, e = pcall(function() f() end)\n"
        "  local ok2, e2 = pcall(function() f() end)\n"
        "  return {e, e2}\n"
        "end\n",
        "w",
    )
    assert lua.call(sid, "main") == ["w:3: w:2: in co", "w:4: cannot resume dead coroutine"]


@pytest.mark.parametrize("sandbox", [True, False])
def test_string_methods_a_script_adds_are_found(
    make_lua: Callable[..., Any], sandbox: bool
) -> None:
    lua = make_lua(SecurityPolicy(name="p", sandbox=sandbox))
    sid = lua.load(
        "function string.trim(s) return (s:gsub('^%s+', ''):gsub('%s+$', '')) end\n"
        "function string:twice() return self .. self end\n"
        "local function inner(s) return s:twice() end\n"
        "function main() return {('  hi '):trim(), inner('ab')} end\n"
    )
    assert lua.call(sid, "main") == ["hi", "abab"]
    other = lua.load("function main() return ('x').trim end\n", "other")
    assert lua.call(other, "main") is None
    forged = lua.load("function main() return load(\"return ('x').trim\", '=s1') end\n")
    with pytest.raises(ScriptRuntimeError, match="after another script"):
        lua.call(forged, "main")


def test_load_names_chunks_as_lua_does(lua: Any) -> None:
    assert lua.run("return select(2, load('x = '))") == (
        '[string "x = "]:1: unexpected symbol near <eof>'
    )
    assert (
        lua.run("return select(2, load('x = ', '=mine'))") == "mine:1: unexpected symbol near <eof>"
    )
    assert lua.run("return select(2, pcall(load('error(\"e\")', 'chunky')))") == (
        '[string "chunky"]:1: e'
    )
    assert lua.run("return load(42) == nil") is True
    assert lua.run("return load('return _ENV', 'n', 't', nil)() == nil") is True


def test_file_write_errors_name_the_method_as_lua_does(lua: Any) -> None:
    assert _message(lua, "io.stdout:write({})") == (
        "m:3: bad argument #1 to 'write' (string expected, got table)"
    )
    assert _message(lua, "local w = io.stdout.write; w(io.stdout, 1, {})") == (
        "m:3: bad argument #3 to 'w' (string expected, got table)"
    )
    assert lua.run("return select(2, pcall(io.stdout.write, io.stdout, {}))") == (
        "bad argument #2 to '?' (string expected, got table)"
    )


def test_io_writes_to_the_hosts_standard_output_and_error(lua: Any) -> None:
    sid = lua.load(
        "function main()\n"
        "  io.write(1, ' ', 2.0, ' ', 1e100, '\\n')\n"
        "  io.stdout:write('a'):write('b\\n')\n"
        "  io.stderr:write('oops\\n')\n"
        "  local ok, e = pcall(function() io.write('c', {}) end)\n"
        "  return {ok, e, io.write() == io.stdout, io.type(io.stdout), io.type(1)}\n"
        "end\n",
        "io",
    )
    result = lua.call(sid, "main")
    assert result == [
        False,
        "io:5: bad argument #2 to 'write' (string expected, got table)",
        True,
        "file",
    ]
    assert [(text, stream) for text, stream, _ in lua.output] == [
        ("1 2 1e+100\n", "stdout"),
        ("a", "stdout"),
        ("b\n", "stdout"),
        ("oops\n", "stderr"),
        ("c", "stdout"),
    ]


@pytest.mark.parametrize("sandbox", [True, False])
def test_the_builtins_are_the_scripts_own_globals(
    make_lua: Callable[..., Any], sandbox: bool
) -> None:
    # as in Lua's _G: pairs(_G) lists them, rawget finds them, and a script
    # that removes one has removed it (they were found through a metatable)
    lua = make_lua(SecurityPolicy(name="p", sandbox=sandbox))
    sid = lua.load(
        "local listed = {}\n"
        "for k, v in pairs(_G) do if type(v) == 'function' then listed[k] = true end end\n"
        "local kept = {listed.pairs, listed.tostring, listed.setmetatable, listed.pcall,\n"
        "              rawget(_G, 'ipairs') == ipairs}\n"
        "type = nil\n"
        "function main() return {kept, pcall(function() return type(1) end)} end\n"
    )
    kept, ok, message = lua.call(sid, "main")
    assert kept == [True] * 5 and ok is False
    assert message.endswith("attempt to call a nil value (global 'type')")
    assert lua.run("return type(1)") == "number"  # another script's are its own


def test_warn_writes_to_stderr_once_turned_on(lua: Any) -> None:
    # as the lua command sets warnings up: off until warn("@on")
    sid = lua.load(
        "function main()\n"
        "  warn('hidden') warn('@on') warn('a', 1, 'b') warn('@off') warn('no')\n"
        "  return select(2, pcall(warn, 'x', {}))\n"
        "end\n"
    )
    assert lua.call(sid, "main") == "bad argument #2 to 'warn' (string expected, got table)"
    assert [(text, stream) for text, stream, _ in lua.output] == [("Lua warning: a1b\n", "stderr")]
