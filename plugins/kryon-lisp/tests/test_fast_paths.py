"""The speed-ups keep Clojure's semantics: inlined integer division and ``not=``,
sequences drained through their source when nobody else holds them, and
sorting with Python's own order where it is ``compare``'s."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from kryon_lisp import patterns
from kryon_lisp.collections import sort_as_java
from kryon_lisp.engine import LispConfig, LispEngine
from kryon_lisp.seqs import COUNTED_REFERENCES, LazySeq

from kryon_core import (
    InstructionLimitError,
    RecursionLimitError,
    SecurityPolicy,
    TimeLimitError,
)

from .conftest import run_lisp

DIVISION_CASES = [
    # quot truncates, rem takes the dividend's sign, mod the divisor's
    ("(quot 7 2)", "3"),
    ("(quot -7 2)", "-3"),
    ("(quot 7 -2)", "-3"),
    ("(quot -7 -2)", "3"),
    ("(rem 7 2)", "1"),
    ("(rem -7 2)", "-1"),
    ("(rem 7 -2)", "1"),
    ("(rem -7 -2)", "-1"),
    ("(mod 7 2)", "1"),
    ("(mod -7 2)", "1"),
    ("(mod 7 -2)", "-1"),
    ("(mod -7 -2)", "-1"),
    ("(quot 7.5 2)", "3.0"),
    ("(rem 7.5 2)", "1.5"),
    ("(mod -7.5 2)", "0.5"),
    ("(quot 1N 2)", "0N"),
    ("(mod 7N 2)", "1N"),
    ("(rem 7/2 1)", "1/2"),
    # the same through the function values, not the inlined forms
    ("(map quot [7 -7 7 -7] [2 2 -2 -2])", "(3 -3 -3 3)"),
    ("(map rem [7 -7 7 -7] [2 2 -2 -2])", "(1 -1 1 -1)"),
    ("(map mod [7 -7 7 -7] [2 2 -2 -2])", "(1 1 -1 -1)"),
    ("(let [a 9 b 4] [(quot a b) (rem a b) (mod a b) (quot (inc a) (dec b))])", "[2 1 1 3]"),
    ("(not= 1 1)", "false"),
    ("(not= 1 1.0)", "true"),
    ("(let [x [1 2]] (not= x '(1 2)))", "false"),
    ("(not= 1 2 1)", "true"),
    ("(not= 1)", "false"),
    ("(filter #(not= % 3) (range 6))", "(0 1 2 4 5)"),
]


@pytest.mark.parametrize(("source", "expected"), DIVISION_CASES)
def test_division_and_not_equals(source: str, expected: str) -> None:
    assert run_lisp(source)[1] == expected


@pytest.mark.parametrize("op", ["quot", "rem", "mod"])
def test_division_by_zero_still_throws(op: str) -> None:
    _, value = run_lisp(f"(try ({op} 5 0) (catch ArithmeticException e (.getMessage e)))")
    assert value == '"Divide by zero"'


CONSUMERS = [
    "count",
    "vec",
    "set",
    "frequencies",
    "last",
    "sort",
    "#(sort > %)",
    "#(sort-by - %)",
    "#(into [] %)",
    "#(into #{} %)",
    "#(apply + %)",
    '#(clojure.string/join "," %)',
    "#(nth % 3)",
    "#(some even? %)",
    "#(every? number? %)",
    "#(reduce + %)",
    "#(reduce + 0 %)",
    "#(group-by even? %)",
    "#(transduce (map inc) + %)",
    "#(doall (take-while pos? %))",
    "#(doall (drop-while neg? %))",
    "#(doall (take-nth 2 %))",
    "#(doall (concat % %))",
    "#(doall (interleave % [1 2 3]))",
    "#(doall (interpose 0 %))",
    "#(doall (distinct %))",
    "#(doall (dedupe %))",
    "#(doall (partition 2 %))",
    "#(doall (partition-all 2 %))",
    "#(doall (partition-by even? %))",
    "#(doall (keep-indexed (fn [i x] x) %))",
    "#(doall (map-indexed vector %))",
    "#(doall (mapcat vector %))",
    "#(doall (map + % %))",
]


@pytest.mark.parametrize("consumer", CONSUMERS)
def test_a_held_sequence_is_not_drained(consumer: str) -> None:
    # the let holds s: the consumer must realise it, not take its source
    source = f"""
    (let [f {consumer}
          s (map inc (range 10))
          t (take 7 (iterate inc 1))]
      (f s)
      (f t)
      [(vec s) (vec t)])"""
    _, value = run_lisp(source)
    assert value == "[[1 2 3 4 5 6 7 8 9 10] [1 2 3 4 5 6 7]]"


def _count_drains(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    drained: list[int] = []
    original: Callable[[LazySeq], Iterator[Any] | None] = LazySeq.take_source

    def take_source(self: LazySeq) -> Iterator[Any] | None:
        src = original(self)
        if src is not None:
            drained.append(1)
        return src

    monkeypatch.setattr(LazySeq, "take_source", take_source)
    return drained


@pytest.mark.parametrize(
    ("source", "expected", "drains"),
    [
        ("(count (take-while #(not= % 1) (iterate #(quot % 2) 100)))", "6", 2),
        ("(vec (map inc (filter odd? (range 10))))", "[2 4 6 8 10]", 2),
        ("(frequencies (map #(mod % 3) (range 10)))", "{0 4, 1 3, 2 3}", 1),
        ("(nth (iterate inc 0) 5000)", "5000", 1),
        ("(last (take 3 (iterate inc 0)))", "2", 2),
    ],
)
def test_a_fresh_pipeline_is_drained_through_its_sources(
    monkeypatch: pytest.MonkeyPatch, source: str, expected: str, drains: int
) -> None:
    drained = _count_drains(monkeypatch)
    assert run_lisp(source, limited=True)[1] == expected
    assert len(drained) == (drains if COUNTED_REFERENCES else 0)


def test_draining_keeps_chunked_side_effects() -> None:
    # a map over a range realises 32 at a time in Clojure, drained or not
    out, value = run_lisp("(count (take 3 (map #(do (print %) %) (range 100))))")
    assert value == "3"
    assert out == "".join(str(i) for i in range(32))
    out, value = run_lisp("(nth (map #(do (print %) %) (iterate inc 0)) 2)")
    assert (out, value) == ("012", "2")


SORT_CASES = [
    ("(sort [3 1 2 1.0 1N 1/2])", "(1/2 1 1.0 1N 2 3)"),
    ("(sort > [3 1 2 1.0 1N])", "(3 2 1 1.0 1N)"),
    ("(sort < [3 1 2])", "(1 2 3)"),
    ("(sort compare [3 1 2])", "(1 2 3)"),
    ("(sort-by - [1 2 3])", "(3 2 1)"),
    ("(sort-by count > [[1] [1 2] [2] []])", "([1 2] [1] [2] [])"),
    ("(sort-by first [[2 :a] [1 :b] [2 :c] [1 :d]])", "([1 :b] [1 :d] [2 :a] [2 :c])"),
    ('(sort ["b" "a" "B" ""])', '("" "B" "a" "b")'),
    # Java orders UTF-16 units: a supplementary character sorts before U+FFFD
    ('(sort ["\ufffd" "\U0001f600"])', '("\U0001f600" "\ufffd")'),
    ("(sort [##NaN 1 0])", "(##NaN 0 1)"),
    ("(sort [nil 2 1])", "(nil 1 2)"),
    ("(sort [:b :a/c :a])", "(:a :b :a/c)"),
    ("(sort #(compare %2 %1) [1 3 2])", "(3 2 1)"),
    ("(sort [])", "()"),
]


@pytest.mark.parametrize(("source", "expected"), SORT_CASES)
def test_sort_orders_as_compare(source: str, expected: str) -> None:
    assert run_lisp(source)[1] == expected


def test_sorting_strings_with_a_numeric_comparator_throws() -> None:
    _, value = run_lisp('(try (sort < ["b" "a"]) (catch Exception e :threw))')
    assert value == ":threw"


def test_calls_near_the_depth_limit_still_meet_the_deadline() -> None:
    # every entry within CHUNK of the depth limit trips the budget; the clock
    # is read once per CHUNK entries, and the deadline still ends the call
    policy = SecurityPolicy(
        name="deep", time_limit_ms=100, instruction_limit=None, recursion_limit=200
    )
    engine = LispEngine()
    engine.initialize(LispConfig(), policy)
    source = (
        "(defn fan [n] (if (zero? n) 0 (+ (fan (dec n)) (fan (dec n)))))\n"
        "(defn deep [n] (if (zero? n) (fan 60) (inc (deep (dec n)))))"
    )
    sid = engine.load_script(engine.compile(source, script="deep.klisp"))
    started = time.monotonic()
    with pytest.raises(TimeLimitError):
        engine.call_function(sid, "deep", [130])
    assert time.monotonic() - started < 2.0
    with pytest.raises(RecursionLimitError):
        engine.call_function(sid, "deep", [250])


@pytest.mark.parametrize(
    ("pattern", "linear"),
    [
        (r"\s+", True),
        (r"[,;]\s*", True),
        (r"^\d+", True),
        (r"x$", True),
        (r"\bthe", True),
        (r"\s+$", False),
        (r"\s*,", False),
        (r"(a|aa)+$", False),
        (r"a+?", False),
        (r"(?i)a", False),
        (r"\p{L}+", False),
        (r"a{2}", False),
    ],
)
def test_patterns_that_cannot_backtrack_run_without_a_timeout(pattern: str, linear: bool) -> None:
    assert (patterns._linear_twin(pattern) is not None) is linear


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('(clojure.string/split "a  b\\tc" #"\\s+")', '["a" "b" "c"]'),
        # U+001C is whitespace to Python's re but not to regex: the twin is not used
        ('(count (clojure.string/split "a\\u001cb c" #"\\s+"))', "2"),
        ('(clojure.string/split "é b" #"\\s+")', '["é" "b"]'),
        ('(clojure.string/replace "a,b;c" #"[,;]" "-")', '"a-b-c"'),
        ('(re-seq #"\\d+" "a1b22c333")', '("1" "22" "333")'),
        ('(re-find #"^\\w+" "hello world")', '"hello"'),
        ('(re-matches #"\\d+" "123")', '"123"'),
    ],
)
def test_linear_patterns_match_as_before(source: str, expected: str) -> None:
    assert run_lisp(source, limited=True)[1] == expected


def test_update_in_and_assoc_in_walk_paths() -> None:
    _, value = run_lisp(
        "[(update-in {} [] (fnil inc 0)) (assoc-in {} [] 1) (update-in {:a {:b 1}} [:a :b] + 5)"
        " (assoc-in nil [:a :b] 1) (assoc-in [[1 2] [3 4]] [1 0] :x)"
        " (update-in {1 {2 3}} (list 1 2) inc) (update [1 2] 0 inc) (update nil :a (fnil inc 0))"
        " ((fnil + 0) nil 1 2) ((fnil + 0 10) nil nil)]"
    )
    assert value == (
        "[{nil 1} {nil 1} {:a {:b 6}} {:a {:b 1}} [[1 2] [:x 4]] {1 {2 4}} [2 2] {:a 1} 3 10]"
    )


ARITHMETIC_CASES = [
    (
        "[(+ 1.5 2) (- 2 0.5) (* 2 1.5) (/ 1.0 4) (/ 1 4.0) (/ 6 3) (/ 1 3)]",
        "[3.5 1.5 3.0 0.25 0.25 2 1/3]",
    ),
    (
        "[(/ 1.0 0) (/ -1 0.0) (/ 0.0 0) (+ 1/2 0.5) (* 1N 1.5) (- 1N 1)]",
        "[##Inf ##-Inf ##NaN 1.0 1.5 0N]",
    ),
    ("[(max 1 2.0) (min 3 1) (max 1 2 3) (min 2.5 7)]", "[2.0 1 3 2.5]"),
    ("[(- 5 3) (- 5) (- 5 1 1) (* 3 4)]", "[2 -5 3 12]"),
    ("(map (partial * 3) [1 2.0 1/3])", "(3 6.0 1N)"),
    (
        "[(reduce + (range 5)) (reduce + 0.5 (range 3)) (reduce + [1 1/2 2]) (reduce + 1N [1 2])"
        ' (reduce + []) (reduce + ["a"])]',
        '[10 3.5 7/2 4N 0 "a"]',
    ),
    ("(into [0] (comp (map inc) (filter odd?) (take 3)) (range 100))", "[0 1 3 5]"),
    ("(into [] (partition-all 2) (range 5))", "[[0 1] [2 3] [4]]"),
    ("(transduce (comp (map inc) (remove even?)) conj [] (range 6))", "[1 3 5]"),
    ("(sequence (map inc) [1 2])", "(2 3)"),
]


@pytest.mark.parametrize(("source", "expected"), ARITHMETIC_CASES)
def test_fast_arithmetic_and_reductions(source: str, expected: str) -> None:
    assert run_lisp(source)[1] == expected


@pytest.mark.parametrize(
    "source",
    [
        "(* 5000000000 5000000000)",
        "(reduce * (range 1 40))",
        "((partial * 5000000000) 5000000000)",
    ],
)
def test_long_products_still_overflow(source: str) -> None:
    _, value = run_lisp(f"(try {source} (catch ArithmeticException e (.getMessage e)))")
    assert value == '"long overflow"'


@pytest.mark.parametrize(
    "body",
    [
        "(count (take 100000 (range)))",
        "(reduce + (range 100000))",
        "(nth (iterate inc 0) 100000)",
        "(first (drop 100000 (cycle [1 2])))",
        "(count (take 100000 (repeat 1)))",
    ],
)
def test_metered_sources_count_against_the_instruction_limit(body: str) -> None:
    policy = SecurityPolicy(name="steps", time_limit_ms=None, instruction_limit=20_000)
    engine = LispEngine()
    engine.initialize(LispConfig(), policy)
    sid = engine.load_script(engine.compile(f"(defn run [] {body})", script="steps.klisp"))
    with pytest.raises(InstructionLimitError):
        engine.call_function(sid, "run", [])


def test_multimethod_dispatch_cache_follows_changes() -> None:
    source = """
    (defmulti area :shape)
    (defmethod area :default [s] 0)
    (let [before (area {:shape ::sq})]
      (derive ::sq ::rect)
      (defmethod area ::rect [s] 1)
      (let [derived (area {:shape ::sq})]
        (remove-method area ::rect)
        [before derived (area {:shape ::sq}) (area {:shape :x})]))"""
    assert run_lisp(source)[1] == "[0 1 0 0]"


def test_flat_vector_keys_still_tell_numbers_apart() -> None:
    source = """
    [(count {[1] :a [1.0] :b [true] :c}) (get {[1 2] :x} [1 2]) (get {[1 2] :x} '(1 2))
     (contains? #{[1 "a" :k]} [1 "a" :k]) (get {[1.0] :f} [1])]"""
    assert run_lisp(source)[1] == "[3 :x :x true nil]"


INTO_CASES = [
    ("(into #{1 2} [2 3 1.0 [1] [1.0] nil])", "#{nil 1.0 1 3 2 [1.0] [1]}"),
    ("(into {:a 1} [[:b 2] {:c 3 :a 9} [1.0 :f] [1 :i]])", "{:a 9, :b 2, :c 3, 1.0 :f, 1 :i}"),
    ("(into (hash-map 1 2) [[3 4]])", "{1 2, 3 4}"),
    ('(into #{} "abca")', "#{\\a \\b \\c}"),
    ("(meta (into (with-meta #{1} {:m 1}) [2]))", "{:m 1}"),
    ("(into (sorted-set 3 1) [2])", "#{1 2 3}"),
    ("(into {} nil)", "{}"),
    # the ninth entry moves an array map to a hash trie, as nine assocs would
    (
        "(into {1 1 2 2 3 3 4 4 5 5 6 6 7 7} [[8 8] [9 9]])",
        "{7 7, 1 1, 4 4, 6 6, 3 3, 2 2, 9 9, 5 5, 8 8}",
    ),
    ("(into {1 1 2 2} [[3 3] [4 4]])", "{1 1, 2 2, 3 3, 4 4}"),
    ("(count (into #{} (range 20000)))", "20000"),
    ("(let [s (into #{} (range 20))] (= s (into s (range 5))))", "true"),
]


@pytest.mark.parametrize(("source", "expected"), INTO_CASES)
def test_into_a_map_or_set_at_once(source: str, expected: str) -> None:
    assert run_lisp(source)[1] == expected


def test_into_a_map_refuses_what_conj_refuses() -> None:
    _, value = run_lisp("(try (into {} [[1 2 3]]) (catch Exception e (.getMessage e)))")
    assert value == '"Vector arg to map conj must be a pair"'


def test_into_with_a_transducer_fails_where_conj_would() -> None:
    out, value = run_lisp(
        "(try (into {} (map (fn [x] (print x) x)) [[1 2] [1 2 3] [4 5]])"
        " (catch Exception e (.getMessage e)))"
    )
    assert (out, value) == ("[1 2][1 2 3]", '"Vector arg to map conj must be a pair"')
    assert run_lisp("(into #{1} (map inc) [1 2 1.0])")[1] == "#{2.0 1 3 2}"
    assert run_lisp("(into {} (comp (map (fn [x] [x x])) (take 1)) (range))")[1] == "{0 0}"


@given(st.lists(st.tuples(st.integers(-5, 5), st.integers()), max_size=80))
def test_sorting_as_java_is_a_stable_sort_for_a_consistent_order(items: list[Any]) -> None:
    # short lists take Java's own steps, long ones Python's sort: both stable
    def by_first(a: Any, b: Any) -> int:
        return (a[0] > b[0]) - (a[0] < b[0])

    ours = list(items)
    sort_as_java(ours, by_first)
    assert ours == sorted(items, key=lambda item: item[0])


def test_destructuring_reads_vectors_and_their_rest_in_place(
    output: Callable[[str], str],
) -> None:
    source = """
    (prn (loop [[[v s] & more :as all] [[1 "a"] [2 "b"] [3]] out []]
           (if v (recur more (conj out [v s (count all)])) out)))
    (let [[a b c] (next [1 2 3])] (prn a b c))
    (let [[a [b c] & r] (list 1 [2] 3 4)] (prn a b c r))
    (let [[a b] "xy" [c d] nil [e f] (range 1)] (prn a b c d e f))
    (prn (nth (rest [1 2 3]) 1) (nth (rest [1 2 3]) 5 :nf) (nthnext (rest [1 2 3]) 1)
         (nthnext (rest [1 2 3]) 2))
    (try (nth (rest [1 2]) 3) (catch IndexOutOfBoundsException e (println "oob")))
    (try (let [[a] {:a 1}] a) (catch UnsupportedOperationException e (println "map")))
    """
    assert output(source) == (
        '[[1 "a" 3] [2 "b" 2] [3 nil 1]]\n2 3 nil\n1 2 nil (3 4)\n'
        "\\x \\y nil nil 0 nil\n3 :nf (3) nil\noob\nmap\n"
    )


def test_str_of_several_values_and_trampoline_of_values_that_are_not_bounces(
    output: Callable[[str], str],
) -> None:
    source = r"""
    (prn (str "a" nil \b 1 2.0 :k 'y 1/2 [1] nil) (str nil nil) (str "" ""))
    (prn (trampoline (fn [] :k)) (trampoline (fn [] {:a 1})) (trampoline (fn [] #{1}))
         (trampoline (fn [] (fn [] [:v]))) (trampoline + 1 2))
    """
    assert output(source) == '"ab12.0:ky1/2[1]" "" ""\n:k {:a 1} #{1} [:v] 3\n'


def test_str_of_two_or_three_values_compiled_to_one_call_keeps_str(
    output: Callable[[str], str],
) -> None:
    source = r"""
    (prn (str nil nil) (str \a 1) (str "a" nil "b") (str 1/2 2.0 :k) (str 'x [1]))
    (prn (map str [1 2] [3 4]) (apply str [1 2 3]))
    (let [str (fn [& xs] :mine)] (prn (str 1 2)))
    (defn g [str] (str 1 2))
    (prn (g vector))
    (prn (count (loop [i 0 s ""] (if (< i 100) (recur (inc i) (str s i ",")) s))))
    """
    assert output(source) == (
        '"" "a1" "ab" "1/22.0:k" "x[1]"\n("13" "24") "123"\n:mine\n[1 2]\n290\n'
    )


def test_str_of_two_values_is_held_to_the_memory_limit() -> None:
    policy = SecurityPolicy(
        name="strings", time_limit_ms=5_000, memory_limit_mb=1, instruction_limit=None
    )
    engine = LispEngine()
    engine.initialize(LispConfig(), policy)
    script = engine.load_script(
        engine.compile(
            '(defn grow [] (loop [s "x"] (recur (str s s))))\n'
            '(defn grow3 [] (loop [s "x"] (recur (str s "" s))))\n',
            script="grow.klisp",
        )
    )
    for fn in ("grow", "grow3"):
        with pytest.raises(Exception, match="memory limit: a string of 2,097,152 characters"):
            engine.bind_function(script, fn)([])


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("(update {:a 1} :a (fnil inc 0))", "{:a 2}"),
        ("(update {} :a (fnil inc 0))", "{:a 1}"),
        ("(update {:a nil} :a (fnil conj []) 3)", "{:a [3]}"),
        ("(update nil :a (fnil inc 10))", "{:a 11}"),
        ("(update [1 2] 1 (fnil inc 0))", "[1 3]"),
        ("(update [1 nil] 1 (fnil inc 7))", "[1 8]"),
        ("(update {:a false} :a (fnil not true))", "{:a true}"),
        ("(update {1.5 2} 1.5 (fnil * 1))", "{1.5 2}"),
        ("(update {[1 2] 1} [1 2] (fnil + 0))", "{[1 2] 1}"),
        ("(defrecord P [x]) (update (->P nil) :x (fnil inc 0))", "#user.P{:x 1}"),
        ("(update {:a 1} :a inc)", "{:a 2}"),
        ("(update {} :a inc)", "NullPointerException"),
        ("(update {:a 1} :a (fnil 5 0))", "ClassCastException"),
        ("(update 5 :a (fnil inc 0))", "ClassCastException"),
        ("(let [fnil (fn [f d] (fn [x] :mine))] (update {} :a (fnil inc 0)))", "{:a :mine}"),
        (
            "(count (reduce (fn [m x] (update m (mod x 97) (fnil inc 0))) {} (range 1000)))",
            "97",
        ),
        (
            "(let [m (reduce (fn [m x] (update m (mod x 13) (fnil inc 0))) {} (range 100))]"
            " [(count m) (reduce + (vals m)) (get m 0) (get m 12)])",
            "[13 100 8 7]",
        ),
        ("(reduce (fn [m x] (update m :n (fnil + 0) x)) {} (range 5))", "{:n 10}"),
    ],
)
def test_update_with_fnil_matches_the_full_functions(source: str, expected: str) -> None:
    """``(update m k (fnil f d))`` and ``(update m k f)`` compile to one call
    each; what they give and throw is what the core functions did."""
    wrapped = f"(try {source} (catch Exception e (symbol (.getSimpleName (class e)))))"
    assert run_lisp(wrapped)[1] == expected


@pytest.mark.parametrize(
    ("program", "most"),
    [
        ("(loop [i 0] (if (< i {n}) (recur (inc i)) i))", 9999),
        ("(defn f [i] (if (< i {n}) (recur (inc i)) i)) (f 0)", 9999),
        ("(dotimes [j {n}] (loop [i 0] (if (< i 2) (recur (inc i)) i)))", 2049),
        (
            "(dotimes [j {n}] (try (loop [i 0] (if (< i 2) (recur (inc i))"
            ' (throw (ex-info "x" {{}})))) (catch Exception e nil)))',
            2049,
        ),
        ("(def a (atom 0)) (while (< @a {n}) (swap! a inc))", 10000),
    ],
)
def test_loops_taking_steps_ahead_stop_at_the_same_step(program: str, most: int) -> None:
    """Innermost loops count their steps locally and give back what they did
    not use however they are left (a recur, a return, a throw): the step
    limit stops a program exactly where one check per pass stopped it."""
    policy = SecurityPolicy(
        name="steps", time_limit_ms=None, instruction_limit=10_000, recursion_limit=200
    )

    def load(n: int) -> None:
        engine = LispEngine()
        engine.initialize(LispConfig(), policy)
        engine.load_script(engine.compile(program.format(n=n), script="steps.klisp"))

    load(most)
    with pytest.raises(InstructionLimitError):
        load(most + 1)


def test_deeply_nested_counted_loops_still_compile() -> None:
    """19 nested loops and the function's try block are Python's 20 blocks:
    the innermost loop's own try block would be one too many, so that loop
    counts on the budget instead."""
    body = "1"
    for d in range(19, 0, -1):
        body = f"(loop [a{d} 0 s{d} 0] (if (< a{d} 2) (recur (inc a{d}) (+ s{d} {body})) s{d}))"
    assert run_lisp(body, limited=True)[1] == str(2**19)
    assert run_lisp(f"(defn f [] {body}) (f)", limited=True)[1] == str(2**19)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('(assoc {} (str "k" 1) (inc 1))', '{"k1" 2}'),
        ("(assoc [1 2] (dec 2) (* 3 3))", "[1 9]"),
        ("(assoc [1 2] (inc 1) :end)", "[1 2 :end]"),
        ('(assoc nil (keyword "a") (inc 0))', "{:a 1}"),
        ("(defrecord R [a]) (assoc (->R 1) :b (inc 1))", "#user.R{:a 1, :b 2}"),
        ("(assoc 5 :a (inc 1))", "ClassCastException"),
        ("(assoc [1] (inc 5) 0)", "IndexOutOfBoundsException"),
        ("(conj [1] (inc 1))", "[1 2]"),
        ("(conj #{1} (inc 1))", "#{1 2}"),
        ("(conj nil (inc 1))", "(2)"),
        ("(conj '(1) (inc 1))", "(2 1)"),
        ("(conj {} [(inc 0) 2])", "{1 2}"),
        ('(count (reduce #(assoc %1 (str "k" %2) %2) {} (range 100)))', "100"),
    ],
)
def test_assoc_and_conj_of_computed_values(source: str, expected: str) -> None:
    """Computed arguments go to the fixed-arity functions, which agree with
    the full ones (and nested calls do not double the code at each level)."""
    wrapped = f"(try {source} (catch Exception e (symbol (.getSimpleName (class e)))))"
    assert run_lisp(wrapped)[1] == expected


def test_nested_assoc_of_computed_values_compiles_in_linear_size() -> None:
    form = "{}"
    for i in range(40):
        form = f"(assoc {{}} :k{i} (conj [{form}] (inc {i})))"
    assert run_lisp(f"(count (str {form}))")[1].isdigit()


CALLS = """
(defn leaf [] nil)
(defn ok [n] (if (zero? n) 0 (inc (ok (dec n)))))
(defn thrower [n] (if (zero? n) (throw (ex-info "bottom" {})) (thrower (dec n))))
(defn probe [w n]
  (dotimes [_ w] (leaf))
  (dotimes [_ 3] (try (thrower 150) (catch Exception e nil)))
  (ok n))
(defn fan [n] (if (zero? n) 0 (+ (fan (dec n)) (fan (dec n)))))
"""


def _calls_engine(recursion_limit: int, instruction_limit: int | None) -> tuple[LispEngine, Any]:
    engine = LispEngine()
    engine.initialize(
        LispConfig(),
        SecurityPolicy(
            name="calls",
            time_limit_ms=None,
            memory_limit_mb=None,
            instruction_limit=instruction_limit,
            recursion_limit=recursion_limit,
        ),
    )
    return engine, engine.load_script(engine.compile(CALLS, script="calls.klisp"))


@pytest.mark.parametrize("warmup", [0, 1, 254, 255, 256, 300, 1023, 1024, 5000])
def test_the_depth_limit_is_exact_however_many_calls_came_before(warmup: int) -> None:
    # entries and exits are counted in small batches folded into the totals:
    # wherever a batch ends, and after exceptions unwound deep frames, depth
    # 200 (probe, then ok 198 deep) is allowed and 201 is not
    engine, sid = _calls_engine(200, None)
    assert engine.call_function(sid, "probe", [warmup, 198]) == 198
    with pytest.raises(RecursionLimitError, match="recursion depth limit of 200 exceeded"):
        engine.call_function(sid, "probe", [warmup, 199])


@pytest.mark.parametrize(
    ("limit", "n", "passes"),
    # (fan n) makes 2**(n+1) - 1 calls, each a step
    [(254, 7, False), (255, 7, True), (1022, 9, False), (1023, 9, True), (5000, 12, False)],
)
def test_each_call_is_one_step_of_the_instruction_limit(limit: int, n: int, passes: bool) -> None:
    engine, sid = _calls_engine(200, limit)
    if passes:
        assert engine.call_function(sid, "fan", [n]) == 0
    else:
        with pytest.raises(InstructionLimitError, match=f"limit of {limit} steps exceeded"):
            engine.call_function(sid, "fan", [n])


MULTI_ARITY = """
(defn f ([] :zero) ([a] [:one a]) ([a b] [:two a b]))
(defn g ([a] a) ([a b & more] [a b more]))
(defn h
  ([n] (h n 0))
  ([n acc]
   (if (= n 3)
     (do (defn h ([n] :new) ([n acc] [:new n acc])) (h n acc))
     (h (dec n) (+ acc n)))))
(defn msg [thunk] (try (thunk) (catch Exception e (ex-message e))))
[(f) (f nil) (f nil nil) (f 1 false) (g nil) (g 1 nil) (g 1 2 nil) (g 1 2 3 4)
 (map f [1 2]) (apply f [1 2]) (apply g 1 2 3 [4]) (h 5) (h 7 1)
 (loop [i 0 acc []]
   (if (< i 2) (recur (inc i) (conj acc ((fn ([] i) ([x] (+ x i))) 10))) acc))
 (msg #(f 1 2 3)) (msg #(g)) (msg #(apply f (range 20)))]
"""


@pytest.mark.parametrize("limited", [False, True])
def test_multi_arity_dispatch_reads_the_arguments_given(limited: bool) -> None:
    # the dispatcher tells a missing argument from nil and false, passes the
    # rest on to the variadic arity, sees a redefinition made mid-recursion,
    # and names the count given when no arity takes it
    assert run_lisp(MULTI_ARITY, limited=limited)[1] == (
        "[:zero [:one nil] [:two nil nil] [:two 1 false] nil [1 nil nil] [1 2 (nil)]"
        " [1 2 (3 4)] ([:one 1] [:one 2]) [:two 1 2] [1 2 (3 4)] [:new 3 9] [:new 7 1]"
        " [10 11]"
        ' "Wrong number of args (3) passed to: user/f"'
        ' "Wrong number of args (0) passed to: user/g"'
        ' "Wrong number of args (20) passed to: user/f"]'
    )


COMPUTED_HEADS = """
(defn msg [thunk] (try (thunk) (catch Throwable e (ex-message e))))
(let [log (atom [])]
  [((do (swap! log conj :head) (fn [x] [:called x])) (do (swap! log conj :arg) 1))
   @log
   ((fn [x] (* x 2)) 21) ((partial + 1) 2) ((first [[1 2 3]]) 1) ((first [{:a 1}]) :a)
   ((first [:a]) {:a 1}) ((fn f [x] (if (pos? x) (f (dec x)) :done)) 3)
   (msg #((fn [x] x) 1 2)) (msg #((first [[1 2 3]]) 1 2)) (msg #((get {} :a) 1))])
"""


@pytest.mark.parametrize("limited", [False, True])
def test_a_computed_head_is_called_as_invoke_would(limited: bool) -> None:
    # a head that is not a name (a fn form, a call) is evaluated once, before
    # the arguments; vectors, maps and keywords it yields are still functions
    assert run_lisp(COMPUTED_HEADS, limited=limited)[1] == (
        "[[:called 1] [:head :arg] 42 3 2 1 1 :done"
        ' "Wrong number of args (2) passed to: fn"'
        ' "Wrong number of args (2) passed to: clojure.lang.PersistentVector"'
        ' "nil cannot be cast to clojure.lang.IFn"]'
    )
