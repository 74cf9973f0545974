"""JSON.parse and JSON.stringify fail with V8's messages (expected texts from Node 20)."""

from __future__ import annotations

import json
from typing import Any

import pytest

PARSE = [
    ("{bad json}", "Expected property name or '}' in JSON at position 1"),
    ("", "Unexpected end of JSON input"),
    ("[1 2]", "Expected ',' or ']' after array element in JSON at position 3"),
    ('{"a":1 "b":2}', "Expected ',' or '}' after property value in JSON at position 7"),
    ('{"a":1,}', "Expected double-quoted property name in JSON at position 7"),
    ('{"a":1, "b"}', 'Unexpected token \'}\', "{"a":1, "b"}" is not valid JSON'),
    ("[1,]", "Unexpected token ']', \"[1,]\" is not valid JSON"),
    ("x" * 30, "Unexpected token 'x', \"xxxxxxxxxx\"... is not valid JSON"),
    ("undefined", '"undefined" is not valid JSON'),
    ("tru", "Unexpected end of JSON input"),
    ("01", "Unexpected number in JSON at position 1"),
    ("1.", "Unterminated fractional number in JSON at position 2"),
    ('"\\u12x4"', "Bad Unicode escape in JSON at position 5"),
    ('"abc', "Unterminated string in JSON at position 4"),
    ('{"a":1}x', "Unexpected non-whitespace character after JSON at position 7"),
]


@pytest.mark.parametrize(("source", "message"), PARSE)
def test_parse_errors_say_what_node_says(js: Any, source: str, message: str) -> None:
    script = js.load(
        "function f(s) { try { JSON.parse(s); } catch (e) { return [e.name, e.message]; } }"
    )
    assert js.call(script, "f", source) == ["SyntaxError", message]


def test_stringify_errors_say_what_node_says(js: Any) -> None:
    script = js.load(
        "function m(f) { try { f(); } catch (e) { return e.message; } }\n"
        "function f() {\n"
        "  const root = { name: 'r' }; let cur = root;\n"
        "  for (let i = 0; i < 5; i++) { const next = {}; cur['k' + i] = next; cur = next; }\n"
        "  cur.back = root;\n"
        "  const list = [1]; list.push(list);\n"
        "  class Foo { constructor() { this.me = this; } }\n"
        "  return [m(() => JSON.stringify(root)), m(() => JSON.stringify(list)),\n"
        "          m(() => JSON.stringify({ x: [new Foo()] })),\n"
        "          m(() => JSON.stringify({ b: 1n })),\n"
        "          JSON.stringify({ a: [1, { b: 2 }] }, null, 2),\n"
        "          JSON.parse.name, JSON.stringify.length];\n"
        "}\n"
    )
    start = "Converting circular structure to JSON\n    --> starting at object with constructor"
    assert js.call(script, "f") == [
        f"{start} 'Object'\n"
        "    |     property 'k0' -> object with constructor 'Object'\n"
        "    |     property 'k1' -> object with constructor 'Object'\n"
        "    |     ...\n"
        "    |     property 'k4' -> object with constructor 'Object'\n"
        "    --- property 'back' closes the circle",
        f"{start} 'Array'\n    --- index 1 closes the circle",
        f"{start} 'Foo'\n    --- property 'me' closes the circle",
        "Do not know how to serialize a BigInt",
        json.dumps({"a": [1, {"b": 2}]}, indent=2),
        "parse",
        3,
    ]


def test_json_nested_past_quickjs_parser_parses_as_in_node(js: Any) -> None:
    # QuickJS's recursive parser overflowed its stack near 3,000 levels; V8's is iterative
    script = js.load(
        "function f(n) {\n"
        '  const leaf = \'{"a": [true, null, "x\\\\n"], "__proto__": -1.5e3, "a": 2}\';\n'
        "  let y = JSON.parse('['.repeat(n) + '0, ' + leaf + ']'.repeat(n)), depth = 1;\n"
        "  while (Array.isArray(y[0])) { y = y[0]; depth++; }\n"
        "  const o = y[1];\n"
        "  return [depth, y[0], JSON.stringify(o), Object.getPrototypeOf(o) === Object.prototype,\n"
        "    Object.keys(o)];\n"
        "}\n"
    )
    assert js.call(script, "f", 6000) == [
        6000,
        0,
        '{"a":2,"__proto__":-1500}',
        True,
        ["a", "__proto__"],
    ]
