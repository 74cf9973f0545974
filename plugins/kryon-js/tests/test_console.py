"""console prints as Node does (expected texts are what Node 20 printed)."""

from __future__ import annotations

from typing import Any

import pytest
from kryon_js.prelude import PRELUDE_LINES
from kryon_js.source import FIRST_LINE

# (expression, what console.log(expression) prints under Node 20)
INSPECTED = [
    ("[1, 2, 3]", "[ 1, 2, 3 ]"),
    (
        "['a', \"it's\", 'say \"hi\"', `both ' and \"`]",
        "[ 'a', \"it's\", 'say \"hi\"', `both ' and \"` ]",
    ),
    ("{ a: 1, 'a-b': 2, 3: 'x', $y: null }", "{ '3': 'x', a: 1, 'a-b': 2, '$y': null }"),
    ("{ a: { b: { c: { d: 1 } } } }", "{ a: { b: { c: [Object] } } }"),
    ("[1, , 3, undefined]", "[ 1, <1 empty item>, 3, undefined ]"),
    ("new Array(3)", "[ <3 empty items> ]"),
    ("Array.from({ length: 10 }, (_, i) => i)", "[\n  0, 1, 2, 3, 4,\n  5, 6, 7, 8, 9\n]"),
    (
        "Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i))",
        "[\n"
        "  'a', 'b', 'c', 'd', 'e', 'f',\n"
        "  'g', 'h', 'i', 'j', 'k', 'l',\n"
        "  'm', 'n', 'o', 'p', 'q', 'r',\n"
        "  's', 't', 'u', 'v', 'w', 'x',\n"
        "  'y', 'z'\n"
        "]",
    ),
    (
        "Array.from({ length: 101 }, () => 0).length && Array.from({ length: 10"
        "1 }, (_, i) => i % 7)",
        "[\n"
        "  0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4,\n"
        "  5, 6, 0, 1, 2, 3, 4, 5, 6, 0, 1, 2,\n"
        "  3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6, 0,\n"
        "  1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5,\n"
        "  6, 0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3,\n"
        "  4, 5, 6, 0, 1, 2, 3, 4, 5, 6, 0, 1,\n"
        "  2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6,\n"
        "  0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4,\n"
        "  5, 6, 0, 1,\n"
        "  ... 1 more item\n"
        "]",
    ),
    ("new Map([[1, 'a'], ['b', { c: 2 }]])", "Map(2) { 1 => 'a', 'b' => { c: 2 } }"),
    ("new Set([1, 'two', [3]])", "Set(3) { 1, 'two', [ 3 ] }"),
    ("[new Map(), new Set()]", "[ Map(0) {}, Set(0) {} ]"),
    (
        "(() => { class Point { constructor() { this.x = 1; } } return [new Poi"
        "nt(), Point, class extends Point {}]; })()",
        "[ Point { x: 1 }, [class Point], [class (anonymous) extends Point] ]",
    ),
    (
        "[function foo() {}, () => 1, async function af() {}, function* gf() {}]",
        "[\n"
        "  [Function: foo],\n"
        "  [Function (anonymous)],\n"
        "  [AsyncFunction: af],\n"
        "  [GeneratorFunction: gf]\n"
        "]",
    ),
    ("Object.create(null)", "[Object: null prototype] {}"),
    (
        "(() => { const o = { a: 1 }; o.self = o; return o; })()",
        "<ref *1> { a: 1, self: [Circular *1] }",
    ),
    (
        "{ get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {} }",
        "{ a: [Getter], b: [Setter], c: [Getter/Setter] }",
    ),
    ("[-0, 1e21, 10n, NaN, Symbol('s')]", "[ -0, 1e+21, 10n, NaN, Symbol(s) ]"),
    (
        "[new Number(3), new String('ab'), new Boolean(false)]",
        "[ [Number: 3], [String: 'ab'], [Boolean: false] ]",
    ),
    ("[new Date(0), /ab+c/gi]", "[ 1970-01-01T00:00:00.000Z, /ab+c/gi ]"),
    ("new Uint8Array([1, 2, 3])", "Uint8Array(3) [ 1, 2, 3 ]"),
    (
        "{ name: 'Alice', age: 30, hobbies: ['reading', 'gaming', 'hiking'], ad"
        "dress: { city: 'Wonderland', zip: '12345' } }",
        "{\n"
        "  name: 'Alice',\n"
        "  age: 30,\n"
        "  hobbies: [ 'reading', 'gaming', 'hiking' ],\n"
        "  address: { city: 'Wonderland', zip: '12345' }\n"
        "}",
    ),
    ("['a\\nb\\t\\x00\\x7f']", "[ 'a\\nb\\t\\x00\\x7F' ]"),
    (
        "{ s: 'y'.repeat(90) }",
        "{\n"
        "  s: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
        "yyyyyyyyyyyyyyyyyyyyyyyyyy'\n"
        "}",
    ),
    ("(function () { return arguments; })(1, 2)", "[Arguments] { '0': 1, '1': 2 }"),
    ("[new WeakMap()]", "[ WeakMap { <items unknown> } ]"),
    ("{ [Symbol('k')]: 1, 'key with space': 2 }", "{ 'key with space': 2, [Symbol(k)]: 1 }"),
    (
        "Array.from({ length: 10 }, (_, i) => [i, i * 2])",
        "[\n"
        "  [ 0, 0 ],  [ 1, 2 ],\n"
        "  [ 2, 4 ],  [ 3, 6 ],\n"
        "  [ 4, 8 ],  [ 5, 10 ],\n"
        "  [ 6, 12 ], [ 7, 14 ],\n"
        "  [ 8, 16 ], [ 9, 18 ]\n"
        "]",
    ),
]

# More values, each checked against Node 20's util.inspect (quote choice, columns of
# numbers aligned right, holes, string splitting, error and class prefixes, refs, width
# of wide characters).
INSPECTED += [
    # widths as Node's ICU counts them: format characters (a BOM, U+200B) and marks take
    # no column, emoji two each (of a sequence joined by U+200D too), the soft hyphen one
    (
        "['\\ufeff', 'a', 'b', 'c', 'd', 'e', '\\u{1F468}\\u200d\\u{1F469}\\u200d\\u{1F467}',"
        " '\\u65e5\\u672c', 'x\\u200by']",
        "[\n  '\ufeff',       'a',\n  'b',      'c',\n  'd',      'e',\n"
        "  '\U0001f468\u200d\U0001f469\u200d\U0001f467', '\u65e5\u672c',\n  'x\u200by'\n]",
    ),
    (
        "['\\u{1F44D}\\u{1F3FD}', '\\u26bd', '\\u2713', '\\u00e9', 'e\\u0301', '\\u00ad',"
        " 'ab', 'cd', 'ef']",
        "[\n  '\U0001f44d\U0001f3fd', '\u26bd', '\u2713',\n  '\u00e9',    'e\u0301',  '\u00ad',\n"
        "  'ab',   'cd', 'ef'\n]",
    ),
    (
        "[\"it's\", 'a\"b\\'c', 'a\"b\\'c`d', 'x\\vy\\u0085']",
        "[ \"it's\", `a\"b'c`, 'a\"b\\'c`d', 'x\\x0By\\x85' ]",
    ),
    (
        "[1.5, -2, 300, 4, 5, 6, 7, 8, 9, 10000]",
        "[\n    1.5, -2, 300,\n      4,  5,   6,\n      7,  8,   9,\n  10000\n]",
    ),
    ("[1, 'a', 2, 'b', 3, 'c', 4]", "[\n  1, 'a', 2, 'b',\n  3, 'c', 4\n]"),
    (
        (
            "(() => { const b = []; for (let i = 0; i < 12; i++) { if (i % 2) b[i] = i; "
            "} return b; })()"
        ),
        (
            "[\n"
            "  <1 empty item>, 1,\n"
            "  <1 empty item>, 3,\n"
            "  <1 empty item>, 5,\n"
            "  <1 empty item>, 7,\n"
            "  <1 empty item>, 9,\n"
            "  <1 empty item>, 11\n"
            "]"
        ),
    ),
    (
        "(() => { const a = new Array(300); a[5] = 1; return a; })()",
        "[ <5 empty items>, 1, <294 empty items> ]",
    ),
    (
        (
            "{ s: 'line one\\nline two\\nline three and some more text to make it long e"
            "nough for splitting' }"
        ),
        (
            "{\n"
            "  s: 'line one\\n' +\n"
            "    'line two\\n' +\n"
            "    'line three and some more text to make it long enough for splitting'\n"
            "}"
        ),
    ),
    (
        (
            "(() => { class MyError extends Error {} const e = new MyError('m'); e.stack"
            " = ''; return [e]; })()"
        ),
        "[ [MyError: m] ]",
    ),
    (
        "(() => { const e = new Error('x'); e.stack = 'Custom: t'; return { e, n: 1 }; })()",
        "{ e: [Custom: t], n: 1 }",
    ),
    (
        (
            "(() => { class M extends Map {} return [new M([[1, 2]]), Object.create(Obje"
            "ct.create(null))]; })()"
        ),
        "[ M(1) [Map] { 1 => 2 }, Object <[Object: null prototype] {}> {} ]",
    ),
    ("new Map([[1, { a: [{ b: { c: 1 } }] }]])", "Map(1) { 1 => { a: [ [Object] ] } }"),
    (
        "[new ArrayBuffer(3), new DataView(new ArrayBuffer(1))]",
        (
            "[\n"
            "  ArrayBuffer { [Uint8Contents]: <00 00 00>, byteLength: 3 },\n"
            "  DataView {\n"
            "    byteLength: 1,\n"
            "    byteOffset: 0,\n"
            "    buffer: ArrayBuffer { [Uint8Contents]: <00>, byteLength: 1 }\n"
            "  }\n"
            "]"
        ),
    ),
    (
        "[new BigInt64Array([1n, -2n]), Object(5n), [Symbol('it\\'s')], { [Symbol('it\\'s')]: 1 }]",
        (
            "[\n"
            "  BigInt64Array(2) [ 1n, -2n ],\n"
            "  [BigInt: 5n],\n"
            "  [ Symbol(it's) ],\n"
            "  { [Symbol(it\\'s)]: 1 }\n"
            "]"
        ),
    ),
    (
        "[async () => {}, async function* ag() {}, class B extends null {}]",
        "[\n  [AsyncFunction (anonymous)],\n  [AsyncGeneratorFunction: ag],\n  [class B]\n]",
    ),
    (
        "(() => { const x = {}; const y = { x }; x.y = y; return { x, y }; })()",
        (
            "{\n"
            "  x: <ref *1> { y: { x: [Circular *1] } },\n"
            "  y: <ref *2> { x: <ref *1> { y: [Circular *2] } }\n"
            "}"
        ),
    ),
    (
        (
            "{ a: { b: { c: {} } }, d: Object.assign(function q() {}, { p: 1 }), r: Obje"
            "ct.assign(/re/g, { x: 1 }) }"
        ),
        "{ a: { b: { c: {} } }, d: [Function: q] { p: 1 }, r: /re/g { x: 1 } }",
    ),
    (
        "['日本語', '中文字', 'abc', '한국어', 'x', 'yy', 'zzz']",
        "[\n  '日本語', '中文字',\n  'abc',    '한국어',\n  'x',      'yy',\n  'zzz'\n]",
    ),
    (
        "{ a: { b: { c: Object.assign(Object.create(null), { x: 1 }), e: Object.setPrototypeOf("
        "[1], null), g: Object.assign(Object.create(null), { [Symbol.toStringTag]: 'Q' }) } } }",
        (
            "{\n"
            "  a: {\n"
            "    b: {\n"
            "      c: [Object: null prototype],\n"
            "      e: [Array: null prototype],\n"
            "      g: [Q: null prototype]\n"
            "    }\n"
            "  }\n"
            "}"
        ),
    ),
    (
        "[console.log, console.error, console.groupCollapsed, console.table]",
        "[\n  [Function: log],\n  [Function: error],\n  [Function: groupCollapsed],\n"
        "  [Function: table]\n]",
    ),
    (
        "Object.assign(Object.create(null), { [Symbol.toStringTag]: 'Q' })",
        "[Q: null prototype] { [Symbol(Symbol.toStringTag)]: 'Q' }",
    ),
]

# (statement, what it prints under Node 20)
FORMATTED = [
    ("console.log('%s is %d years', 'Bob', 42.5, 'extra')", "Bob is 42.5 years extra"),
    (
        "console.log('%o|%O|%j', [1], { b: { c: {} } }, { d: 1 })",
        '[ 1, [length]: 1 ]|{ b: { c: {} } }|{"d":1}',
    ),
    ("console.log('100%', 5)", "100% 5"),
    ("console.log('%i %f %%', '42.9x', '1.5')", "42 1.5 %"),
    ("console.log('%c styled', 'color: red')", " styled"),
    ("console.log('%s', { toString() { return 'custom'; } })", "custom"),
    ("console.log('a', 1, 'b', [2])", "a 1 b [ 2 ]"),
]


@pytest.mark.parametrize(("expression", "printed"), INSPECTED)
def test_values_print_as_node_prints_them(js: Any, expression: str, printed: str) -> None:
    script = js.load(f"function f() {{ console.log({expression}); }}")
    js.call(script, "f")
    assert js.text() == printed + "\n"


@pytest.mark.parametrize(("statement", "printed"), FORMATTED)
def test_format_directives(js: Any, statement: str, printed: str) -> None:
    script = js.load(f"function f() {{ {statement}; }}")
    js.call(script, "f")
    assert js.text() == printed + "\n"


def test_error_prints_name_message_and_script_frames(js: Any) -> None:
    script = js.load(
        "function f() {\n  const e = new RangeError('bad', { cause: 'why' });\n"
        "  e.code = 42;\n  console.log({ e });\n}"
    )
    js.call(script, "f")
    assert js.text() == (
        "{\n  e: RangeError: bad\n      at f (main.js:2:13) {\n"
        "    code: 42,\n    [cause]: 'why'\n  }\n}\n"
    )


def test_table_group_count_assert(js: Any) -> None:
    script = js.load(
        "function f() { console.table([{ a: 1, b: 'Y' }, { a: 'Z', b: 2 }]);"
        " console.group('G'); console.log('in\\nside'); console.groupEnd(); console.log('out');"
        " console.count(); console.count(); console.assert(1 === 2, 'no %s', 'x'); }"
    )
    js.call(script, "f")
    assert js.text() == (
        "┌─────────┬─────┬─────┐\n"
        "│ (index) │ a   │ b   │\n"
        "├─────────┼─────┼─────┤\n"
        "│ 0       │ 1   │ 'Y' │\n"
        "│ 1       │ 'Z' │ 2   │\n"
        "└─────────┴─────┴─────┘\n"
        "G\n  in\n  side\nout\ndefault: 1\ndefault: 2\n"
    )
    assert js.text("stderr") == "Assertion failed: no x\n"


def test_console_ignores_replaced_builtins(js: Any) -> None:
    script = js.load(
        "function f() { Array.prototype.push = null; Array.prototype.join = null;"
        " String.prototype.repeat = null; Object.keys = null;"
        " console.log([1, { a: 'x' }], new Map([[1, 2]])); }"
    )
    js.call(script, "f")
    assert js.text() == "[ 1, { a: 'x' } ] Map(1) { 1 => 2 }\n"


PROMISES = """\
function f() {
  const rejected = Promise.reject('no');
  rejected.catch(() => {});
  const q = Promise.resolve(1);
  q.extra = 'x';
  async function later() { await null; return 1; }
  console.log(Promise.resolve(42), new Promise(() => {}), rejected, later());
  console.log({ a: { b: { c: Promise.resolve({ d: 1 }) } } }, q);
  console.log(Object.create(Promise.prototype), Promise.resolve([1, 'two']));
}
"""


def test_promise_state_prints_as_node_prints_it(js: Any) -> None:
    script = js.load(PROMISES)
    js.call(script, "f")
    assert js.text() == (
        "Promise { 42 } Promise { <pending> } Promise { <rejected> 'no' } Promise { <pending> }\n"
        "{ a: { b: { c: [Promise] } } } Promise { 1, extra: 'x' }\n"
        "Promise {} Promise { [ 1, 'two' ] }\n"
    )


def test_promise_state_is_not_guessed_without_the_hook(js: Any) -> None:
    js.engine._runtime().rejections.active = False
    script = js.load("function f() { console.log(Promise.resolve(1)); }")
    js.call(script, "f")
    assert js.text() == "Promise { <state unknown> }\n"


def test_prelude_lines_stay_below_the_script_bands() -> None:
    assert PRELUDE_LINES < FIRST_LINE


# (statements, stdout, stderr) as Node 20 printed them
SESSIONS = [
    (
        (
            "console.log('%s|%d|%i|%f', [1, [2, [3]]], '0x10', 5n, Symbol('q')); console"
            ".log('%s %%', 'a'); console.log('%% %s')"
        ),
        "[ 1, [Array] ]|16|5n|NaN\na %\n%% %s\n",
        "",
    ),
    (
        (
            "const c = { name: 'c' }; c.me = c; console.log('%j', c); console.log('%s', "
            "new (class Q { toString() { return 'q'; } })())"
        ),
        "[Circular]\nq\n",
        "",
    ),
    (
        (
            "console.table(new Map([['k', 1], [{ o: 1 }, 'v']])); console.table([{ a: 1 "
            "}, 5], undefined)"
        ),
        (
            "┌───────────────────┬──────────┬────────┐\n"
            "│ (iteration index) │ Key      │ Values │\n"
            "├───────────────────┼──────────┼────────┤\n"
            "│ 0                 │ 'k'      │ 1      │\n"
            "│ 1                 │ { o: 1 } │ 'v'    │\n"
            "└───────────────────┴──────────┴────────┘\n"
            "┌─────────┬───┬────────┐\n"
            "│ (index) │ a │ Values │\n"
            "├─────────┼───┼────────┤\n"
            "│ 0       │ 1 │        │\n"
            "│ 1       │   │ 5      │\n"
            "└─────────┴───┴────────┘\n"
        ),
        "",
    ),
    (
        (
            "console.group('Outer'); console.log({ b: 'multi\\nline' }); console.group()"
            "; console.count('n'); console.groupEnd(); console.groupEnd(); console.dir({"
            " a: { b: {} } }, { depth: 0 })"
        ),
        "Outer\n  { b: 'multi\\nline' }\n    n: 1\n{ a: [Object] }\n",
        "",
    ),
    (
        "console.assert(false, { obj: 1 }, 'more'); console.assert(false); console.warn('%o', [1])",
        "",
        "Assertion failed: [object Object] more\nAssertion failed\n[ 1, [length]: 1 ]\n",
    ),
]


@pytest.mark.parametrize(("statements", "stdout", "stderr"), SESSIONS)
def test_console_methods_print_as_node(js: Any, statements: str, stdout: str, stderr: str) -> None:
    script = js.load(f"function f() {{ {statements}; }}")
    js.call(script, "f")
    assert (js.text(), js.text("stderr")) == (stdout, stderr)


def test_long_output_leaves_the_vm(js: Any) -> None:
    # a long concatenation is a rope in QuickJS, which the binding cannot convert
    script = js.load("function f() { console.log(['y'.repeat(700)], 'z'.repeat(600)); }")
    js.call(script, "f")
    assert js.text() == "[\n  '" + "y" * 700 + "'\n] " + "z" * 600 + "\n"


@pytest.mark.parametrize(
    ("make", "start"),
    [
        (
            "new Array(2e5).fill('ab')",
            "[\n  'ab', 'ab', 'ab', 'ab', 'ab', 'ab', 'ab', 'ab', 'ab', 'ab',",
        ),
        (
            "(() => { const a = new Array(2e5).fill(1); delete a[0]; return a; })()",
            "[\n  <1 empty item>, 1, 1, 1, 1,\n  1,              1, 1, 1, 1,",
        ),
        (
            "(() => { const a = []; for (let i = 0; i < 2e5; i += 3) a[i] = i; a.x = 1;"
            " a[3e9] = 2; return a; })()",
            "[\n  0,\n  <2 empty items>,\n  3,",
        ),
    ],
)
def test_printing_a_big_array_costs_what_it_shows(make_js: Any, make: str, start: str) -> None:
    # Every index key was tested one by one (and, after a hole, listed again):
    # printing 200,000 items took 400-950 ms, past a sandboxed call's budget.
    js = make_js(time_limit_ms=250, memory_limit_mb=64)
    script = js.load(f"function f() {{ const a = {make}; console.log(a); }}")
    js.call(script, "f")
    text = js.text()
    assert text.startswith(start)
    assert "more items" in text
