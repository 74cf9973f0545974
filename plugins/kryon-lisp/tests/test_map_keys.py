"""Map keys and set members are told apart by Clojure's ``=``, not Python's ``==``
(where ``1 == 1.0 == True`` and ``[1] == [1.0]``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kryon_lisp.printer import pr_str
from kryon_lisp.runtime import Runtime

pytestmark = pytest.mark.filterwarnings("ignore:The recursion limit will not be reset")

RUNTIME = Runtime(limited=False)
NS = RUNTIME.new_namespace("keys.klisp")


def run(source: str) -> str:
    return pr_str(RUNTIME.eval_source(NS, source))


CASES = [
    ("(pr {1 :a 1.0 :b true :c})", "{1 :a, 1.0 :b, true :c}"),
    (
        "(pr (get {1 :a} 1.0) (get {1.0 :a} 1) (get {1 :a} true) (get {true :a} 1))",
        "nil nil nil nil",
    ),
    ("(pr (= 1 1.0) (== 1 1.0) (= {1 :a} {1.0 :a}) (= #{1} #{1.0}))", "false true false false"),
    ("(pr (count #{1 1.0 true}) (contains? #{1} true) (contains? #{1.0} 1.0))", "3 false true"),
    ("(pr (distinct [1 1.0 true 1 1.0]))", "(1 1.0 true)"),
    ("(pr (frequencies [1 1.0 true 1]))", "{1 2, 1.0 1, true 1}"),
    ("(pr (group-by identity [1 1.0 true]))", "{1 [1], 1.0 [1.0], true [true]}"),
    ("(pr (into [] (distinct) [0 0.0 false nil 0]))", "[0 0.0 false nil]"),
    ("(pr (distinct? 1 1.0) (distinct? 1 1))", "true false"),
    ("(pr (get {[1.0] :f} [1]) (get {[1.0] :f} '(1.0)) (get {{:a 1.0} :x} {:a 1}))", "nil :f nil"),
    (
        "(pr (dissoc {1 :a 1.0 :b} 1.0) (disj #{1 1.0} 1) (keys {1.0 :a true :b}))",
        "{1 :a} #{1.0} (1.0 true)",
    ),
    ("(def f (memoize str)) (pr (f 1) (f 1.0) (f true))", '"1" "1.0" "true"'),
    ("(pr (assoc (sorted-map) 2 :b 1.5 :x))", "{1.5 :x, 2 :b}"),
    ("(defrecord P [a]) (pr (assoc (->P 1) 1 :i 1.0 :f))", "#user.P{:a 1, 1 :i, 1.0 :f}"),
    # a vector key and an equal list are one key, whichever is stored first
    (
        "(pr (assoc {[1] :d} '(1) :f) (assoc {'(1) :d} [1] :f) (get {[1 2] :v} '(1 2)))",
        "{[1] :f} {(1) :f} :v",
    ),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_keys_follow_clojure_equality(
    output: Callable[[str], str], source: str, expected: str
) -> None:
    assert output(source) == expected


def test_set_literal_with_equal_vector_and_list_is_a_duplicate() -> None:
    with pytest.raises(Exception, match="Duplicate key in set literal"):
        run("'#{[1] (1)}")
    assert run("(count #{[1] [1.0] [true] 1 1.0 true})") == "6"


def _collection(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    items = st.lists(children, max_size=3)
    return st.one_of(
        items.map(lambda xs: "[" + " ".join(xs) + "]"),
        items.map(lambda xs: "(list " + " ".join(xs) + ")"),
        items.map(lambda xs: "(hash-set " + " ".join(xs) + ")"),
        st.lists(st.tuples(children, children), max_size=2).map(
            lambda kvs: "(hash-map " + " ".join(f"{k} {v}" for k, v in kvs) + ")"
        ),
    )


SCALARS = st.sampled_from(
    [
        "0",
        "1",
        "2",
        "0.0",
        "-0.0",
        "1.0",
        "2.0",
        "1/2",
        "0.5",
        "true",
        "false",
        "nil",
        ":a",
        '"a"',
        "\\a",
    ]
)
VALUES = st.recursive(SCALARS, _collection, max_leaves=6)

# every way of deduplicating must agree with a pairwise (=) scan, and equal
# values must hash alike
CHECK = """
(let [xs [{items}]
      by-eq (reduce (fn [acc x] (if (some #(= x %) acc) acc (conj acc x))) [] xs)
      n (count by-eq)]
  [(= n (count (set xs)) (count (distinct xs)) (count (frequencies xs))
      (count (group-by identity xs)) (count (zipmap xs xs)) (count (into #{{}} (distinct) xs)))
   (= by-eq (vec (distinct xs)))
   (every? (fn [x] (= (get (zipmap xs (range)) x) (last (keep-indexed #(when (= x %2) %1) xs)))) xs)
   (every? (fn [[a b]] (or (not= a b) (= (hash a) (hash b)))) (for [a xs b xs] [a b]))
   (every? (fn [x] (and (contains? (set xs) x) (= x ((set xs) x)))) xs)])
"""


@settings(max_examples=120, deadline=None)
@given(st.lists(VALUES, min_size=1, max_size=6))
def test_deduplication_agrees_with_equality(items: list[str]) -> None:
    result = run(CHECK.format(items=" ".join(items)))
    assert result == "[true true true true true]"
