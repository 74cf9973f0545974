"""Promises and async functions: awaited calls, plain calls, rejections."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from kryon_core import (
    Capability,
    ScriptManager,
    ScriptRuntimeError,
    SecurityPolicy,
    TimeLimitError,
)

ASYNC = """\
async function later(x) { await null; await Promise.resolve(); return x * 2; }
async function rejects() {
  await null;
  throw new RangeError("nope");
}
function pending() { return new Promise(() => {}); }
let log = [];
function fireAndForget() { (async () => { await null; log.push("ran"); })(); return "sync"; }
function readLog() { return log; }
"""


def test_call_function_async_awaits_the_promise(js: Any) -> None:
    script = js.load(ASYNC)
    assert asyncio.run(js.engine.call_function_async(script, "later", [21])) == 42


def test_a_rejected_promise_is_a_runtime_error_with_the_js_stack(js: Any) -> None:
    script = js.load(ASYNC)
    with pytest.raises(ScriptRuntimeError) as info:
        asyncio.run(js.engine.call_function_async(script, "rejects", []))
    assert "RangeError: nope" in str(info.value)
    assert info.value.script == "main.js" and info.value.line == 4


def test_a_plain_call_of_an_async_function_returns_its_settled_value(js: Any) -> None:
    # Documented rule: the call runs the promise's jobs before returning; a settled
    # promise gives its value (a rejection raises), one still waiting gives None.
    script = js.load(ASYNC)
    assert js.call(script, "later", 5) == 10
    with pytest.raises(ScriptRuntimeError):
        js.call(script, "rejects")
    assert js.call(script, "pending") is None


def test_jobs_left_by_a_sync_call_run_before_it_returns(js: Any) -> None:
    script = js.load(ASYNC)
    assert js.call(script, "fireAndForget") == "sync"
    assert js.call(script, "readLog") == ["ran"]


def test_a_promise_that_never_settles_hits_the_time_limit_when_awaited(make_js: Any) -> None:
    js = make_js(time_limit_ms=50)
    script = js.load(ASYNC)
    with pytest.raises(TimeLimitError):
        asyncio.run(js.engine.call_function_async(script, "pending", []))


def test_async_through_the_manager(manager: ScriptManager) -> None:
    manager.load_script("asyncs", ASYNC, language="js")
    assert asyncio.run(manager.call_function_async("asyncs.later", 4)) == 8


def test_without_a_time_limit_a_stuck_promise_fails_at_once(make_js: Any) -> None:
    js = make_js(time_limit_ms=None)
    script = js.load(ASYNC)
    with pytest.raises(ScriptRuntimeError, match="still pending"):
        asyncio.run(js.engine.call_function_async(script, "pending", []))


def test_jobs_queued_by_top_level_code_run_when_the_script_loads(js: Any) -> None:
    js.load(
        "Promise.resolve(1).then(v => console.log('then', v));\n"
        "(async () => { await null; console.log('awaited'); })();\n"
        "console.log('sync');\n"
    )
    assert js.text().splitlines() == ["sync", "then 1", "awaited"]


def test_a_runaway_job_queued_at_load_hits_the_time_limit(make_js: Any) -> None:
    js = make_js(time_limit_ms=50)
    with pytest.raises(TimeLimitError):
        js.load("Promise.resolve().then(() => { while (true) {} });\n")
    script = js.load("function ok() { return 1; }\n", name="ok.js")
    assert js.call(script, "ok") == 1


TIMERS = """\
const order = [];
setTimeout(() => order.push("timeout 100"), 100);
setTimeout(() => order.push("timeout 0"), 0);
clearTimeout(setTimeout(() => order.push("cleared"), 5));
Promise.resolve().then(() => order.push("microtask"));
let n = 0;
const every = setInterval(() => {
  order.push("tick " + ++n);
  if (n === 2) clearInterval(every);
}, 30);
setTimeout((a, b) => order.push(a + b), 10, "ar", "gs");
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
(async () => { await sleep(20); order.push("slept"); })();
order.push("sync");
function read() { return order; }
function later() { setTimeout(() => order.push("from a call"), 1000); }
"""


def test_timers_fire_in_node_order_on_a_virtual_clock(js: Any) -> None:
    # No time passes: a 100 ms timer fires within the sandbox's 100 ms budget.
    script = js.load(TIMERS)
    assert js.call(script, "read") == [
        "sync",
        "microtask",
        "timeout 0",
        "args",
        "slept",
        "tick 1",
        "tick 2",
        "timeout 100",
    ]
    js.call(script, "later")
    assert js.call(script, "read")[-1] == "from a call"


def test_a_timer_without_a_callback_throws_nodes_error(js: Any) -> None:
    script = js.load(
        "function all() { return ['d', 5, null, {}, [], 'x'.repeat(40)].map((v) => {\n"
        "  try { setTimeout(v, 1); } catch (e) { return e.code + ' ' + e.message; } }); }\n"
    )
    received = [
        "type string ('d')",
        "type number (5)",
        "null",
        "an instance of Object",
        "an instance of Array",
        "type string ('xxxxxxxxxxxxxxxxxxxxxxxxx...')",
    ]
    assert js.call(script, "all") == [
        'ERR_INVALID_ARG_TYPE The "callback" argument must be of type function. Received ' + r
        for r in received
    ]


def test_a_runaway_timer_meets_the_time_limit(make_js: Any) -> None:
    js = make_js(time_limit_ms=100)
    with pytest.raises(TimeLimitError):
        js.load("setTimeout(() => console.log('first'), 1);\nsetInterval(() => {}, 1);\n")
    assert js.text() == "first\n"


def test_a_policy_without_timers_has_no_timer_functions(make_js: Any) -> None:
    js = make_js(SecurityPolicy(capabilities=frozenset({Capability.LOG})))
    script = js.load("function f() { return typeof setTimeout; }")
    assert js.call(script, "f") == "undefined"


PROMISE_ANY = """\
const log = [];
Promise.resolve().then(() => log.push('t1')).then(() => log.push('t2')).then(() => log.push('t3'));
Promise.any([Promise.reject(1), Promise.reject(2)]).catch((e) => {
  log.push(e.name + ': ' + e.message + ' ' + JSON.stringify(e.errors));
});
Promise.any([Promise.reject(1), Promise.resolve(2)]).then((v) => log.push('ok ' + v));
Promise.any([]).catch((e) => log.push('empty ' + e.message));
Promise.any(5).catch((e) => log.push(e.name));
function read() { return [log, Promise.any.name, Promise.any.length]; }
"""


def test_promise_any_rejects_with_nodes_message_in_nodes_order(js: Any) -> None:
    # What Node 20 logs: QuickJS's AggregateError had no message.
    script = js.load(PROMISE_ANY)
    assert js.call(script, "read") == [
        [
            "t1",
            "empty All promises were rejected",
            "TypeError",
            "t2",
            "AggregateError: All promises were rejected [1,2]",
            "ok 2",
            "t3",
        ],
        "any",
        1,
    ]
