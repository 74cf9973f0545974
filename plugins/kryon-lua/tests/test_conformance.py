"""The engine contract (kryon_core.testing) for Lua 5.4 and LuaJIT 2.1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from kryon_core import KryonConfig, Value
from kryon_core.testing import EngineConformance, canonical_values


class TestLuaConformance(EngineConformance):
    engine_name = "lua"
    source_basic = """\
function identity(x) return x end
function add(a, b) return a + b end
function fail()
  error("boom")
end
function read_global() return shared_value end
function make_adder(n) return function(x) return x + n end end
function call_back(f, x) return f(x) end
function say(text) print(text) end
function sum_to(n)
  local total = 0
  for i = 1, n do total = total + i end
  return total
end
"""
    runtime_error_line = 4
    source_syntax_error = "local x = 1\nfunction broken(\n  return x\nend\n"
    syntax_error_line = 3
    source_version = "function version() return {n} end\n"
    source_limits = """\
function spin() while true do end end
function recurse(n) return recurse(n + 1) + 1 end
function bomb()
  local t = {}
  local i = 1
  while true do t[i] = string.rep("x", 65536) .. i; i = i + 1 end
end
"""
    source_coroutine = """\
function collect(n)
  local co = coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
  local out = {}
  for i = 1, n do out[i] = co() end
  return out
end
"""
    source_debug = """\
function debug_me(a)
  local b = a + 1
  return b
end
"""
    debug_line = 2
    source_exit = """\
function stop(n)
  local _, err = pcall(os.exit, n)
  return "caught: " .. tostring(err)
end
function ok() return 1 end
"""
    exit_line = 2
    exit_statement = "stop(5)"
    source_arguments = """\
local ARGS = {...}
assert(#arg == #ARGS and arg[0] == "program")
function args() return ARGS end
"""


class TestLuaJITConformance(TestLuaConformance):
    """The same contract on LuaJIT 2.1 (doubles only: integral floats come back as ints)."""

    def kit_config(self, cache_dir: Path, **policy: Any) -> KryonConfig:
        config = super().kit_config(cache_dir, **policy)
        data = config.model_dump(mode="json")
        data["engines"] = {"lua": {"runtime": "luajit"}}
        return KryonConfig.from_mapping(data)

    def value_strategy(self) -> st.SearchStrategy[Value]:
        return canonical_values(min_int=-(2**53), max_int=2**53, floats=False)
