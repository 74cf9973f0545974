"""Value conversion both ways (hypothesis round trips plus the documented edge cases)."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from kryon_core import ConversionError, FunctionRef, UserData, values_equal
from kryon_core.testing import canonical_values


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(canonical_values())
def test_round_trip(lua: Any, value: Any) -> None:
    sid = lua.load("function identity(x) return x end", name="rt")
    assert values_equal(lua.call(sid, "identity", value), value)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(canonical_values(min_int=-(2**53), max_int=2**53, floats=False))
def test_round_trip_luajit(make_lua: Any, value: Any) -> None:
    from kryon_lua.config import LuaConfig

    jit = make_lua(config=LuaConfig(runtime="luajit"))
    sid = jit.load("function identity(x) return x end", name="rt")
    assert values_equal(jit.call(sid, "identity", value), value)


def test_numbers_keep_their_kind(lua: Any) -> None:
    assert lua.run("return math.type(...)", 3) == "integer"
    assert lua.run("return math.type(...)", 3.0) == "float"
    assert lua.run("return 2^63 == math.maxinteger + 1.0") is True
    assert lua.run("return math.maxinteger") == 2**63 - 1
    assert math.isnan(lua.run("return 0/0"))
    assert lua.run("return -1/0") == -math.inf
    assert math.copysign(1.0, lua.run("return -0.0")) == -1.0


def test_lua_tables_become_lists_and_dicts(lua: Any) -> None:
    assert lua.run("return {1, 2, {x = 'y'}}") == [1, 2, {"x": "y"}]
    assert lua.run("return {}") == []
    assert lua.run("return kryon.object()") == {}
    assert lua.run("return kryon.array({})") == []
    assert lua.run("return {kryon.null, 2}") == [None, 2]
    assert lua.run("return {1, 2}, 'two', nil") == [[1, 2], "two"]  # trailing nils dropped
    assert lua.run("return nil") is None


def test_results_with_a_nil_second_value_are_all_returned(any_lua: Any) -> None:
    assert any_lua.run("return 1, nil, 3") == [1, None, 3]
    assert any_lua.run("return 1, nil, nil, nil, nil, nil, nil, 8") == [1] + [None] * 6 + [8]
    assert any_lua.run("return nil, 2") == [None, 2]


def test_empty_table_can_default_to_dict(make_lua: Any) -> None:
    from kryon_lua.config import LuaConfig

    harness = make_lua(config=LuaConfig(empty_table="dict"))
    assert harness.run("return {}") == {}
    assert harness.run("return kryon.array()") == []


@pytest.mark.parametrize(
    "body, message",
    [
        ("return {1, 2, x = 3}", "mixes key kinds \\(found string key 'x'\\)"),
        ("return {[1] = 1, [3] = 3}", "not a list"),
        ("return {[1.5] = 1}", "found float key 1.5"),
        ("return {[true] = 1}", "found boolean key true"),
        ("return {x = 1, [2] = 2}", "found (string key 'x'|integer key 2)"),
        ("return '\\255'", "not valid UTF-8"),
        ("return {['\\255'] = 1}", "not valid UTF-8"),
        ("local t = {} t[1] = t return t", "cycle"),
        ("local t = {} for i = 1, 200 do t = {t} end return t", "deeper"),
    ],
)
def test_unconvertible_lua_values(lua: Any, body: str, message: str) -> None:
    with pytest.raises(ConversionError, match=message):
        lua.run(body)


def test_unconvertible_host_values(lua: Any) -> None:
    cyclic: list[Any] = []
    cyclic.append(cyclic)
    for bad in (object(), cyclic, 2**64, {1: "x"}, "\ud800"):
        with pytest.raises(ConversionError):
            lua.run("return ...", bad)
    assert lua.run("return 1 + 1") == 2


def test_functions_cross_both_ways(lua: Any) -> None:
    adder = lua.run("local n = ... return function(x) return x + n end", 10)
    assert isinstance(adder, FunctionRef)
    assert adder(5) == 15
    double = FunctionRef("host", "double", lambda args: args[0] * 2)
    assert lua.run("local f, x = ... return type(f), f(x)", double, 21) == ["function", 42]
    assert lua.run("return ...", double) is double


def test_opaque_values_compare_and_come_back(lua: Any) -> None:
    token = UserData(object())
    assert lua.run("local a, b = ... return a == b", token, token) is True
    assert lua.run("local a, b = ... return a == b", token, UserData(1)) is False
    assert lua.run("return {...}", token, 1) == [token, 1]


def test_globals(lua: Any) -> None:
    sid = lua.load("function get() return shared end")
    lua.engine.set_global("shared", {"a": [1, 2]})
    assert lua.call(sid, "get") == {"a": [1, 2]}
    lua.engine.set_global("shared", 5, sid)
    assert lua.engine.get_global("shared", sid) == 5
    assert lua.engine.get_global("shared") == {"a": [1, 2]}
    assert lua.engine.get_global("missing") is None


def test_host_objects_go_through_the_type_converters(make_lua: Any) -> None:
    from decimal import Decimal

    from kryon_lua.config import LuaConfig
    from kryon_lua.engine import LuaEngine

    from kryon_core import ScriptBridge, SecurityPolicy

    def convert(obj: object) -> Any:
        return float(obj) if isinstance(obj, Decimal) else obj

    engine = LuaEngine()
    engine.initialize(LuaConfig(), SecurityPolicy())
    engine.setup_bridge(ScriptBridge(SecurityPolicy(), {}, convert=convert))
    sid = engine.load_script(engine.compile("function id(x) return x end", script="c"))
    assert engine.call_function(sid, "id", [Decimal("1.5")]) == 1.5
    with pytest.raises(ConversionError):
        engine.call_function(sid, "id", [object()])


# Host calls from every thread -------------------------------------------------------------
#
# lupa binds each Lua value it hands Python to the thread it came from; the
# kernel's tables and functions belong to the main thread, which sits inside
# coroutine.resume while a coroutine runs (a script's main chunk always runs
# in one).  Indexing them from Python then read the coroutine off that
# thread's stack: a table passed to a host function arrived as
# (<Lua thread>, None).

_BATTERY = """
local function battery()
  local out = {}
  out[1] = kryon.echo({1, 2, {x = 3, y = {kryon.null, "z"}}})
  out[2] = kryon.echo(kryon.object())
  out[3] = kryon.echo(kryon.array())
  local f = kryon.echo(function(a) return {a, a * 2} end)
  out[4] = f(4)
  out[5] = kryon.reenter(function() return {nested = {true}} end)
  out[6] = kryon.echo({inner = kryon.reenter(function() return kryon.echo({7}) end)})
  out[7] = kryon.echo("plain")
  return out
end
local function in_coroutine(f)
  local co = coroutine.create(f)
  local ok, r = coroutine.resume(co)
  assert(ok, r)
  return r
end
TOP = {
  battery(),
  select(2, pcall(battery)),
  select(2, xpcall(battery, debug and debug.traceback or tostring)),
  in_coroutine(battery),
  coroutine.wrap(battery)(),
  in_coroutine(function() return in_coroutine(battery) end),
  select(2, pcall(in_coroutine, battery)),
  in_coroutine(function() return select(2, pcall(battery)) end),
  in_coroutine(function()
    local got
    table.sort({3, 1, 2}, function(a, b) got = got or battery() return a < b end)
    return got
  end),
  in_coroutine(function()
    local got
    string.gsub("a", "a", function() got = battery() end)
    return got
  end),
}
function top() return TOP end
function inside() return {battery(), in_coroutine(battery), coroutine.wrap(battery)()} end
"""

_EXPECTED = [
    [1, 2, {"x": 3, "y": [None, "z"]}],
    {},
    [],
    [4, 8],
    {"nested": [True]},
    {"inner": [7]},
    "plain",
]


def test_host_functions_get_tables_from_every_thread(any_lua: Any) -> None:
    sid = any_lua.load(_BATTERY)
    top = any_lua.call(sid, "top")
    assert len(top) == 10
    for result in top:
        assert result == _EXPECTED
    assert any_lua.call(sid, "inside") == [_EXPECTED] * 3


def test_host_functions_get_tables_from_a_close_handler(lua: Any) -> None:
    sid = lua.load(
        """
        local got = {}
        local co = coroutine.create(function()
          local guard <close> = setmetatable({}, {__close = function()
            got[1] = kryon.echo({closing = {1, 2}})
          end})
          coroutine.yield()
        end)
        coroutine.resume(co)
        coroutine.close(co)
        function get() return got end
        """
    )
    assert lua.call(sid, "get") == [{"closing": [1, 2]}]


def test_the_kryon_api_takes_tables_at_top_level(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from kryon_core import ScriptManager

    source = """
    kryon.log({1, 2})
    kryon.setShared("top", {1, 2, {x = 3}})
    local co = coroutine.create(function()
      kryon.setShared("co", {k = {true, kryon.null}})
      kryon.log({deep = {1}})
      return kryon.call("other.pair", {1}, {a = 2})
    end)
    local _, pair = coroutine.resume(co)
    PAIR = {pair, kryon.getShared("top"), kryon.call("other.pair", {3}, {b = {4}})}
    function get() return PAIR end
    """
    with caplog.at_level(logging.INFO, logger="kryon.script"), ScriptManager() as manager:
        manager.load_script("other", "function pair(a, b) return {a, b} end", language="lua")
        manager.load_script("main", source, language="lua", policy="trusted")
        assert manager.call_function("main.get") == [
            [[1], {"a": 2}],
            [1, 2, {"x": 3}],
            [[3], {"b": [4]}],
        ]
        assert manager.shared.get("top") == [1, 2, {"x": 3}]
        assert manager.shared.get("co") == {"k": [True, None]}
    assert [r.getMessage() for r in caplog.records] == ["[1, 2]", "{'deep': [1]}"]


def test_a_table_crossing_to_the_host_is_bounded_by_the_memory_limit(make_lua: Any) -> None:
    """The same 1 MB string 3,000 times became 3,000 host strings (2.9 GB)."""
    import tracemalloc

    from kryon_core import MemoryLimitError, SecurityPolicy

    def echo(caller: str, value: Any) -> Any:
        return value

    def count(caller: str, *values: Any) -> int:
        return len(values)

    harness = make_lua(
        SecurityPolicy(name="small", memory_limit_mb=16, time_limit_ms=None),
        functions={"echo": echo, "count": count},
    )
    sid = harness.load(
        "local s = string.rep('x', 1024 * 1024)\n"
        "local many, nested = {}, {}\n"
        "for i = 1, 3000 do many[i] = s nested[i] = {s} end\n"
        "function give() return many end\n"
        "function pass()\n  kryon.echo(nested)\nend\n"
        "function caught() local ok, e = pcall(kryon.echo, many) return e.type end\n"
        "function args() return kryon.count(s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s) end\n"
        "function spread() return kryon.count(table.unpack(many)) end\n"
        "local s4 = string.rep(s, 4)\n"
        "function results() return s4, s4, s4, s4, s4 end\n"
        "function back(f) return f(table.unpack(many)) end\n"
        "function fine() local t = {} for i = 1, 100000 do t[i] = i end return kryon.echo(t) end\n",
        "big",
    )
    tracemalloc.start()
    try:
        with pytest.raises(MemoryLimitError, match="16 MB") as info:
            harness.call(sid, "give")
        assert info.value.script == "big"
        with pytest.raises(MemoryLimitError) as info:
            harness.call(sid, "pass")
        assert (info.value.script, info.value.line) == ("big", 6)
        assert harness.call(sid, "caught") == "MemoryLimitError"
        # the arguments of one call share the budget, and so do its results
        for name in ("args", "spread", "results"):
            with pytest.raises(MemoryLimitError):
                harness.call(sid, name)
        with pytest.raises(MemoryLimitError):  # a host function called back
            harness.call(sid, "back", FunctionRef("host", "f", lambda args: len(args)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 2**20
    assert harness.call(sid, "fine") == list(range(1, 100001))
