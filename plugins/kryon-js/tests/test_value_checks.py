"""A value destructured or iterated that cannot be: V8's message and the line of the
statement (checks.py).  QuickJS said "Cannot convert undefined or null to object" at
the enclosing function's first line (a classic script's: line 1)."""

from __future__ import annotations

from typing import Any

import pytest

from kryon_core import ScriptRuntimeError

SHOWN = """\
const obj = { f() { return { g: undefined }; }, n: null, arr: [] }; let v; let i = 0;
const f = () => undefined;
function shown(g) { try { g(); return "no error"; } catch (e) { return String(e); } }
function all() {
  return [
    shown(() => { const { a } = v; }),
    shown(() => { const { a } = obj.n; }),
    shown(() => { const { a } = obj.arr[0]; }),
    shown(() => { const { a } = obj['x']; }),
    shown(() => { const { a } = obj.f(1).g; }),
    shown(() => { const { a } = f(); }),
    shown(() => { const { a } = obj.n ?? undefined; }),
    shown(() => { const { a } = obj.arr[i + 1]; }),
    shown(() => { const { a } = new Map().get(1); }),
    shown(() => { const { a = 1, b } = v; }),
    shown(() => { const {} = v; }),
    shown(() => { const { 'q-r': z } = null; }),
    shown(() => { const [a] = v; }),
    shown(() => { const [a] = null; }),
    shown(() => { const [a] = f(); }),
    shown(() => { const [a] = obj.f().g; }),
    shown(() => { for (const x of obj.n) {} }),
    shown(() => { for (const x of 42) {} }),
    shown(() => { for (const x of obj.f()) {} }),
    shown(() => { for (const x of obj.f().g) {} }),
    shown(() => { for (const [k, w] of new Map([[1, 2]]).get(1)) {} }),
    shown(() => { [...obj.n]; }),
    shown(() => { const { a } = { a: 1 }; const [b] = [2]; for (const c of [3]) {} }),
  ];
}
"""


def test_destructuring_and_for_of_errors_read_as_v8s(js: Any) -> None:
    assert js.call(js.load(SHOWN), "all") == [
        "TypeError: Cannot destructure property 'a' of 'v' as it is undefined.",
        "TypeError: Cannot destructure property 'a' of 'obj.n' as it is null.",
        "TypeError: Cannot destructure property 'a' of 'obj.arr[0]' as it is undefined.",
        "TypeError: Cannot destructure property 'a' of 'obj.x' as it is undefined.",
        "TypeError: Cannot destructure property 'a' of 'obj.f(...).g' as it is undefined.",
        "TypeError: Cannot destructure property 'a' of 'f(...)' as it is undefined.",
        "TypeError: Cannot destructure property 'a' of '(obj.n ?? undefined)' as it is undefined.",
        "TypeError: Cannot destructure property 'a' of 'obj.arr[(i + 1)]' as it is undefined.",
        "TypeError: Cannot destructure property 'a' of '(intermediate value).get(...)' as it"
        " is undefined.",
        "TypeError: Cannot read properties of undefined (reading 'a')",
        "TypeError: Cannot destructure 'v' as it is undefined.",
        "TypeError: Cannot destructure property 'q-r' of 'null' as it is null.",
        "TypeError: v is not iterable",
        "TypeError: null is not iterable",
        "TypeError: f is not a function or its return value is not iterable",
        "TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))",
        "TypeError: obj.n is not iterable",
        "TypeError: 42 is not iterable",
        "TypeError: obj.f is not a function or its return value is not iterable",
        "TypeError: obj.f.g is not iterable",
        "TypeError: Map.get is not a function or its return value is not iterable",
        "TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
        "no error",
    ]


@pytest.mark.parametrize(
    ("source", "line"),
    [
        (
            "let v;\nfunction t() {\n  if (!v) {\n    const { a } = v;\n  }\n}\nt();\n",
            4,
        ),
        ("let v;\nconst x = 1;   const { a } = v;\n", 2),
        ("const m = new Map();\n\nfor (const [k, w] of m.get('x')) {}\n", 3),
        ("const rows = {}\nconst [first] =\n  rows.list\n", 3),  # Node: 3 too
    ],
)
def test_the_error_names_the_statements_line(js: Any, source: str, line: int) -> None:
    with pytest.raises(ScriptRuntimeError) as info:
        js.load(source, "shapes.js")
    assert info.value.script == "shapes.js"
    assert info.value.line == line


def test_checked_code_reads_as_written(js: Any) -> None:
    # the inserted checks are not part of the function's source text, and a value
    # read by a getter is read once when it passes
    script = js.load(
        "let reads = 0;\n"
        "const o = { get p() { reads++; return { a: 1 }; } };\n"
        "function f(x) { const { a } = o.p; let [b = 2] = x; for (const c of x) b += c;"
        " return a + b; }\n"
        "function g() { return [f.toString(), f([5]), reads]; }\n"
    )
    source, value, reads = js.call(script, "g")
    assert source == (
        "function f(x) { const { a } = o.p; let [b = 2] = x; for (const c of x) b += c; "
        "return a + b; }"
    )
    assert (value, reads) == (11, 1)
