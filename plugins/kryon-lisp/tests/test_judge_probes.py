"""Regressions found by playing the judge: programs a Clojure user writes, with what
Clojure prints for them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from kryon_lisp.errors import describe

OUTPUT_CASES = [
    # integers past a long are BigInts: print and pr write the N, str does not
    ("(prn 10000000000000000000)", "10000000000000000000N\n"),
    ("(println (*' 4294967296 4294967296))", "18446744073709551616N\n"),
    ("(println [99999999999999999999])", "[99999999999999999999N]\n"),
    ("(print (str 10000000000000000000))", "10000000000000000000"),
    ("(print (type 10000000000000000000) (type 1))", "clojure.lang.BigInt java.lang.Long"),
]


@pytest.mark.parametrize(("source", "expected"), OUTPUT_CASES)
def test_output(output: Callable[[str], str], source: str, expected: str) -> None:
    assert output(source) == expected


ERROR_CASES = [
    # keywords, maps and sets called with the wrong count name themselves, not __call__
    ("(:a 1 2 3)", "Wrong number of args (3) passed to: clojure.lang.Keyword"),
    ("({:a 1} 1 2 3)", "Wrong number of args (3) passed to: clojure.lang.PersistentArrayMap"),
    ("(#{1} 1 2)", "Wrong number of args (2) passed to: clojure.lang.PersistentHashSet"),
    ("(declare y) (y)", "Var y is unbound (declared or defined without a value)"),
    ("(< 1 nil)", "Cannot compare java.lang.Long with nil"),
]


@pytest.mark.parametrize(("source", "message"), ERROR_CASES)
def test_error_message(lisp: Callable[[str], str], source: str, message: str) -> None:
    with pytest.raises(Exception) as caught:
        lisp(source)
    assert describe(caught.value) == message
