"""``JsEngine.evaluate``: REPL snippets in a script's namespace."""

from __future__ import annotations

from typing import Any

import pytest

from kryon_core import CompileError, ScriptRuntimeError, UnsupportedOperationError


def test_snippets_keep_their_definitions(js: Any) -> None:
    repl = js.load("", "repl")
    evaluate = js.engine.evaluate
    assert evaluate(repl, "let x = 40") == 40
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
