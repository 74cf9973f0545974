"""Loop variables and let locals proven to be longs: arithmetic on them skips
the type tests, and must still overflow, promote and mix exactly as Clojure's
does (and exactly as the full functions do)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kryon_lisp.printer import pr_str
from kryon_lisp.runtime import Runtime

from .conftest import run_lisp

pytestmark = pytest.mark.filterwarnings("ignore:The recursion limit will not be reset")

RUNTIME = Runtime(limited=False)
NS = RUNTIME.new_namespace("longs.klisp")
OVF = "(catch ArithmeticException e (.getMessage e))"


def run(source: str) -> str:
    return pr_str(RUNTIME.eval_source(NS, source))


def test_loop_arithmetic_overflows_at_the_boundary() -> None:
    assert (
        run("(loop [i 9223372036854775804] (if (< i 9223372036854775807) (recur (inc i)) i))")
        == "9223372036854775807"
    )
    assert (
        run(
            f"(try (loop [i 9223372036854775805 n 0] (if (< n 5) (recur (inc i) (inc n)) i)) {OVF})"
        )
        == '"long overflow"'
    )
    assert (
        run(
            f"(try (loop [i -9223372036854775806 n 0] (if (< n 5) (recur (dec i) (inc n)) i))"
            f" {OVF})"
        )
        == '"long overflow"'
    )
    assert (
        run(f"(try (loop [i 1 n 0] (if (< n 70) (recur (* i 2) (inc n)) i)) {OVF})")
        == '"long overflow"'
    )
    assert (
        run(f"(try (loop [i 1 n 0] (if (< n 70) (recur (+ i i) (inc n)) i)) {OVF})")
        == '"long overflow"'
    )
    assert (
        run(f"(try (loop [i -1 n 0] (if (< n 70) (recur (- i (- 0 i)) (inc n)) i)) {OVF})")
        == '"long overflow"'
    )
    # the largest products and sums that fit do not throw
    assert run("(loop [i 1 n 0] (if (< n 62) (recur (* i 2) (inc n)) [i (- (- i) i)]))") == (
        "[4611686018427387904 -9223372036854775808]"
    )


@settings(max_examples=100, deadline=None)
@given(st.integers(-(2**63), 2**63 - 1), st.integers(-(2**63), 2**63 - 1))
def test_proven_longs_agree_with_the_full_functions(a: int, b: int) -> None:
    """The same expressions on let locals and loop variables proven to be longs,
    and through apply (the full functions)."""
    fast = run(
        f"(let [a {a} b {b}] (loop [x a y b k 0] (if (< k 1) (recur x y (inc k))"
        " (mapv (fn [f] (try (f) (catch ArithmeticException e :overflow)))"
        " [#(+ x y) #(- x y) #(* x y) #(inc x) #(dec y) #(+ a b 1) #(* a b)"
        " #(mod x 7) #(rem x 7) #(quot x 7) #(mod x -7) #(rem x -7)]))))"
    )
    full = run(
        f"(let [a (identity {a}) b (identity {b})]"
        " (mapv (fn [f] (try (f) (catch ArithmeticException e :overflow)))"
        " [#(apply + [a b]) #(apply - [a b]) #(apply * [a b]) #(apply inc [a])"
        " #(apply dec [b]) #(apply + [a b 1]) #(apply * [a b])"
        " #(apply mod [a 7]) #(apply rem [a 7]) #(apply quot [a 7])"
        " #(apply mod [a -7]) #(apply rem [a -7])]))"
    )
    assert fast == full


def test_recur_with_doubles_ratios_and_bigints() -> None:
    # a variable that starts as a long and is given something else is no long
    assert run("(loop [i 0 x 0] (if (< i 3) (recur (inc i) (+ x 0.5)) [i x]))") == "[3 1.5]"
    assert run("(loop [i 0 x 0] (if (< i 3) (recur (inc i) (+ x 1/3)) x))") == "1N"
    assert run("(loop [i 0 x 0] (if (< i 2) (recur (inc i) (+ x 1/3)) x))") == "2/3"
    assert run("(loop [i 0 x 0] (if (< i 3) (recur (inc i) (+ x 1N)) x))") == "3N"
    assert run("(loop [i 0 x 0] (if (< i 3) (recur (inc i) (* (inc x) 1.5)) x))") == "7.125"
    assert (
        run("(loop [i 0 x 1] (if (< i 70) (recur (inc i) (*' x 2)) [x (class x)]))")
        == "[1180591620717411303424N clojure.lang.BigInt]"
    )
    assert run("(loop [i 0] (if (< i 3) (recur (+ i 1/2)) i))") == "3N"
    assert run("(loop [i 0] (if (< i 3) (recur (+ i 1.0)) i))") == "3.0"
    assert run("(loop [i 0] (if (= i 0) (recur (str i)) i))") == '"0"'
    assert run("(loop [i 0 acc nil] (if (< i 2) (recur (inc i) (inc i)) [i acc]))") == "[2 2]"


def test_recur_values_the_source_hides() -> None:
    # a let shadowing the loop variable: recur i looks like a long and is not
    assert (
        run("(loop [i 0] (let [i (if (< i 2) (inc i) 2.5)] (if (< i 2.5) (recur i) i)))") == "2.5"
    )
    # a function's result, and a macro that writes the recur itself
    assert run("(defn half [x] (/ x 2)) (loop [i 8] (if (> i 1) (recur (half i)) i))") == "1"
    assert run("(loop [i 9] (if (> i 1) (recur (half i)) i))") == "9/16"
    assert (
        run(
            "(defmacro again [x] (list 'recur (list '+ x 0.5)))"
            " (loop [i 0] (if (< i 1) (again i) i))"
        )
        == "1.0"
    )
    # nested loops, the outer one compiled twice
    assert (
        run(
            "(loop [i 0 acc 0] (if (< i 3)"
            " (recur (inc i) (+ acc (loop [j 0 s 0] (if (< j i) (recur (inc j) (+ s j)) s)) 0.5))"
            " acc))"
        )
        == "2.5"
    )


def test_a_loop_compiled_twice_expands_each_macro_call_once() -> None:
    out, value = run_lisp(
        '(defmacro noisy [x] (println "expanding") x)'
        " (loop [i 0 x 0] (if (< i 3) (recur (noisy (inc i)) (+ x 0.5)) [i x]))"
    )
    assert (out, value) == ("expanding\n", "[3 1.5]")
    # a form a macro places twice still expands twice, in each pass alike
    assert (
        run(
            "(def n (atom 0)) (defmacro count-me [] (swap! n inc) 0)"
            " (defmacro twice [x] (list 'do x x))"
            " (loop [i 0 x 0] (if (< i 2) (recur (inc i) (+ x 0.5 (twice (count-me)))) [@n x]))"
        )
        == "[2 1.0]"
    )
    # both loops compiled twice (a let hides that recur's y and x are no longs)
    assert (
        run(
            "(reset! n 0)"
            " (loop [i 0 x 0]"
            "   (let [x (+ x (loop [j 0 y 0]"
            "                  (let [y (+ y 0.5 (count-me))] (if (< j 2) (recur (inc j) y) y))))]"
            "     (if (< i 2) (recur (inc i) x) [@n x])))"
        )
        == "[1 4.5]"
    )


def test_loop_variables_limited() -> None:
    """The same loops with the budget checks compiled in."""
    _, value = run_lisp(
        f"[(try (loop [i 9223372036854775805 n 0] (if (< n 5) (recur (inc i) (inc n)) i)) {OVF})"
        " (loop [i 0 s 0] (if (< i 1000) (recur (inc i) (+ s (* i 2))) s))"
        " (loop [i 0 x 0] (if (< i 3) (recur (inc i) (+ x 0.5)) x))]",
        limited=True,
    )
    assert value == '["long overflow" 999000 1.5]'


def test_dotimes_counts_in_longs() -> None:
    assert (
        run(
            "(let [a (atom [])] (dotimes [i 3] (swap! a conj"
            f" (try (* i 4611686018427387904) {OVF}) (+ i 0.5) (mod i 2)))"
            " @a)"
        )
        == '[0 0.5 0 4611686018427387904 1.5 1 "long overflow" 2.5 0]'
    )
    assert run("(let [a (atom [])] (dotimes [i 2.5] (swap! a conj (inc i))) @a)") == "[1 2]"
    assert run("(let [a (atom [])] (dotimes [i 2N] (swap! a conj (* i 3))) @a)") == "[0 3]"


def test_equality_parity_and_nth_of_longs() -> None:
    assert run(
        "(loop [i -3 acc []] (if (< i 4) (recur (inc i) (conj acc [(= i 0) (= i (* 1 i))"
        " (even? i) (odd? (* i 3)) (= i 0.0)])) acc))"
    ) == (
        "[[false true false true false] [false true true false false]"
        " [false true false true false] [true true true false false]"
        " [false true false true false] [false true true false false]"
        " [false true false true false]]"
    )
    v = "[:a :b :c]"
    assert (
        run(
            f"(let [v {v}] (loop [i -1 acc []] (if (< i 4)"
            " (recur (inc i) (conj acc (try (nth v i) (catch IndexOutOfBoundsException e :oob))))"
            " acc)))"
        )
        == "[:oob :a :b :c :oob]"
    )
    # not a vector, or not an int index: the full nth
    assert (
        run(
            '(let [s \'(1 2 3) r (range 5) t "abc" v [1 2] x 1.0 b 1N]'
            " [(nth s 1) (nth r 2) (nth t 0) (try (nth v x) (catch Exception e :bad))"
            " (nth v b) (nth nil 0)"
            " (try (nth v true) (catch Exception e :bad)) (nth (subvec [1 2 3] 1) 1)])"
        )
        == "[2 2 \\a :bad 2 nil :bad 3]"
    )


def test_proven_longs_mixed_with_doubles_ratios_and_bigints() -> None:
    """One operand a proven long, the other anything: only the other is
    tested, and what is not a long goes through the full function."""
    ops = (
        "[(+ i 0.5) (* i 1/2) (+ i 1N) (- i 2.5) (* i 1.5) (+ 0.5 i) (* 1/3 i) (- 1N i)"
        " (mod i 2.5) (rem i 3N) (quot i 1.5) (mod i 1/2) (= i 1.0) (= i 1N)"
        " (* i 4611686018427387904N)"
        " (try (* i 4611686018427387904) (catch ArithmeticException e :ovf))]"
    )
    fast = run(f"(loop [i -2 acc []] (if (< i 3) (recur (inc i) (conj acc {ops})) acc))")
    full = run(
        f"(loop [i (identity -2) acc []] (if (< i 3) (recur (apply inc [i]) (conj acc"
        f" (let [i (identity i)] {ops}))) acc))"
    )
    assert fast == full
    assert "4611686018427387904N" in fast and ":ovf" in fast


def test_an_if_of_two_longs_is_a_long() -> None:
    bump = "(if (even? i) (inc c) c)"
    assert run(f"(loop [i 0 c 0] (if (< i 10) (recur (inc i) {bump}) c))") == "5"
    assert (
        run(f"(try (loop [i 0 c 9223372036854775806] (if (< i 3) (recur (inc i) {bump}) c)) {OVF})")
        == '"long overflow"'
    )
    # a branch that is no long: the variable is none either
    half = "(if (even? i) (inc c) 0.5)"
    assert run(f"(loop [i 0 c 0] (if (< i 3) (recur (inc i) {half}) c))") == "1.5"
    late = "(if (even? i) (inc c) (do (str c) 0.5))"
    assert run(f"(loop [i 0 c 0] (if (< i 2) (recur (inc i) {late}) c))") == "0.5"
    assert run("(let [x (if (pos? 1) 2 3)] (loop [i x] (if (< i 5) (recur (* i x)) i)))") == "8"


def test_a_cond_of_longs_with_an_else_is_a_long() -> None:
    step = "(cond (zero? (mod i 3)) (+ acc i) (even? i) (* acc 2) :else acc)"
    assert run(f"(loop [i 0 acc 1] (if (< i 10) (recur (inc i) {step}) acc))") == "41"
    assert (
        run(f"(try (loop [i 0 acc 1] (if (< i 300) (recur (inc i) {step}) acc)) {OVF})")
        == '"long overflow"'
    )
    # no :else (nil), or a branch that is no long: the variable is none
    assert (
        run("(loop [i 0 acc 1] (if (< i 3) (recur (inc i) (cond (< i 2) (inc acc))) acc))") == "nil"
    )
    assert (
        run(
            "(loop [i 0 acc 1] (if (< i 3) (recur (inc i) (cond (< i 1) (inc acc) :else 0.5)) acc))"
        )
        == "0.5"
    )
    assert run("(let [x (cond (pos? 1) 2 :else 3)] (* x 4611686018427387904N))") == (
        "9223372036854775808N"
    )
