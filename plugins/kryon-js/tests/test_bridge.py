"""console, the kryon object and the sandbox: what scripts can reach."""

from __future__ import annotations

from typing import Any

import pytest

from kryon_core import (
    AccessDeniedError,
    Capability,
    HostFunction,
    ScriptManager,
    ScriptRuntimeError,
    SecurityPolicy,
)


def test_console_streams(js: Any) -> None:
    script = js.load(
        "function f() { console.log('a', 1, [1, {b: null}], undefined);"
        " console.info('i'); console.warn('w'); console.error('e', new Error('x')); }"
    )
    js.call(script, "f")
    assert js.text("stdout") == "a 1 [ 1, { b: null } ] undefined\ni\n"
    # an error prints as Node prints it: its stack, frames in script terms
    assert js.text("stderr") == "w\ne Error: x\n    at f (main.js:1:121)\n"
    assert {name for _, _, name in js.output} == {"main.js"}


def test_kryon_object_window_alias_and_camel_case_names(make_js: Any) -> None:
    calls: list[tuple[str, tuple[Any, ...]]] = []

    def record(caller: str, *args: Any) -> str:
        calls.append((caller, args))
        return "ok"

    js = make_js(functions={"set_text_content": HostFunction("set_text_content", record)})
    script = js.load(
        "function f() { return [typeof kryon, window.kryon === kryon, "
        "kryon.setTextContent('id', {deep: [1]})]; }",
        "ui.js",
    )
    assert js.call(script, "f") == ["object", True, "ok"]
    assert calls == [("ui.js", ("id", {"deep": [1]}))]


def test_kryon_log_reaches_the_host_log(
    manager: ScriptManager, caplog: pytest.LogCaptureFixture
) -> None:
    manager.load_script("logger", "function f() { kryon.log('hello', 'warn'); }", language="js")
    with caplog.at_level("INFO"):
        manager.call_function("logger.f")
    assert any(
        r.getMessage() == "hello" and r.name == "kryon.script.logger" for r in caplog.records
    )


def test_host_errors_are_catchable_js_errors(make_js: Any) -> None:
    def fail(caller: str) -> None:
        raise ValueError("host exploded")

    js = make_js(functions={"fail": HostFunction("fail", fail)})
    script = js.load(
        "function caught() { try { kryon.fail(); } catch (e) { return e.name + ': ' "
        "+ e.message; } }\nfunction uncaught() { kryon.fail(); }"
    )
    assert js.call(script, "caught") == "HostError: ValueError: host exploded"
    with pytest.raises(ScriptRuntimeError) as info:
        js.call(script, "uncaught")
    assert info.value.line == 2 and isinstance(info.value.__cause__, ValueError)


def test_a_withheld_capability_is_access_denied(make_js: Any) -> None:
    policy = SecurityPolicy(capabilities=frozenset({Capability.LOG}))
    secret = HostFunction("set_shared", lambda caller, k, v: None, Capability.SHARED_DATA)
    js = make_js(policy=policy, functions={"set_shared": secret})
    script = js.load(
        "function probe() { return typeof kryon.setShared; }\n"
        "function use() { kryon.setShared('k', 1); }\n"
        "function missing() { return typeof kryon.noSuchThing; }"
    )
    assert js.call(script, "probe") == "function"
    assert js.call(script, "missing") == "undefined"
    with pytest.raises(AccessDeniedError) as info:
        js.call(script, "use")
    assert info.value.line == 2


@pytest.mark.parametrize(
    "name",
    [
        "std",
        "os",
        "require",
        "fetch",
        "XMLHttpRequest",
        "__kryon_host",
        "__kryon_disarm",
        "scriptArgs",
        "print",
    ],
)
def test_no_host_object_or_io_is_reachable(make_js: Any, name: str) -> None:
    js = make_js(time_limit_ms=100)
    script = js.load(
        f"function f() {{ return typeof globalThis[{name!r}]; }}\n"
        "function g() { return Object.getOwnPropertyNames(globalThis)"
        ".filter((k) => /kryon_host/.test(k) || typeof globalThis[k] === 'function' && "
        "/PythonFunction/.test(Object.prototype.toString.call(globalThis[k]))); }"
    )
    assert js.call(script, "f") == "undefined"
    assert js.call(script, "g") == []


def test_imports_of_host_modules_fail(js: Any) -> None:
    with pytest.raises(ScriptRuntimeError):
        js.load('import * as std from "qjs:std";\nexport function f() { return std; }', "io.mjs")


def test_scripts_have_their_own_namespace(js: Any) -> None:
    a = js.load("var counter = 1; function get() { return counter; }", "a.js")
    b = js.load("var counter = 2; function get() { return counter; }", "b.js")
    assert (js.call(a, "get"), js.call(b, "get")) == (1, 2)
    js.engine.set_global("counter", 10, a)
    assert (js.call(a, "get"), js.call(b, "get")) == (10, 2)
    assert js.engine.get_global("counter") is None


def test_a_script_replacing_builtins_cannot_tap_other_scripts_values(js: Any) -> None:
    from kryon_core import UserData

    spy = js.load(
        "let seen = [];\n"
        "function tamper() {\n"
        "  JSON.parse = (t) => { seen.push(t); return ['forged']; };\n"
        "  Map.prototype.get = function () { seen.push('map'); return undefined; };\n"
        "  Array.prototype.join = function () { seen.push('join'); return '[]'; };\n"
        "  String.prototype.slice = function () { seen.push('slice'); return ''; };\n"
        "}\nfunction leaked() { return seen.length; }",
        "spy.js",
    )
    victim = js.load("function identity(x) { return x; }", "victim.js")
    js.call(spy, "tamper")
    token = UserData("secret")
    value = {"list": [1, 2.5, "x\x00"], "token": token, "big": 2**60}
    assert js.call(victim, "identity", value) == value
    assert js.call(spy, "leaked") == 0


def test_kryon_functions_get_each_argument_as_it_was_passed(make_js: Any) -> None:
    # Every arity of the callback's fast path, with a plain value (passed as it is)
    # and one that must be encoded in each position.
    calls: list[tuple[Any, ...]] = []

    def echo(caller: str, *args: Any) -> Any:
        calls.append(args)
        return list(args)

    js = make_js(functions={"echo": HostFunction("echo", echo)})
    script = js.load(
        "function f() { return [kryon.echo(), kryon.echo(1.5), kryon.echo('a', 2),"
        " kryon.echo(true, null, undefined), kryon.echo(1, 2, 3, 4),"
        " kryon.echo({x: 1}), kryon.echo(1, 'n\\u0000ul'), kryon.echo('a', 'b', [2]),"
        " kryon.echo(2 ** 60)]; }"
    )
    expected = [
        (),
        (1.5,),
        ("a", 2),
        (True, None, None),
        (1, 2, 3, 4),
        ({"x": 1},),
        (1, "n\x00ul"),
        ("a", "b", [2]),
        (2**60,),
    ]
    assert js.call(script, "f") == [list(args) for args in expected]
    assert calls == expected


def test_a_kryon_function_result_that_looks_like_a_marker_is_a_string(make_js: Any) -> None:
    js = make_js(functions={"give": HostFunction("give", lambda caller, text: text)})
    script = js.load(
        "function f(t) { const r = kryon.give(t); return [typeof r, r.length, r === t, r]; }"
    )
    for text in ("\x01[1]", "\x02{}", "\x03", "\x04", "\x05", "\x06", "\x00a", "", "plain", "ünï"):
        assert js.call(script, "f", text) == ["string", len(text), True, text]


def test_kryon_function_numbers_follow_the_number_rule(make_js: Any) -> None:
    calls: list[tuple[Any, ...]] = []
    js = make_js(functions={"echo": HostFunction("echo", lambda caller, *a: calls.append(a))})
    script = js.load(
        "function f(x) { kryon.echo(x * 4); kryon.echo(x * 4, -0); kryon.echo(x, 1, x * 2); }"
    )
    js.call(script, "f", 0.5)
    assert calls == [(2,), (2, 0), (0.5, 1, 1)]
    assert [[type(v) for v in args] for args in calls] == [[int], [int, float], [float, int, int]]
    assert str(calls[1][1]) == "-0.0"
