"""Unhandled promise rejections fail the load or call, as they end a Node program.

QuickJS sees them through its rejection hook (``rejections.py``, set through
ctypes because the binding does not expose it); these tests fail without it:
every one of these scripts used to load and return as if nothing happened.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from kryon_core import ScriptRuntimeError

from .conftest import kryon_run


def test_the_hook_is_installed(js: Any) -> None:
    assert js.engine._runtime().rejections.active


@pytest.mark.parametrize(
    ("source", "message", "line"),
    [
        ("let a = 1;\nPromise.reject(new Error('x'));\n", "Error: x", 2),
        (
            "async function f() {\n  await null;\n  throw new TypeError('bad');\n}\nf();\n",
            "TypeError: bad",
            3,
        ),
        ("new Promise((ok, no) => no(new RangeError('r')));\n", "RangeError: r", 1),
        ("Promise.resolve().then(() => { throw new Error('in then'); });\n", "Error: in then", 1),
        # a handler attached by a timer comes too late: the microtasks ran first
        (
            "const p = Promise.reject(new Error('late'));\n"
            "setTimeout(() => p.catch(() => {}), 0);\n",
            "Error: late",
            1,
        ),
        # no promise word in the source: the hook still makes the load run the jobs
        ("const P = globalThis['Prom' + 'ise'];\nP.reject(new Error('hidden'));\n", "hidden", 2),
    ],
)
def test_an_unhandled_rejection_fails_the_load(
    js: Any, source: str, message: str, line: int
) -> None:
    with pytest.raises(ScriptRuntimeError) as info:
        js.load(source)
    assert "unhandled promise rejection" in info.value.message
    assert message in info.value.message
    assert (info.value.script, info.value.line) == ("main.js", line)


def test_a_rejection_that_is_not_an_error_is_shown_as_node_inspects_it(js: Any) -> None:
    with pytest.raises(ScriptRuntimeError, match=r"unhandled promise rejection: \{ code: 42 \}"):
        js.load("Promise.reject({ code: 42 });\n")


HANDLED = """\
const log = [];
Promise.all([Promise.reject(1), Promise.reject(2)]).catch((e) => log.push("all " + e));
Promise.any([Promise.reject(3)]).catch((e) => log.push(e.constructor.name));
const early = Promise.reject(4);
(async () => { await null; await null; early.catch((e) => log.push("later " + e)); })();
(async () => { try { await Promise.reject(5); } catch (e) { log.push("try " + e); } })();
async function g() { throw 6; }
g().then(null, (e) => log.push("g " + e));
Promise.resolve().then(() => { throw 7; }).finally(() => {}).catch((e) => log.push("f " + e));
function read() { return log; }
"""


def test_rejections_handled_within_the_microtasks_are_not_reported(js: Any) -> None:
    script = js.load(HANDLED)
    assert sorted(js.call(script, "read")) == sorted(
        ["all 1", "AggregateError", "later 4", "try 5", "g 6", "f 7"]
    )


CALLS = """\
function fireAndForget() { (async () => { await null; throw new Error("lost"); })(); return 1; }
function handled() { Promise.reject(new Error("kept")).catch(() => {}); return 2; }
async function rejects() { await null; throw new Error("awaited"); }
"""


def test_a_call_leaving_an_unhandled_rejection_fails(js: Any) -> None:
    script = js.load(CALLS)
    assert js.call(script, "handled") == 2
    expected = "unhandled promise rejection: Error: lost"
    with pytest.raises(ScriptRuntimeError, match=expected) as info:
        js.call(script, "fireAndForget")
    assert info.value.line == 1
    assert js.call(script, "handled") == 2  # the VM goes on serving calls


def test_a_rejected_result_is_the_caller_s_error_not_an_unhandled_one(js: Any) -> None:
    script = js.load(CALLS)
    with pytest.raises(ScriptRuntimeError) as info:
        asyncio.run(js.engine.call_function_async(script, "rejects", []))
    assert "Error: awaited" in info.value.message
    assert "unhandled" not in info.value.message


def test_many_caught_rejections_stay_cheap(make_js: Any) -> None:
    # 2,000 rejected awaits caught by try make 4,000 hook calls (about 3 us each)
    js = make_js(time_limit_ms=2000)
    script = js.load(
        "let n = 0;\n"
        "async function f(i) { if (i % 2) throw i; return i; }\n"
        "async function main() {\n"
        "  for (let i = 0; i < 4000; i++) { try { await f(i); } catch { n++; } }\n"
        "}\n"
        "main();\n"
        "function count() { return n; }\n"
    )
    assert js.call(script, "count") == 2000


def test_closing_with_rejections_kept_frees_them(make_js: Any) -> None:
    js = make_js()
    js.load("function f() { return 1; }\n")
    rt = js.engine._runtime()
    rt.context.eval("Promise.reject(new Error('kept by the hook'))")
    assert rt.rejections.seen
    js.engine.close()  # frees the kept promise before the runtime (no leak assertion)


def test_kryon_run_exits_70_naming_the_line(tmp_path: Path) -> None:
    source = "console.log('a');\nasync function f() { throw new Error('x'); }\nf();\n"
    done = kryon_run(tmp_path, "r.js", source)
    assert (done.returncode, done.stdout) == (70, "a\n")
    assert "r.js:2:" in done.stderr and "unhandled promise rejection: Error: x" in done.stderr
