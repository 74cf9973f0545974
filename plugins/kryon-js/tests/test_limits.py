"""Sandbox limits, and the binding's traps the engine works around (issue: 'known traps')."""

from __future__ import annotations

import time
from typing import Any

import pytest

from kryon_core import (
    ConversionError,
    FunctionRef,
    HostFunction,
    MemoryLimitError,
    RecursionLimitError,
    ScriptRuntimeError,
    SecurityPolicy,
    TimeLimitError,
)

LIMITS = """\
function spin() { while (true) {} }
function recurse(n) { return recurse(n + 1) + 1; }
function bomb() { const parts = []; for (let i = 0; ; i++) parts.push("x".repeat(4096) + i); }
function regex() { return /^(a+)+$/.test("a".repeat(40) + "!"); }
function add(a, b) { return a + b; }
"""


def counter() -> tuple[dict[str, int], dict[str, HostFunction]]:
    state = {"ticks": 0}

    def tick(caller: str, n: int = 1) -> int:
        state["ticks"] += n
        return state["ticks"]

    return state, {"tick": HostFunction("tick", tick)}


@pytest.mark.parametrize(
    ("function", "error"),
    [
        ("spin", TimeLimitError),
        ("regex", TimeLimitError),
        ("recurse", RecursionLimitError),
        ("bomb", MemoryLimitError),
    ],
)
def test_each_runaway_ends_with_its_limit_and_the_vm_keeps_serving(
    make_js: Any, function: str, error: type[Exception]
) -> None:
    js = make_js(time_limit_ms=150)
    script = js.load(LIMITS, "limits.js")
    for _ in range(2):
        with pytest.raises(error) as info:
            js.call(script, function, 1)
        assert info.value.script == "limits.js"
        assert js.call(script, "add", 20, 22) == 42


def test_limit_errors_point_at_the_running_line(make_js: Any) -> None:
    js = make_js(time_limit_ms=100)
    script = js.load(LIMITS, "limits.js")
    with pytest.raises(TimeLimitError) as info:
        js.call(script, "spin")
    assert info.value.line == 1


def test_host_callbacks_work_while_a_time_limit_is_set(make_js: Any) -> None:
    # The plain binding refuses these: "Can not call into Python with a time limit set."
    state, functions = counter()
    js = make_js(functions=functions, time_limit_ms=200)
    script = js.load(
        "function many(n) { let r = 0; for (let i = 0; i < n; i++) r = kryon.tick(); "
        "return r; }\nfunction once() { return kryon.tick(); }"
    )
    assert js.call(script, "many", 500) == 500
    for _ in range(50):  # every call re-arms the limit and still reaches the host
        js.call(script, "once")
    assert state["ticks"] == 550


def test_the_limit_still_fires_after_a_host_callback(make_js: Any) -> None:
    _, functions = counter()
    js = make_js(functions=functions, time_limit_ms=100)
    script = js.load(
        "function spin() { kryon.tick(); while (true) {} }\nfunction ok() { return kryon.tick(); }"
    )
    started = time.monotonic()
    with pytest.raises(TimeLimitError):
        js.call(script, "spin")
    assert time.monotonic() - started < 5
    assert js.call(script, "ok") == 2


def test_host_code_calling_back_into_a_runaway_script_is_limited(make_js: Any) -> None:
    def call_it(caller: str, f: FunctionRef) -> object:
        return f()

    js = make_js(functions={"call_it": HostFunction("call_it", call_it)}, time_limit_ms=100)
    script = js.load(
        "function spin() { while (true) {} }\n"
        "function run() {\n"
        "  try { return kryon.callIt(spin); } catch (e) { for (;;) {} }\n}"
    )
    with pytest.raises(TimeLimitError):
        js.call(script, "run")


def test_a_blocking_host_callback_is_caught_by_the_wall_clock(make_js: Any) -> None:
    def slow(caller: str) -> int:
        time.sleep(0.25)  # uses no CPU time, so QuickJS's clock() does not see it
        return 1

    js = make_js(functions={"slow": HostFunction("slow", slow)}, time_limit_ms=100)
    script = js.load(
        "function f() { try { kryon.slow(); } catch (e) { return 'swallowed'; } return 'done'; }"
    )
    with pytest.raises(TimeLimitError):
        js.call(script, "f")


def test_reading_a_hostile_result_back_is_inside_the_limit(make_js: Any) -> None:
    js = make_js(time_limit_ms=100)
    script = js.load(
        "function evil() { return { get x() { while (true) {} } }; }\n"
        "function proxy() { return new Proxy({}, { ownKeys() { for (;;) {} } }); }\n"
        "function json() { return { a: 1, toJSON() { for (;;) {} } }; }"
    )
    with pytest.raises(TimeLimitError):
        js.call(script, "evil")
    with pytest.raises(TimeLimitError):
        js.call(script, "proxy")
    result = js.call(script, "json")  # toJSON is never called: data properties are read
    assert result["a"] == 1 and isinstance(result["toJSON"], FunctionRef)


def test_deeply_nested_results_are_a_conversion_error(js: Any) -> None:
    script = js.load(
        "function deep(n) { let v = []; for (let i = 0; i < n; i++) v = [v]; "
        "return v; }\nfunction cyclic() { const a = [1]; a.push(a); return a; }"
    )
    with pytest.raises(ConversionError):
        js.call(script, "deep", 100_000)
    with pytest.raises(ConversionError):
        js.call(script, "cyclic")
    assert js.call(script, "deep", 3) == [[[[]]]]


def test_host_callback_whose_argument_calls_back_in(make_js: Any) -> None:
    # With the plain binding the host would stringify the object itself (outside any
    # JS call) and the getter's callback would abort the process.
    seen: list[object] = []

    def take(caller: str, value: object) -> int:
        seen.append(value)
        return 7

    state, functions = counter()
    functions["take"] = HostFunction("take", take)
    js = make_js(functions=functions, time_limit_ms=200)
    script = js.load("function f() { return kryon.take({ get n() { return kryon.tick(5); } }); }")
    assert js.call(script, "f") == 7
    assert seen == [{"n": 5}] and state["ticks"] == 5


def test_recursion_through_the_host_is_bounded(make_js: Any) -> None:
    def again(caller: str, f: FunctionRef) -> object:
        return f(f)

    js = make_js(functions={"again": HostFunction("again", again)}, time_limit_ms=2000)
    script = js.load(
        "function loop(self) { return kryon.again(self); }\nfunction start() { return loop(loop); }"
    )
    with pytest.raises((RecursionLimitError, ScriptRuntimeError)):
        js.call(script, "start")


def test_trusted_policy_runs_without_limits(make_js: Any) -> None:
    _, functions = counter()
    trusted = SecurityPolicy(
        name="trusted",
        sandbox=False,
        time_limit_ms=None,
        instruction_limit=None,
        memory_limit_mb=None,
        recursion_limit=None,
    )
    js = make_js(policy=trusted, functions=functions)
    script = js.load(
        "function f(n) { let s = 0; for (let i = 0; i < n; i++) s += kryon.tick(); return s; }"
    )
    assert js.call(script, "f", 100) == 5050
    assert js.engine.get_memory_usage().limit_bytes is None


def test_a_script_cannot_catch_or_keep_the_disarm_token(make_js: Any) -> None:
    # If a script could hold the token, the limit flag would never clear and every
    # later call of every script in the VM would be refused its host callbacks.
    _, functions = counter()
    js = make_js(functions=functions, time_limit_ms=200)
    thief = js.load(
        "let stolen = [];\n"
        "function steal() {\n"
        "  const trap = { set(v) { stolen.push(v); } };\n"
        "  try { Object.defineProperty(globalThis, '__kryon_disarm', trap); } catch (e) {}\n"
        "  stolen.push(globalThis.__kryon_disarm);\n"
        "  return kryon.tick();\n"
        "}\nfunction count() { return stolen.filter((t) => t !== undefined).length; }",
        "thief.js",
    )
    for _ in range(5):
        js.call(thief, "steal")
    assert js.call(thief, "count") == 0
    assert js.call(thief, "steal") == 6


def test_memory_held_in_a_cycle_is_reclaimed_after_the_limit(make_js: Any) -> None:
    js = make_js(memory_limit_mb=8)
    script = js.load(
        "function bomb() {\n"
        "  const ring = { next: null, data: [] };\n"
        "  ring.next = ring;\n"
        "  for (;;) ring.data.push('y'.repeat(2048));\n"
        "}\nfunction ok() { return [1, 2, 3].map((x) => x * 2); }"
    )
    for _ in range(3):
        with pytest.raises(MemoryLimitError):
            js.call(script, "bomb")
        assert js.call(script, "ok") == [2, 4, 6]
    assert js.engine.get_memory_usage().used_bytes < 4 * 1024 * 1024


def test_jobs_queued_at_load_that_block_past_the_limit_fail_the_load(make_js: Any) -> None:
    # The wall clock catches a host callback that blocks; the load reports it, and the
    # next call starts with a fresh budget (it used to fail in its place).
    def block(caller: str) -> int:
        time.sleep(0.03)
        return 1

    js = make_js(functions={"block": HostFunction("block", block)}, time_limit_ms=100)
    with pytest.raises(TimeLimitError):
        js.load(
            "Promise.resolve().then(() => {\n"
            "  for (let i = 0; i < 20; i++) { try { kryon.block(); } catch (e) {} }\n"
            "});\nfunction one() { return kryon.block(); }",
            "jobs.js",
        )
    script = js.load("function one() { return kryon.block(); }", "after.js")
    assert js.call(script, "one") == 1


def test_errors_of_host_callbacks_in_top_level_code_keep_their_class(make_js: Any) -> None:
    # The limit noticed inside a host callback (here on every tick) and a host
    # function's own error reach the loader as themselves, not as a JS error.
    state, functions = counter()
    js = make_js(functions=functions, time_limit_ms=100)
    with pytest.raises(TimeLimitError) as info:
        js.load("while (true) kryon.tick();", "flood.js")
    assert info.value.script == "flood.js" and info.value.line == 1
    assert state["ticks"] > 0

    def refuse(caller: str) -> None:
        raise ConversionError("refused by the host", script=caller)

    js = make_js(functions={"refuse": HostFunction("refuse", refuse)}, time_limit_ms=100)
    with pytest.raises(ConversionError, match="refused by the host"):
        js.load("kryon.refuse();", "refused.js")
