"""Node globals a script may use that QuickJS lacks: structuredClone, global, and the
sandbox-safe part of process (stdout/stderr.write, argv, env, nextTick)."""

from __future__ import annotations

from typing import Any

import pytest

from kryon_core import ScriptRuntimeError, TimeLimitError


def test_structured_clone_copies_deeply_and_keeps_cycles(js: Any) -> None:
    source = (
        "function main() {\n"
        "  const a = { d: new Date(5), r: /x+/g, m: new Map([[1, { k: 2 }]]), s: new Set([3]),\n"
        "              list: [1, , 3], big: 10n, ta: new Uint8Array([1, 2]),\n"
        "              e: new RangeError('r') };\n"
        "  a.self = a; a.list.push(a.m);\n"
        "  const b = structuredClone(a);\n"
        "  return [b !== a, b.self === b, b.list[3] === b.m, b.m !== a.m, b.d.getTime(),\n"
        "          b.r.source + b.r.flags, b.m.get(1).k, b.s.has(3), 1 in b.list, b.big === 10n,\n"
        "          b.ta[1], b.e instanceof RangeError, b.e.message,\n"
        "          Object.getPrototypeOf(structuredClone(new (class P { x = 1 })()))\n"
        "            === Object.prototype];\n"
        "}\n"
    )
    assert js.call(js.load(source), "main") == [
        True,
        True,
        True,
        True,
        5,
        "x+g",
        2,
        True,
        False,
        True,
        2,
        True,
        "r",
        True,
    ]


def test_structured_clone_refuses_what_node_refuses(js: Any) -> None:
    source = (
        "function main() {\n"
        "  return [() => 1, Symbol('q'), new WeakMap(), { f() {} }].map((v) => {\n"
        "    try { structuredClone(v); return 'cloned'; }\n"
        "    catch (e) { return [e.name, e.message, e instanceof DOMException]; }\n"
        "  });\n"
        "}\n"
        "function none() { try { structuredClone(); } catch (e) { return e.code; } }\n"
    )
    script = js.load(source)
    assert js.call(script, "main") == [
        ["DataCloneError", "() => 1 could not be cloned.", True],
        ["DataCloneError", "Symbol(q) could not be cloned.", True],
        ["DataCloneError", "#<WeakMap> could not be cloned.", True],
        ["DataCloneError", "f() {} could not be cloned.", True],
    ]
    assert js.call(script, "none") == "ERR_MISSING_ARGS"


def test_process_writes_without_a_newline_and_shows_nothing_of_the_host(js: Any) -> None:
    script = js.load(
        "for (let i = 0; i < 3; i++) process.stdout.write(i + ' ');\n"
        "process.stdout.write('\\n');\nprocess.stderr.write('err');\n"
        "function facts() { return [process.argv.slice(2), Object.keys(process.env),\n"
        "                           global === globalThis]; }\n"
        "function bad() { process.stdout.write(5); }\n"
    )
    assert js.text() == "0 1 2 \n" and js.text("stderr") == "err"
    assert js.call(script, "facts") == [[], [], True]
    with pytest.raises(ScriptRuntimeError, match='The "chunk" argument must be of type string'):
        js.call(script, "bad")


def test_next_tick_runs_after_the_script_with_its_arguments(js: Any) -> None:
    js.load("process.nextTick((a, b) => console.log('tick', a, b), 1, 2);\nconsole.log('main');\n")
    assert js.text() == "main\ntick 1 2\n"


def test_next_tick_runs_before_promise_jobs_as_in_node(js: Any) -> None:
    js.load(
        "Promise.resolve().then(() => console.log('then'));\n"
        "process.nextTick(() => { console.log('tick 1');\n"
        "  process.nextTick(() => console.log('tick 3')); });\n"
        "queueMicrotask(() => console.log('micro'));\n"
        "process.nextTick(() => console.log('tick 2'));\n"
        "setTimeout(() => { Promise.resolve().then(() => console.log('timer then'));\n"
        "  process.nextTick(() => console.log('timer tick')); }, 0);\n"
        "console.log('main');\n"
    )
    assert js.text() == "main\ntick 1\ntick 2\ntick 3\nthen\nmicro\ntimer tick\ntimer then\n"


def test_an_endless_chain_of_ticks_ends_at_the_time_limit(js: Any) -> None:
    # (Node hangs on it; queueing a promise job per tick ran out of memory instead)
    with pytest.raises(TimeLimitError):
        js.load("function again() { process.nextTick(again); }\nagain();\n")
    script = js.load("function f() { process.nextTick(() => console.log('after')); }\n")
    js.call(script, "f")
    assert js.text().endswith("after\n")


def test_next_tick_in_a_call_runs_with_its_jobs(js: Any) -> None:
    script = js.load("function f() { process.nextTick(() => console.log('tick')); return 1; }\n")
    assert js.call(script, "f") == 1
    assert js.text() == "tick\n"


def test_an_error_whose_message_getter_throws_keeps_its_line(js: Any) -> None:
    script = js.load(
        "class E extends Error { get message() { throw new E(); } }\n"
        "function main() {\n  throw new E();\n}\n"
    )
    with pytest.raises(ScriptRuntimeError) as info:
        js.call(script, "main")
    # V8 leaves the frames of E's (implicit) constructor out: the error is main's
    assert info.value.line == 3
    assert [f.function for f in info.value.traceback][-1:] == ["main"]


def test_process_is_only_output_and_empty_facts(js: Any) -> None:
    # process stands in for Node's, with nothing that reaches the host: no binding,
    # kill, cwd, memoryUsage or environment; exit ends the program (test_exit.py).
    script = js.load(
        "function main() { return [Object.keys(process).sort(), Object.keys(process.stdout),\n"
        "  ['binding', 'kill', 'cwd', 'dlopen', 'memoryUsage'].map((k) => typeof process[k])]; }\n"
    )
    assert js.call(script, "main") == [
        ["argv", "env", "exit", "exitCode", "nextTick", "stderr", "stdout"],
        ["write"],
        ["undefined"] * 5,
    ]


def test_a_top_level_return_keeps_the_scripts_functions(js: Any) -> None:
    script = js.load(
        "let kept = 3;\nfunction get() { return kept; }\nif (kept) return 1;\n"
        "function later() { return 'later'; }\nconsole.log('not run');\n"
    )
    assert js.call(script, "get") == 3
    assert js.call(script, "later") == "later"
    assert js.text() == ""


def test_quickjs_extras_are_absent_and_standard_built_ins_stay(js: Any) -> None:
    # InternalError and Function.prototype.lineNumber are QuickJS's own; a program
    # testing for them takes the branch it takes under V8
    script = js.load(
        "function main() { return [typeof InternalError, typeof main.lineNumber,\n"
        "  typeof main.fileName, typeof Object.groupBy, typeof Promise.withResolvers,\n"
        "  typeof Set.prototype.union, typeof [].values().map,\n"
        "  Object.keys(Object.groupBy([1, 2, 3], (n) => (n % 2 ? 'odd' : 'even')))]; }\n"
    )
    assert js.call(script, "main") == [
        "undefined",
        "undefined",
        "undefined",
        *["function"] * 4,
        ["odd", "even"],
    ]


def test_process_emits_exit_once_with_the_status(js: Any) -> None:
    script = js.load(
        "const seen = [];\n"
        "process.on('exit', (code) => { seen.push(code); process.exitCode = 5; });\n"
        "const self = process.once('tick', (a, b) => seen.push(a + b));\n"
        "function main() { return [self === process, process.emit('tick', 1, 2),\n"
        "  process.emit('tick', 1, 2), process.listenerCount('exit'), seen]; }\n"
    )
    assert js.call(script, "main") == [True, True, False, 1, [3]]


def test_util_types_inspects_older_form_and_deprecate_are_nodes(js: Any) -> None:
    script = js.load(
        "const util = require('util'), t = util.types;\n"
        "const fake = { [Symbol.toStringTag]: 'Date' };\n"
        "function main() { return [\n"
        "  [t.isDate(new Date()), t.isDate(fake), t.isDate(Date.prototype)],\n"
        "  [t.isRegExp(/x/g), t.isRegExp(RegExp.prototype), t.isRegExp('x')],\n"
        "  [t.isMap(new Map()), t.isSet(new Set()), t.isMap(new Set()),\n"
        "   t.isWeakMap(new WeakMap())],\n"
        "  [t.isTypedArray(new Uint8Array(1)), t.isUint8Array(new Int8Array(1)),\n"
        "   t.isArrayBuffer(new ArrayBuffer(1)), t.isNativeError(new TypeError('x'))],\n"
        "  [t.isAsyncFunction(async () => 1), t.isGeneratorFunction(function* () {}),\n"
        "   t.isAsyncFunction(() => 1), t.isBoxedPrimitive(Object(1)), t.isBoxedPrimitive(1)],\n"
        "  util.inspect({ a: { b: { c: { d: 1 } } } }, false, null),\n"
        "  util.inspect({ a: { b: { c: {} } } }, false, 0),\n"
        "  util.deprecate((x) => x * 2, 'old')(21)]; }\n"
    )
    assert js.call(script, "main") == [
        [True, False, False],
        [True, False, False],
        [True, True, False, True],
        [True, False, True, True],
        [True, True, False, True, False],
        "{\n  a: { b: { c: { d: 1 } } }\n}",
        "{ a: [Object] }",
        42,
    ]


def test_a_tick_queued_by_a_promise_job_runs_once_the_jobs_have_all_run(js: Any) -> None:
    js.load(
        "Promise.resolve().then(() => { console.log('p1');\n"
        "  process.nextTick(() => { console.log('tick'); Promise.resolve().then(() =>\n"
        "    console.log('job of the tick')); }); })\n"
        "  .then(() => console.log('p2')).then(() => console.log('p3'));\n"
        "queueMicrotask(() => console.log('micro'));\n"
    )
    assert js.text() == "p1\nmicro\np2\np3\ntick\njob of the tick\n"


def test_replaced_built_ins_have_v8s_and_nodes_lengths(js: Any) -> None:
    script = js.load(
        "function main() { return [String.prototype.localeCompare,\n"
        "  Number.prototype.toLocaleString, Date.prototype.toLocaleString,\n"
        "  Date.prototype.toLocaleDateString,\n"
        "  BigInt.prototype.toLocaleString, structuredClone, setTimeout, setInterval,\n"
        "  setImmediate].map((f) => f.length); }\n"
    )
    assert js.call(script, "main") == [1, 0, 0, 0, 0, 0, 5, 5, 4]


def test_math_hypot_gives_v8s_result_bit_for_bit(js: Any) -> None:
    # V8 sums the squares scaled by the largest argument, with Kahan's compensation:
    # for these pairs the correctly rounded result QuickJS's C library gives differs
    script = js.load(
        "function main() { return [Math.hypot(13.9, -1.2), Math.hypot(-5.2, 1),\n"
        "  Math.hypot(-17.3, -2), Math.hypot(1e-200, 3e-200), Math.hypot(NaN, Infinity),\n"
        "  Math.hypot(), Math.hypot(3, 4), Math.hypot(1.1, 2.2), Math.hypot.length]; }\n"
    )
    assert js.call(script, "main") == [
        13.951702405083044,
        5.2952809179494915,
        17.41522322567242,
        3.1622776601683794e-200,
        float("inf"),
        0,
        5,
        2.459674775249769,
        2,
    ]


PATHS = (
    "function main() {\n"
    "  const path = require('path');\n"
    "  const cases = ['', '/', '//', '///a', 'a/', '/a//b', '//a', 'a/b/c.js', '.index',\n"
    "    'index.', '.index.md', '..', '...', 'a/../', '../a/b/..', '/..', '/.hidden',\n"
    "    'file.tar.gz/'];\n"
    "  const rows = cases.map((c) => [path.normalize(c), path.dirname(c), path.basename(c),\n"
    "    path.extname(c), Object.values(path.parse(c)).join('|')].join(' '));\n"
    "  let bad;\n"
    "  try { path.join('a', 5); } catch (e) { bad = e.code + ' ' + e.message; }\n"
    "  return [rows, path.basename('aaa', 'a'), path.basename('/a/b.js/', '.js'),\n"
    "    path.join('a', '', '..', '..', 'b/'), path.resolve('/a/b', './c', '..', 'd'),\n"
    "    path.relative('/a/b/c', '/a/x'), path.relative('/a/b', '/a/bc'),\n"
    "    path.format({ dir: 'd', name: 'n', ext: 'e' }), path.posix === path, bad];\n"
    "}\n"
)


def test_path_is_nodes_posix_path(js: Any) -> None:
    # expected: what Node 20 gives (its odd cases too: parse('/..'), basename('aaa', 'a'))
    assert js.call(js.load(PATHS), "main") == [
        [
            ". .   ||||",
            "/ /   /|/|||",
            "/ /   /|/|||",
            "/a // a  /|//|a||a",
            "a/ . a  ||a||a",
            "/a/b /a/ b  /|/a/|b||b",
            "/a // a  /|/|a||a",
            "a/b/c.js a/b c.js .js |a/b|c.js|.js|c",
            ".index . .index  ||.index||.index",
            "index. . index. . ||index.|.|index",
            ".index.md . .index.md .md ||.index.md|.md|.index",
            ".. . ..  ||..||..",
            "... . ... . ||...|.|..",
            "./ a ..  |a|..||..",
            "../a ../a/b ..  |../a/b|..||..",
            "/ / ..  /|/|..|.|.",
            "/.hidden / .hidden  /|/|.hidden||.hidden",
            "file.tar.gz/ . file.tar.gz .gz ||file.tar.gz|.gz|file.tar",
        ],
        "aa",
        "b",
        "../b/",
        "/a/b/d",
        "../../x",
        "../bc",
        "d/n.e",
        True,
        'ERR_INVALID_ARG_TYPE The "path" argument must be of type string. Received type number (5)',
    ]


def test_timers_as_promises(js: Any) -> None:
    js.load(
        "const util = require('util'), sleep = util.promisify(setTimeout);\n"
        "const timers = require('node:timers/promises');\n"
        "sleep(100, 'slept').then(console.log);\n"
        "timers.setTimeout(50, 'timers').then(console.log);\n"
        "timers.setImmediate('immediate').then(console.log);\n"
        "console.log(typeof setTimeout[util.promisify.custom], sleep === timers.setTimeout);\n"
    )
    assert js.text() == "function true\nimmediate\ntimers\nslept\n"


def test_assert_strict_compares_strictly(js: Any) -> None:
    script = js.load(
        "const assert = require('assert'), strict = require('node:assert/strict');\n"
        "function main() { return [() => assert.equal(1, '1'), () => strict.equal(1, '1'),\n"
        "  () => assert.strict.deepEqual({ a: 1 }, { a: '1' }), () => strict(0)]\n"
        "  .map((f) => { try { f(); return 'passed'; } catch (e) { return e.code; } })\n"
        "  .concat([assert.strict === strict, strict.strict === strict]); }\n"
    )
    assert js.call(script, "main") == [
        "passed",
        "ERR_ASSERTION",
        "ERR_ASSERTION",
        "ERR_ASSERTION",
        True,
        True,
    ]


ASSERTIONS = (
    "function main() {\n"
    "  const assert = require('assert');\n"
    "  const t = (f) => { try { f(); return 'passed'; } catch (e) { return e.message; } };\n"
    "  return [\n"
    "    t(() => assert.deepStrictEqual({ a: 1 }, { a: 2 })),\n"
    "    t(() => assert.deepStrictEqual([1, 2, 3], [1, 2])),\n"
    "    t(() => assert.strictEqual('hello', 'world')),\n"
    "    t(() => assert.strictEqual(1, 2, 'custom')),\n"
    "    t(() => assert.strictEqual([1], [1])),\n"
    "    t(() => assert.deepStrictEqual({ name: 'x', tags: ['a', 'b'] },\n"
    "      { name: 'x', tags: ['a', 'c'] })),\n"
    "    t(() => assert.notStrictEqual('hello world', 'hello world')),\n"
    "    t(() => assert.notDeepStrictEqual([1, 2], [1, 2])),\n"
    "    t(() => assert.deepEqual({ b: 1, a: 2 }, { a: 3 })),\n"
    "    t(() => assert.notDeepEqual({ a: 1 }, { a: 1 })),\n"
    "    t(() => assert.deepEqual(2, [2])),\n"
    "    t(() => assert.deepStrictEqual(Array.from({ length: 12 }, (_, i) => i),\n"
    "      Array.from({ length: 12 }, (_, i) => (i === 6 ? -1 : i)))),\n"
    "  ];\n"
    "}\n"
)


def test_assertion_messages_are_nodes(js: Any) -> None:
    # Node 20's: the diff of the inspected lines (one entry a line, keys sorted) for
    # strictEqual and deepStrictEqual, the value once for the negations
    assert js.call(js.load(ASSERTIONS), "main") == [
        (
            "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  {\n"
            "+   a: 1\n-   a: 2\n  }"
        ),
        (
            "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  [\n"
            "    1,\n    2,\n+   3\n  ]"
        ),
        ("Expected values to be strictly equal:\n+ actual - expected\n\n+ 'hello'\n- 'world'"),
        "custom\n\n1 !== 2\n",
        "Values have same structure but are not reference-equal:\n\n[\n  1\n]\n",
        (
            "Expected values to be strictly deep-equal:\n+ actual - expected\n\n  {\n"
            "    name: 'x',\n    tags: [\n      'a',\n+     'b'\n-     'c'\n    ]\n  }"
        ),
        "Expected \"actual\" to be strictly unequal to:\n\n'hello world'",
        'Expected "actual" not to be strictly deep-equal to:\n\n[\n  1,\n  2\n]\n',
        (
            "Expected values to be loosely deep-equal:\n\n{\n  a: 2,\n  b: 1\n}\n\n"
            "should loosely deep-equal\n\n{\n  a: 3\n}"
        ),
        'Expected "actual" not to be loosely deep-equal to:\n\n{\n  a: 1\n}',
        (
            "Expected values to be loosely deep-equal:\n\n2\n\nshould loosely deep-equal\n"
            "\n[\n  2\n]"
        ),
        (
            "Expected values to be strictly deep-equal:\n"
            "+ actual - expected ... Lines skipped\n\n  [\n    0,\n...\n    4,\n    5,\n"
            "+   6,\n-   -1,\n    7,\n...\n    10,\n    11\n  ]"
        ),
    ]


def test_a_falsy_assertion_quotes_the_call_as_node_does(js: Any) -> None:
    script = js.load(
        "const assert = require('assert'), { ok } = assert, x = 3;\n"
        "const check = (v) => v > 5;\n"
        "const t = (f) => { try { f(); return 'passed'; } catch (e) { return e.message; } };\n"
        "function main() { return [t(() => assert(x > 5)), t(() => ok(null)),\n"
        "  t(() => assert(check(x))), t(() => assert(false, 'given')), t(() => assert()),\n"
        "  t(() => assert(x > 1))]; }\n"
    )
    falsy = "The expression evaluated to a falsy value:\n\n  "
    assert js.call(script, "main") == [
        falsy + "assert(x > 5)\n",
        falsy + "ok(null)\n",
        falsy + "assert(check(x))\n",
        "given",
        "No value argument passed to `assert.ok()`",
        "passed",
    ]
