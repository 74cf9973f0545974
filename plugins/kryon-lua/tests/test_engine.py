"""Compile/load, errors with script positions, debugging, memory, the bridge."""

from __future__ import annotations

import dataclasses
import gc
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from kryon_lua.config import LuaConfig
from kryon_lua.engine import LuaEngine

from kryon_core import (
    AccessDeniedError,
    AmbiguousFunctionError,
    BreakpointHit,
    CompileError,
    FunctionNotFoundError,
    FunctionRef,
    InstructionLimitError,
    KryonConfig,
    MemoryLimitError,
    RecursionLimitError,
    ScriptError,
    ScriptManager,
    ScriptRuntimeError,
    SecurityPolicy,
    TimeLimitError,
)


def test_compile_makes_real_bytecode_that_loads_without_parsing(lua: Any) -> None:
    compiled = lua.engine.compile("function f(a, b) return a * b end", script="calc")
    assert compiled.bytecode.startswith(b"\x1bLua")
    other = LuaEngine()
    other.initialize(LuaConfig(), lua.engine._policy)
    sid = other.load_script(compiled)
    assert other.call_function(sid, "f", [6, 7]) == 42
    info = other.script_functions(sid)["f"]
    assert info.parameter_names == ("a", "b") and info.line == 1


def test_corrupt_bytecode_is_a_compile_error(lua: Any) -> None:
    compiled = lua.engine.compile("function f() return 1 end", script="c")
    compiled.bytecode = compiled.bytecode[:20]
    with pytest.raises(CompileError):
        lua.engine.load_script(compiled)


def test_exports_include_returned_table_and_varargs(lua: Any) -> None:
    sid = lua.load(
        "local M = {} function M.helper(x) return x end "
        "function top(a, ...) return select('#', ...) end return M"
    )
    infos = lua.engine.script_functions(sid)
    assert set(infos) == {"helper", "top"}
    assert infos["top"].is_variadic and infos["top"].parameter_names == ("a",)
    assert lua.call(sid, "top", 1, 2, 3) == 2


@pytest.mark.parametrize("runtime", ["lua54", "luajit"])
@pytest.mark.parametrize("sandbox", [True, False])
def test_exports_are_the_scripts_own_functions_with_identifier_names(
    make_lua: Callable[..., Any], sandbox: bool, runtime: str
) -> None:
    # the builtins and what each environment gets (print, load, ...) are not
    # exports, unless the script put another function there; names that are
    # not identifiers are left out, the others kept
    lua = make_lua(SecurityPolicy(name="p", sandbox=sandbox), LuaConfig(runtime=runtime))
    sid = lua.load(
        "function print(...) return 'mine' end\n"
        "mypairs = pairs\n"
        "_G['a b'] = function() end; _G['1x'] = function() end; _G[''] = function() end\n"
        "_G['_ok9'] = function() return 9 end\n"
        "local M = {} M['x-y'] = function() end function M.helper() end return M\n"
    )
    assert set(lua.engine.script_functions(sid)) == {"print", "mypairs", "_ok9", "helper"}
    assert lua.call(sid, "_ok9") == 9 and lua.call(sid, "print") == "mine"
    plain = lua.load("x = 1")
    assert set(lua.engine.script_functions(plain)) == set()
    only_odd = lua.load("_G['no good'] = function() end")
    assert set(lua.engine.script_functions(only_odd)) == set()


def test_compile_error_has_script_and_line(lua: Any) -> None:
    with pytest.raises(CompileError) as info:
        lua.engine.compile("local x = 1\nlocal y = = 2\n", script="broken")
    assert info.value.script == "broken" and info.value.line == 2
    assert str(info.value).startswith("broken:2:")


def test_deeply_nested_source_is_a_compile_error_without_host_frames(any_lua: Any) -> None:
    # the parser's "C stack overflow" went through lupa's message handler,
    # which appended a traceback of the kernel's own frames
    with pytest.raises(CompileError) as info:
        any_lua.engine.compile("local x = " + "(" * 5000 + "1" + ")" * 5000, script="deep")
    assert info.value.script == "deep"
    assert "traceback" not in str(info.value) and "[kryon]" not in str(info.value)


def test_deeply_nested_source_names_the_line_the_parser_stopped_on(lua: Any) -> None:
    # Lua's parser says "C stack overflow" without a position
    source = "local t =\n" + "{\n" * 300 + "1\n" + "}\n" * 300
    with pytest.raises(CompileError) as info:
        lua.engine.compile(source, script="deep")
    assert info.value.message == "C stack overflow"
    assert info.value.line is not None and 150 < info.value.line < 250
    prefix = "\n".join(source.split("\n")[: info.value.line])
    with pytest.raises(CompileError, match="C stack overflow"):
        lua.engine.compile(prefix, script="deep")
    with pytest.raises(CompileError, match="expected"):  # one line less: only unfinished
        lua.engine.compile("\n".join(source.split("\n")[: info.value.line - 1]), script="deep")


def test_runtime_error_has_a_script_traceback(lua: Any) -> None:
    sid = lua.load(
        "local function inner()\n  error('bad thing')\nend\nfunction outer()\n  inner()\nend\n",
        name="tb",
    )
    with pytest.raises(ScriptRuntimeError) as info:
        lua.call(sid, "outer")
    error = info.value
    assert error.script == "tb" and error.line == 2 and error.message == "bad thing"
    assert [(f.function, f.line) for f in error.traceback] == [("outer", 5), ("inner", 2)]
    assert "tb:5 in outer" in error.render()


def test_error_values_that_are_not_strings(lua: Any) -> None:
    with pytest.raises(ScriptRuntimeError, match="custom"):
        lua.run("error(setmetatable({}, {__tostring = function() return 'custom' end}))")
    with pytest.raises(ScriptRuntimeError, match=r"\(error object is a nil value\)"):
        lua.run("error(nil)")
    with pytest.raises(ScriptRuntimeError, match=r"\(error object is a table value\)"):
        lua.run("error({code = 1})")
    with pytest.raises(ScriptRuntimeError, match=r"\(error object is a table value\)"):
        lua.run("error(setmetatable({}, {__tostring = function() return {} end}))")
    with pytest.raises(ScriptRuntimeError, match=": 42$"):
        lua.run("error(42)")


def test_a_first_line_starting_with_hash_is_skipped_as_by_the_lua_command(lua: Any) -> None:
    sid = lua.load("#!/usr/bin/env lua\nfunction f() error('x') end\n", name="sb")
    with pytest.raises(ScriptRuntimeError, match="^sb:2: x"):
        lua.call(sid, "f")


def test_host_errors_keep_their_class(make_lua: Any) -> None:
    def denied(caller: str) -> None:
        raise AccessDeniedError("no dom.write for you")

    harness = make_lua(functions={"denied": denied})
    with pytest.raises(AccessDeniedError, match="no dom.write"):
        harness.run("kryon.denied()")


def test_bridge_functions_are_camel_case_and_get_the_caller(make_lua: Any) -> None:
    seen: list[str] = []

    def get_element_by_id(caller: str, name: str) -> str:
        seen.append(caller)
        return name.upper()

    harness = make_lua(functions={"get_element_by_id": get_element_by_id})
    sid = harness.load("function f() return kryon.getElementById('x') end", name="ui")
    assert harness.call(sid, "f") == "X" and seen == ["ui"]


def test_print_goes_to_the_bridge(lua: Any) -> None:
    sid = lua.load("function f() print('a', 1, nil, true) end", name="p")
    lua.call(sid, "f")
    assert lua.output == [("a\t1\tnil\ttrue\n", "stdout", "p")]


def test_unload_removes_functions(lua: Any) -> None:
    sid = lua.load("function f() return 1 end")
    bound = lua.engine.bind_function(sid, "f")
    lua.engine.unload_script(sid)
    with pytest.raises(FunctionNotFoundError):
        bound(())


def test_breakpoints_report_frames_and_locals(lua: Any) -> None:
    hits: list[BreakpointHit] = []
    lua.engine.set_breakpoint_handler(hits.append)
    sid = lua.load("function f(a)\n  local b = a * 2\n  return b\nend\n", name="dbg")
    bp = lua.engine.set_breakpoint("dbg", 3)
    assert lua.call(sid, "f", 21) == 42
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.script, hit.line, hit.function) == ("dbg", 3, "f")
    assert hit.locals == {"a": 21, "b": 42}
    lua.engine.remove_breakpoint(bp)
    lua.call(sid, "f", 1)
    assert len(hits) == 1


def test_stack_trace_is_empty_when_idle(lua: Any) -> None:
    assert lua.engine.get_stack_trace() == []


def test_memory_and_gc(lua: Any) -> None:
    sid = lua.load(
        "junk = nil function make() junk = {} for i = 1, 1e4 do junk[i] = {} end end "
        "function drop() junk = nil end"
    )
    lua.call(sid, "make")
    used = lua.engine.get_memory_usage()
    assert used.used_bytes > 300_000 and used.limit_bytes == 16 * 1024 * 1024
    lua.call(sid, "drop")
    stats = lua.engine.collect_garbage()
    assert stats.freed_bytes > 200_000


def test_evaluate_for_the_repl(lua: Any) -> None:
    sid = lua.load("x = 2")
    assert lua.engine.evaluate(sid, "x * 21") == 42
    assert lua.engine.evaluate(sid, "y = 5") is None
    assert lua.engine.evaluate(sid, "y") == 5


@pytest.mark.parametrize("runtime", ["lua54", "luajit"])
def test_repl_results_show_as_the_lua_command_prints_them(make_lua: Any, runtime: str) -> None:
    harness = make_lua(config=LuaConfig(runtime=runtime))
    sid = harness.load("t = setmetatable({}, {__tostring = function() return 'T!' end})")
    show = harness.engine.evaluate_display
    assert show(sid, "'a', 1, 2.5, nil") == "a\t1\t2.5\tnil"
    assert show(sid, "t") == "T!"
    assert show(sid, "{}").startswith("table: 0x")
    assert show(sid, "x = 1") is None


def test_withheld_host_functions_raise_access_denied(lua: Any) -> None:
    from kryon_core import Capability, HostFunction, ScriptBridge, SecurityPolicy

    policy = SecurityPolicy(capabilities=frozenset())
    engine = LuaEngine()
    engine.initialize(LuaConfig(), policy)
    engine.setup_bridge(
        ScriptBridge(
            policy,
            {"set_text": HostFunction("set_text", lambda caller, t: t, Capability.DOM_WRITE)},
        )
    )
    sid = engine.load_script(
        engine.compile(
            "function f() return kryon.setText('x') end\n"
            "function g() local ok, e = pcall(kryon.setText, 'x') return ok, e.type end\n"
            "function x() local ok, e = xpcall(kryon.setText, function(e) return e.type end) "
            "return ok, e end\n"
            "function h() return kryon.noSuchThing == nil, type(kryon.setText) end",
            script="denied",
        )
    )
    with pytest.raises(AccessDeniedError, match="dom.write"):
        engine.call_function(sid, "f", [])
    # the lookup gives a stand-in that refuses when called, so that
    # pcall(kryon.setText, ...) catches the refusal (the argument is looked up
    # before pcall runs)
    assert engine.call_function(sid, "g", []) == [False, "AccessDeniedError"]
    assert engine.call_function(sid, "x", []) == [False, "AccessDeniedError"]
    assert engine.call_function(sid, "h", []) == [True, "function"]


def test_debug_mode_puts_locals_in_tracebacks_and_stack_traces(lua: Any) -> None:
    lua.engine.set_debug_mode(True)
    sid = lua.load("function f(a)\n  local b = a .. '!'\n  error('x' .. b)\nend", name="dbg")
    with pytest.raises(ScriptRuntimeError) as info:
        lua.call(sid, "f", "hi")
    assert info.value.traceback[-1].locals == {"a": "hi", "b": "hi!"}
    lua.engine.set_debug_mode(False)
    with pytest.raises(ScriptRuntimeError) as info:
        lua.call(sid, "f", "hi")
    assert info.value.traceback[-1].locals is None


def test_long_script_names_survive_lua_shortening(lua: Any) -> None:
    name = "/a/very/long/path/" + "x" * 80 + "/script.lua"
    with pytest.raises(CompileError) as compile_info:
        lua.engine.compile("local x = = 1", script=name)
    assert compile_info.value.script == name and compile_info.value.line == 1
    sid = lua.load("function f()\n  error('boom')\nend", name=name)
    with pytest.raises(ScriptRuntimeError) as info:
        lua.call(sid, "f")
    assert info.value.script == name and info.value.line == 2


def test_a_program_gets_arg_as_from_the_lua_command(any_lua: Any) -> None:
    source = "function name() return arg and arg[0] end"
    compiled = any_lua.engine.compile(source, script="prog.lua")
    program = any_lua.engine.load_script(dataclasses.replace(compiled, entry_point=True))
    assert any_lua.call(program, "name") == "prog.lua"
    assert any_lua.call(any_lua.load(source), "name") is None  # a script loaded by a host


def test_source_bytes_reach_lua_strings_unchanged(tmp_path: Path) -> None:
    """Lua source is bytes, as for `lua FILE`: a Latin-1 literal stays three bytes."""
    path = tmp_path / "latin.lua"
    path.write_bytes(b'function word() return #"\xe9t\xe9", string.byte("\xe9") end\n')
    with ScriptManager() as manager:
        manager.load_file(path)
        assert manager.call_function("latin.word") == [3, 0xE9]


@pytest.mark.parametrize(
    "error",
    [
        RecursionLimitError("kryon.call nested deeper than 64 levels"),
        TimeLimitError("time limit of 100 ms exceeded"),
        MemoryLimitError("shared data would take more than 16 MB"),
        InstructionLimitError("instruction limit of 10 exceeded"),
        AmbiguousFunctionError("f", ["a.f", "b.f"]),
    ],
)
def test_host_errors_left_uncaught_keep_their_class(make_lua: Any, error: ScriptError) -> None:
    """A limit raised by a host function (a kryon.call cycle, a shared write
    over budget, a nested script's limit) came out as ScriptRuntimeError."""

    def fail(caller: str) -> None:
        raise error

    harness = make_lua(functions={"fail": fail})
    sid = harness.load("function main()\n  local r = kryon.fail()\n  return r\nend\n", "lim")
    expected = FunctionNotFoundError if isinstance(error, FunctionNotFoundError) else type(error)
    with pytest.raises(expected) as info:
        harness.call(sid, "main")
    assert type(info.value) is expected
    assert (info.value.script, info.value.line) == ("lim", 2)
    assert info.value.message == error.message
    caught = harness.load("function main() local ok, e = pcall(kryon.fail) return e.type end")
    assert harness.call(caught, "main") == type(error).__name__


@pytest.mark.parametrize("runtime", ["lua54", "luajit"])
def test_the_version_is_the_same_text_before_and_after_start(runtime: str) -> None:
    from kryon_core import SecurityPolicy

    # Cache keys hold the version an engine reports before its VM starts.
    before = LuaEngine()
    before.initialize(LuaConfig(runtime=runtime), SecurityPolicy())
    engine = LuaEngine()
    engine.initialize(LuaConfig(runtime=runtime), SecurityPolicy())
    try:
        compiled = engine.compile("x = 1", script="v")
        assert compiled.engine_version == engine.version == before.version
        assert engine.version.startswith(("Lua 5.4", "LuaJIT 2.1"))
    finally:
        engine.close()
        before.close()


@pytest.mark.parametrize("runtime", ["lua54", "luajit"])
def test_closing_the_manager_frees_the_vm_without_a_cyclic_collection(runtime: str) -> None:
    # The VM keeps a host FunctionRef and nothing else does: it dies with the VM.
    config = KryonConfig.from_mapping(
        {"kryon": {"default_policy": "trusted"}, "engines": {"lua": {"runtime": runtime}}}
    )
    gc.collect()
    gc.disable()
    try:
        manager = ScriptManager(config)
        manager.load_script(
            "s", "function keep(f) kept = f end\nfunction size(t) return #t end", language="lua"
        )
        ref = FunctionRef("python", "callback", lambda args: None)
        kept = weakref.ref(ref)
        manager.call_function("s.keep", ref)
        del ref
        handle = manager.function("s.size")
        assert handle([1, 2, 3]) == 3
        assert kept() is not None
        manager.close()
        assert kept() is None
        with pytest.raises(FunctionNotFoundError, match="no longer exists"):
            handle([1])
    finally:
        gc.enable()
