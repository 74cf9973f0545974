"""Java arrays as Clojure has them: typed, mutable, fixed-length, printed as
objects, and held to the memory limit before they are allocated."""

from __future__ import annotations

import re

import pytest
from kryon_lisp.engine import LispConfig, LispEngine

from kryon_core import MemoryLimitError, SecurityPolicy

from .conftest import jvm_cast, run_lisp

CASES = [
    ("(let [a (int-array 3)] (aset a 0 42) (vec a))", "[42 0 0]"),
    (
        "(let [a (long-array [1 2 3])] [(alength a) (aget a 2) (count a) (nth a 1) (get a 0)])",
        "[3 3 3 2 1]",
    ),
    ("(vec (double-array [1 2]))", "[1.0 2.0]"),
    ("(vec (int-array [1.7 -2.7]))", "[1 -2]"),
    ("(vec (int-array [3000000000]))", "[-1294967296]"),
    ("(vec (int-array 3 7))", "[7 7 7]"),
    ("(vec (int-array 4 [1 2]))", "[1 2 0 0]"),
    ("(vec (int-array 2.9))", "[0 0]"),
    ("(vec (boolean-array 2))", "[false false]"),
    ("(map int (char-array 2))", "(0 0)"),
    ('(vec (char-array "ab"))', "[\\a \\b]"),
    ('(String. (char-array "hey"))', '"hey"'),
    ("(vec (object-array 2))", "[nil nil]"),
    ('(vec (to-array \'(1 :a "s")))', '[1 :a "s"]'),
    ("(vec (short-array [1])) ", "[1]"),
    ("(vec (byte-array [200]))", "[-56]"),
    ("(vec (float-array [1]))", "[1.0]"),
    # a seq over an array reads it as it goes
    ("(let [a (int-array 3) s (seq a)] (aset a 1 9) s)", "(0 9 0)"),
    ("(seq (int-array 0))", "nil"),
    (
        "(let [m (make-array Integer/TYPE 2 3)] (aset m 1 2 5) [(aget m 1 2) (mapv vec m)])",
        "[5 [[0 0 0] [0 0 5]]]",
    ),
    ('(let [m (make-array String 2)] (aset m 0 "x") (vec m))', '["x" nil]'),
    ("(let [a (int-array [1 2 3])] (areduce a i acc 0 (+ acc (aget a i))))", "6"),
    (
        "(let [a (int-array [1 2 3])] [(vec (amap a i r (* 10 (aget a i)))) (vec a)])",
        "[[10 20 30] [1 2 3]]",
    ),
    ("(let [a (int-array [1 2]) b (aclone a)] (aset b 0 5) [(vec a) (vec b)])", "[[1 2] [5 2]]"),
    ("(let [a (int-array [1 2])] [(= a a) (= a (aclone a)) (= a [1 2])])", "[true false false]"),
    (
        "(let [a (int-array [3 1 2])] [(reduce + a) (apply max a) (sort a) (into [] a)])",
        "[6 3 (1 2 3) [3 1 2]]",
    ),
    ("(let [a (int-array 2)] [(contains? a 1) (contains? a 2) (empty? a)])", "[true false false]"),
    ("[(aset-int (long-array 1) 0 5) (aset-double (double-array 1) 0 3)]", "[5 3]"),
    ("(let [a (double-array 1)] (aset-double a 0 3) (vec a))", "[3.0]"),
    ("(let [a (boolean-array 1)] (aset-boolean a 0 :yes) (vec a))", "[true]"),
    (
        "(map (comp str class) [(int-array 0) (long-array 0) (double-array 0) (boolean-array 0)"
        " (char-array 0) (object-array 0) (make-array String 0) (make-array Long/TYPE 1 1)])",
        '("class [I" "class [J" "class [D" "class [Z" "class [C"'
        ' "class [Ljava.lang.Object;" "class [Ljava.lang.String;" "class [[J")',
    ),
    (
        "(map (comp str class) [(into-array [1 2]) (into-array []) (into-array Integer/TYPE [1])])",
        '("class [Ljava.lang.Long;" "class [Ljava.lang.Object;" "class [I")',
    ),
    ("(instance? (class (int-array 0)) (int-array 2))", "true"),
    ('(clojure.string/join "," (int-array [1 2]))', '"1,2"'),
    (
        "(let [a (int-array [5 3 9])] (java.util.Arrays/sort a) (java.util.Arrays/toString a))",
        '"[3, 5, 9]"',
    ),
    ("(let [a (int-array 3)] (java.util.Arrays/fill a 7) (vec a))", "[7 7 7]"),
    ('(java.util.Arrays/toString (object-array [nil 1.5 "x"]))', '"[null, 1.5, x]"'),
    ("(java.util.Arrays/equals (int-array [1 2]) (int-array [1 2]))", "true"),
    ("(vec (java.util.Arrays/copyOf (int-array [1 2]) 3))", "[1 2 0]"),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_arrays(source: str, expected: str) -> None:
    assert run_lisp(source)[1] == expected


ERRORS = [
    (
        "(aget (int-array 2) 2)",
        "ArrayIndexOutOfBoundsException",
        "Index 2 out of bounds for length 2",
    ),
    ("(aget (int-array 2) -1)", "IndexOutOfBoundsException", "Index -1 out of bounds for length 2"),
    ("(aset (int-array 2) 0 1.5)", "IllegalArgumentException", "argument type mismatch"),
    (
        "(aset (int-array 2) 0 3000000000)",
        "IllegalArgumentException",
        "Value out of range for int: 3000000000",
    ),
    ("(aset (boolean-array 1) 0 nil)", "IllegalArgumentException", "argument type mismatch"),
    ("(int-array -1)", "NegativeArraySizeException", "-1"),
    ('(into-array [1 "a"])', "IllegalArgumentException", "array element type mismatch"),
    (
        "(char-array [65])",
        "ClassCastException",
        jvm_cast("java.lang.Long", "java.lang.Character"),
    ),
]


@pytest.mark.parametrize(("source", "caught", "message"), ERRORS)
def test_array_errors(source: str, caught: str, message: str) -> None:
    _, value = run_lisp(f"(try {source} (catch {caught} e (.getMessage e)))")
    assert value == f'"{message}"'


def test_arrays_print_as_objects() -> None:
    out, _ = run_lisp("(def a (int-array 2)) (prn a) (println a) (print (str a))")
    pr_line, print_line, text = out.split("\n")
    found = re.fullmatch(r'#object\["\[I" 0x([0-9a-f]+) "\[I@([0-9a-f]+)"\]', pr_line)
    assert found is not None and found.group(1) == found.group(2)
    assert print_line == f"#object[[I 0x{found.group(1)} [I@{found.group(1)}]"
    assert text == f"[I@{found.group(1)}"


def test_sieve_with_a_boolean_array() -> None:
    source = """
    (defn sieve [n]
      (let [composite (boolean-array (inc n))]
        (doseq [i (range 2 (inc n)) :when (not (aget composite i))
                j (range (* i i) (inc n) i)]
          (aset composite j true))
        (filter #(not (aget composite %)) (range 2 (inc n)))))
    [(take 10 (sieve 100)) (count (sieve 10000))]"""
    assert run_lisp(source, limited=True)[1] == "[(2 3 5 7 11 13 17 19 23 29) 1229]"


@pytest.mark.parametrize(
    "source",
    ["(long-array 1e9)", "(make-array Long/TYPE 100000 100000)", "(object-array 3000000)"],
)
def test_huge_arrays_are_a_memory_limit(source: str) -> None:
    engine = LispEngine()
    engine.initialize(LispConfig(), SecurityPolicy(name="sandboxed"))
    script = engine.compile(f"(defn make [] (alength {source}))", script="big.klisp")
    sid = engine.load_script(script)
    with pytest.raises(MemoryLimitError):
        engine.call_function(sid, "make", [])


def test_arrays_cross_to_the_host_as_lists() -> None:
    engine = LispEngine()
    engine.initialize(LispConfig(), SecurityPolicy(name="sandboxed"))
    sid = engine.load_script(engine.compile("(defn arr [] (int-array [1 2 3]))", script="a.klisp"))
    assert engine.call_function(sid, "arr", []) == [1, 2, 3]


@pytest.mark.parametrize(
    "source",
    [
        "(count (java.util.Arrays/toString (long-array 2000000)))",
        '(count (clojure.string/join "," (long-array 2000000)))',
    ],
)
def test_joining_a_huge_array_is_held_to_the_collection_limit(source: str) -> None:
    engine = LispEngine()
    engine.initialize(LispConfig(), SecurityPolicy(name="sandboxed"))
    sid = engine.load_script(engine.compile(f"(defn run [] {source})", script="join.klisp"))
    with pytest.raises(MemoryLimitError):
        engine.call_function(sid, "run", [])
