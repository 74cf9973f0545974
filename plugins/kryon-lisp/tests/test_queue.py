"""clojure.lang.PersistentQueue: FIFO, sequential, printed as Clojure prints it."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

Q = "clojure.lang.PersistentQueue/EMPTY"

CASES = [
    # conj at the rear, peek and pop at the front; seq, count, into
    (
        f"(def q (conj {Q} 1 2 3)) (prn (peek q) (seq (pop q)) (count q) (seq q)"
        f" (seq (into {Q} [4 5 6])) (first q) (rest q) (nth q 2) (vec q) (reduce + q))",
        "1 (2 3) 3 (1 2 3) (4 5 6) 1 (2 3) 3 [1 2 3] 6\n",
    ),
    # the rear becomes the front once the front is used up, and conj goes on behind
    (
        f"(prn (seq (-> {Q} (conj 1 2) pop (conj 3 4) pop (conj 5) pop)))",
        "(4 5)\n",
    ),
    # the empty queue: no seq, peek nil, pop gives it back
    (
        f"(prn (seq {Q}) (peek {Q}) (count (pop {Q})) (empty? {Q}) (empty? (conj {Q} nil)))",
        "nil nil 0 true false\n",
    ),
    # sequential: equal to a vector or list of its elements, hashed alike
    (
        f"(def q (conj {Q} 1 2 3)) (prn (= q [1 2 3]) (= [1 2 3] q) (= q '(1 2 3))"
        f" (= q [1 2]) (= (hash q) (hash [1 2 3])) (get {{[1 2 3] :v}} q)"
        " (contains? #{[1 2 3]} q))",
        "true true true false true :v true\n",
    ),
    (
        f"(def q (conj {Q} 1)) (prn (coll? q) (sequential? q) (counted? q) (seq? q)"
        " (list? q) (vector? q) (class q) (instance? clojure.lang.PersistentQueue q)"
        " (meta (with-meta q {:a 1})) (count (empty q)) (class (empty q)))",
        "true true true false false false clojure.lang.PersistentQueue true {:a 1} 0"
        " clojure.lang.PersistentQueue\n",
    ),
    # Object.toString: the class and the hex of the List-style hashCode
    (
        f"(println (str (conj {Q} 1 2 3)) (str {Q}))",
        "clojure.lang.PersistentQueue@7861 clojure.lang.PersistentQueue@1\n",
    ),
    # import (a compile error before) names it by its short name
    (
        "(import '(clojure.lang PersistentQueue) '[java.util Date])"
        " (import clojure.lang.PersistentQueue)"
        " (def q (into PersistentQueue/EMPTY (range 3)))"
        " (prn (peek q) (instance? PersistentQueue q))",
        "0 true\n",
    ),
    # a breadth-first search
    (
        "(defn bfs [g start]"
        f"  (loop [q (conj {Q} start) seen #{{start}} order []]"
        "    (if (empty? q) order"
        "      (let [n (peek q) nbrs (remove seen (g n))]"
        "        (recur (into (pop q) nbrs) (into seen nbrs) (conj order n))))))"
        " (prn (bfs {1 [2 3] 2 [4] 3 [4 5] 4 [6] 5 [6] 6 []} 1))",
        "[1 2 3 4 5 6]\n",
    ),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_queue(output: Callable[[str], str], source: str, expected: str) -> None:
    assert output(source) == expected


def test_a_queue_prints_as_a_java_object(output: Callable[[str], str]) -> None:
    """Clojure has no print-method for queues: pr and print show the object."""
    printed = output(f"(def q (conj {Q} 1 2 3)) (prn q) (println q) (println [q])")
    hexa = "0x[0-9a-f]+"
    assert re.fullmatch(
        rf'#object\[clojure.lang.PersistentQueue {hexa} "clojure.lang.PersistentQueue@7861"\]\n'
        rf"#object\[clojure.lang.PersistentQueue {hexa} clojure.lang.PersistentQueue@7861\]\n"
        rf"\[#object\[clojure.lang.PersistentQueue {hexa} clojure.lang.PersistentQueue@7861\]\]\n",
        printed,
    )


def test_popping_is_constant_time(output: Callable[[str], str]) -> None:
    source = (
        f"(let [q (reduce conj {Q} (range 30000))"
        "      q (loop [q q] (if (> (count q) 10) (recur (pop q)) q))]"
        "  (prn (seq q)))"
    )
    assert output(source) == "(29990 29991 29992 29993 29994 29995 29996 29997 29998 29999)\n"
