"""The handle fast path (``handles.py``) gives exactly what the general path gives."""

from __future__ import annotations

import math
import threading
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kryon_js.handles import MAX_DIRECT
from kryon_js.wire import number_from_js

from kryon_core import (
    INT_MAX,
    INT_MIN,
    ConversionError,
    FunctionNotFoundError,
    HostFunction,
    RecursionLimitError,
    ScriptError,
    ScriptRuntimeError,
    TimeLimitError,
    values_equal,
)

SOURCE = """\
function identity(x) { return x; }
function count() { return arguments.length; }
function rest(...xs) { return xs; }
function pair(a, b) { return [a, b]; }
function add(a, b) { return a + b; }
function kinds(a, b, c) { return [typeof a, typeof b, typeof c]; }
function lone() { return "a\\ud800b"; }
function nul() { return "a\\u0000b"; }
function nested() { return { a: [1, { b: [2 ** 53 + 2, -0, NaN] }], c: null, d: undefined }; }
function boom(x) {
  throw new RangeError("bad " + x);
}
function tick() { return kryon.tick(); }
function spin() { for (;;) {} }
function deep(n) { return deep(n + 1); }
"""


def counter() -> dict[str, HostFunction]:
    state = {"n": 0}

    def tick(caller: str) -> int:
        state["n"] += 1
        return state["n"]

    return {"tick": HostFunction("tick", tick)}


def handle(js: Any, name: str) -> Any:
    script = getattr(js, "_handles_script", None)
    if script is None:
        script = js._handles_script = js.load(SOURCE, "handles.js")
    return js.engine.bind_function(script, name)


@pytest.fixture(params=["sandboxed", "trusted"])
def limited(request: pytest.FixtureRequest, make_js: Any) -> Any:
    if request.param == "sandboxed":
        return make_js(functions=counter(), time_limit_ms=200, memory_limit_mb=16)
    return make_js(functions=counter())


def test_the_handle_is_made_once_per_function(js: Any) -> None:
    assert handle(js, "add") is handle(js, "add")
    assert handle(js, "add")([1, 2]) == 3
    assert js.call(js._handles_script, "add", 1, 2) == 3


@pytest.mark.parametrize("arity", range(MAX_DIRECT + 3))
def test_every_arity_keeps_arguments_length(limited: Any, arity: int) -> None:
    for _ in range(3):  # the first call makes the wrapper, the next ones use it
        assert handle(limited, "count")(list(range(arity))) == arity
        assert handle(limited, "rest")([None] * arity) == [None] * arity


def test_values_at_the_edges(limited: Any) -> None:
    identity, kinds = handle(limited, "identity"), handle(limited, "kinds")
    for _ in range(2):
        for value in (2**30 - 1, 2**30, -(2**30) + 1, -(2**30), -(2**30) - 1, 2**31 - 1, -(2**31)):
            assert identity([value]) == value and type(identity([value])) is int
        for value in (2**31, -(2**31) - 1, 2**53 - 1, 2**53 + 1, -(2**53) - 1, INT_MAX):
            assert identity([value]) == value and type(identity([value])) is int
        assert kinds([2**53 + 1, 2**31, 1]) == ["bigint", "number", "number"]
        negative_zero = identity([-0.0])
        assert negative_zero == 0 and math.copysign(1.0, negative_zero) == -1.0
        assert math.isnan(identity([math.nan]))
        assert identity([math.inf]) == math.inf and identity([-math.inf]) == -math.inf
        assert identity([2.0]) == 2 and type(identity([2.0])) is int
        assert identity([0.5]) == 0.5
        assert identity([None]) is None and identity([True]) is True
        assert kinds([None, False, ""]) == ["object", "boolean", "string"]
        for text in (
            "",
            "plain",
            "a\x00b",
            "\x01x",
            "\x02",
            "\x03{}",
            "\x04",
            "\x04ab",
            "\x05",
            "\x05x",
            "\x00a",
            "ünï ✓",
            "😀",
        ):
            assert identity([text]) == text
        assert handle(limited, "lone")([]) == "a\ud800b"
        assert handle(limited, "nul")([]) == "a\x00b"
        nested = handle(limited, "nested")([])
        assert nested["a"][0] == 1 and nested["a"][1]["b"][0] == 2**53 + 2
        assert math.copysign(1.0, nested["a"][1]["b"][1]) == -1.0
        assert math.isnan(nested["a"][1]["b"][2])
        assert nested["c"] is None and nested["d"] is None
        assert identity([[1, {"x": [2, None]}]]) == [1, {"x": [2, None]}]


def test_values_the_binding_cannot_take_are_refused(limited: Any) -> None:
    identity = handle(limited, "identity")
    with pytest.raises(ConversionError):
        identity(["lone \ud800 surrogate"])
    with pytest.raises(ConversionError):
        identity([2**64])
    with pytest.raises(ConversionError):
        identity([INT_MIN - 1])
    assert identity([1]) == 1


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(INT_MIN, INT_MAX),
            st.floats(allow_nan=False),
            st.text(),
        ),
        max_size=MAX_DIRECT + 1,
    )
)
def test_scalar_arguments_arrive_as_they_were_sent(js: Any, args: list[Any]) -> None:
    try:
        expected = [number_from_js(a) if type(a) is float else a for a in args]
        "".join(a for a in args if isinstance(a, str)).encode("utf-8")
    except UnicodeEncodeError:
        with pytest.raises(ConversionError):
            handle(js, "rest")(args)
        return
    assert values_equal(handle(js, "rest")(args), expected)


def test_errors_carry_script_line_and_column(limited: Any) -> None:
    boom = handle(limited, "boom")
    for _ in range(2):
        with pytest.raises(ScriptRuntimeError) as info:
            boom([7])
        error = info.value
        assert (error.script, error.line) == ("handles.js", 11) and error.column is not None
        assert "RangeError: bad 7" in str(error)
    assert handle(limited, "add")([1, 2]) == 3


def test_limits_still_hold_on_the_fast_path(make_js: Any) -> None:
    js = make_js(functions=counter(), time_limit_ms=100, recursion_limit=50)
    spin, deep, add = handle(js, "spin"), handle(js, "deep"), handle(js, "add")
    assert add([1, 2]) == 3 and add([1, 2]) == 3
    with pytest.raises(TimeLimitError):
        spin([])
    assert add([2, 3]) == 5
    with pytest.raises(RecursionLimitError):
        deep([0])
    assert add([3, 4]) == 7


def test_host_callbacks_between_fast_calls_rearm_the_limit(make_js: Any) -> None:
    js = make_js(functions=counter(), time_limit_ms=200)
    tick, add, spin = handle(js, "tick"), handle(js, "add"), handle(js, "spin")
    limit = js.engine._rt.limit
    for n in range(1, 5):
        assert tick([]) == n  # disarms: the next call re-arms and adopts the new token
        assert not limit.ready
        assert add([n, 1]) == n + 1
        assert limit.ready and limit.armed
    with pytest.raises(TimeLimitError):
        spin([])
    assert tick([]) == 5


def test_a_script_cannot_keep_the_token_through_an_encoded_call(make_js: Any) -> None:
    js = make_js(functions=counter(), time_limit_ms=200)
    thief = js.load(
        "let kept;\nfunction steal(x) { kept = globalThis.__kryon_disarm;\n"
        "  globalThis.__kryon_disarm = undefined; return typeof kept; }\n"
        "function tick() { return kryon.tick(); }",
        "thief.js",
    )
    steal, tick = js.engine.bind_function(thief, "steal"), js.engine.bind_function(thief, "tick")
    assert tick([]) == 1
    assert steal([{"encoded": "argument"}]) == "undefined"
    assert tick([]) == 2


def test_lone_surrogates_reach_the_host_as_text(make_js: Any) -> None:
    seen: list[Any] = []
    functions = {"echo": HostFunction("echo", lambda caller, x: seen.append(x) or len(x))}
    js = make_js(functions=functions, time_limit_ms=200)
    script = js.load('function f() { return kryon.echo("a\\ud800"); }')
    assert js.call(script, "f") == 2
    assert seen == ["a\ud800"]


def test_unloaded_functions_fail_clearly(js: Any) -> None:
    add = handle(js, "add")
    assert add([1, 2]) == 3
    js.engine.unload_script(js._handles_script)
    with pytest.raises(FunctionNotFoundError):
        add([1, 2])
    with pytest.raises(FunctionNotFoundError):
        add([{"encoded": 1}])


def test_another_thread_is_refused(js: Any) -> None:
    add = handle(js, "add")
    assert add([1, 2]) == 3
    errors: list[BaseException] = []

    def other() -> None:
        try:
            add([1, 2])
        except BaseException as exc:
            errors.append(exc)

    worker = threading.Thread(target=other)
    worker.start()
    worker.join()
    assert len(errors) == 1 and isinstance(errors[0], ScriptError)
    assert "thread" in str(errors[0])
    assert add([2, 2]) == 4


def test_host_functions_see_the_calling_script(make_js: Any) -> None:
    seen: list[str] = []
    handles: dict[str, Any] = {}

    def who(caller: str) -> str:
        seen.append(caller)
        return caller

    def other(caller: str) -> Any:
        seen.append(caller)
        return handles["b"]([])  # a nested call from a host callback

    functions = {"who": HostFunction("who", who), "other": HostFunction("other", other)}
    js = make_js(functions=functions, time_limit_ms=200)
    a = js.load("function f() { return [kryon.who(), kryon.other(), kryon.who()]; }", "a.js")
    b = js.load("function f() { return kryon.who(); }", "b.js")
    handles["a"], handles["b"] = js.engine.bind_function(a, "f"), js.engine.bind_function(b, "f")
    for _ in range(3):
        seen.clear()
        assert handles["a"]([]) == ["a.js", "b.js", "a.js"]
        assert seen == ["a.js", "a.js", "b.js", "a.js"]
        assert handles["b"]([]) == "b.js"


def test_a_closed_engine_fails_clearly(make_js: Any) -> None:
    js = make_js()
    add = handle(js, "add")
    assert add([1, 2]) == 3
    js.engine.close()
    with pytest.raises(ScriptError):
        add([1, 2])
    with pytest.raises(ScriptError):
        add([{"encoded": 1}])
