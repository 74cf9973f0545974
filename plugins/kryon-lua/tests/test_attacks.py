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
