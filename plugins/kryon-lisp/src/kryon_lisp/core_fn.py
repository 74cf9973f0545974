"""Functions of functions: apply, partial, comp, juxt, memoize and friends."""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable
from typing import Any

from pyrsistent import pvector

from kryon_lisp.collections import nth
from kryon_lisp.seqs import realise_list
from kryon_lisp.types import PVector, key_of, truthy

_NONE = object()


def as_fn(f: Any) -> Any:
    """Vectors are functions of their indices; everything else is called."""
    if type(f) is PVector:
        return lambda i, *d: nth(f, i, *d)
    return f


def apply(f: Any, *args: Any) -> Any:
    *front, tail = args
    return as_fn(f)(*front, *realise_list(tail, 2))


def partial(f: Any, *bound: Any) -> Any:
    def partially(*args: Any) -> Any:
        return f(*bound, *args)

    return partially


def comp(*fns: Any) -> Any:
    if not fns:
        return identity
    if len(fns) == 1:
        return fns[0]
    inner, outer = fns[-1], list(reversed(fns[:-1]))

    def composed(*args: Any) -> Any:
        r = inner(*args)
        for g in outer:
            r = g(r)
        return r

    return composed


def juxt(*fns: Any) -> Any:
    def juxtaposed(*args: Any) -> Any:
        return pvector([f(*args) for f in fns])

    return juxtaposed


def identity(x: Any) -> Any:
    return x


def constantly(x: Any) -> Any:
    def constant(*args: Any) -> Any:
        return x

    return constant


def complement(f: Any) -> Any:
    def complemented(*args: Any) -> bool:
        return not truthy(f(*args))

    return complemented


def fnil(f: Any, *defaults: Any) -> Any:
    if len(defaults) == 1:
        default = defaults[0]

        def patched1(x: Any, *more: Any) -> Any:
            return f(default if x is None else x, *more)

        return patched1

    def patched(*args: Any) -> Any:
        fixed = [
            d if i < len(defaults) and a is None else a
            for i, (a, d) in enumerate(itertools.zip_longest(args, defaults))
        ][: len(args)]
        return f(*fixed)

    return patched


def memoize(f: Any) -> Any:
    cache: dict[Any, Any] = {}

    def memoized(*args: Any) -> Any:
        key = tuple(key_of(a) for a in args)
        found = cache.get(key, _NONE)
        if found is _NONE:
            found = cache[key] = f(*args)
        return found

    return memoized


def every_pred(*preds: Any) -> Any:
    return lambda *xs: all(truthy(p(x)) for p in preds for x in xs)


def some_fn(*fns: Any) -> Any:
    # Clojure answers the last predicate's falsy value for up to three
    # arguments and up to three predicates (an or), nil otherwise (a some)
    keeps_last = len(fns) <= 3

    def first_truthy(*xs: Any) -> Any:
        r = None
        for f in fns:
            for x in xs:
                r = f(x)
                if truthy(r):
                    return r
        return r if keeps_last and 0 < len(xs) <= 3 else None

    return first_truthy


def _by_key(at_least: Callable[[Any, Any], bool], k: Any, x: Any, more: tuple[Any, ...]) -> Any:
    """Each key computed once, in order; a tie goes to the later element, as in Clojure."""
    if not more:
        return x
    best, best_key = x, k(x)
    for y in more:
        key = k(y)
        if at_least(key, best_key):
            best, best_key = y, key
    return best


def max_key(k: Any, x: Any, *more: Any) -> Any:
    return _by_key(operator.ge, k, x, more)


def min_key(k: Any, x: Any, *more: Any) -> Any:
    return _by_key(operator.le, k, x, more)
