"""e.stack reads as V8 writes it: "Name: message", then frames in script terms."""

from __future__ import annotations

from typing import Any

import pytest

from kryon_core import RecursionLimitError, ScriptRuntimeError, TimeLimitError

STACKS = """\
function a() { return new Error('a'); }
const arrow = () => new TypeError('arrow');
class MyError extends Error {
  constructor(m) { super(m); this.name = 'MyError'; }
}
function lines(e) { return e.stack.split('\\n'); }
function report() {
  const out = [];
  out.push(lines(a()).join('|'));
  out.push(lines([1].map(() => arrow())[0]).join('|'));
  out.push(lines(new MyError('late name'))[0]);
  const renamed = new Error('before');
  renamed.message = 'after';
  out.push(lines(renamed)[0]);
  try { null.x; } catch (e) { out.push(lines(e)[0]); }
  return out;
}
const top = new RangeError('top');
function topStack() { return top.stack; }
"""


def test_stack_has_the_header_and_script_frames(js: Any) -> None:
    script = js.load(STACKS)
    assert js.call(script, "report") == [
        "Error: a|    at a (main.js:1:23)|    at report (main.js:9:18)",
        "TypeError: arrow|    at arrow (main.js:2:21)|    at main.js:10:32"
        "|    at map (native)|    at report (main.js:10:22)",
        "MyError: late name",
        "Error: after",
        "TypeError: Cannot read properties of null (reading 'x')",
    ]
    # a classic script's top level is Object.<anonymous>, as in Node
    assert js.call(script, "topStack") == (
        "RangeError: top\n    at Object.<anonymous> (main.js:18:13)"
    )


def test_stack_is_made_once_and_can_be_replaced(js: Any) -> None:
    script = js.load(
        "function f() {\n"
        "  const e = new Error('x');\n"
        "  const first = e.stack;\n"
        "  e.message = 'changed';\n"
        "  const same = e.stack === first;\n"
        "  e.stack = 'custom';\n"
        "  const d = Object.getOwnPropertyDescriptor(e, 'stack');\n"
        "  return [same, e.stack, d.enumerable, d.writable, Object.keys(e).length];\n"
        "}\n"
    )
    assert js.call(script, "f") == [True, "custom", False, True, 0]


def test_capture_stack_trace_gives_a_header_too(js: Any) -> None:
    script = js.load(
        "function make() { const o = { name: 'Custom', message: 'm' };"
        " Error.captureStackTrace(o); return o; }\n"
        "function f() { const o = make(); return [o.stack, Object.keys(o)]; }\n"
    )
    assert js.call(script, "f") == [
        "Custom: m\n    at make (main.js:1:87)\n    at f (main.js:2:26)",
        ["name", "message"],
    ]


def test_console_prints_the_same_stack(js: Any) -> None:
    script = js.load("function f() {\n  const e = new Error('boom');\n  console.log(e);\n}\n")
    js.call(script, "f")
    assert js.text() == "Error: boom\n    at f (main.js:2:13)\n"


def test_errors_reaching_the_host_keep_their_place(make_js: Any) -> None:
    js = make_js(time_limit_ms=50, recursion_limit=200)
    script = js.load(
        "function deep(n) {\n  return deep(n + 1) + 1;\n}\n"
        "function spin() {\n  let i = 0;\n  while (true) { i++; }\n}\n"
    )
    with pytest.raises(RecursionLimitError) as deep:
        js.call(script, "deep", 0)
    assert (deep.value.script, deep.value.line) == ("main.js", 2)
    with pytest.raises(TimeLimitError) as spin:
        js.call(script, "spin")
    # QuickJS places an interrupt at the start of the looping function
    assert (spin.value.script, spin.value.line) == ("main.js", 4)


def test_a_job_error_read_by_the_binding_keeps_its_place(make_js: Any) -> None:
    # The binding reads the stack of an interrupted job outside any callback: the
    # stack is written without calling the host (a host call there aborted Python).
    js = make_js(time_limit_ms=50)
    with pytest.raises(TimeLimitError) as spin:
        js.load("Promise.resolve().then(() => {\n  while (true) {}\n});\n")
    assert (spin.value.script, spin.value.line) == ("main.js", 1)


# Node v20 (checked): an error of a class extending Error is placed where `new C` was
# evaluated (V8 leaves out the frames of C's class chain), at the `new` itself.
SUBCLASSES = """\
class ValidationError extends Error {
  constructor(m) { super(m); this.name = 'ValidationError'; }
}
class FieldError extends ValidationError {
  constructor(field) {
    super(`${field} is invalid`);
    this.name = 'FieldError';
  }
}
class EmptyError extends FieldError {}
function check(v) {
  if (v === 1) throw new ValidationError('bad');
  if (v === 2) throw new FieldError('age');
  if (v === 3) throw new
    EmptyError('name');
  return new Error('plain');
}
function stacks() {
  const out = [];
  for (const v of [1, 2, 3]) {
    try { check(v); } catch (e) { out.push(e.stack.split('\\n').slice(0, 2).join('|')); }
  }
  out.push(check(0).stack.split('\\n')[1]);
  return out;
}
function show() {
  try { check(2); } catch (e) { console.log(e); }
}
"""


def test_subclass_errors_start_where_new_was_evaluated(js: Any) -> None:
    script = js.load(SUBCLASSES)
    assert js.call(script, "stacks") == [
        "ValidationError: bad|    at check (main.js:12:22)",
        "FieldError: age is invalid|    at check (main.js:13:22)",
        "FieldError: name is invalid|    at check (main.js:14:22)",
        "    at check (main.js:16:10)",
    ]
    js.call(script, "show")
    shown = js.text().splitlines()[:2]
    assert shown == ["FieldError: age is invalid", "    at check (main.js:13:22)"]
    with pytest.raises(ScriptRuntimeError) as info:
        js.call(script, "check", 3)
    assert (info.value.line, info.value.column) == (14, 22)
    assert [f.function for f in info.value.traceback] == ["check"]


def test_new_is_placed_at_its_keyword(js: Any) -> None:
    # Node: `new X(...)` frames point at `new`, whatever the callee expression
    script = js.load(
        "const ns = { E: Error };\n"
        "function top(e) { return e.stack.split('\\n')[1].trim(); }\n"
        "function a() { return new Error('a'); }\n"
        "function b() { return new   ns.E('b'); }\n"
        "function c() { return new (ns.E)('c'); }\n"
        "function d() { return new Error; }\n"
        "function e() { return Error('e'); }\n"
        "function all() { return [a(), b(), c(), d(), e()].map(top); }\n"
    )
    assert js.call(script, "all") == [
        "at a (main.js:3:23)",
        "at b (main.js:4:23)",
        "at c (main.js:5:23)",
        "at d (main.js:6:23)",
        "at e (main.js:7:23)",
    ]
