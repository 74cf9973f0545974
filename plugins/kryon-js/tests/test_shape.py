"""The tokenizer and top-level scanner (exports, declarations, module rewriting)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from kryon_js.lexer import tokenize
from kryon_js.shape import DYNAMIC_IMPORT, scan
from kryon_js.source import FIRST_LINE, LineBands

CLASSIC = """\
"use strict";
// function commented() {}
const re = /function x\\(/g, tpl = `a ${ {b: 1}.b } function y(){}`;
let a = 1, b = [1, 2], {c, d: e} = {c: 1, d: 2};
function f(x, y = 2, ...rest) { function inner() {} return `${x}`; }
async function g() {}
function* gen(n) {}
const h = function named() {};
class K {}
if (a / 2 > 1) { function blockLevel() {} }
foo()
function afterAsi(q) {}
"""


def test_classic_exports_are_top_level_function_declarations() -> None:
    shape = scan(CLASSIC, module=False)
    assert shape.strict
    assert list(shape.functions) == ["f", "g", "gen", "afterAsi"]
    f = shape.functions["f"]
    assert (f.line, f.params, f.variadic) == (5, ("x", "y", "rest"), True)
    assert shape.functions["g"].is_async and shape.functions["gen"].is_generator
    assert {"re", "tpl", "a", "b", "c", "e", "h", "K"} <= set(shape.declared)
    assert "inner" not in shape.declared and "blockLevel" not in shape.functions


def test_module_rewrite_keeps_lines_and_columns() -> None:
    source = (
        "import {add, sub as minus} from './math.mjs';\n"
        "export function exported(a) { return add(a, 1); }\n"
        "export const K1 = 1, K2 = 2;\n"
        "export default 40 + 2;\n"
        "export { minus as less };\n"
        "const later = import('dyn');\n"
    )
    shape = scan(source, module=True)
    assert shape.imports == ["./math.mjs"]
    assert shape.exports == {
        "exported": "exported",
        "K1": "K1",
        "K2": "K2",
        "default": "$kdflt$",
        "less": "minus",
    }
    rewritten = shape.rewrite(source)
    assert rewritten.count("\n") == source.count("\n")
    lines, original = rewritten.splitlines(), source.splitlines()
    assert lines[1].index("function exported") == original[1].index("function exported")
    assert lines[3] == "const $kdflt$= 40 + 2;"
    assert lines[5].index(DYNAMIC_IMPORT + "(") == original[5].index("import(")


def test_tokens_know_strings_templates_regexes_and_comments() -> None:
    tokens = tokenize("a = `x${ `y${1}` }z` / 2; b = /[/]\\//.test(s) // c\n'd\\'e'")
    kinds = [(t.kind, t.text) for t in tokens]
    assert ("regex", "/[/]\\//") in kinds and ("str", "'d\\'e'") in kinds
    assert ("punct", "/") in kinds  # the division after the template
    assert tokens[-1].line == 2 and tokens[-1].newline


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_tokenizer_and_scanner_never_crash(source: str) -> None:
    for token in tokenize(source):
        assert source[token.start : token.end] == token.text
    scan(source, module=True).rewrite(source)
    scan(source, module=False)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 60), st.booleans()), min_size=1, max_size=12))
def test_line_bands_never_overlap(operations: list[tuple[int, bool]]) -> None:
    bands = LineBands()
    live: dict[int, tuple[str, int]] = {}
    for n, (size, drop) in enumerate(operations):
        base = bands.allocate(f"s{n}", size)
        assert base >= FIRST_LINE
        live[base] = (f"s{n}", size)
        if drop and len(live) > 1:
            victim = next(iter(live))
            bands.release(victim)
            del live[victim]
        for start, (script, lines) in live.items():
            assert bands.locate(start + 1) == (script, 1)
            assert bands.locate(start + lines) == (script, lines)
    assert bands.locate(FIRST_LINE - 1) is None
