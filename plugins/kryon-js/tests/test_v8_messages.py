"""Programs that printed differently from Node 20 (differential runs against ``node``):
QuickJS's own error messages where V8's differ, and Math.cbrt."""

from __future__ import annotations

from typing import Any

import pytest

from kryon_core import ScriptRuntimeError

SHOWN = """\
function shown(f) { try { f(); } catch (e) { return String(e); } }
function all() {
  const o = { a: {} };
  let u;
  return [
    shown(() => null.x),
    shown(() => o.a.b.c),
    shown(() => { undefined.y = 1; }),
    shown(() => o.method()),
    shown(() => u()),
    shown(() => { const k = 1; k = 2; }),
    shown(() => new Array(-1)),
    shown(() => (1).toFixed(200)),
    shown(() => [].reduce((a, b) => a)),
    shown(() => new Date(NaN).toISOString()),
    shown(() => { class A {} A(); }),
    shown(() => { z; let z = 1; }),
    shown(() => { const p = { [Symbol.toPrimitive]() { return p; } }; return `${p}`; }),
    `${new RangeError("own text")}`,
  ];
}
"""


def test_errors_show_v8s_messages(js: Any) -> None:
    assert js.call(js.load(SHOWN), "all") == [
        "TypeError: Cannot read properties of null (reading 'x')",
        "TypeError: Cannot read properties of undefined (reading 'c')",
        "TypeError: Cannot set properties of undefined (setting 'y')",
        "TypeError: o.method is not a function",
        "TypeError: u is not a function",
        "TypeError: Assignment to constant variable.",
        "RangeError: Invalid array length",
        "RangeError: toFixed() digits argument must be between 0 and 100",
        "TypeError: Reduce of empty array with no initial value",
        "RangeError: Invalid time value",
        "TypeError: Class constructor A cannot be invoked without 'new'",
        "ReferenceError: Cannot access 'z' before initialization",
        "TypeError: Cannot convert object to primitive value",
        "RangeError: own text",
    ]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("const api = { users: {} };\napi.users.find(1);\n", "api.users.find is not a function"),
        ("const X = 1;\nnew X();\n", "X is not a constructor"),
        ("let v = null;\nfunction f() { return v.name; }\nf();\n", "(reading 'name')"),
    ],
)
def test_an_uncaught_error_has_v8s_message(js: Any, source: str, message: str) -> None:
    with pytest.raises(ScriptRuntimeError) as info:
        js.load(source)
    assert message in str(info.value)


BIGINT_AND_URI = """\
function shown(f) { try { f(); } catch (e) { return String(e); } }
function all() {
  return [
    shown(() => 1n + 1), shown(() => Math.sqrt(1n)), shown(() => +1n), shown(() => 1n / 0n),
    shown(() => Symbol() * 2), shown(() => decodeURIComponent("%")),
    shown(() => decodeURIComponent("%E0%A4%A")), shown(() => decodeURIComponent("%FF")),
    shown(() => encodeURIComponent("\\uD800")),
    shown(() => { class B extends Object { constructor() { this.x = 1; } } new B(); }),
  ];
}
"""


def test_bigint_symbol_uri_and_derived_this_errors_have_v8s_messages(js: Any) -> None:
    mixed = "TypeError: Cannot mix BigInt and other types, use explicit conversions"
    to_number = "TypeError: Cannot convert a BigInt value to a number"
    assert js.call(js.load(BIGINT_AND_URI), "all") == [
        mixed,
        to_number,
        to_number,
        "RangeError: Division by zero",
        "TypeError: Cannot convert a Symbol value to a number",
        *["URIError: URI malformed"] * 4,
        "ReferenceError: Must call super constructor in derived class before accessing "
        "'this' or returning from derived constructor",
    ]


CALLEES = """\
function shown(f) { try { f(); } catch (e) { return e.message; } }
function all() {
  const obj = { a: { b: {} }, list: [[1]], "x-y": 1, k: 2 }, key = "k", cbs = [1];
  return [
    shown(() => obj["key"]()), shown(() => cbs[0]()), shown(() => obj.a["b"]()),
    shown(() => obj.list[0][0]()), shown(() => obj['x-y']()), shown(() => obj[key]()),
    shown(() => obj?.["k"]()), shown(() => new obj.a()), shown(() => new obj["a"]()),
    shown(() => obj["a"].b()),
  ];
}
"""


def test_a_callee_with_computed_members_is_named_as_v8_names_it(js: Any) -> None:
    assert js.call(js.load(CALLEES), "all") == [
        "obj.key is not a function",
        "cbs[0] is not a function",
        "obj.a.b is not a function",
        "obj.list[0][0] is not a function",
        "obj.x-y is not a function",
        "obj[key] is not a function",
        "obj?.k is not a function",
        "obj.a is not a constructor",
        "obj.a is not a constructor",
        "obj.a.b is not a function",
    ]


def test_a_value_that_is_not_iterable_is_named_as_v8_names_it(js: Any) -> None:
    script = js.load(
        "function shown(f) { try { f(); } catch (e) { return e.message; } }\n"
        "function all() {\n"
        "  const obj = { a: {} };\n"
        "  return [shown(() => { for (const x of obj) {} }), shown(() => [...obj.a]),\n"
        "          shown(() => { for (const [k, v] of obj) {} }),\n"
        "          shown(() => Math.max(...obj)), shown(() => new Set(5))];\n"
        "}\n"
    )
    assert js.call(script, "all") == [
        "obj is not iterable",
        "obj.a is not iterable",
        "obj is not iterable",
        "Spread syntax requires ...iterable[Symbol.iterator] to be a function",
        # (a built-in's: the type read from the script's literal argument)
        "number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
    ]


def test_frozen_objects_have_v8s_messages_in_strict_code(js: Any) -> None:
    script = js.load(
        '"use strict";\n'
        "function shown(f) { try { f(); } catch (e) { return e.message; } }\n"
        "function all() {\n"
        "  const o = Object.freeze({ a: 1 }), arr = Object.freeze([1]);\n"
        "  return [shown(() => { o.a = 2; }), shown(() => { o.b = 3; }),\n"
        "          shown(() => { arr[0] = 5; }), shown(() => { o['c'] = 1; }),\n"
        "          shown(() => { delete o.a; }), shown(() => arr.push(4))];\n"
        "}\n"
    )
    assert js.call(script, "all") == [
        "Cannot assign to read only property 'a' of object '#<Object>'",
        "Cannot add property b, object is not extensible",
        "Cannot assign to read only property '0' of object '[object Array]'",
        "Cannot add property c, object is not extensible",
        "Cannot delete property 'a' of #<Object>",
        "object is not extensible",  # (a built-in's: the key is not in the source)
    ]


def test_math_cbrt_is_exact_for_cubes(js: Any) -> None:
    script = js.load(
        "function roots() { return [27, -8, 1000, 2 ** 30, 0.001].map(Math.cbrt); }\n"
        "function facts() { return [Math.cbrt.name, Math.cbrt.length, 1 / Math.cbrt(-0)]; }\n"
    )
    assert js.call(script, "roots") == [3, -2, 10, 1024, 0.1]
    assert js.call(script, "facts") == ["cbrt", 1, float("-inf")]


BUILT_IN_TEXTS = """\
function shown(f) { try { f(); } catch (e) { return String(e); } }
function all() {
  const p = Proxy.revocable({}, {});
  p.revoke();
  class A { #x; static get(o) { return o.#x; } static set(o) { o.#x = 1; } }
  return [
    shown(() => BigInt('x')), shown(() => BigInt(1.5)), shown(() => BigInt(undefined)),
    shown(() => 2n ** -1n), shown(() => 'a'.repeat(-1)), shown(() => 'a'.repeat(Infinity)),
    shown(() => p.proxy.a), shown(() => { p.proxy.a = 1; }),
    shown(() => A.get({})), shown(() => A.set({})),
    shown(() => new WeakMap().set(1, 1)), shown(() => new WeakSet().add(1)),
    shown(() => 'x'.normalize('bad')),
    shown(() => { class D extends Object { constructor() { super(); super(); } } new D(); }),
    shown(() => 'a'.matchAll(/a/)), shown(() => 'a'.replaceAll(/a/, 'b')),
    shown(() => String.prototype.trim.call(undefined)), shown(() => [2, 1].sort(5)),
    shown(() => new BigInt(1)), shown(() => Object.defineProperty(1, 'x', {})),
    shown(() => new Proxy({}, null)), shown(() => new ArrayBuffer(-1)),
    [BigInt.name, BigInt.length, Object(1n).constructor === BigInt, 'ab'.repeat(2)].join(),
  ];
}
"""


def test_built_ins_errors_name_the_value_as_v8s_do(js: Any) -> None:
    assert js.call(js.load(BUILT_IN_TEXTS), "all") == [
        "SyntaxError: Cannot convert x to a BigInt",
        "RangeError: The number 1.5 cannot be converted to a BigInt because it is not an integer",
        "TypeError: Cannot convert undefined to a BigInt",
        "RangeError: undefined must be positive",
        "RangeError: Invalid count value: -1",
        "RangeError: Invalid count value: Infinity",
        "TypeError: Cannot perform 'get' on a proxy that has been revoked",
        "TypeError: Cannot perform 'set' on a proxy that has been revoked",
        "TypeError: Cannot read private member #x from an object whose class did not declare it",
        "TypeError: Cannot write private member #x to an object whose class did not declare it",
        "TypeError: Invalid value used as weak map key",
        "TypeError: Invalid value used in weak set",
        "RangeError: The normalization form should be one of NFC, NFD, NFKC, NFKD.",
        "ReferenceError: Super constructor may only be called once",
        "TypeError: String.prototype.matchAll called with a non-global RegExp argument",
        "TypeError: String.prototype.replaceAll called with a non-global RegExp argument",
        "TypeError: String.prototype.trim called on null or undefined",
        "TypeError: The comparison function must be either a function or undefined",
        "TypeError: BigInt is not a constructor",
        "TypeError: Object.defineProperty called on non-object",
        "TypeError: Cannot create proxy with a non-object as target or handler",
        "RangeError: Invalid array buffer length",
        "BigInt,1,true,abab",
    ]


def test_a_string_past_the_length_limit_is_v8s_range_error(js: Any) -> None:
    # QuickJS's ropes reach its length limit before the memory limit: an InternalError
    script = js.load(
        "function f() { let s = 'x';\n"
        "  try { for (let i = 0; i < 40; i++) s += s; } catch (e) {\n"
        "    return [e instanceof RangeError, String(e), e.name]; } }\n"
    )
    assert js.call(script, "f") == [True, "RangeError: Invalid string length", "RangeError"]


# QuickJS places a failed call where it last noted a place before it: in the arguments
# when they hold a call, a `new` or a function; V8 names the call that failed.
CALLS_WITH_CALLS = """\
function shown(f) { try { f(); } catch (e) { return e.message; } }
const helper = (x) => x;
function all() {
  const data = { items: [1, 2], name: 'd' }, u = { t: {} }, s = 'abc';
  return [
    shown(() => data.map(item => item * 2)),
    shown(() => data.forEach(function (x) { return x; })),
    shown(() => data.reduce((acc, x) => {
      return acc + x;
    }, 0)),
    shown(() => data.filter(
      (x) => x > 1,
    )),
    shown(() => console.log(data.keys())),
    shown(() => u.t.isDate(new Date())),
    shown(() => u.t.isDate(helper(1))),
    shown(() => new data.name(String(1))),
    shown(() => data.run(`x ${String(1)}`)),
    shown(() => data.run({ when: Date.now() })),
    shown(() => 'abc'.push(String.fromCharCode(100))),
    shown(() => (5).toUpperCase([].concat([1]))),
    shown(() => [1, 2].map(x => x * 2).flatten()),
    shown(() => new Map([[1, 2]]).map(([k]) => k)),
    shown(() => [1, 2].forEach(n => n.toFixed(2).padStart(5).reverse())),
    shown(() => data.items
      .filter(x => x > 1)
      .mapp(x => x * 2)),
    shown(() => helper(1)()), shown(() => u.t[data.name]()), shown(() => data[u.t.x]()),
  ];
}
"""


def test_a_failed_call_with_calls_in_its_arguments_is_the_one_named(js: Any) -> None:
    assert js.call(js.load(CALLS_WITH_CALLS), "all") == [
        "data.map is not a function",
        "data.forEach is not a function",
        "data.reduce is not a function",
        "data.filter is not a function",
        "data.keys is not a function",
        "u.t.isDate is not a function",
        "u.t.isDate is not a function",
        "data.name is not a constructor",
        "data.run is not a function",
        "data.run is not a function",
        '"abc".push is not a function',
        "5.toUpperCase is not a function",
        "[1,2].map(...).flatten is not a function",
        "(intermediate value).map is not a function",
        "n.toFixed(...).padStart(...).reverse is not a function",
        "data.items.filter(...).mapp is not a function",
        "helper(...) is not a function",
        "u.t[data.name] is not a function",
        "data[u.t.x] is not a function",
    ]


# An assignment's error is placed at the last call of its value too.
ASSIGNMENTS_WITH_CALLS = """\
'use strict';
function shown(f) { try { f(); } catch (e) { return e.message; } }
const f = () => 1;
class Temp { get f() { return 1; } }
class Child extends Temp {}
class P { #x = 1; static set(o) { o.#x = f(); } static get(o) { return o.#x + f(); } }
function all() {
  const o = Object.freeze({ a: 1 }), plain = { get v() { return 1; } }, t = new Child();
  return [
    shown(() => { o.a = { x: f(), y: [f()] }; }),
    shown(() => { o.z = { x: f() }; }),
    shown(() => { if (true) { o.a = [1].map((x) => x); } }),
    shown(() => { const c = 1; c = f(); }),
    shown(() => { t.f = f(); }),
    shown(() => { plain.v = 3; }),
    shown(() => { plain['v'] = f(); }),
    shown(() => P.set({})),
    shown(() => P.get({})),
  ];
}
"""


def test_an_assignment_with_calls_in_its_value_is_named_as_v8_names_it(js: Any) -> None:
    assert js.call(js.load(ASSIGNMENTS_WITH_CALLS), "all") == [
        "Cannot assign to read only property 'a' of object '#<Object>'",
        "Cannot add property z, object is not extensible",
        "Cannot assign to read only property 'a' of object '#<Object>'",
        "Assignment to constant variable.",
        "Cannot set property f of #<Temp> which has only a getter",
        "Cannot set property v of #<Object> which has only a getter",
        "Cannot set property v of #<Object> which has only a getter",
        "Cannot write private member #x to an object whose class did not declare it",
        "Cannot read private member #x from an object whose class did not declare it",
    ]


# A destructured parameter of a missing argument: QuickJS places it at the function
# (or at the call that takes the callback) and says "Cannot convert undefined or null
# to object"; V8 names the pattern's first property.
PARAMETER_PATTERNS = """\
function shown(f) { try { f(); } catch (e) { return e.message; } }
function f1({ a, b }) { return a + b; }
function f5(first, { opt }, [x] = []) { return opt; }
const f6 = ({ 'quoted': q }) => q;
async function f7({ id }) { return id; }
class K { constructor({ id }) { this.id = id; } }
function all() {
  return [shown(() => f1()), shown(() => f5(1)), shown(() => f6()),
    shown(() => new K()), shown(() => [undefined].map(({ v }) => v)),
    shown(() => Object.keys(undefined)),
    shown(() => { const { a: { b } } = { a: undefined }; }),
    shown(() => {
      const { cfg: { port } } = {};
    })];
}
"""


def test_a_destructured_parameter_of_a_missing_argument_is_named_as_v8_names_it(
    js: Any,
) -> None:
    assert js.call(js.load(PARAMETER_PATTERNS), "all") == [
        "Cannot destructure property 'a' of 'undefined' as it is undefined.",
        "Cannot destructure property 'opt' of 'undefined' as it is undefined.",
        "Cannot destructure property 'quoted' of 'undefined' as it is undefined.",
        "Cannot destructure property 'id' of 'undefined' as it is undefined.",
        "Cannot destructure property 'v' of 'undefined' as it is undefined.",
        "Cannot convert undefined or null to object",
        # a declaration's nested pattern (its value was checked): V8 reads its first key
        "Cannot read properties of undefined (reading 'b')",
        "Cannot read properties of undefined (reading 'port')",
    ]


FIXED_TEXTS = """\
function shown(f) { try { f(); } catch (e) { return e.name + ': ' + e.message; } }
class Counter {
  #count = 0;
  #bump() { this.#count++; }
  inc() { this.#bump(); return this; }
  static check(o) { return o.#bump(); }
}
function all() {
  return [
    shown(() => { const a = {}; const b = Object.create(a); Object.setPrototypeOf(a, b); }),
    shown(() => { class A {} class B extends A { constructor() { return 1; } } new B(); }),
    shown(() => { function* g() { it.next(); } const it = g(); it.next(); }),
    shown(() => 1 instanceof 5),
    shown(() => Function.prototype.bind.call(1)),
    shown(() => new DataView(new ArrayBuffer(2)).setFloat64(0, 1)),
    shown(() => atob('!!!')), shown(() => atob('a')), shown(() => atob('ab=c')),
    shown(() => { const o = {}; Object.defineProperty(o, 'x', { value: 1 });
      Object.defineProperty(o, "x", { get() {} }); }),
    shown(() => Object.defineProperty(Object.freeze({}), 'y', { value: 1 })),
    shown(() => new Set(5)), shown(() => new Map({ a: 1 })), shown(() => new WeakSet(true)),
    shown(() => Object.fromEntries(1_000)), shown(() => new Set(() => 1)),
    shown(() => Counter.prototype.inc.call({})), shown(() => Counter.check([])),
    shown(() => Object.defineProperty({}, 'x', { get() {}, value: 1 })),
    shown(() => { const a = [1]; Object.defineProperty(a, 'length', { writable: false });
      a.push(2); }),
    shown(() => Object.setPrototypeOf(Object.preventExtensions({}), {})),
    shown(() => [1].map()), shown(() => [1].forEach(5)), shown(() => [1].filter('abc')),
    shown(() => [1].find({})), shown(() => [1].some(Counter.nope)), shown(() => new Promise(null)),
    shown(() => Array.from([1], [])), shown(() => [1].flatMap(1)),
  ];
}
"""


def test_more_texts_of_the_engine_are_v8s(js: Any) -> None:
    assert js.call(js.load(FIXED_TEXTS), "all") == [
        "TypeError: Cyclic __proto__ value",
        "TypeError: Derived constructors may only return object or undefined",
        "TypeError: Generator is already running",
        "TypeError: Right-hand side of 'instanceof' is not an object",
        "TypeError: Bind must be called on a function",
        "RangeError: Offset is outside the bounds of the DataView",
        "InvalidCharacterError: Invalid character",
        "InvalidCharacterError: The string to be decoded is not correctly encoded.",
        "InvalidCharacterError: Invalid character",
        "TypeError: Cannot redefine property: x",
        "TypeError: Cannot define property y, object is not extensible",
        *[
            f"TypeError: {what} is not iterable (cannot read property Symbol(Symbol.iterator))"
            for what in ("number 5", "object", "boolean true", "number 1000", "function")
        ],
        "TypeError: Receiver must be an instance of class Counter",
        "TypeError: Receiver must be an instance of class Counter",
        "TypeError: Invalid property descriptor. Cannot both specify accessors and a value or "
        "writable attribute, #<Object>",
        "TypeError: Cannot assign to read only property 'length' of object '[object Array]'",
        "TypeError: #<Object> is not extensible",
        "TypeError: undefined is not a function",
        "TypeError: 5 is not a function",
        "TypeError: abc is not a function",
        "TypeError: #<Object> is not a function",
        "TypeError: undefined is not a function",
        "TypeError: Promise resolver null is not a function",
        "TypeError: [object Array] is not a function",
        "TypeError: flatMap mapper function is not callable",
    ]


REGEXES = """\
function all() {
  const bad = [['('], ['[a-z'], ['*'], ['a{2,1}'], ['\\\\'], [')'], ['a', 'gg'], ['[z-a]'],
    ['(?<n>a)(?<n>b)'], ['(', 'gi']];
  const texts = bad.map(([p, f]) => { try { new RegExp(p, f); } catch (e) { return e.message; } });
  class MyRe extends RegExp {}
  const r = /x/g;
  return [texts, new MyRe('a') instanceof MyRe, RegExp(r) === r, RegExp(r, 'i') === r,
    r.constructor === RegExp, 'a,b'.split(/,/).length, String(RegExp)];
}
"""


def test_a_bad_pattern_has_v8s_message_naming_it(js: Any) -> None:
    texts, *rest = js.call(js.load(REGEXES), "all")
    prefix = "Invalid regular expression: "
    assert texts == [
        prefix + "/(/: Unterminated group",
        prefix + "/[a-z/: Unterminated character class",
        prefix + "/*/: Nothing to repeat",
        prefix + "/a{2,1}/: numbers out of order in {} quantifier",
        prefix + "/\\/: \\ at end of pattern",
        prefix + "/)/: Unmatched ')'",
        "Invalid flags supplied to RegExp constructor 'gg'",
        prefix + "/[z-a]/: Range out of order in character class",
        prefix + "/(?<n>a)(?<n>b)/: Duplicate capture group name",
        prefix + "/(/gi: Unterminated group",
    ]
    # the constructor QuickJS's is wrapped in stays the one scripts see
    assert rest == [True, True, False, True, 2, "function RegExp() { [native code] }"]
