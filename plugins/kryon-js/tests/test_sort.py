"""Array.prototype.sort and toSorted with a comparison function sort as V8 does
(sort.js, V8's TimSort written step for step): an inconsistent function gives V8's
result and a printing one is called with V8's pairs in V8's order."""

from __future__ import annotations

from typing import Any

SORTS = (
    "function main() {\n"
    "  let s = 7; const r = () => (s = s * 16807 % 2147483647) / 2147483647;\n"
    "  const base = Array.from({ length: 300 }, () => Math.floor(r() * 100));\n"
    "  for (let i = 0; i < 300; i += 23) {\n"
    "    base.splice(i, 0, ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(x => x * 11));\n"
    "  }\n"
    "  let h = 0;\n"
    "  const hashed = base.slice().sort((a, b) => {\n"
    "    h = (h * 31 + a * 7 + b) % 1000000007; return a - b; });\n"
    "  const calls = [];\n"
    "  [4, 2, 3, 1].sort((a, b) => { calls.push(a + '-' + b); return a - b; });\n"
    "  const sparse = [3, , undefined, 1, , 2, undefined];\n"
    "  sparse.sort((a, b) => a - b);\n"
    "  return [\n"
    "    [5, 1, 4, 2, 3].sort((a, b) => a > b),\n"
    "    [3, 1, 2].sort(() => -1), [3, 1, 2].sort(() => 1),\n"
    "    [{ n: 'a', a: 3 }, { n: 'b', a: 1 }, { n: 'c', a: 3 }, { n: 'd', a: 2 },\n"
    "     { n: 'e', a: 1 }]\n"
    "      .sort((x, y) => x.a < y.a).map((p) => p.n).join(''),\n"
    "    Array.from({ length: 30 }, (_, i) => (i * 7) % 30).sort((a, b) => a < b).join(),\n"
    "    h, hashed.length, calls.join(' '),\n"
    "    [sparse.length, Object.keys(sparse).join(), String(sparse)],\n"
    "    String([3, , undefined, 1].toSorted((a, b) => b - a)),\n"
    "    Array.from({ length: 5000 }, (_, i) => (i * 7919) % 5000).sort((a, b) => a - b)\n"
    "      .every((v, i) => v === i),\n"
    "  ];\n"
    "}\n"
)


def test_a_comparison_function_is_called_as_v8_calls_it(js: Any) -> None:
    # expected: what Node 20 gives for the same function
    assert js.call(js.load(SORTS), "main") == [
        [5, 1, 4, 2, 3],
        [2, 1, 3],
        [3, 1, 2],
        "abcde",
        "0,7,14,21,28,5,12,19,26,3,10,17,24,1,8,15,22,29,6,13,20,27,4,11,18,25,2,9,16,23",
        925356429,
        426,
        "2-4 3-2 3-4 3-2 1-3 1-2",
        [7, "0,1,2,3,4", "1,2,3,,,,"],
        "3,1,,",
        True,
    ]
