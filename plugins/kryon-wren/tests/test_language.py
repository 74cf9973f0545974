# ruff: noqa: E501 - each Wren snippet reads best on one line
"""Wren language semantics: each snippet's printed output is checked exactly."""

from __future__ import annotations

import pytest
from kryon_wren.runner import run_source as run_wren

CASES: list[tuple[str, str, str]] = [
    ("arithmetic", "System.print(1 + 2 * 3 - 4 / 8)", "6.5\n"),
    ("integers print without fraction", "System.print(10 / 2)\nSystem.print(1e20)", "5\n1e+20\n"),
    ("modulo keeps dividend sign", "System.print(-7 % 3)\nSystem.print(7 % -3)", "-1\n1\n"),
    (
        "division by zero",
        "System.print(1 / 0)\nSystem.print(-1 / 0)\nSystem.print(0 / 0)",
        "infinity\n-infinity\nnan\n",
    ),
    (
        "bitwise on uint32",
        "System.print(5 & 3)\nSystem.print(~0)\nSystem.print(1 << 31)",
        "1\n4294967295\n2147483648\n",
    ),
    ("zero is truthy", 'if (0) System.print("yes") else System.print("no")', "yes\n"),
    ("empty string and list are truthy", 'System.print(!"" || ![])', "false\n"),
    (
        "logical operators return operands",
        "System.print(null || 3)\nSystem.print(1 && 2)",
        "3\n2\n",
    ),
    ("conditional operator", "System.print(true ? 1 : 2)\nSystem.print(null ? 1 : 2)", "1\n2\n"),
    (
        "string interpolation nests",
        'var x = 2\nSystem.print("a %(x) b %("c %(x + 1)") d")',
        "a 2 b c 3 d\n",
    ),
    ("string escapes", 'System.print("tab\\tq\\"\\u0041\\x41")', 'tab\tq"AA\n'),
    ("raw strings", 'System.print("""\n  raw %(x)\n  """)', "  raw %(x)\n"),
    (
        "ranges iterate both ways",
        "for (i in 3..1) System.write(i)\nfor (i in 1...3) System.write(i)",
        "32112",
    ),
    (
        "list methods",
        "var l = [3, 1, 2]\nl.add(4)\nl.sort()\nSystem.print(l)\nSystem.print(l[-1])\n"
        "System.print(l[1..2])\nSystem.print(l.indexOf(3))\nl.removeAt(0)\nSystem.print(l.count)",
        "[1, 2, 3, 4]\n4\n[2, 3]\n2\n3\n",
    ),
    (
        "map methods",
        'var m = {"a": 1, 2: "b", true: 3, null: 4}\nSystem.print(m["a"])\nSystem.print(m[2])\n'
        "System.print(m[true])\nSystem.print(m[1])\nSystem.print(m.count)\n"
        'System.print(m.containsKey("a"))\nSystem.print(m.remove("a"))\nSystem.print(m.count)',
        "1\nb\n3\nnull\n4\ntrue\n1\n3\n",
    ),
    (
        "lazy sequences",
        "var s = (1..10).where {|x| x % 2 == 0 }.map {|x| x * x }\nSystem.print(s.toList)\n"
        "System.print((1..100).skip(3).take(2).toList)\nSystem.print([1, 2, 3].reduce {|a, b| a + b })\n"
        'System.print([1, 2, 3].join(", "))\nSystem.print((1..3).all {|x| x > 0 })',
        "[4, 16, 36, 64, 100]\n[4, 5]\n6\n1, 2, 3\ntrue\n",
    ),
    (
        "strings are byte indexed",
        'var s = "héllo"\nSystem.print(s.count)\nSystem.print(s[1])\n'
        'System.print(s.bytes.count)\nSystem.print(s.indexOf("l"))',
        "5\né\n6\n3\n",
    ),
    (
        "string methods",
        'System.print("a,b,c".split(","))\nSystem.print("  x ".trim())\n'
        'System.print("abc".contains("bc"))\nSystem.print("ab" * 3)\nSystem.print("abc".replace("b", "X"))',
        "[a, b, c]\nx\ntrue\nababab\naXc\n",
    ),
    (
        "classes, fields, getters and setters",
        "class P {\n  construct new(x) { _x = x }\n  x { _x }\n  x=(v) { _x = v }\n"
        '  +(o) { P.new(_x + o.x) }\n  toString { "P(%(_x))" }\n}\nvar p = P.new(1)\np.x = 5\n'
        "System.print(p + P.new(2))",
        "P(7)\n",
    ),
    (
        "overloading by arity",
        'class A {\n  static f { "getter" }\n  static f() { "zero" }\n  static f(a) { "one" }\n'
        '  static f(a, b) { "two" }\n}\nSystem.print([A.f, A.f(), A.f(1), A.f(1, 2)])',
        "[getter, zero, one, two]\n",
    ),
    (
        "subscript operators",
        "class G {\n  construct new() { _m = {} }\n  [x, y] { _m[x * 10 + y] }\n"
        '  [x, y]=(v) { _m[x * 10 + y] = v }\n}\nvar g = G.new()\ng[1, 2] = "v"\nSystem.print(g[1, 2])',
        "v\n",
    ),
    (
        "inheritance and super",
        'class A {\n  construct new(n) { _n = n }\n  name { "A%(_n)" }\n}\n'
        'class B is A {\n  construct new() { super(7) }\n  name { "B" + super.name }\n}\n'
        "System.print(B.new().name)\nSystem.print(B.new() is A)\nSystem.print(B.supertype)",
        "BA7\ntrue\nA\n",
    ),
    (
        "static fields are per class",
        "class C {\n  static inc() {\n    if (__n == null) __n = 0\n    __n = __n + 1\n    return __n\n  }\n}\n"
        "C.inc()\nSystem.print(C.inc())",
        "2\n",
    ),
    (
        "closures capture a fresh variable per iteration",
        "var fns = []\nfor (i in 1..3) fns.add(Fn.new { i })\nSystem.print(fns.map {|f| f.call() }.toList)",
        "[1, 2, 3]\n",
    ),
    (
        "closures share mutable variables",
        "var counter = Fn.new {\n  var n = 0\n  return Fn.new { n = n + 1 }\n}.call()\n"
        "counter.call()\nSystem.print(counter.call())",
        "2\n",
    ),
    (
        "block scoping and shadowing",
        'var a = "outer"\n{\n  var a = "inner"\n  System.print(a)\n}\nSystem.print(a)',
        "inner\nouter\n",
    ),
    (
        "break and continue",
        "for (i in 1..10) {\n  if (i % 2 == 0) continue\n  if (i > 7) break\n  System.write(i)\n}",
        "1357",
    ),
    ("while loops", "var i = 0\nwhile (i < 3) i = i + 1\nSystem.print(i)", "3\n"),
    (
        "user sequences in for loops",
        "class Count is Sequence {\n  construct new(n) { _n = n }\n"
        "  iterate(i) { i == null ? 1 : (i < _n ? i + 1 : false) }\n  iteratorValue(i) { i * 10 }\n}\n"
        "for (x in Count.new(3)) System.write(x)\nSystem.print()\nSystem.print(Count.new(4).count)",
        "102030\n4\n",
    ),
    (
        "fn arity and extra arguments",
        "var f = Fn.new {|a, b| a }\nSystem.print(f.arity)\nSystem.print(f.call(1, 2, 3))",
        "2\n1\n",
    ),
    (
        "fibers yield and resume",
        "var f = Fiber.new {|x|\n  var y = Fiber.yield(x + 1)\n  return y * 2\n}\n"
        "System.print(f.call(1))\nSystem.print(f.call(10))\nSystem.print(f.isDone)",
        "2\n20\ntrue\n",
    ),
    (
        "fiber try catches errors",
        'var f = Fiber.new { Fiber.abort("bad") }\nSystem.print(f.try())\nSystem.print(f.error)',
        "bad\nbad\n",
    ),
    (
        "Fiber.current and transfer",
        "var main = Fiber.current\nvar f = Fiber.new { main.transfer(5) }\nSystem.print(f.transfer())",
        "5\n",
    ),
    (
        "class objects and metaclasses",
        "class Foo {}\nSystem.print(Foo.name)\nSystem.print(Foo.type)\nSystem.print(Foo.type.type)\n"
        "System.print(1.type)\nSystem.print(Foo is Class)",
        "Foo\nFoo metaclass\nClass\nNum\ntrue\n",
    ),
    (
        "num methods",
        "System.print(2.pow(10))\nSystem.print((-3.7).abs)\nSystem.print(3.7.floor)\n"
        "System.print(2.5.round)\nSystem.print(9.sqrt)\nSystem.print(1.5.isInteger)\n"
        'System.print(Num.fromString("42") + 1)',
        "1024\n3.7\n3\n3\n3\nfalse\n43\n",
    ),
    (
        "bools are not numbers",
        "var t = true\nvar z = 0\nSystem.print([t == 1, z == false, t != 1])",
        "[false, false, true]\n",
    ),
    (
        "null and bool",
        "System.print(null)\nSystem.print(!null)\nSystem.print(true == 1)",
        "null\ntrue\nfalse\n",
    ),
    (
        "equality of values",
        'System.print("a" == "a")\nSystem.print(1..2 == 1..2)\nSystem.print([] == [])',
        "true\ntrue\nfalse\n",
    ),
    (
        "methods see implicit this calls",
        "class A {\n  construct new() {}\n  a { b + 1 }\n  b { 41 }\n}\nSystem.print(A.new().a)",
        "42\n",
    ),
    (
        "capitalized module variables can be used before their definition in functions",
        "var f = Fn.new { Later }\nvar Later = 5\nSystem.print(f.call())",
        "5\n",
    ),
    ("newlines inside expressions", "var x = 1 +\n  2\nSystem.print([\n  x,\n  3\n])", "[3, 3]\n"),
]


@pytest.mark.parametrize(
    ("source", "expected"), [(s, e) for _, s, e in CASES], ids=[name for name, _, _ in CASES]
)
def test_snippet_output(source: str, expected: str) -> None:
    assert run_wren(source) == expected


def test_checked_mode_matches_fast_mode() -> None:
    for _, source, expected in CASES:
        assert run_wren(source, checks=True) == expected


def test_runtime_attributes_reach_the_class() -> None:
    source = (
        "// attributes\n"
        "#!role = admin\n"
        "#!tags(a, b = 2)\n"
        "#compileOnly\n"
        "class C {\n"
        "  #!deprecated\n"
        "  static old() {}\n"
        "}\n"
        "System.print(C.attributes.self)\n"
        'System.print(C.attributes.methods["static old()"])\n'
    )
    # Maps print in the reference's hash-table slot order.
    assert run_wren(source) == (
        "{tags: {b: [2], a: [null]}, null: {role: [admin]}}\n{null: {deprecated: [null]}}\n"
    )


def test_class_attributes_print_as_the_reference() -> None:
    source = "// c\n#!key = 1\nclass A {\n  #!m\n  foo() {}\n}\nSystem.print(A.attributes)\n"
    assert (
        run_wren(source) == "attributes:{null: {key: [1]}} methods:{foo(): {null: {m: [null]}}}\n"
    )


@pytest.mark.parametrize("checks", [False, True])
def test_a_field_only_assigned_new_objects_may_still_be_null(checks: bool) -> None:
    # Calls on such a field skip the test for native values, except for the
    # methods null answers: before its first assignment it is null.
    src = (
        "class A {\n"
        "  construct new() {}\n"
        "  fill() { _items = [] }\n"
        '  show { "%(_items.toString) %(_items.type) %(!_items) %(_items == null)" }\n'
        "}\n"
        "var a = A.new()\n"
        "System.print(a.show)\n"
        "a.fill()\n"
        "System.print(a.show)\n"
    )
    assert run_wren(src, checks=checks) == "null Null true true\n[] List false false\n"


@pytest.mark.parametrize("checks", [False, True])
def test_a_module_variable_used_before_its_definition_runs_is_null(checks: bool) -> None:
    src = (
        "class A {\n"
        '  static f() { "%(Items.type) %(Items.toString) %(B.type)" }\n'
        "}\n"
        "System.print(A.f())\n"
        "var Items = [1]\n"
        "class B {}\n"
        "System.print(A.f())\n"
    )
    assert run_wren(src, checks=checks) == "Null null Null\nList [1] B metaclass\n"


@pytest.mark.parametrize("checks", [False, True])
def test_a_static_method_named_new_may_answer_a_value(checks: bool) -> None:
    # Only a constructor surely makes an object: a variable or field set from
    # a static `new` keeps the tests for native values (and for Python's
    # 1 == true).
    src = (
        "class Twice {\n"
        "  static new(x) { x * 2 }\n"
        "}\n"
        "class Box {\n"
        "  construct make() { _v = Twice.new(-3) }\n"
        "  v { _v.abs }\n"
        "}\n"
        "var n = Twice.new(-4)\n"
        "var t = Twice.new(0.5)\n"
        "System.print([n.abs, Box.make().v, t == true])\n"
    )
    assert run_wren(src, checks=checks) == "[8, 6, false]\n"


@pytest.mark.parametrize("checks", [False, True])
def test_super_in_a_static_method_reaches_class_not_the_superclass_statics(checks: bool) -> None:
    # A metaclass's superclass is Class (metaclasses do not parallel the class
    # hierarchy): `super.make()` in a static method does not find Base.make().
    src = (
        "class Base {\n"
        '  static make() { "base make" }\n'
        "}\n"
        "class D is Base {\n"
        "  static make() { super.make() }\n"
        '  static describe { super.toString + " " + super.name }\n'
        "}\n"
        "System.print(D.describe)\n"
        "System.print(Fiber.new { D.make() }.try())\n"
    )
    assert run_wren(src, checks=checks) == "D D\nClass does not implement 'make()'.\n"


@pytest.mark.parametrize("checks", [False, True])
def test_take_and_skip_of_an_integer_past_the_machine_size(checks: bool) -> None:
    # take(1e300) was an internal error (itertools refuses such a count).
    src = "System.print([[1, 2, 3].take(1e300).toList, [1, 2, 3].skip(1e300).toList])"
    assert run_wren(src, checks=checks) == "[[1, 2, 3], []]\n"
