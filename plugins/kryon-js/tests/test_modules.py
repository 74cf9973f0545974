"""ES modules: exports, imports between loaded modules, top-level await."""

from __future__ import annotations

from typing import Any

import pytest
from kryon_js.config import JsConfig

from kryon_core import CompileError, ScriptRuntimeError, UnsupportedOperationError

MATH = """\
export function add(a, b) { return a + b; }
export const TAU = 6.28;
export let counter = 0;
export function bump() { counter += 1; return counter; }
function hidden() { return "not exported"; }
export default function main() { return hidden(); }
"""

USER = """\
import main, { add, bump as increment, counter } from "./math.mjs";
import * as M from "math";
export async function total(xs) {
  await null;
  return xs.reduce((a, b) => add(a, b), 0);
}
export function live() { increment(); return M.counter; }
export function snapshot() { return counter; }
export const viaDefault = () => main();
export { add as plus };
export * from "math";
"""


def test_module_exports_are_the_function_exports(js: Any) -> None:
    math = js.load(MATH, "math.mjs")
    assert set(js.engine.script_functions(math)) == {"add", "bump", "default"}
    assert js.call(math, "add", 2, 3) == 5
    assert js.call(math, "default") == "not exported"
    info = js.engine.script_functions(math)["add"]
    assert info.parameter_names == ("a", "b") and info.line == 1


def test_modules_import_each_other_by_name(js: Any) -> None:
    js.load(MATH, "math.mjs")
    user = js.load(USER, "user.mjs")
    functions = js.engine.script_functions(user)
    assert {"total", "live", "snapshot", "viaDefault", "plus", "add", "bump"} <= set(functions)
    assert functions["total"].is_async
    assert js.call(user, "total", [1, 2, 3]) == 6
    assert js.call(user, "live") == 1  # namespace imports are live
    assert js.call(user, "live") == 2
    assert js.call(user, "snapshot") == 0  # named imports are taken when the module loads
    assert js.call(user, "viaDefault") == "not exported"
    assert js.call(user, "plus", 1, 1) == 2


def test_importing_a_module_that_is_not_loaded_fails_cleanly(js: Any) -> None:
    with pytest.raises(ScriptRuntimeError) as info:
        js.load('import { x } from "nowhere";\nexport function f() { return x; }', "a.mjs")
    assert "nowhere" in str(info.value) and info.value.line == 1


def test_a_module_imports_nodes_built_in_modules_as_node_gives_them(js: Any) -> None:
    # the default export is what require gives; the named ones its properties
    script = js.load(
        "import EventEmitter, { once } from 'events';\n"
        "import { EventEmitter as E2 } from 'node:events';\n"
        "import util, { format } from 'util';\nimport * as assert from 'assert';\n"
        "const dynamic = await import('node:util');\n"
        "export function f() { return [E2 === EventEmitter, typeof once, format('%s!', 'x'),\n"
        "  util.format === format, typeof assert.default, typeof assert.strictEqual,\n"
        "  dynamic.default === util, new EventEmitter().listenerCount('x')]; }\n",
        "uses.mjs",
    )
    assert js.call(script, "f") == [True, "function", "x!", True, "function", "function", True, 0]


def test_top_level_await_and_dynamic_import(js: Any) -> None:
    js.load(MATH, "math.mjs")
    script = js.load(
        "const m = await import('math');\nexport function f() { return m.add(1, 2); }", "dyn.mjs"
    )
    assert js.call(script, "f") == 3


def test_js_files_with_export_are_modules_and_config_can_force_it(make_js: Any) -> None:
    js = make_js()
    script = js.load("export function f() { return this === undefined; }", "plain.js")
    assert js.call(script, "f") is True
    forced = make_js(config=JsConfig(module=True))
    script = forced.load("function g() { return 1; }\nexport { g };", "g.js")
    assert forced.call(script, "g") == 1


def test_unloading_a_module_removes_it_from_the_registry(js: Any) -> None:
    math = js.load(MATH, "math.mjs")
    js.engine.unload_script(math)
    with pytest.raises(ScriptRuntimeError):
        js.load(USER, "user.mjs")


def test_module_errors_carry_positions(js: Any) -> None:
    with pytest.raises(CompileError) as info:
        js.load("export function f() {\n  return 1 +;\n}\n", "bad.mjs")
    assert info.value.script == "bad.mjs" and info.value.line == 2
    with pytest.raises(ScriptRuntimeError) as runtime:
        js.load("export const x = 1;\nthrow new TypeError('at load');\n", "throws.mjs")
    assert runtime.value.line == 2 and "TypeError: at load" in str(runtime.value)


def test_module_globals_reach_declared_names_only(js: Any) -> None:
    script = js.load("export let level = 1;\nexport function get() { return level; }", "g.mjs")
    js.engine.set_global("level", 5, script)
    assert js.call(script, "get") == 5
    assert js.engine.get_global("level", script) == 5
    with pytest.raises(UnsupportedOperationError):
        js.engine.set_global("undeclared", 1, script)


def test_import_meta_works_in_modules(js: Any, tmp_path: Any) -> None:
    # import.meta was a SyntaxError: a module runs as a function, not as module code.
    path = str(tmp_path / "meta.mjs")
    compiled = js.engine.compile(
        "export function f() {\n  return [import.meta.url, import.meta.filename,"
        " import.meta.dirname, Object.getPrototypeOf(import.meta)];\n}\n",
        script="meta.mjs",
        path=path,
    )
    script = js.engine.load_script(compiled)
    assert js.call(script, "f") == ["file://" + path, path, str(tmp_path), None]
    bare = js.load("export const keys = () => Object.keys(import.meta);\n", "bare.mjs")
    assert js.call(bare, "keys") == []
