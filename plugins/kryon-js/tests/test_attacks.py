"""Hostile scripts: prototype tampering aimed at the host boundary, and the VM after
each attack (it must end with its error and keep serving)."""

from __future__ import annotations

from typing import Any

from kryon_core import FunctionRef, HostFunction


def recorder() -> tuple[list[tuple[Any, ...]], dict[str, HostFunction]]:
    calls: list[tuple[Any, ...]] = []

    def record(caller: str, *args: Any) -> int:
        calls.append(args)
        return len(calls)

    return calls, {"record": HostFunction("record", record)}


def binding_objects(values: Any) -> list[str]:
    """Anything in ``values`` that is not a canonical value (a binding object)."""
    found: list[str] = []
    for v in values:
        if isinstance(v, (list, tuple)):
            found += binding_objects(v)
        elif isinstance(v, dict):
            found += binding_objects(list(v.values()))
        elif not isinstance(v, (type(None), bool, int, float, str, FunctionRef)):
            found.append(type(v).__module__ + "." + type(v).__name__)
    return found


def test_a_replaced_array_iterator_cannot_hand_the_host_js_objects(make_js: Any) -> None:
    # Spreading an argument list runs Array.prototype[Symbol.iterator]: a script that
    # replaced it chose what reached Python, including raw JS objects.
    calls, functions = recorder()
    js = make_js(functions=functions, time_limit_ms=200)
    script = js.load(
        "function f() {\n"
        "  const evil = { get x() { return 1; } };\n"
        "  Array.prototype[Symbol.iterator] = function* () { yield 'stdout'; yield evil;"
        " yield [evil]; yield () => 1; };\n"
        "  console.log('hi', 2);\n"
        "  kryon.record('a', 'b');\n"
        "  kryon.record(1, 2, 3, 4);\n"
        "  return 'done';\n"
        "}\n"
        "function g(a, b) { return [a, b]; }"
    )
    assert js.call(script, "f") == "done"
    assert js.text("stdout") == "hi 2\n"
    assert calls == [("a", "b"), (1, 2, 3, 4)]
    assert binding_objects(calls) == []
    # calls into the VM do not go through the script's iterator either
    assert js.call(script, "g", "x", {"k": [1]}) == ["x", {"k": [1]}]


def test_a_script_replacing_constructors_sees_no_values_of_others(make_js: Any) -> None:
    js = make_js()
    spy = js.load(
        "let seen = [];\n"
        "function tamper() {\n"
        "  globalThis.Set = class extends Set { constructor() { super(); seen.push(this); } };\n"
        "  globalThis.Map = class extends Map { constructor() { super(); seen.push(this); } };\n"
        "  WeakSet.prototype.add = function (x) { seen.push(x); return this; };\n"
        "  Object.defineProperty = function (o) { seen.push(o); return o; };\n"
        "  globalThis.TypeError = globalThis.Error = function () { seen.push(1); };\n"
        "}\nfunction leaked() { return seen.length; }",
        "spy.js",
    )
    victim = js.load("function pass(x, fn) { console.log(x); return [x, fn(2)]; }", "victim.js")
    js.call(spy, "tamper")
    ref = FunctionRef("py", "double", lambda args: args[0] * 2)
    assert js.call(victim, "pass", {"a": [1, {"b": 2}]}, ref) == [{"a": [1, {"b": 2}]}, 4]
    assert js.text("stdout") == "{ a: [ 1, { b: 2 } ] }\n"
    assert js.call(spy, "leaked") == 0


def test_a_redefined_function_length_is_not_trusted(js: Any) -> None:
    # info() read f.length as the script left it: a string made load_script raise
    # ValueError out of int(), NaN (null in JSON) a TypeError.
    script = js.load(
        "export const a = (x) => x, b = (x, y) => x, c = () => 1, d = (x) => x;\n"
        "Object.defineProperty(a, 'length', { value: 'abc' });\n"
        "Object.defineProperty(b, 'length', { value: NaN });\n"
        "Object.defineProperty(c, 'length', { value: -5 });\n",
        "lengths.mjs",
    )
    counts = {n: f.parameter_count for n, f in js.engine.script_functions(script).items()}
    assert counts == {"a": 0, "b": 0, "c": 0, "d": 1}
    assert js.call(script, "a", 7) == 7
