"""Hostile scripts: prototype tampering aimed at the host boundary, and the VM after
each attack (it must end with its error and keep serving)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kryon_core import (
    CompileError,
    FunctionRef,
    HostFunction,
    MemoryLimitError,
    TimeLimitError,
)

from .conftest import kryon_run


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


RUNAWAYS = """\
function chain() { Promise.resolve().then(function f() { return Promise.resolve().then(f); }); }
function micro() { (function f() { queueMicrotask(f); queueMicrotask(f); })(); }
function interval() { setInterval(() => {}, 1); }
function timeouts() { (function f() { setTimeout(f, 0); })(); }
function spinInTimer() { setTimeout(() => { for (;;) {} }, 5); }
async function spinAfterAwait() { await null; for (;;) {} }
function rejectLoop() { (function f() { Promise.reject(new Error("r")); queueMicrotask(f); })(); }
function add(a, b) { return a + b; }
async function later(x) { await null; return new Promise((ok) => setTimeout(() => ok(x), 50)); }
"""


@pytest.mark.parametrize(
    "function",
    ["chain", "micro", "interval", "timeouts", "spinInTimer", "spinAfterAwait", "rejectLoop"],
)
def test_work_left_queued_by_a_limited_call_does_not_poison_the_vm(
    make_js: Any, function: str
) -> None:
    # The jobs and timers a call ended by its limit left behind ran again in every
    # later call, which hit the same limit: one bad call lost the VM for good.
    js = make_js(time_limit_ms=40)
    script = js.load(RUNAWAYS, "runaway.js")
    with pytest.raises((TimeLimitError, MemoryLimitError)):
        js.call(script, function)
    for _ in range(3):
        assert js.call(script, "add", 20, 22) == 42
    assert js.call(script, "later", 7) == 7  # jobs and timers work again
    assert js.engine.get_memory_usage().used_bytes < 4 * 1024 * 1024


def test_a_load_whose_timers_run_away_leaves_the_vm_serving(make_js: Any) -> None:
    js = make_js(time_limit_ms=40)
    with pytest.raises(TimeLimitError):
        js.load("setInterval(() => {}, 1);\nfunction f() { return 1; }", "bad.js")
    script = js.load(RUNAWAYS, "good.js")
    assert js.call(script, "later", 3) == 3


def test_a_job_cannot_reach_the_host_while_it_is_dropped(make_js: Any) -> None:
    calls, functions = recorder()
    js = make_js(functions=functions, time_limit_ms=40)
    script = js.load(
        "function f() {\n"
        "  queueMicrotask(() => { for (;;) {} });\n"
        "  queueMicrotask(() => { kryon.record('late'); });\n"
        "}\nfunction add(a, b) { return a + b; }"
    )
    with pytest.raises(TimeLimitError):
        js.call(script, "f")
    assert js.call(script, "add", 1, 2) == 3
    assert calls == []


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("x = " + "[" * 20000 + "]" * 20000 + ";", "deep.js"),
        ("export const f = () => " + "(" * 20000 + "1" + ")" * 20000 + ";", "deep.mjs"),
        ("{" * 20000 + "}" * 20000, "blocks.js"),
    ],
)
def test_source_nested_too_deeply_to_compile_is_a_compile_error(
    make_js: Any, source: str, name: str
) -> None:
    # The parser's stack overflow was a RecursionLimitError (exit 70): the source
    # never ran, it cannot be compiled (exit 65).
    js = make_js(recursion_limit=200)
    with pytest.raises(CompileError, match="nests too deeply to compile") as info:
        js.load(source, name)
    assert info.value.script == name
    assert js.call(js.load("function f() { return 1; }", "ok.js"), "f") == 1


# Scripts an outside tester runs through `kryon run` under the default sandboxed
# policy (100 ms a call, 16 MB): each must end with its limit or runtime error,
# status 70, naming the script, with the CLI process alive (a status, not a signal)
# and nothing of the host reached.  name -> (source, text stderr must hold).
RUN_ATTACKS = {
    "escape.js": (
        "const F = (function () {}).constructor;\n"
        "const g = F('return this')();\n"
        "console.log(['require', 'module', 'os', 'std', '__kryon_disarm', '__kryon_exit']\n"
        "  .map((n) => typeof F(`return typeof ${n} === 'undefined' ? undefined : ${n}`)())\n"
        "  .join());\n"
        "console.log(typeof g.process.binding, typeof g.process.dlopen,"
        " Object.keys(process.env).length);\n"
        "try { require('fs'); } catch (e) { console.log(e.code); }\n"
        "import('os').then(() => console.log('os'), (e) => console.log('no os'));\n"
        "setTimeout(() => { throw new Error('end of escape attempts'); }, 1);\n",
        "escape.js:9:26: Error: end of escape attempts",
    ),
    "pollution.js": (
        "Object.prototype.toJSON = function () { return 'polluted'; };\n"
        "Object.prototype.then = function (r) { r('hijacked'); };\n"
        "Array.prototype.join = function () { throw new Error('join hijacked'); };\n"
        "Error.prototype.toString = function () { for (;;) {} };\n"
        "Object.defineProperty(Object.prototype, 'message', { get() { for (;;) {} } });\n"
        "console.log([1, 2], { a: 1 });\n"
        "throw new TypeError('still reported');\n",
        "pollution.js:7:7: TypeError: still reported",
    ),
    "stack_getter.js": (
        "const e = new Error('x');\n"
        "Object.defineProperty(e, 'stack', { get() { for (;;) {} } });\n"
        "Object.defineProperty(e, 'message', { get() { throw e; } });\n"
        "Object.defineProperty(e, 'name', { get() { return { toString() { for (;;) {} } }; } });\n"
        "throw e;\n",
        "TimeLimitError: stack_getter.js:",
    ),
    "to_primitive.js": (
        "const evil = { [Symbol.toPrimitive]() { for (;;) {} } };\n"
        "class E extends Error { constructor() { super(); this.message = evil; } }\n"
        "throw new E();\n",
        "TimeLimitError: to_primitive.js:",
    ),
    "proxy_thrown.js": (
        "throw new Proxy(new Error('proxied'), {\n"
        "  get(t, k) { for (;;) {} }, getPrototypeOf() { for (;;) {} },\n"
        "  ownKeys() { for (;;) {} }, getOwnPropertyDescriptor() { for (;;) {} },\n"
        "});\n",
        "TimeLimitError: proxy_thrown.js:",
    ),
    "regex.js": (
        "console.log(/^(a+)+$/.test('a'.repeat(40) + '!'));\n",
        "TimeLimitError: regex.js:1:",
    ),
    "lookahead.js": (
        "console.log(/(?=(a|a)*c)/.test('a'.repeat(40)));\n",
        "TimeLimitError: lookahead.js:1:",
    ),
    "doubling.js": (
        "let s = 'x';\nfor (let i = 0; i < 40; i++) s += s;\nconsole.log(s.length);\n",
        "doubling.js:2:35: RangeError: Invalid string length",
    ),
    "objects.js": (
        "const a = [];\nfor (let i = 0; ; i++) a.push({ i, s: 'payload' + i });\n",
        "MemoryLimitError: objects.js",
    ),
    "typed.js": (
        "const chunks = [];\nfor (;;) chunks.push(new Float64Array(1 << 20));\n",
        "MemoryLimitError: typed.js:2:",
    ),
    "repeat.js": ("console.log('ab'.repeat(2 ** 28).length);\n", "MemoryLimitError: repeat.js:1:"),
    "map.js": (
        "const m = new Map();\nlet i = 0;\nfor (;;) m.set(i++, [i]);\n",
        "map.js:",
    ),
    "recursion.js": (
        "const deep = (n) => ({ toString() { return deep(n + 1) + ''; } });\n"
        "console.log(`${deep(0)}`);\n",
        "RecursionLimitError: recursion.js:1:",
    ),
    # (each turn keeps a promise: which limit comes first depends on the machine's
    # speed, so either ends it)
    "chain.js": (
        "function loop() { return Promise.resolve().then(loop); }\nloop();\n",
        "LimitError: chain.js",
    ),
    "microtasks.js": (
        "(function again() { queueMicrotask(again); queueMicrotask(again); })();\n",
        "microtasks.js",
    ),
    "ticks.js": (
        "(function f() { process.nextTick(f); process.nextTick(f); })();\n",
        "ticks.js",
    ),
    "intervals.js": (
        "for (let i = 0; i < 10000; i++) setInterval(() => { new Array(1000).fill(i); }, 0);\n",
        "TimeLimitError: intervals.js",
    ),
    "async_spin.js": (
        "async function work() { for (;;) { await null; } }\nwork();\n",
        "TimeLimitError: async_spin.js",
    ),
    "atomics.js": (
        "console.log(typeof WebAssembly);\n"
        "const ia = new Int32Array(new SharedArrayBuffer(16));\n"
        "Atomics.wait(ia, 0, 0);\n",
        "atomics.js:3:",
    ),
    "name_overflow.js": (
        "const e = new Error('boom');\n"
        "e.name = { toString() { return this.toString(); } };\n"
        "throw e;\n",
        "name_overflow.js:",
    ),
    "to_json.js": (
        "console.log(JSON.stringify({ toJSON() { let s = 'y'; for (;;) s += s; } }));\n",
        "to_json.js:1:",
    ),
    "sort.js": (
        "Array.from({ length: 1e5 }, (_, i) => i).sort(() => { for (;;) {} });\n",
        "TimeLimitError: sort.js:1:",
    ),
    "exit_code.js": (
        "process.exitCode = { valueOf() { for (;;) {} } };\n",
        'exit_code.js:1:1: TypeError: The "code" argument must be of type number',
    ),
}


@pytest.mark.parametrize("name", sorted(RUN_ATTACKS))
def test_an_attack_run_as_a_program_ends_with_its_error(tmp_path: Path, name: str) -> None:
    source, error = RUN_ATTACKS[name]
    done = kryon_run(tmp_path, name, source)
    stderr = done.stderr.replace(f"{tmp_path}/", "")  # the CLI names the script by its path
    assert done.returncode == 70, stderr
    assert error in stderr
    assert "Traceback" not in stderr  # the CLI reported it: no Python crash
    if error.startswith("LimitError"):
        assert stderr.startswith(("TimeLimitError", "MemoryLimitError")), stderr


def test_escape_attempts_find_nothing_of_the_host(tmp_path: Path) -> None:
    done = kryon_run(tmp_path, "escape.js", RUN_ATTACKS["escape.js"][0])
    assert done.stdout == (
        "undefined,undefined,undefined,undefined,undefined,undefined\n"
        "undefined undefined 0\nMODULE_NOT_FOUND\nno os\n"
    )
