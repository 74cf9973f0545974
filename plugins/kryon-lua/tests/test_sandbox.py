"""Escape attempts: every known trap of a lupa sandbox, on Lua 5.4 and LuaJIT."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kryon_core import (
    ConversionError,
    InstructionLimitError,
    ScriptRuntimeError,
    SecurityPolicy,
    UserData,
)
from kryon_core.testing import kryon_run as run_cli

# Walk everything a script can reach (globals, library tables, metatables,
# upvalue-free values) and report any userdata: a Python object in disguise.
REACHABLE_USERDATA = """
local seen, found = {}, {}
local function walk(v, path)
  if seen[v] then return end
  local t = type(v)
  if t == "userdata" then found[#found + 1] = path return end
  if t ~= "table" then return end
  seen[v] = true
  for k, x in pairs(v) do walk(x, path .. "." .. tostring(k)) end
  local mt = getmetatable(v)
  if type(mt) == "table" then walk(mt, path .. "<mt>") end
end
walk(_G, "_G")
walk(getmetatable(""), "<string mt>")
local ok, e = pcall(kryon.boom)
walk(e, "<host error>")
return #found == 0 and "clean" or table.concat(found, " ")
"""


def test_no_python_object_is_reachable(any_lua: Any) -> None:
    assert any_lua.run(REACHABLE_USERDATA) == "clean"


@pytest.mark.parametrize(
    "name",
    [
        "python",
        "os.execute",
        "os.remove",
        "io.open",
        "io.popen",
        "io.input",
        "io.output",
        "debug.getinfo",
        "debug.sethook",
        "debug.getregistry",
        "debug.getupvalue",
        "debug.setmetatable",
        "package",
        "require",
        "dofile",
        "loadfile",
        "string.dump",
        "jit",
        "ffi",
        "getfenv",
        "setfenv",
        "newproxy",
        "module",
        "gcinfo",
    ],
)
def test_dangerous_globals_are_gone(any_lua: Any, name: str) -> None:
    head, _, field = name.partition(".")
    expr = f"{head} and {head}.{field}" if field else head
    assert any_lua.run(f"return {expr} == nil") is True


def test_standard_input_is_empty_and_there_are_no_files(any_lua: Any) -> None:
    # as `lua x.lua < /dev/null`: programs that read their input end at once
    assert any_lua.run(
        "local lines = 0 for _ in io.lines() do lines = lines + 1 end"
        " return {io.read() == nil, io.read('a'), io.read('n') == nil, io.stdin:read('a'),"
        " lines, io.type(io.stdin)}"
    ) == [True, "", True, "", 0, "file"]
    with pytest.raises(ScriptRuntimeError, match="cannot open file '/etc/passwd' .the sandbox"):
        any_lua.run("for line in io.lines('/etc/passwd') do end")
    with pytest.raises(ScriptRuntimeError, match=r"s\d+:2: bad argument #1 to 'read' .invalid"):
        any_lua.run("io.read('x')")


def test_os_getenv_sees_an_empty_environment(any_lua: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("KRYON_TEST_SECRET", "host value")
    assert any_lua.run("return {os.getenv('KRYON_TEST_SECRET') or 'unset', os.getenv('PATH')}") == [
        "unset"
    ]
    with pytest.raises(ScriptRuntimeError, match=r"bad argument #1 to 'getenv' \(string expected"):
        any_lua.run("os.getenv({})")


def test_python_eval_and_builtins_are_unreachable(any_lua: Any) -> None:
    assert any_lua.run("return rawget(_G, 'python') == nil") is True
    with pytest.raises(ScriptRuntimeError, match="python"):
        any_lua.run("return python.eval('1+1')")
    with pytest.raises(ScriptRuntimeError):
        any_lua.run("return python.builtins.getattr")


def test_string_methods_do_not_lead_to_dump_or_the_metatable(any_lua: Any) -> None:
    assert any_lua.run("return ('x').dump == nil") is True
    # getmetatable('') is a stand-in whose __index is the script's own string
    # table (as in Lua, where it is the string library): changing it changes
    # nothing shared
    assert any_lua.run("return getmetatable('').__index == string") is True
    any_lua.run("local mt = getmetatable('') mt.__index.rep = nil mt.__index = nil")
    assert any_lua.run("return ('ab'):rep(2), getmetatable('').__index == string") == [
        "abab",
        True,
    ]


STRING_TRICKS = """
local mt = getmetatable("")
mt.__index = function(s, i)
  if type(i) == "number" then return s:sub(i, i) end
  return string[i]
end
mt.__mod = function(fmt, v) return fmt:format(v) end
mt.__call = function(s, n) return s:rep(n) end
function tricks(s) return s[2], "%03d" % 7, s(2), s:upper(), "10" * 2 end
"""


def test_string_metatable_tricks_hold_for_the_script_that_sets_them(any_lua: Any) -> None:
    # s[i], "%d" % n, s(n): what a script sets on getmetatable("") applies to
    # its own strings; another script's strings stay as Lua's
    mine = any_lua.load(STRING_TRICKS)
    assert any_lua.call(mine, "tricks", "abc") == ["b", "007", "abcabc", "ABC", 20]
    other = any_lua.load("function plain(s) return s[2], ('x'):rep(2), '10' * 2 end")
    assert any_lua.call(other, "plain", "abc") == [None, "xx", 20]
    with pytest.raises(ScriptRuntimeError, match=r"^s\d+:2: attempt to call a string value"):
        any_lua.run("local s = 'abc' local r = s() return r")
    # (Lua 5.4's message, LuaJIT's)
    arithmetic = r"(mod a 'string' with a 'number'|perform arithmetic on a string value)"
    with pytest.raises(ScriptRuntimeError, match=rf"^s\d+:2: attempt to {arithmetic}"):
        any_lua.run("return '%d' % 7")
    assert any_lua.call(mine, "tricks", "xyz")[0] == "y"


def test_a_string_metatable_handler_runs_under_the_limits(make_lua: Any) -> None:
    lua = make_lua(SecurityPolicy(name="tight", sandbox=True, instruction_limit=200_000))
    with pytest.raises(InstructionLimitError):
        lua.run("getmetatable('').__index = function() while true do end end return ('x')[1]")
    assert lua.run("return ('x'):rep(2)") == "xx"


def test_host_exception_reaches_lua_as_a_plain_table(any_lua: Any) -> None:
    result = any_lua.run("""
        local ok, e = pcall(kryon.boom)
        return {ok = ok, kind = type(e), type = e.type, message = e.message,
                tb = rawget(e, "__traceback__") == nil, text = tostring(e)}
    """)
    assert result == {
        "ok": False,
        "kind": "table",
        "type": "HostError",
        "message": "ValueError: secret host detail",
        "tb": True,
        "text": "HostError: ValueError: secret host detail",
    }


def test_python_exception_from_argument_decoding_never_reaches_lua(any_lua: Any) -> None:
    # lupa would raise UnicodeDecodeError into Lua for a non-UTF-8 argument;
    # our bridge passes bytes and converts them itself.
    result = any_lua.run("""
        local ok, e = pcall(kryon.echo, "\\255\\254")
        return {ok, type(e), e.type}
    """)
    assert result == [False, "table", "ConversionError"]


def test_generators_and_other_host_objects_do_not_cross(any_lua: Any) -> None:
    result = any_lua.run("local ok, e = pcall(kryon.generator) return {ok, type(e), e.type}")
    assert result == [False, "table", "ConversionError"]


def test_user_data_is_opaque(any_lua: Any) -> None:
    token = UserData({"secret": 1})
    result = any_lua.run(
        """
        local u = ...
        local probes = {}
        for _, key in ipairs({"value", "__class__", "__dict__", "id", "secret"}) do
          probes[#probes + 1] = pcall(function() return u[key] end)
        end
        probes[#probes + 1] = pcall(function() u.value = 1 end)
        probes[#probes + 1] = next(u) == nil
        probes[#probes + 1] = getmetatable(u)
        probes[#probes + 1] = u == u
        return probes
    """,
        token,
    )
    assert result == [False, False, False, False, False, False, True, "kryon.opaque", True]
    assert any_lua.run("return ...", token) is token


def test_getattr_and_item_access_bypass_is_closed(any_lua: Any) -> None:
    # no Python object ever reaches Lua, so there is nothing to getattr/index
    assert any_lua.run("return type(kryon.echo)") == "function"
    with pytest.raises(ScriptRuntimeError):
        any_lua.run("return kryon.echo.__globals__")
    result = any_lua.run("local d = kryon.echo({a = 1}) return type(d), d.a")
    assert result == ["table", 1]


def test_load_takes_text_only_and_the_script_env(any_lua: Any) -> None:
    assert any_lua.run("return load('return os and os.execute')()") is None
    result = any_lua.run(
        "local f, e = load('\\27Lua\\84\\0\\25\\147\\13\\10\\26\\10') return {f == nil, e}"
    )
    assert result[0] is True and ("binary" in result[1] or "mode" in result[1])
    assert any_lua.run("x = 5 return load('return x')()") == 5
    assert any_lua.run("return load('return x', 'c', 't', {x = 7})()") == 7
    # a reader function is read to its end first: binary is refused all the same
    reader = "local parts = {%s} local i = 0 return function() i = i + 1 return parts[i] end"
    binary = any_lua.run(
        "local f, e = load((function() %s end)()) return {f == nil, e}"
        % (reader % "'\\27Lua', '\\84\\0'")
    )
    assert binary[0] is True and ("binary" in binary[1] or "mode" in binary[1])
    text = "return load((function() %s end)())()" % (reader % "'return ', '4', '2'")
    assert any_lua.run(text) == 42


def test_finalizers_run_in_the_script_under_its_limits(lua: Any) -> None:
    # (Lua 5.4: LuaJIT never calls a table's __gc)
    script = lua.load(
        "log = {}\n"
        "local mt = {__gc = function(o) log[#log + 1] = o.id end}\n"
        "function make(n) for i = 1, n do setmetatable({id = i}, mt) end end\n"
        "function collect() collectgarbage() return log end\n"
        "function late()\n"
        "  local t = setmetatable({id = 'late'}, {})\n"
        "  getmetatable(t).__gc = function() log[#log + 1] = 'never' end\n"
        "  t = setmetatable({id = 'off'}, mt) setmetatable(t, nil) t = nil\n"
        "end\n"
        "function loops() setmetatable({}, {__gc = function() while true do end end})\n"
        "  collectgarbage() end\n"
        "function check() return getmetatable(setmetatable({}, mt)).__gc ~= nil end\n"
    )
    lua.call(script, "make", 3)
    assert lua.call(script, "collect") == [3, 2, 1]  # newest first, as Lua runs them
    lua.call(script, "late")
    assert lua.call(script, "collect") == [3, 2, 1]
    with pytest.raises(InstructionLimitError) as info:
        lua.call(script, "loops")
    assert info.value.line == 10
    assert lua.call(script, "check") is True
    lua.call(script, "make", 2)
    assert lua.call(script, "collect") == [3, 2, 1, 2, 1]  # the engine goes on serving
    # a finalizer cannot yield (Lua: across a C-call boundary): one that does ends there
    yielding = lua.load(
        "function run()\n"
        "  local co = coroutine.wrap(function()\n"
        "    setmetatable({}, {__gc = function() coroutine.yield(1) log[#log + 1] = 'on' end})\n"
        "    collectgarbage() return 'done' end)\n"
        "  return co()\n"
        "end\n"
    )
    assert lua.call(yielding, "run") == "done"
    assert lua.call(script, "collect") == [3, 2, 1, 2, 1]


def test_a_program_runs_its_objects_finalizers_when_it_ends(tmp_path: Path) -> None:
    source = (
        "local mt = {__gc = function(o) print('closing', o.id) end}\n"
        "local a = setmetatable({id = 'a'}, mt)\n"
        "local b = setmetatable({id = 'b'}, mt)\n"
        "setmetatable({id = 'c'}, {__gc = function() error('dropped, as Lua warns') end})\n"
        "print('end')\n"
    )
    (tmp_path / "fin.lua").write_text(source)
    (tmp_path / "loop.lua").write_text(
        "setmetatable({}, {__gc = function() while true do end end})\n"
    )
    done = run_cli(tmp_path / "fin.lua")
    assert (done.returncode, done.stdout) == (0, "end\nclosing\tb\nclosing\ta\n")
    looping = run_cli(tmp_path / "loop.lua")
    assert looping.returncode == 70
    assert "loop.lua:1: instruction limit" in looping.stderr
    # after an error too, as lua closes its state; not after os.exit
    finalizer = "local o = setmetatable({}, {__gc = function() print('bye') end})\n"
    (tmp_path / "fails.lua").write_text(finalizer + "error('boom')\n")
    (tmp_path / "exits.lua").write_text(finalizer + "os.exit(3)\n")
    fails, exits = run_cli(tmp_path / "fails.lua"), run_cli(tmp_path / "exits.lua")
    assert (fails.returncode, fails.stdout) == (70, "bye\n")
    assert "fails.lua:2: boom" in fails.stderr
    assert (exits.returncode, exits.stdout) == (3, "")


def test_collector_settings_answer_as_lua_and_change_nothing(any_lua: Any) -> None:
    assert isinstance(any_lua.run("return collectgarbage('count')"), float)
    assert any_lua.run(
        "local r = {collectgarbage('isrunning'), collectgarbage('stop'),"
        " collectgarbage('isrunning'), collectgarbage('restart'), collectgarbage('isrunning'),"
        " collectgarbage('setpause', 150), collectgarbage('setpause', 150)}"
        " return r"
    ) == [True, 0, False, 0, True, 200, 148]
    if any_lua.run("return _VERSION") == "Lua 5.4":  # the lua command starts generational
        assert any_lua.run(
            "return {collectgarbage('incremental'), collectgarbage('generational'),"
            " collectgarbage('incremental'), collectgarbage('step')}"
        ) == ["generational", "incremental", "generational", True]


def test_scripts_are_isolated(any_lua: Any) -> None:
    a = any_lua.load(
        "string.upper = nil table.insert = nil secret = 1 _G.x = 2 function get() return secret end"
    )
    b = any_lua.load("function check() return string.upper('ok'), secret, x end")
    assert any_lua.call(b, "check") == "OK"  # trailing nils are dropped
    assert any_lua.call(a, "get") == 1
    # a script's metatable on its own _G is its own: the environment's real
    # metatable (the lookup chain to the host globals and builtins) stays hidden
    assert any_lua.run("return getmetatable(_G) == nil") is True
    strict = any_lua.load(
        "local mt = {__index = function(_, k) error('undefined ' .. k, 2) end}\n"
        "setmetatable(_G, mt)\n"
        "function probe() return getmetatable(_G) == mt, type(print), undefined_name end\n"
    )
    with pytest.raises(ScriptRuntimeError, match=r":3: undefined undefined_name$") as info:
        any_lua.call(strict, "probe")
    assert info.value.line == 3
    assert any_lua.call(b, "check") == "OK"  # other scripts are not affected


def test_kryon_null_is_read_only(any_lua: Any) -> None:
    with pytest.raises(ScriptRuntimeError, match="read-only"):
        any_lua.run("kryon.null.x = 1")
    assert any_lua.run("rawset(kryon.null, 'x', 1) return {kryon.null}") == [None]


def test_unconvertible_result_is_a_conversion_error(any_lua: Any) -> None:
    with pytest.raises(ConversionError):
        any_lua.run("return coroutine.create(function() end)")
