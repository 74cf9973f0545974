"""Transients are handles: conj!/assoc! change what the handle holds, so
code that ignores their return value (as Clojure allows for vectors) sees its
updates, and persistent! ends the handle."""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("(let [t (transient [])] (conj! t 1) (persistent! (conj! t 2)))", "[1 2]"),
        (
            "(let [t (transient {})] (assoc! t :a 1) (assoc! t :b 2) (dissoc! t :a)"
            " [(count t) (:b t) (get t :b) (t :b) (persistent! t)])",
            "[1 2 2 2 {:b 2}]",
        ),
        ("(persistent! (reduce conj! (transient #{}) [1 2 1]))", "#{1 2}"),
        ("(persistent! (pop! (transient [1 2 3])))", "[1 2]"),
        ("(persistent! (disj! (transient #{1 2}) 1))", "#{2}"),
        (
            "[(nth (transient [5 6]) 1) ((transient [5 6]) 0) (persistent! (conj! (conj!) 1))]",
            "[6 5 [1]]",
        ),
        (
            "(loop [i 0 v (transient [])]"
            " (if (< i 5) (recur (inc i) (conj! v i)) (persistent! v)))",
            "[0 1 2 3 4]",
        ),
        (
            "(let [t (transient [1])] (persistent! t)"
            " (try (conj! t 2) (catch Throwable e (ex-message e))))",
            '"Transient used after persistent! call"',
        ),
        ("(try (transient '(1)) (catch ClassCastException e :cce))", ":cce"),
    ],
)
def test_transients(lisp: Callable[[str], str], source: str, expected: str) -> None:
    assert lisp(source) == expected
