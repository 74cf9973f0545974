"""Clojure's ``=``: value equality across collection kinds, numbers by category."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from kryon_lisp import limits
from kryon_lisp.pqueue import PersistentQueue
from kryon_lisp.seqs import iter_of
from kryon_lisp.types import LMap, LSet, PVector, Seq

_INTEGRAL = (int, Fraction)


def sequential_equals(a: Any, b: Any) -> bool:
    """Equality of a sequence with a vector, list or other sequence.

    ``b`` may be a Python list: a persistent vector compares itself with
    anything by comparing the list of its items with it, so a vector map key
    looked up with an equal list arrives here as ``(list) == (seq)``."""
    if not (
        isinstance(b, Seq) or type(b) is PVector or type(b) is list or type(b) is PersistentQueue
    ):
        return False
    limits.step()
    sentinel = object()
    ib = iter_of(b)
    for x in iter_of(a):
        y = next(ib, sentinel)
        if y is sentinel or not equals(x, y):
            return False
    return next(ib, sentinel) is sentinel


def equals(a: Any, b: Any) -> bool:
    """``(= a b)``."""
    if a is b:
        return True
    ta = type(a)
    tb = type(b)
    if ta is tb:
        if ta is PVector:
            limits.step()  # shared substructure can make a short vector 2**40 nodes deep
            return len(a) == len(b) and all(equals(x, y) for x, y in zip(a, b, strict=False))
        if ta is LMap:
            limits.step()
            if len(a) != len(b):
                return False
            missing = object()
            for k, v in a.raw_items():
                w = b.get(k, missing)
                if w is missing or not equals(v, w):
                    return False
            return True
        return bool(a == b)
    if ta is bool or tb is bool:
        return False
    if ta is float or tb is float:
        return False
    if isinstance(a, _INTEGRAL) and isinstance(b, _INTEGRAL):
        return bool(a == b)
    if isinstance(a, Seq) or ta is PVector or ta is PersistentQueue:
        return sequential_equals(a, b)
    if isinstance(a, (LMap, LSet)):
        # a sorted map equals the hash map of the same entries; a record
        # equals only a record of its own type (Record.__eq__ says so)
        if isinstance(b, LMap) and hasattr(b, "record_type"):
            return bool(b == a)
        return bool(a == b)
    return bool(a == b)


def num_equals(a: Any, b: Any) -> bool:
    """``(== a b)``: numeric equality across categories."""
    return bool(a == b)
