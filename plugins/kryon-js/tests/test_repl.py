"""``JsEngine.evaluate``: REPL snippets in a script's namespace."""

from __future__ import annotations

from typing import Any

import pytest

from kryon_core import CompileError, ScriptRuntimeError, UnsupportedOperationError


def test_snippets_keep_their_definitions(js: Any) -> None:
    repl = js.load("", "repl")
    evaluate = js.engine.evaluate
    assert evaluate(repl, "let x = 40") is None  # a declaration has no value, as in Node
    assert evaluate(repl, "let y = 1; y + 1") == 2
    assert evaluate(repl, "x + 2") == 42
    evaluate(repl, "function double(a) {\n  return a * 2;\n}")
    assert evaluate(repl, "double(x)") == 80
    evaluate(repl, "class Point { constructor(x) { this.x = x; } }")
    assert evaluate(repl, "new Point(3).x") == 3
    assert evaluate(repl, "[1, {a: 2}]") == [1, {"a": 2}]
    assert js.engine.get_global("x", repl) == 40
    assert js.engine.get_global("x") is None  # the VM's shared globals are untouched


def test_snippet_errors(js: Any) -> None:
    repl = js.load("", "repl")
    with pytest.raises(CompileError):
        js.engine.evaluate(repl, "function open() {")
    with pytest.raises(ScriptRuntimeError):
        js.engine.evaluate(repl, "null.y")
    module = js.load("export const a = 1;", "m.mjs")
    with pytest.raises(UnsupportedOperationError):
        js.engine.evaluate(module, "a")


def test_results_show_as_nodes_repl_shows_them(js: Any) -> None:
    repl = js.load("", "repl")
    show = js.engine.evaluate_display
    assert show(repl, "let m = new Map([[1, 'a']])") is None
    assert show(repl, "[1, 'two', {b: m}]") == "[ 1, 'two', { b: Map(1) { 1 => 'a' } } ]"
    assert show(repl, "function f() {}") is None
    assert show(repl, "f") == "[Function: f]"
    assert show(repl, "null") == "null"
    assert show(repl, "undefined") is None
