"""Errors name script, line and column; stacks are in script terms."""

from __future__ import annotations

from typing import Any

import pytest

from kryon_core import CompileError, FunctionRef, HostFunction, ScriptRuntimeError, StackFrame


def test_runtime_errors_carry_script_line_column_and_stack(js: Any) -> None:
    script = js.load(
        "function outer() {\n  return inner();\n}\nfunction inner() {\n"
        "  throw new TypeError('bad');\n}\n",
        "deep.js",
    )
    with pytest.raises(ScriptRuntimeError) as info:
        js.call(script, "outer")
    error = info.value
    assert (error.script, error.line) == ("deep.js", 5) and error.column is not None
    assert [(f.function, f.line) for f in error.traceback] == [("outer", 2), ("inner", 5)]
    assert f"deep.js:5:{error.column}" in error.render() and "in inner" in error.render()
    assert "TypeError: bad" in str(error)


def test_stacks_cross_modules_in_script_terms(js: Any) -> None:
    js.load("export function boom() {\n  throw new Error('from lib');\n}\n", "lib.mjs")
    app = js.load(
        "import { boom } from 'lib';\n\nexport function run() {\n  boom();\n}\n", "app.mjs"
    )
    with pytest.raises(ScriptRuntimeError) as info:
        js.call(app, "run")
    frames = [(f.script, f.function, f.line) for f in info.value.traceback]
    assert frames == [("app.mjs", "run", 4), ("lib.mjs", "boom", 2)]


def test_thrown_values_that_are_not_errors(js: Any) -> None:
    script = js.load("function s() { throw 'plain string'; }\nfunction o() { throw {code: 7}; }")
    with pytest.raises(ScriptRuntimeError, match="uncaught exception: plain string"):
        js.call(script, "s")
    with pytest.raises(ScriptRuntimeError):
        js.call(script, "o")


def test_compile_errors_have_line_and_column(js: Any) -> None:
    with pytest.raises(CompileError) as info:
        js.engine.compile("let ok = 1;\n\nlet broken = ;\n", script="syntax.js")
    assert (info.value.script, info.value.line, info.value.column) == ("syntax.js", 3, 14)


@pytest.mark.parametrize(
    ("source", "line", "column"),
    [
        ("class A { #x = 1; }\nconst a = new A();\nconsole.log(a.#y);\n", 3, 15),
        ("class A { #x = 1; }\nconsole.log(#x in new A());\n", 2, 13),
        (
            "class A {\n  #q = 1;\n  m(o) { return o.#q; }\n}\n"
            "function f(o) {\n  return o?.#q;\n}\n",
            6,
            13,
        ),
    ],
)
def test_an_undefined_private_name_is_placed_at_its_use(
    js: Any, source: str, line: int, column: int
) -> None:
    with pytest.raises(CompileError, match="undefined private field") as info:
        js.load(source)
    assert (info.value.line, info.value.column) == (line, column)


def test_a_bad_regular_expression_literal_is_placed(js: Any) -> None:
    with pytest.raises(CompileError, match="expecting '\\)'") as info:
        js.load('const ok = /a+/g;\nconst s = "x/y", n = 4 / 2;\nconst bad = /(a/;\n')
    assert (info.value.line, info.value.column) == (3, 13)


@pytest.mark.parametrize(
    ("source", "line", "column"),
    [("if (true) {\n", 2, 1), ("function f() {\n  return [1, 2", 2, 15)],
)
def test_a_source_ending_inside_brackets_is_an_unexpected_end(
    js: Any, source: str, line: int, column: int
) -> None:
    with pytest.raises(CompileError) as info:
        js.load(source)
    assert info.value.message == "SyntaxError: Unexpected end of input"
    assert (info.value.line, info.value.column) == (line, column)


def test_line_numbers_stay_exact_after_many_loads_and_unloads(js: Any) -> None:
    ids = [
        js.load("\n" * i + "function f() { throw new Error('x'); }", f"s{i}.js") for i in range(6)
    ]
    for script in ids[::2]:
        js.engine.unload_script(script)
    again = js.load("\n\nfunction f() {\n  throw new Error('y');\n}", "again.js")
    for i, script in enumerate(ids):
        if i % 2:
            with pytest.raises(ScriptRuntimeError) as info:
                js.call(script, "f")
            assert (info.value.script, info.value.line) == (f"s{i}.js", i + 1)
    with pytest.raises(ScriptRuntimeError) as info:
        js.call(again, "f")
    assert (info.value.script, info.value.line) == ("again.js", 4)


def test_stack_trace_from_inside_a_host_callback(make_js: Any) -> None:
    frames: list[list[StackFrame]] = []
    holder: dict[str, Any] = {}

    def probe(caller: str) -> int:
        frames.append(holder["engine"].get_stack_trace())
        return 1

    js = make_js(functions={"probe": HostFunction("probe", probe)})
    holder["engine"] = js.engine
    script = js.load("function a() {\n  return b();\n}\nfunction b() {\n  return kryon.probe();\n}")
    js.call(script, "a")
    assert [(f.function, f.line) for f in frames[0]] == [("a", 2), ("b", 5)]
    assert js.engine.get_stack_trace() == []


def test_errors_inside_function_refs_called_by_the_host(js: Any) -> None:
    script = js.load("function make() {\n  return () => {\n    throw new Error('in ref');\n  };\n}")
    ref = js.call(script, "make")
    assert isinstance(ref, FunctionRef)
    with pytest.raises(ScriptRuntimeError) as info:
        ref()
    assert info.value.line == 3


def test_a_hashbang_line_and_crlf_newlines_keep_positions(js: Any) -> None:
    script = js.load("#!/usr/bin/env kryon\r\nfunction f() {\r\n  throw new Error('x');\r\n}\r\n")
    with pytest.raises(ScriptRuntimeError) as info:
        js.call(script, "f")
    assert info.value.line == 3


def test_nul_characters_in_source(js: Any) -> None:
    # The binding's C string would end at a NUL (it raised ValueError into the host).
    script = js.load(
        'function f() { return ["a\x00b", `t\x00`, "\\\x00".length]; } // c\x00\n/* \x00 */'
    )
    assert js.call(script, "f") == ["a\x00b", "t\x00", 1]
    with pytest.raises(CompileError) as info:
        js.load("let a = 1;\nlet b = 2\x00;\n", "nul.js")
    assert (info.value.script, info.value.line, info.value.column) == ("nul.js", 2, 10)


def test_a_thrown_non_error_is_reported_by_its_inspection(js: Any) -> None:
    script = js.load("function f() { throw { code: 42, list: [1, 'a'] }; }")
    with pytest.raises(ScriptRuntimeError) as info:
        js.call(script, "f")
    assert "uncaught exception: { code: 42, list: [ 1, 'a' ] }" in str(info.value)
