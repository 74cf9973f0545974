"""The compiled fast paths agree with the full Clojure-semantics functions."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kryon_lisp.printer import pr_str
from kryon_lisp.runtime import Runtime

# the engine raises the interpreter recursion limit for deep Lisp code; hypothesis
# reports every change of it between examples
pytestmark = pytest.mark.filterwarnings("ignore:The recursion limit will not be reset")

RUNTIME = Runtime(limited=False)
NS = RUNTIME.new_namespace("arith.klisp")

numbers = st.one_of(
    st.integers(-(2**31), 2**31),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.fractions(min_value=-1000, max_value=1000, max_denominator=50),
)


def run(source: str) -> str:
    return pr_str(RUNTIME.eval_source(NS, source))


@settings(max_examples=150, deadline=None)
@given(numbers, numbers)
def test_inline_arithmetic_matches_core_functions(a: object, b: object) -> None:
    la, lb = pr_str(a), pr_str(b)
    inline = run(
        f"(let [a {la} b {lb}] [(+ a b) (- a b) (* a b) (< a b) (>= a b) (inc a) (dec b) (= a b)])"
    )
    core = run(
        f"(let [a {la} b {lb}] [(apply + [a b]) (apply - [a b]) (apply * [a b])"
        " (apply < [a b]) (apply >= [a b]) (apply inc [a]) (apply dec [b])"
        " (apply = [a b])])"
    )
    assert inline == core


@settings(max_examples=100, deadline=None)
@given(st.integers(-(2**62), 2**62), st.integers(-(2**62), 2**62))
def test_products_overflow_exactly_outside_64_bits(a: int, b: int) -> None:
    result = run(f"(try (* {a} {b}) (catch ArithmeticException e :overflow))")
    product = a * b
    expected = str(product) if -(2**63) <= product < 2**63 else ":overflow"
    assert result == expected


@settings(max_examples=100, deadline=None)
@given(st.integers(-(2**63), 2**63 - 1), st.integers(-(2**63), 2**63 - 1))
def test_sums_and_differences_overflow_exactly_outside_64_bits(a: int, b: int) -> None:
    """Clojure's + and - on longs throw as * does, compiled inline or not."""
    result = run(
        f"(let [a {a} b {b}] (mapv (fn [f] (try (f) (catch ArithmeticException e :overflow)))"
        " [#(+ a b) #(- a b) #(apply + [a b]) #(apply - [a b]) #(reduce + [a b])]))"
    )
    expected = [str(r) if -(2**63) <= r < 2**63 else ":overflow" for r in (a + b, a - b)]
    assert result == "[{0} {1} {0} {1} {0}]".format(*expected)


def test_long_overflow_edges() -> None:
    ovf = "(catch ArithmeticException e :ovf)"
    assert (
        run(
            f"[(try (inc Long/MAX_VALUE) {ovf}) (try (dec Long/MIN_VALUE) {ovf})"
            f" (try (+ Long/MAX_VALUE 1) {ovf}) (try (- Long/MIN_VALUE 1) {ovf})"
            f" (try (+ 1 Long/MAX_VALUE) {ovf}) (try (- 3 Long/MIN_VALUE) {ovf})"
            f" (try (reduce + (range 9223372036854775800 9223372036854775807)) {ovf})"
            f" (try (+ 9223372036854775807 1) {ovf})]"
        )
        == "[:ovf :ovf :ovf :ovf :ovf :ovf :ovf :ovf]"
    )
    # the promoting operators, BigInts and literals past 64 bits are BigInts
    assert run(
        "[(+' Long/MAX_VALUE 1) (class (+' 1 2)) (inc' Long/MAX_VALUE) (dec' Long/MIN_VALUE)"
        " (-' Long/MIN_VALUE 1) (class (*' Long/MAX_VALUE 2)) (+ Long/MAX_VALUE 1N)"
        " 100000000000000000000 (+ 100000000000000000000 1) (reduce + (range 5))"
        " (reduce + 10 (range 0 5 1/2))]"
    ) == (
        "[9223372036854775808N java.lang.Long 9223372036854775808N -9223372036854775809N"
        " -9223372036854775809N clojure.lang.BigInt 9223372036854775808N"
        " 100000000000000000000N 100000000000000000001N 10 65/2]"
    )


def test_ratios_normalise() -> None:
    # Clojure's ratio arithmetic returns a BigInt when the result is whole
    assert run("(+ 1/3 2/3)") == "1N"
    assert run("(* 2 1/2)") == "1N"
    assert run("[(/ 4 2) (class (/ 4 2)) (rationalize 2.0) (rationalize 2)]") == (
        "[2 java.lang.Long 2N 2]"
    )
    assert run("(/ 6 4)") == "3/2"
    assert isinstance(RUNTIME.eval_source(NS, "(/ 1 3)"), Fraction)


def test_bigints_are_contagious() -> None:
    # 1N is a BigInt whatever its size: products with it never overflow
    assert run("(reduce * 1N (range 1 25))") == "620448401733239439360000N"
    assert run("[1N (+ 1N 2) (inc 1N) (- 1N) (quot 7N 2) (* 1N 1.5) (+ 1/2 1N)]") == (
        "[1N 3N 2N -1N 3N 1.5 3/2]"
    )
    assert run("[(class 1N) (str 5N) (= 1N 1) (hash 1N) (hash 1) (int? 1N) (integer? 1N)]") == (
        '[clojure.lang.BigInt "5" true 1392991556 1392991556 false true]'
    )
    assert run("[(bigint 3) (range 1N 3) (nth [:a :b] 1N) (get {1 :x} 1N) (max-key - 1N 2)]") == (
        "[3N (1N 2N) :b :x 1N]"
    )


def test_octal_literals() -> None:
    assert run("[017 -010 0 0N]") == "[15 -8 0 0N]"
    with pytest.raises(Exception, match="Invalid number: 08"):
        run("08")


def test_max_key_calls_the_key_once_per_element() -> None:
    assert (
        run(
            "(let [calls (atom 0) k (fn [x] (swap! calls inc) (count x))]"
            ' [(max-key k "a" "bbb" "cc" "ddd") (min-key k "aa" "b" "c") @calls])'
        )
        == '["ddd" "c" 7]'
    )


def test_long_and_int_casts_check_their_range() -> None:
    assert (
        run("[(long 3.9) (int -2.5) (long 7/2) (int 2147483647) (long 1N)]")
        == "[3 -2 3 2147483647 1]"
    )
    for source, message in [
        ("(long 1e30)", "Value out of range for long: 1.0E30"),
        ("(int 3000000000)", "Value out of range for int: 3000000000"),
        ("(long ##Inf)", "Value out of range for long: Infinity"),
    ]:
        with pytest.raises(Exception, match=message):
            run(source)


def test_str_of_special_floats_is_double_to_string() -> None:
    assert run("[(str ##NaN) (str ##-Inf) (str [##Inf]) (pr-str ##NaN)]") == (
        '["NaN" "-Infinity" "[##Inf]" "##NaN"]'
    )
