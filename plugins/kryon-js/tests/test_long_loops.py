"""Array methods QuickJS runs as C loops without polling the time limit: over a huge
sparse array they run the specification's steps in JavaScript (arrays.js), which
the limit interrupts, and give what Node gives."""

from __future__ import annotations

from typing import Any

import pytest

from kryon_core import TimeLimitError

HUGE_CALLS = [
    "x.join('')",
    "x.toString()",
    "x.reverse()",
    "x.sort()",
    "x.slice(0)",
    "x.splice(0, 0, 1)",
    "x.concat([1])",
    "[1].concat(x)",
    "x.copyWithin(0, 1)",
    "x.flat()",
    "x.flatMap((v) => v)",
    "x.toLocaleString()",
    "x.shift()",
    "x.unshift(1)",
]


@pytest.mark.parametrize("call", HUGE_CALLS)
def test_a_method_over_a_huge_sparse_array_ends_at_the_time_limit(make_js: Any, call: str) -> None:
    js = make_js(time_limit_ms=100)
    with pytest.raises(TimeLimitError):
        js.load(f"const x = []; x.length = 2 ** 32 - 1; {call};")
    script = js.load("function f() { return [3, 1, 2].sort().join(); }")
    assert js.call(script, "f") == "1,2,3"


# (expression over a sparse array of length 2**24 + 3, what Node 20 gives)
SPARSE = (
    "const N = 2 ** 24 + 3; const a = []; a.length = N; a[0] = 'z'; a[7] = 'b';"
    " a[N - 1] = 'a'; a[N - 2] = 3;"
)
SHOWN = "const show = (v) => [v.length, Object.keys(v).map((i) => i + ':' + v[i]).join(' ')];"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("show(a.sort())", [16777219, "0:3 1:a 2:b 3:z"]),
        ("show(a.reverse())", [16777219, "0:a 1:3 16777211:b 16777218:z"]),
        (
            "[show(a.splice(5, 3, 'X')), show(a)]",
            [[3, "2:b"], [16777217, "0:z 5:X 16777215:3 16777216:a"]],
        ),
        ("show(a.slice(-2).concat(['c'], 'd'))", [4, "0:3 1:a 2:c 3:d"]),
        ("[a.shift(), show(a)]", ["z", [16777218, "6:b 16777216:3 16777217:a"]]),
        (
            "[a.unshift('p', 'q'), show(a)]",
            [16777221, [16777221, "0:p 1:q 2:z 9:b 16777219:3 16777220:a"]],
        ),
        ("show(a.flatMap((v, i) => (i === 7 ? [v, [v]] : v)))", [5, "0:z 1:b 2:b 3:3 4:a"]),
        ("a.toLocaleString().length", 16777222),
    ],
)
def test_the_steps_give_what_node_gives(make_js: Any, expression: str, expected: Any) -> None:
    js = make_js(time_limit_ms=None, memory_limit_mb=None)
    script = js.load(f"function f() {{ {SPARSE} {SHOWN} return {expression}; }}")
    assert js.call(script, "f") == expected
