"""Values both ways: the written rules of docs/languages/js.md."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kryon_js.wire import SAFE_INT, number_from_js

from kryon_core import (
    INT_MAX,
    INT_MIN,
    ConversionError,
    ElementHandle,
    FunctionRef,
    HostFunction,
    ScriptRuntimeError,
    UserData,
    values_equal,
)
from kryon_core.testing import canonical_values

VALUES = """\
function identity(x) { return x; }
function kinds(...xs) { return xs.map((x) => typeof x); }
function special(name) {
  switch (name) {
    case "undefined": return undefined;
    case "null": return null;
    case "nan": return NaN;
    case "inf": return -Infinity;
    case "negzero": return -0;
    case "big": return 2n ** 62n;
    case "hugeBig": return 2n ** 64n;
    case "unsafe": return 2 ** 60;
    case "date": return new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    case "badDate": return new Date(NaN);
    case "symbol": return Symbol("s");
    case "sparse": return [1, , 3];
    case "holes": return { a: undefined, b: [undefined] };
    case "map": return new Map([[1, 2]]);
    case "nul": return "a\\u0000b";
    case "marker": return "\\u0001not a marker";
  }
}
function isBig(x) { return typeof x === "bigint" && x === 2n ** 62n; }
function opaque(u) { return [typeof u, Object.keys(u).length, String(Object.getPrototypeOf(u))]; }
function same(a, b) { return a === b; }
function callIt(f, ...args) { return f(...args); }
"""

settings.register_profile(
    "js",
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def expected(value: Any) -> Any:
    if isinstance(value, float):
        return number_from_js(value)
    if isinstance(value, list):
        return [expected(v) for v in value]
    if isinstance(value, dict):
        return {k: expected(v) for k, v in value.items()}
    return value


@settings(settings.get_profile("js"))
@given(value=canonical_values())
def test_round_trip_through_identity(js: Any, value: Any) -> None:
    script = getattr(js, "_values_script", None) or js.load(VALUES)
    js._values_script = script
    assert values_equal(js.call(script, "identity", value), expected(value))


@settings(settings.get_profile("js"))
@given(st.integers(INT_MIN, INT_MAX))
def test_every_64_bit_integer_survives(js: Any, n: int) -> None:
    script = getattr(js, "_values_script", None) or js.load(VALUES)
    js._values_script = script
    assert js.call(script, "identity", n) == n
    assert js.call(script, "kinds", n) == ["bigint" if abs(n) > SAFE_INT else "number"]


def test_the_number_rule(js: Any) -> None:
    script = js.load(VALUES)
    assert js.call(script, "identity", 2.0) == 2 and type(js.call(script, "identity", 2.0)) is int
    assert js.call(script, "special", "unsafe") == 2.0**60
    assert type(js.call(script, "special", "unsafe")) is float
    assert math.copysign(1.0, js.call(script, "special", "negzero")) == -1.0
    assert math.isnan(js.call(script, "special", "nan"))
    assert js.call(script, "special", "inf") == -math.inf
    assert js.call(script, "special", "big") == 2**62
    assert js.call(script, "isBig", 2**62) is True
    with pytest.raises(ConversionError):
        js.call(script, "special", "hugeBig")
    with pytest.raises(ConversionError):
        js.call(script, "identity", 2**64)


def test_undefined_null_and_holes(js: Any) -> None:
    script = js.load(VALUES)
    assert js.call(script, "special", "undefined") is None
    assert js.call(script, "special", "null") is None
    assert js.call(script, "special", "sparse") == [1, None, 3]
    assert js.call(script, "special", "holes") == {"a": None, "b": [None]}
    assert js.call(script, "kinds", None) == ["object"]  # None arrives as null


def test_dates_symbols_and_other_objects(js: Any) -> None:
    script = js.load(VALUES)
    assert js.call(script, "special", "date") == "2024-01-02T03:04:05.000Z"
    assert js.call(script, "special", "badDate") is None
    assert js.call(script, "special", "map") == {}
    with pytest.raises(ConversionError):
        js.call(script, "special", "symbol")


def test_strings_the_binding_would_mangle(js: Any) -> None:
    script = js.load(VALUES)
    assert js.call(script, "special", "nul") == "a\x00b"
    assert js.call(script, "special", "marker") == "\x01not a marker"
    for text in ("a\x00b", "\x01x", "\x02", "", "ünï©ødé ✓"):
        assert js.call(script, "identity", text) == text
    with pytest.raises(ConversionError):
        js.call(script, "identity", "lone \ud800 surrogate")


def test_long_strings_built_by_concatenation_cross_both_ways(make_js: Any) -> None:
    """QuickJS-ng keeps them as ropes, which the binding cannot convert."""
    seen: list[Any] = []
    js = make_js(functions={"keep": HostFunction("keep", lambda caller, *a: seen.extend(a))})
    script = js.load(
        "function long(n) { return '[' + 'y'.repeat(n) + ']'; }\n"
        "function nested(n) { return [long(n), {k: long(n)}]; }\n"
        "function give(n) { kryon.keep(long(n)); kryon.keep(long(n), [long(n)]); }\n"
        "function fail(n) { throw new Error(long(n)); }\n"
    )
    text = "[" + "y" * 3000 + "]"
    assert js.call(script, "long", 3000) == text
    assert js.call(script, "nested", 3000) == [text, {"k": text}]
    js.call(script, "give", 3000)
    assert seen == [text, text, [text]]
    with pytest.raises(ScriptRuntimeError, match=r"Error: \[y{100}"):
        js.call(script, "fail", 3000)


def test_functions_cross_both_ways(js: Any) -> None:
    script = js.load(VALUES + "function adder(n) { return function plus(x) { return x + n; }; }")
    plus = js.call(script, "adder", 10)
    assert isinstance(plus, FunctionRef) and plus.name == "plus" and plus(1) == 11
    assert js.call(script, "adder", 10) is not plus
    assert js.call(script, "callIt", plus, 5) == 15  # a JS function goes back as itself
    assert js.call(script, "same", plus, plus) is True
    host = FunctionRef("host", "twice", lambda args: [args[0], args[0]])
    assert js.call(script, "callIt", host, {"x": 1}) == [{"x": 1}, {"x": 1}]
    plus.release()
    with pytest.raises(Exception, match="released"):
        plus(1)


def test_user_data_and_elements_are_opaque(js: Any) -> None:
    script = js.load(VALUES)
    token = UserData(object())
    assert js.call(script, "opaque", token) == ["object", 0, "null"]
    assert js.call(script, "identity", [token])[0] is token
    assert js.call(script, "same", token, token) is True
    assert js.call(script, "identity", ElementHandle(7)) == ElementHandle(7)


@pytest.mark.parametrize("bad", [object(), {1: "int key"}, {"k": {2.5}}])
def test_unsupported_host_values(js: Any, bad: Any) -> None:
    script = js.load(VALUES)
    with pytest.raises(ConversionError):
        js.call(script, "identity", bad)
    assert js.call(script, "identity", 1) == 1


@pytest.mark.parametrize(
    ("number", "canonical"),
    [
        (3.0, 3),
        (-7.0, -7),
        (0.0, 0),
        (-0.0, -0.0),
        (0.5, 0.5),
        (2.0**53 - 1, 2**53 - 1),
        (-(2.0**53 - 1), -(2**53 - 1)),
        (2.0**53, 2.0**53),
        (-(2.0**53), -(2.0**53)),
        (1e300, 1e300),
        (5e-324, 5e-324),
        (math.inf, math.inf),
        (-math.inf, -math.inf),
    ],
)
def test_number_from_js_keeps_the_number_rule(number: float, canonical: Any) -> None:
    result = number_from_js(number)
    assert type(result) is type(canonical) and repr(result) == repr(canonical)


def test_number_from_js_keeps_nan() -> None:
    assert math.isnan(number_from_js(math.nan))
