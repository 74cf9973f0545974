"""Hostile programs run as `kryon run FILE.lua` runs them (the sandboxed policy).

Each ends within the policy's limits with the matching error, the script's
line and exit status 70, and reaches nothing outside its environment; a
program that only probes prints what the sandbox lets it see.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kryon_core.testing import kryon_run

# (source, printed, the limit; on a loaded machine the time limit may come
# first, which is as good)
LIMITED = {
    "error object whose __tostring loops": (
        "error(setmetatable({}, {__tostring = function() while true do end end}))\n",
        "",
        "InstructionLimitError",
    ),
    "print of a value whose __tostring loops": (
        "print(setmetatable({}, {__tostring = function() while true do end end}))\n",
        "",
        "InstructionLimitError",
    ),
    "__index recursing on itself": (
        "local t = setmetatable({}, {__index = function(t, k) return t[k .. 'x'] end})\n"
        "print(t.a)\n",
        "",
        "RecursionLimitError",
    ),
    "__eq recursing on itself": (
        "local mt = {}\nmt.__eq = function(a, b) return a == b end\n"
        "print(setmetatable({}, mt) == setmetatable({}, mt))\n",
        "",
        "RecursionLimitError",
    ),
    "sort comparator that never returns": (
        "table.sort({3, 2, 1, 5, 4}, function(a, b) while true do end end)\n",
        "",
        "InstructionLimitError",
    ),
    "pcall swallowing in a loop": (
        "while true do pcall(function() while true do end end) end\n",
        "",
        "InstructionLimitError",
    ),
    "message handler that loops": (
        "xpcall(function() while true do end end, function() while true do end end)\n",
        "",
        "InstructionLimitError",
    ),
    "pcall recursion": (
        "local function f() return pcall(f) end\nprint(f())\n",
        "",
        "RecursionLimitError",
    ),
    "spinning through coroutine.wrap": (
        "local co = coroutine.wrap(function() while true do coroutine.yield() end end)\n"
        "while true do co() end\n",
        "",
        "InstructionLimitError",
    ),
    "load reader that never ends": (
        "local f = load(function() while true do end end)\n",
        "",
        "InstructionLimitError",
    ),
    "a __close handler that loops": (
        "do\n  local x <close> = setmetatable({}, {__close = function() while true do end end})\n"
        "end\n",
        "",
        "InstructionLimitError",
    ),
    "a finalizer that loops at the end": (
        "local x = setmetatable({}, {__gc = function() while true do end end})\nprint('end')\n",
        "end\n",
        "InstructionLimitError",
    ),
    "a finalizer that loops in a coroutine": (
        "local co = coroutine.create(function()\n"
        "  local t = setmetatable({}, {__gc = function() while true do end end})\n"
        "  t = nil\n  collectgarbage()\nend)\nprint(coroutine.resume(co))\n",
        "",
        "InstructionLimitError",
    ),
    "string doubling": (
        "local s = 'x'\nfor i = 1, 40 do s = s .. s end\n",
        "",
        "MemoryLimitError",
    ),
    "tables with the collector stopped": (
        "collectgarbage('stop')\nlocal t = {}\nfor i = 1, 1e7 do t[i] = {} end\n",
        "",
        "MemoryLimitError",
    ),
    "string.rep with a separator": (
        "print(string.rep('x', 20, string.rep('y', 1e6)))\n",
        "",
        "MemoryLimitError",
    ),
    "a string metatable handler that loops": (
        "getmetatable('').__index = function() while true do end end\nprint(('x')[1])\n",
        "",
        "InstructionLimitError",
    ),
    "a string metatable __concat that recurses": (
        "getmetatable('').__concat = function(a, b) return a .. b end\nprint('x' .. {})\n",
        "",
        "RecursionLimitError",
    ),
    "goto spinning": ("::a:: goto a\n", "", "InstructionLimitError"),
    "gsub doubling a string": (
        'local s = "x"\nfor i = 1, 40 do s = s:gsub(".", "%0%0") end\n',
        "",
        "TimeLimitError",
    ),
    "a pattern that backtracks exponentially": (
        'local s = ("a"):rep(3000)\nprint(s:match(("a*"):rep(30) .. "b"))\n',
        "",
        "InstructionLimitError",
    ),
    "find with lazy repetitions": (
        'print((("a"):rep(10000)):find(".-.-.-.-.-.-b"))\n',
        "",
        "InstructionLimitError",
    ),
    "loading a huge source": (
        'local f = load(("local a = 1 + 2 * 3 ;"):rep(200000))\n',
        "",
        "ScriptRuntimeError",
    ),
    "coroutines nested without end": (
        "local function nest(n)\n"
        "  return coroutine.wrap(function() return nest(n + 1)() end)\nend\n"
        "print(nest(1)())\n",
        "",
        "RecursionLimitError",
    ),
    "unpacking ten million values": (
        'print(select("#", table.unpack({}, 1, 1e7)))\n',
        "",
        "ScriptRuntimeError",
    ),
    "an os.date format of megabytes": (
        'print(#os.date(("%c"):rep(2000000)))\n',
        "",
        "ScriptRuntimeError",
    ),
    "a hundred megabytes of table.concat": (
        "local t = {}\nfor i = 1, 1000 do t[i] = ('x'):rep(100000) .. i end\n"
        "print(#table.concat(t))\n",
        "",
        "MemoryLimitError",
    ),
    "sorting with a comparator past the budget": (
        "local t = {}\nfor i = 1, 3e5 do t[i] = (i * 7919) % 100003 end\n"
        "table.sort(t, function(a, b) return a < b end)\n",
        "",
        "InstructionLimitError",
    ),
    "a __close that loops while an error unwinds": (
        "local ok = pcall(function()\n"
        "  local x <close> = setmetatable({}, {__close = function() while true do end end})\n"
        '  error("boom")\nend)\n',
        "",
        "InstructionLimitError",
    ),
    "an __index that yields and recurses": (
        "local co = coroutine.wrap(function()\n"
        "  local t = setmetatable({}, {__index = function(t, k)\n"
        "    coroutine.yield(k); return t[k] end})\n"
        "  return t.x\nend)\nwhile true do co() end\n",
        "",
        "RecursionLimitError",
    ),
    "finalizers that resurrect their objects": (
        "local keep = {}\nlocal mt = {}\n"
        "mt.__gc = function(o) keep[#keep + 1] = o; setmetatable(o, mt) end\n"
        "for i = 1, 100 do setmetatable({}, mt) end\n"
        "collectgarbage()\ncollectgarbage()\nprint(#keep > 0)\n"
        "while true do collectgarbage() end\n",
        "true\n",
        "InstructionLimitError",
    ),
    "a string __tostring that recurses": (
        'getmetatable("").__tostring = function(s) return s .. tostring(s) end\nprint("x")\n',
        "",
        "RecursionLimitError",
    ),
    "a string __tostring that loops": (
        'getmetatable("").__tostring = function(s) while true do end end\nprint("x")\n',
        "",
        "InstructionLimitError",
    ),
    "table growth without end": (
        'local t = {}\nlocal i = 0\nwhile true do i = i + 1; t[i] = ("x"):rep(100000) .. i end\n',
        "",
        "MemoryLimitError",
    ),
}


@pytest.mark.parametrize("case", sorted(LIMITED))
def test_a_hostile_program_ends_with_its_limit(tmp_path: Path, case: str) -> None:
    source, printed, kind = LIMITED[case]
    (tmp_path / "attack.lua").write_text(source)
    result = kryon_run("attack.lua", cwd=tmp_path, timeout=60)
    assert (result.returncode, result.stdout) == (70, printed)
    assert result.stderr.startswith((f"{kind}: attack.lua:", "TimeLimitError: attack.lua:"))


PROBE = """
local mt = getmetatable("")
print(type(mt), mt.__index == string, rawequal(mt, getmetatable("x")))
print(pcall(setmetatable, "", {}))
print(string.dump, rawget(_G, "require"), rawget(_G, "package"), rawget(_G, "python"))
print(debug.getinfo, debug.sethook, debug.getregistry, debug.getupvalue)
print(io.open, io.popen, os.execute)
print(load("return os.execute, io.open, require", "x", "t")())
print(load(string.char(27) .. "Lua", "b", "b"))
mt.__index = function(s, k) return k == "leak" and _G or string[k] end
print(("s").leak == _G, ("s"):upper())
"""


def test_what_a_probing_program_sees(tmp_path: Path) -> None:
    (tmp_path / "probe.lua").write_text(PROBE)
    result = kryon_run("probe.lua", cwd=tmp_path, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "table\ttrue\ttrue",
        "false\tbad argument #1 to 'setmetatable' (table expected, got string)",
        "nil\tnil\tnil\tnil",
        "nil\tnil\tnil\tnil",
        "nil\tnil\tnil",
        "nil\tnil\tnil",
        "nil\tattempt to load a binary chunk (mode is 't')",
        "true\tS",
    ]


ESCAPES = """
local env = load("return _ENV", "x", "t")()
print(env == _G, rawget(env, "io") and env.io.open, rawget(env, "debug") and env.debug.getinfo)
print(debug.getregistry, debug.getinfo, debug.sethook, debug.upvalueid, debug.getlocal)
print(pcall(load, string.char(27, 76, 117, 97, 84, 0), "b", "bt"))
print(load(string.char(27, 76, 117, 97, 84, 0), "=bin", "bt"))
local co = coroutine.create(function() return _ENV end)
print(select(2, coroutine.resume(co)) == _G)
local ok, e = pcall(error, setmetatable({}, {__index = function(_, k) return k end}))
print(ok, e.anything)
print(pcall(string.format, "%s", setmetatable({}, {__name = "Secret"})) and "named")
print(xpcall(error, function(m) return debug.traceback(m, 1):match("^[^\\n]*") end, "msg", 0))
print(rawget(string, "dump"), getmetatable("").__metatable, select("#", getmetatable("")))
print(collectgarbage("count") < 16384, type(os.time()), os.getenv("HOME"), os.execute, io.popen)
"""


def test_what_escape_attempts_reach(tmp_path: Path) -> None:
    """Routes out of a Lua sandbox: _ENV handed back by load, binary chunks,
    a coroutine's environment, error objects with metatables, the debug
    library, string.dump, the environment and processes: none leads out."""
    (tmp_path / "escape.lua").write_text(ESCAPES)
    result = kryon_run("escape.lua", cwd=tmp_path, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "true\tnil\tnil",
        "nil\tnil\tnil\tnil\tnil",
        "true\tnil\tattempt to load a binary chunk (mode is 't')",
        "nil\tattempt to load a binary chunk (mode is 't')",
        "true",
        "false\tanything",
        "named",
        "false\tmsg",
        "nil\tnil\t1",
        "true\tnumber\tnil\tnil\tnil",
    ]
