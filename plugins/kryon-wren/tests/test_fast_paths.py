"""The generated code's shortcuts give Wren's answers (in fast and checked mode)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kryon_wren.exprgen import primitive_methods
from kryon_wren.runner import run_source
from kryon_wren.runtime.fiber import FatalError
from kryon_wren.vm import Limits

MODES = [False, True]


@pytest.mark.parametrize("checks", MODES)
def test_methods_missing_on_native_values_name_their_class(checks: bool) -> None:
    src = (
        'var x = 1\nvar n = null\nvar s = "s"\nvar t = true\n'
        "System.print(Fiber.new { x.foo }.try())\n"
        "System.print(Fiber.new { n.foo(1) }.try())\n"
        "System.print(Fiber.new { s.bar(1, 2) }.try())\n"
        "System.print(Fiber.new { t.baz = 3 }.try())\n"
        "System.print(Fiber.new { x.foo = 3 }.try())\n"
        "System.print(Fiber.new { [1][0].nope }.try())\n"
    )
    assert run_source(src, checks=checks) == (
        "Num does not implement 'foo'.\n"
        "Null does not implement 'foo(_)'.\n"
        "String does not implement 'bar(_,_)'.\n"
        "Bool does not implement 'baz=(_)'.\n"
        "Num does not implement 'foo=(_)'.\n"
        "Num does not implement 'nope'.\n"
    )


@pytest.mark.parametrize("checks", MODES)
def test_native_values_still_answer_their_own_methods(checks: bool) -> None:
    src = 'var x = -2\nvar s = "abc"\nSystem.print([x.abs, s.count, true.toString, null.type])'
    assert run_source(src, checks=checks) == "[2, 3, true, Null]\n"


def test_primitive_methods_cover_the_core_classes() -> None:
    names = primitive_methods()
    assert {"g_abs", "g_count", "g_toString", "b_eq", "m_contains_1"} <= names
    assert "g_output" not in names


@pytest.mark.parametrize("checks", MODES)
def test_equality_never_mixes_bools_and_numbers(checks: bool) -> None:
    src = (
        'var ONE = 1\nvar ZERO = 0\nvar TWO = 2\nvar NAME = "n"\n'
        "class P {\n  construct new() {}\n  ==(o) { o == 2 }\n}\n"
        "var p = P.new()\n"
        "var t = true\nvar f = false\nvar x = 1\nvar n = null\n"
        "System.print([t == 1, x == true, 1 == true, 0 == false, f == ZERO, t == ONE])\n"
        "System.print([t != 1, f != 0, t != ONE, n == null, n != null, x == TWO])\n"
        '[NAME == "n", TWO == 2, 2 == TWO, p == 2, p == 3, p == p, NAME == 1].each {|v|\n'
        "  System.write(v)\n}\nSystem.print()\n"
    )
    assert run_source(src, checks=checks) == (
        "[false, false, false, false, false, false]\n"
        "[true, true, true, true, false, false]\n"
        "truetruetruetruefalsetruefalse\n"
    )


def test_module_constants_compared_before_their_declaration_are_null() -> None:
    src = (
        "class A {\n  static isLimit(x) { x == LIMIT }\n}\n"
        "System.print(A.isLimit(null))\n"
        "var LIMIT = 5\n"
        "System.print([A.isLimit(null), A.isLimit(5)])\n"
    )
    assert run_source(src) == "true\n[false, true]\n"


def test_step_budget_survives_a_limit_error() -> None:
    # After a limit error the budget goes on: the next run counts again.
    limits = Limits(instruction_limit=5_000)
    for _ in range(3):
        with pytest.raises(FatalError):
            run_source("while (true) {}", checks=True, limits=limits)
    assert run_source("var i = 0\nwhile (i < 100) i = i + 1\nSystem.print(i)", checks=True) == (
        "100\n"
    )


@pytest.mark.parametrize("checks", MODES)
def test_interpolation_keeps_every_character(checks: bool) -> None:
    src = (
        'var a = "x"\nvar n = 1.5\n'
        'System.print("{%(a)} \\"q\\" \'q\' \\\\ # %(n)%(null)%(true) é \\u0001 {}")\n'
        'System.print("%(a)%("in" + "ner")%([1, "s"])")\n'
    )
    assert run_source(src, checks=checks) == (
        "{x} \"q\" 'q' \\ # 1.5nulltrue é \x01 {}\nxinner[1, s]\n"
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            # Without NUL: printing stops at one, as in the reference CLI.
            st.text(
                alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"),
                max_size=6,
            ),
            st.integers(-5, 5),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_interpolation_matches_concatenation(parts: list[str | int]) -> None:
    def wren_string(text: str) -> str:
        out = []
        for ch in text:
            if ch in '"\\%':
                out.append("\\" + ch)
            elif ord(ch) < 0x20 or ord(ch) == 0x7F:
                out.append(f"\\x{ord(ch):02x}")
            else:
                out.append(ch)
        return "".join(out)

    pieces = []
    expected = []
    for p in parts:
        if isinstance(p, int):
            pieces.append(f"%({p})")
            expected.append(str(p))
        else:
            pieces.append(wren_string(p))
            expected.append(p)
    pieces.append("%(0)")
    expected.append("0")
    out = run_source('System.write("' + "".join(pieces) + '")')
    assert out == "".join(expected)


@pytest.mark.parametrize("checks", MODES)
def test_for_over_a_range_literal_iterates_as_the_range_object_does(checks: bool) -> None:
    ends = ["1, 3", "3, 1", "1, 1", "0.5, 2", "1, -1", "2, 2.5", "-1.5, -3"]
    lines = ["var out = []", "var r = null"]
    for pair in ends:
        a, b = pair.split(", ")
        for op in ("..", "..."):
            lines.append(f"for (i in {a}{op}{b}) out.add(i)")
            lines.append(f'out.add("|")\nr = {a}{op}{b}\nfor (i in r) out.add(i)\nout.add("/")')
    lines.append("System.print(out.join())")
    lines.append('System.print(Fiber.new {\n  for (i in "a"..1) {}\n}.try())')
    lines.append('System.print(Fiber.new {\n  for (i in 1..."a") {}\n}.try())')
    out, bad_left, bad_right, _ = run_source("\n".join(lines), checks=checks).split("\n")
    for part in out.split("/")[:-1]:
        literal, held = part.split("|")
        assert literal == held
    assert out.startswith("123|123/12|12/321|321/32|32/1|1/|/0.51.5|0.51.5/")
    assert bad_left == "String does not implement '..(_)'."
    assert bad_right == "Right hand side of range must be a number."


@pytest.mark.parametrize("checks", MODES)
def test_subscripts_of_every_receiver_keep_their_answers_and_errors(checks: bool) -> None:
    src = """
class Grid {
  construct new() {}
  [i] { "cell %(i)" }
}
var l = [10, 20, 30]
var values = [l[0], l[-1], l[1..2], "abc"[1], {1: "one"}[1], Grid.new()[7]]
System.print(values)
for (bad in [Fn.new { l[3] }, Fn.new { l[-4] }, Fn.new { l[0.5] }, Fn.new { l["x"] },
             Fn.new { 1[0] }, Fn.new { null[0] }, Fn.new { (1..2)[0] }]) {
  System.print(Fiber.new { bad.call() }.try())
}
"""
    assert run_source(src, checks=checks) == (
        "[10, 30, [20, 30], b, one, cell 7]\n"
        "Subscript out of bounds.\n"
        "Subscript out of bounds.\n"
        "Subscript must be an integer.\n"
        "Subscript must be a number or a range.\n"
        "Num does not implement '[_]'.\n"
        "Null does not implement '[_]'.\n"
        "Range does not implement '[_]'.\n"
    )


def test_fn_call_with_its_arity_takes_one_python_frame() -> None:
    # Core caps Python's stack at 10000 frames: two frames per Fn.call
    # stopped this recursion at about 5000.
    src = "var f\nf = Fn.new {|n| n == 0 ? 0 : 1 + f.call(n - 1) }\nSystem.print(f.call(6000))"
    assert run_source(src) == "6000\n"


@pytest.mark.parametrize("checks", MODES)
def test_call_keeps_its_answers_for_other_arities_and_receivers(checks: bool) -> None:
    src = """
class C {
  construct new() {}
  call(a) { "C %(a)" }
}
var two = Fn.new {|a, b| [a, b] }
System.print([C.new().call(1), Fn.new { 7 }.call(1, 2), two.call(1, 2)])
System.print(Fiber.new { two.call(1) }.try())
System.print(Fiber.new { 1.call(2) }.try())
"""
    assert run_source(src, checks=checks) == (
        "[C 1, 7, [1, 2]]\nFunction expects more arguments.\nNum does not implement 'call(_)'.\n"
    )


def test_under_limits_bools_and_strings_in_variables_keep_wrens_operator_errors() -> None:
    src = """
var t = true
var a = "apple"
var b = "banana"
var f = Fn.new {|x, y| x + y }
for (bad in [Fn.new { 1 - t }, Fn.new { t < 2 }, Fn.new { 2 >= t }, Fn.new { a < b },
             Fn.new { f.call(true, false) }]) {
  System.print(Fiber.new { bad.call() }.try())
}
System.print([3 - 1, 1 < 2, 2 <= 2, 3 > 4, a + b])
"""
    assert run_source(src, checks=True) == (
        "Right operand must be a number.\n"
        "Bool does not implement '<(_)'.\n"
        "Right operand must be a number.\n"
        "String does not implement '<(_)'.\n"
        "Bool does not implement '+(_)'.\n"
        "[2, true, true, false, applebanana]\n"
    )


def test_checked_interpolation_measures_long_results_and_keeps_order() -> None:
    # Under limits a short result is one f-string and a long one (past the
    # size builders may make unmeasured) goes through _joined: same text, and
    # the parts are evaluated once, left to right, either way.
    src = (
        "var log = []\nvar f = Fn.new {|s|\n  log.add(s)\n  return s\n}\n"
        'var short = "<%(f.call("a"))|%(f.call(1))|%(f.call("b"))>"\n'
        'var big = "x" * 5000\n'
        'var long = "<%(f.call(big))|%(f.call(2))|%(f.call("c"))>"\n'
        "System.print(short)\nSystem.print(long.count)\nSystem.print(log.count)\n"
        "System.print(log[0] + log[2] + log[5])\nSystem.print(long[-4..-1])\n"
    )
    assert run_source(src, checks=True) == "<a|1|b>\n5006\n6\nabc\n2|c>\n"


@pytest.mark.parametrize("checks", MODES)
def test_modulo_shortcut_keeps_c_fmod_answers(checks: bool) -> None:
    src = (
        "var a = -7\nvar b = 3\nvar z = 0\nvar inf = 1 / 0\n"
        "System.print([7 % 3, a % b, b % a, a % a, z % b, -0 % 5, 5.5 % 2, inf % 3])\n"
        "System.print([3 % inf, b % z, (0 / 0) % 2, 2 % (0 / 0), 7 % 3.5, a % 2])\n"
        'System.print(Fiber.new { b % "x" }.try())\n'
    )
    assert run_source(src, checks=checks) == (
        "[1, -1, 3, -0, 0, -0, 1.5, nan]\n[3, nan, nan, nan, 0, -1]\n"
        "Right operand must be a number.\n"
    )


@pytest.mark.parametrize("checks", MODES)
def test_appending_to_a_variable_reads_it_before_the_right_operand(checks: bool) -> None:
    # `x = x + y` is compiled to Python's `x += y` for Strings (linear string
    # building); x's value is still the one before y runs, wherever x lives.
    src = """
var m = "a"
var f = Fn.new { m = "z" }
m = m + f.call()
System.print(m)
m = m + (m = "b")
System.print(m)
var r = m + (m = "c")
System.print(r)
var g = Fn.new {
  var acc = ""
  var add = Fn.new {|t| acc = acc + t }
  add.call("p")
  acc = acc + (acc = "q")
  add.call("r")
  return acc
}
System.print(g.call())
class T {
  static run() {
    var s = ""
    for (i in 1..3) s = s + "%(i),"
    var n = 1
    for (i in 1..3) n = n + i
    var t = "x"
    t = t + (t = "y")
    var w = "w"
    for (i in 1..3) {
      w = w + "!"
      w = w + w.count.toString
    }
    return [s, n, t, w]
  }
}
System.print(T.run())
var keep = []
var k = "k"
for (i in 1..3) {
  keep.add(k)
  k = k + "."
}
System.print(keep)
class C {
  construct new() {}
  +(o) { "C+%(o)" }
}
var c = C.new()
c = c + 1
System.print(c)
var bad = 1
System.print(Fiber.new { bad = bad + true }.try())
System.print(Fiber.new { bad = bad + "s" }.try())
var str = "s"
System.print(Fiber.new { str = str + 1 }.try())
"""
    assert run_source(src, checks=checks) == (
        "az\nazb\nazbc\npqr\n[1,2,3,, 7, xy, w!2!4!6]\n[k, k., k..]\nC+1\n"
        "Right operand must be a number.\nRight operand must be a number.\n"
        "Right operand must be a string.\n"
    )


def test_building_a_long_string_by_appending_stays_within_the_step_limit() -> None:
    # The sandboxed policy's million steps: appending 30,000 times is 30,000
    # loop steps, and the copies a String `+` makes past SCAN_FREE characters
    # cost a step per 256 (in place, as in a function's local, none).
    src = """
var s = ""
var parts = []
for (i in 0...30000) {
  s = s + "x"
  parts.add(s.count)
}
var t = ""
for (i in 0...15000) t = "y" + t
class B {
  static build(n) {
    var s = ""
    for (i in 0...n) s = s + "ab"
    return s
  }
}
System.print([s.count, t.count, B.build(50000).count, parts[-1]])
"""
    limits = Limits(instruction_limit=1_000_000, time_limit_s=60.0, max_depth=200)
    assert run_source(src, checks=True, limits=limits) == "[30000, 15000, 100000, 30000]\n"


@pytest.mark.parametrize("checks", MODES)
def test_num_getters_called_as_functions_keep_every_receivers_answer(checks: bool) -> None:
    src = """
var xs = [3.7, -0.5, -0, 1/0, 0/0, 2.5, -2.5, -4]
System.print(xs.map {|x| [x.floor, x.ceil, x.round, x.truncate, x.abs] }.toList)
System.print(xs.map {|x| [x.sqrt, x.sign, x.isInteger, x.isNan, x.toString] }.toList)
System.print([(-3.7).abs, -3.7.abs, 3.7.floor, (7 / 2).floor, 1e300.sqrt])
class P {
  construct new() {}
  floor { "own floor" }
  abs { _abs }
}
var p = P.new()
var n = null
System.print([p.floor, p.abs, "s".toString, n.toString, true.toString, [1].toString])
System.print(Fiber.new { "s".floor }.try())
System.print(Fiber.new { n.abs }.try())
System.print(Fiber.new { P.floor }.try())
"""
    assert run_source(src, checks=checks) == (
        "[[3, 4, 4, 3, 3.7], [-1, -0, -1, -0, 0.5], [-0, -0, -0, -0, 0], "
        "[infinity, infinity, infinity, infinity, infinity], [nan, nan, nan, nan, nan], "
        "[2, 3, 3, 2, 2.5], [-3, -2, -3, -2, 2.5], [-4, -4, -4, -4, 4]]\n"
        "[[1.9235384061671, 1, false, false, 3.7], [nan, -1, false, false, -0.5], "
        "[-0, 0, true, false, -0], [infinity, 1, false, false, infinity], "
        "[nan, 0, false, true, nan], [1.5811388300842, 1, false, false, 2.5], "
        "[nan, -1, false, false, -2.5], [nan, -1, true, false, -4]]\n"
        "[3.7, -3.7, 3, 3, 1e+150]\n"
        "[own floor, null, s, null, true, [1]]\n"
        "String does not implement 'floor'.\n"
        "Null does not implement 'abs'.\n"
        "P metaclass does not implement 'floor'.\n"
    )


@pytest.mark.parametrize("checks", MODES)
def test_loop_variables_known_to_be_nums_keep_wrens_answers(checks: bool) -> None:
    # A `for` over a range from a Num, whose variable nothing assigns,
    # compiles its arithmetic without class tests.
    src = """
var out = []
for (i in 0..4) {
  out.add([i * 2, i % 3, i / 2, i == 1, i != 2, -i])
  out.add([i.floor, (i - 2).abs, i < 2, i == true, i + 0.5])
}
System.print(out)
for (i in -3...0) System.write("%(i % 2) ")
System.print()
var fs = []
for (i in 1..3) fs.add(Fn.new { i * 10 })
System.print(fs.map {|f| f.call() }.toList)
for (i in 1..3) {
  i = i * 100
  System.write("%(i) ")
}
System.print()
for (x in 0.5..2) System.write("%(x * 2) ")
System.print()
var n = 3
for (i in 1..n) for (j in i..n) System.write("%(i)%(j) ")
System.print()
System.print(Fiber.new {
  for (i in 1.."x") {}
}.try())
"""
    assert run_source(src, checks=checks) == (
        "[[0, 0, 0, false, true, -0], [0, 2, true, false, 0.5], "
        "[2, 1, 0.5, true, true, -1], [1, 1, true, false, 1.5], "
        "[4, 2, 1, false, false, -2], [2, 0, false, false, 2.5], "
        "[6, 0, 1.5, false, true, -3], [3, 1, false, false, 3.5], "
        "[8, 1, 2, false, true, -4], [4, 2, false, false, 4.5]]\n"
        "-1 -0 -1 \n"
        "[10, 20, 30]\n"
        "100 200 300 \n"
        "1 3 \n"
        "11 12 13 22 23 33 \n"
        "Right hand side of range must be a number.\n"
    )


@pytest.mark.parametrize("checks", MODES)
def test_arithmetic_on_known_nums_keeps_wrens_answers(checks: bool) -> None:
    src = """
var r = []
for (i in 0..3) {
  r.add([(i * 2) % 3, -(i - 1), (i - 1.5).abs.floor, i / (i - 1), (i - 1) % (i - 2)])
  r.add([-i * 2 < i - 5, (i + 1) / 0, i * i == i + i, (i - 2).sign, ((i + 0.5) * 2).round])
}
System.print(r)
"""
    assert run_source(src, checks=checks) == (
        "[[0, 1, 1, -0, -1], [false, infinity, true, -1, 1], "
        "[2, -0, 0, infinity, 0], [false, infinity, false, -1, 3], "
        "[1, -1, 0, 2, nan], [true, infinity, true, 0, 5], "
        "[0, -2, 1, 1.5, 0], [true, infinity, false, 1, 7]]\n"
    )


def test_operators_under_limits_call_an_objects_method_or_name_its_class() -> None:
    # Under limits an operator that is not between two Nums calls the left
    # operand's method directly (a native value's through its proxy).
    src = """
class V {
  construct new(x) { _x = x }
  +(o) { V.new(_x + o.x) }
  x { _x }
  toString { "V%(_x)" }
}
var v = V.new(1)
var w = v
w = w + v
System.print([v + v, w, [1] + [2], -1 / 0, -1 % 0])
for (t in [Fn.new {}, {}, 1..2, Object, v, null, true, "s"]) {
  System.print([Fiber.new { t + 1 }.try(), Fiber.new { t * 2 }.try()])
}
"""
    limits = Limits(instruction_limit=1_000_000, time_limit_s=60.0, max_depth=200)
    assert run_source(src, checks=True, limits=limits) == (
        "[V2, V2, [1, 2], -infinity, nan]\n"
        "[Fn does not implement '+(_)'., Fn does not implement '*(_)'.]\n"
        "[Map does not implement '+(_)'., Map does not implement '*(_)'.]\n"
        "[Range does not implement '+(_)'., Range does not implement '*(_)'.]\n"
        "[Object metaclass does not implement '+(_)'., "
        "Object metaclass does not implement '*(_)'.]\n"
        "[Num does not implement 'x'., V does not implement '*(_)'.]\n"
        "[Null does not implement '+(_)'., Null does not implement '*(_)'.]\n"
        "[Bool does not implement '+(_)'., Bool does not implement '*(_)'.]\n"
        "[Right operand must be a string., ss]\n"
    )
