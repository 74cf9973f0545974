"""process.exit and process.exitCode: through ``kryon run`` and embedded.

The exit is QuickJS's uncatchable interrupt (``exits.py``): these tests are the
measurements that no catch, finally, promise handler or async function of the
script sees it, and that the VM serves other calls afterwards.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from kryon_core import (
    HostFunction,
    KryonConfig,
    ScriptExit,
    ScriptManager,
    ScriptRuntimeError,
    SecurityPolicy,
    default_policies,
)

from .conftest import kryon_run

TRUSTED = next(p for p in default_policies() if p.name == "trusted")


def run(tmp_path: Path, name: str, source: str, *options: str) -> tuple[int, str, str]:
    done = kryon_run(tmp_path, name, source, *options)
    return done.returncode, done.stdout, done.stderr


UNCATCHABLE = [
    # (source, status, stdout): node gives the same stdout and status for each
    (
        "console.log('a');\ntry { process.exit(3); } catch (e) { console.log('caught'); }\n"
        "finally { console.log('finally'); }\nconsole.log('b');\n",
        3,
        "a\n",
    ),
    ("console.log('x');\nprocess.exit();\n", 0, "x\n"),
    ("process.exitCode = 4;\nconsole.log('x');\nprocess.exit();\n", 4, "x\n"),
    ("process.exit(-1);\n", 255, ""),
    ("process.exit('0x10');\n", 16, ""),
    (
        "async function f() { try { process.exit(5); } finally { console.log('fin'); } }\n"
        "f().then(() => console.log('then'), () => console.log('rejected'));\n"
        "console.log('after');\n",
        5,
        "",
    ),
    (
        "Promise.resolve().then(() => { console.log('job'); process.exit(2); })\n"
        "  .catch(() => console.log('caught')).finally(() => console.log('fin'));\n"
        "Promise.resolve().then(() => console.log('other job'));\nconsole.log('sync');\n",
        2,
        "sync\njob\n",
    ),
    (
        "async function g() { await null; console.log('resumed');\n"
        "  try { process.exit(6); } catch { console.log('c'); } }\n"
        "g().catch(() => console.log('caught'));\nsetTimeout(() => console.log('timer'), 0);\n",
        6,
        "resumed\n",
    ),
    (
        "setTimeout(() => { console.log('t1'); process.exit(7); }, 10);\n"
        "setTimeout(() => console.log('t2'), 20);\n",
        7,
        "t1\n",
    ),
    # QuickJS's Promise constructor swallows even an uncatchable error of its executor:
    # the exit still wins, and nothing the script does afterwards is seen
    ("new Promise(() => { process.exit(4); });\nconsole.log('no');\n", 4, ""),
    ("[5, 4].map((x) => new Promise(() => process.exit(x)));\nlet y = 1;\n", 5, ""),
    (
        "function* gen() { try { yield 1; process.exit(8); } finally { console.log('fin'); } }\n"
        "for (const x of gen()) console.log(x);\n",
        8,
        "1\n",
    ),
    (
        "const o = { toString() { process.exit(9); } };\n"
        "try { console.log(`${o}`); } catch { console.log('c'); }\n",
        9,
        "",
    ),
    ("process.stdout.write('partial');\nprocess.exit(1);\n", 1, "partial"),
]


@pytest.mark.parametrize(("source", "status", "stdout"), UNCATCHABLE)
@pytest.mark.parametrize("policy", ["sandboxed", "trusted"])
def test_process_exit_ends_the_run_and_nothing_catches_it(
    tmp_path: Path, source: str, status: int, stdout: str, policy: str
) -> None:
    assert run(tmp_path, "quits.js", source, "--policy", policy) == (status, stdout, "")


def test_process_exit_in_a_module_after_top_level_await(tmp_path: Path) -> None:
    source = "console.log('m');\nawait null;\nprocess.exit(12);\nconsole.log('no');\n"
    assert run(tmp_path, "quits.mjs", source) == (12, "m\n", "")


def test_exit_code_is_the_status_of_a_program_that_ends_by_itself(tmp_path: Path) -> None:
    assert run(tmp_path, "code.js", "process.exitCode = 3;\nconsole.log('x');\n") == (
        3,
        "x\n",
        "",
    )
    assert run(tmp_path, "code.mjs", "process.exitCode = '2';\n")[0] == 2


def test_an_exit_inside_a_called_function_ends_the_run(tmp_path: Path) -> None:
    source = "function f() { console.log('in f'); process.exit(4); }\n"
    assert run(tmp_path, "quits.js", source, "--call", "f") == (4, "in f\n", "")


def test_exit_codes_are_checked_as_node_checks_them(js: Any) -> None:
    script = js.load(
        "function check(code) {\n"
        "  try { process.exitCode = code; return String(process.exitCode); }\n"
        "  catch (e) { return `${e.name} ${e.code}: ${e.message}`; }\n"
        "}\n"
        "function exit(code) {\n"
        "  try { process.exit(code); } catch (e) { return e.name + ': ' + e.message; }\n"
        "}\n"
    )
    assert js.call(script, "check", "3") == "3"
    assert js.call(script, "check", 3.5) == (
        'RangeError ERR_OUT_OF_RANGE: The value of "code" is out of range. '
        "It must be an integer. Received 3.5"
    )
    assert js.call(script, "check", "abc") == (
        'TypeError ERR_INVALID_ARG_TYPE: The "code" argument must be of type number. '
        "Received type string ('abc')"
    )
    assert js.call(script, "check", True).endswith("Received type boolean (true)")
    assert js.call(script, "check", [1]).endswith("Received an instance of Array")
    assert js.call(script, "check", float(2**60)).endswith(
        "It must be >= -9007199254740991 && <= 9007199254740991. Received 1_152_921_504_606_847_000"
    )
    assert js.call(script, "exit", False).startswith("TypeError: ")


@pytest.mark.parametrize("policy", [SecurityPolicy(), TRUSTED])
def test_embedded_an_exit_is_the_error_of_the_load_or_call(
    make_js: Any, policy: SecurityPolicy
) -> None:
    js = make_js(policy=policy)
    with pytest.raises(ScriptExit) as info:
        js.load("console.log('loading');\n\ntry { process.exit(2); } finally { x(); }\n")
    assert (info.value.status, info.value.script, info.value.line) == (2, "main.js", 3)
    script = js.load(
        "let calls = 0;\n"
        "function stop(n) { calls++; try { process.exit(n); } catch { return 'caught'; } }\n"
        "async function later(n) { await null; calls++; process.exit(n); }\n"
        "function count() { return calls; }\n"
        "function spin() { let i = 0; while (i < 1e5) i++; return i; }\n",
        name="other.js",
    )
    with pytest.raises(ScriptExit) as info:
        js.call(script, "stop", 3)
    assert (info.value.status, info.value.line) == (3, 2)
    assert js.call(script, "count") == 1
    with pytest.raises(ScriptExit) as info:
        asyncio.run(js.engine.call_function_async(script, "later", [4]))
    assert (info.value.status, info.value.line) == (4, 3)
    # the VM serves calls as before: no interrupt handler is left behind
    assert js.call(script, "count") == 2
    assert js.call(script, "spin") == 100000
    assert js.text() == "loading\n"


def test_jobs_and_timers_left_by_an_exit_never_run(js: Any) -> None:
    script = js.load(
        "function stop() {\n"
        "  Promise.resolve().then(() => console.log('job'));\n"
        "  setTimeout(() => console.log('timer'), 0);\n"
        "  process.exit(1);\n"
        "}\n"
        "function ok() { return 1; }\n"
    )
    with pytest.raises(ScriptExit):
        js.call(script, "stop")
    assert js.call(script, "ok") == 1
    assert js.text() == ""


def test_an_exit_in_a_script_called_through_the_host_ends_the_outer_caller(
    make_js: Any,
) -> None:
    holder: dict[str, Any] = {}

    def call_inner(script: str) -> Any:
        return holder["js"].call(holder["inner"], "inner")

    js = make_js(functions={"callInner": HostFunction("call_inner", call_inner)})
    holder["js"] = js
    holder["inner"] = js.load("function inner() { process.exit(9); }\n", name="inner.js")
    outer = js.load(
        "function outer() {\n"
        "  try { kryon.callInner(); } catch (e) { console.log('caught'); }\n"
        "  console.log('after');\n"
        "}\n",
        name="outer.js",
    )
    with pytest.raises(ScriptExit) as info:
        js.call(outer, "outer")
    assert (info.value.status, info.value.script) == (9, "inner.js")
    assert js.text() == ""


def test_manager_does_not_load_a_script_that_exits_and_goes_on(tmp_path: Path) -> None:
    config = KryonConfig.from_mapping({"cache": {"directory": str(tmp_path / "cache")}})
    with ScriptManager(config, output=lambda *a: None) as manager:
        with pytest.raises(ScriptExit) as info:
            manager.load_script("quits.js", "process.exit(0);\nfunction f() { return 1; }\n")
        assert info.value.status == 0 and "quits.js" not in manager.scripts
        manager.load_script(
            "calc.js",
            "function stop(n) { process.exit(n); }\nfunction add(a, b) { return a + b; }\n",
        )
        with pytest.raises(ScriptExit) as info:
            manager.call_function("stop", 3)
        assert (info.value.status, info.value.line) == (3, 1)
        assert str(info.value).endswith(": exited with status 3")
        assert manager.call_function("add", 2, 3) == 5
        with pytest.raises(ScriptRuntimeError):  # an ordinary error is still one
            manager.load_script("bad.js", "null.x;\n")
        assert manager.call_function("add", 1, 1) == 2
