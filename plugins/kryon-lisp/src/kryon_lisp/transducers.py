"""Transducers: the reducing-function transformers behind ``transduce``/``into``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pyrsistent import pvector

from kryon_lisp.seqs import iter_of
from kryon_lisp.types import Reduced, key_of, truthy


def _xf(
    step: Callable[[Callable[..., Any], Any, Any], Any],
    done: Callable[[Callable[..., Any], Any], Any] | None = None,
) -> Any:
    def xform(rf: Callable[..., Any]) -> Callable[..., Any]:
        def reducer(*args: Any) -> Any:
            if len(args) == 2:
                return step(rf, args[0], args[1])
            if len(args) == 1:
                return rf(args[0]) if done is None else done(rf, args[0])
            return rf()

        return reducer

    return xform


_NONE: Any = object()


def map_xf(f: Any) -> Any:
    # map and filter are most transducers: one call per element, not three
    def xform(rf: Callable[..., Any]) -> Callable[..., Any]:
        def reducer(acc: Any = _NONE, x: Any = _NONE, *more: Any) -> Any:
            if x is not _NONE:
                return rf(acc, f(x, *more))  # several inputs: (sequence (map +) xs ys)
            return rf() if acc is _NONE else rf(acc)

        return reducer

    return xform


def filter_xf(pred: Any) -> Any:
    def xform(rf: Callable[..., Any]) -> Callable[..., Any]:
        def reducer(acc: Any = _NONE, x: Any = _NONE) -> Any:
            if x is not _NONE:
                r = pred(x)
                return acc if r is None or r is False else rf(acc, x)
            return rf() if acc is _NONE else rf(acc)

        return reducer

    return xform


def keep_xf(f: Any) -> Any:
    def step(rf: Any, acc: Any, x: Any) -> Any:
        r = f(x)
        return acc if r is None else rf(acc, r)

    return _xf(step)


def take_xf(n: int) -> Any:
    def xform(rf: Callable[..., Any]) -> Callable[..., Any]:
        left = [n]

        def reducer(*args: Any) -> Any:
            if len(args) == 2:
                acc, x = args
                if left[0] <= 0:
                    return Reduced(acc)
                left[0] -= 1
                acc = rf(acc, x)
                return Reduced(acc) if left[0] <= 0 and type(acc) is not Reduced else acc
            return rf(*args)

        return reducer

    return xform


def drop_xf(n: int) -> Any:
    def xform(rf: Callable[..., Any]) -> Callable[..., Any]:
        left = [n]

        def reducer(*args: Any) -> Any:
            if len(args) == 2:
                if left[0] > 0:
                    left[0] -= 1
                    return args[0]
                return rf(*args)
            return rf(*args)

        return reducer

    return xform


def take_while_xf(pred: Any) -> Any:
    return _xf(lambda rf, acc, x: rf(acc, x) if truthy(pred(x)) else Reduced(acc))


def distinct_xf() -> Any:
    def xform(rf: Callable[..., Any]) -> Callable[..., Any]:
        seen: set[Any] = set()

        def reducer(*args: Any) -> Any:
            if len(args) == 2:
                k = key_of(args[1])
                if k in seen:
                    return args[0]
                seen.add(k)
            return rf(*args)

        return reducer

    return xform


def _stateful(make: Callable[[Callable[..., Any]], Callable[[Any, Any], Any]]) -> Any:
    """A transducer whose step (made fresh for each use) keeps state between items."""

    def xform(rf: Callable[..., Any]) -> Callable[..., Any]:
        step = make(rf)

        def reducer(*args: Any) -> Any:
            return step(args[0], args[1]) if len(args) == 2 else rf(*args)

        return reducer

    return xform


def drop_while_xf(pred: Any) -> Any:
    def make(rf: Callable[..., Any]) -> Callable[[Any, Any], Any]:
        dropping = [True]

        def step(acc: Any, x: Any) -> Any:
            if dropping[0] and truthy(pred(x)):
                return acc
            dropping[0] = False
            return rf(acc, x)

        return step

    return _stateful(make)


def take_nth_xf(n: int) -> Any:
    def make(rf: Callable[..., Any]) -> Callable[[Any, Any], Any]:
        seen = [0]

        def step(acc: Any, x: Any) -> Any:
            seen[0] += 1
            return rf(acc, x) if (seen[0] - 1) % n == 0 else acc

        return step

    return _stateful(make)


def keep_indexed_xf(f: Any) -> Any:
    def make(rf: Callable[..., Any]) -> Callable[[Any, Any], Any]:
        index = [-1]

        def step(acc: Any, x: Any) -> Any:
            index[0] += 1
            r = f(index[0], x)
            return acc if r is None else rf(acc, r)

        return step

    return _stateful(make)


def interpose_xf(sep: Any) -> Any:
    def make(rf: Callable[..., Any]) -> Callable[[Any, Any], Any]:
        started = [False]

        def step(acc: Any, x: Any) -> Any:
            if started[0]:
                acc = rf(acc, sep)
                if type(acc) is Reduced:
                    return acc
            started[0] = True
            return rf(acc, x)

        return step

    return _stateful(make)


def partition_by_xf(f: Any) -> Any:
    from kryon_lisp.equality import equals

    def xform(rf: Callable[..., Any]) -> Callable[..., Any]:
        buf: list[Any] = []
        last: list[Any] = []

        def reducer(*args: Any) -> Any:
            if len(args) == 2:
                acc, x = args
                key = f(x)
                if buf and not equals(last[0], key):
                    chunk = pvector(buf)
                    buf.clear()
                    acc = rf(acc, chunk)
                    if type(acc) is Reduced:
                        return acc
                last[:] = [key]
                buf.append(x)
                return acc
            if len(args) == 1:
                return _complete(rf, args[0], buf)
            return rf()

        return reducer

    return xform


def _complete(rf: Callable[..., Any], acc: Any, buf: list[Any]) -> Any:
    """The completion step of a partitioning transducer: what is left in
    ``buf`` goes out as one last chunk before ``rf`` completes."""
    if buf:
        acc = rf(acc, pvector(buf))
        buf.clear()
        if type(acc) is Reduced:
            acc = acc.value
    return rf(acc)


def dedupe_xf() -> Any:
    from kryon_lisp.equality import equals

    def xform(rf: Callable[..., Any]) -> Callable[..., Any]:
        prev: list[Any] = []

        def reducer(*args: Any) -> Any:
            if len(args) == 2:
                if prev and equals(prev[0], args[1]):
                    return args[0]
                prev[:] = [args[1]]
            return rf(*args)

        return reducer

    return xform


def partition_all_xf(n: int) -> Any:
    def xform(rf: Callable[..., Any]) -> Callable[..., Any]:
        buf: list[Any] = []

        def reducer(*args: Any) -> Any:
            if len(args) == 2:
                buf.append(args[1])
                if len(buf) == n:
                    chunk = pvector(buf)
                    buf.clear()
                    return rf(args[0], chunk)
                return args[0]
            if len(args) == 1:
                return _complete(rf, args[0], buf)
            return rf()

        return reducer

    return xform


def cat(rf: Callable[..., Any]) -> Callable[..., Any]:
    def reducer(*args: Any) -> Any:
        if len(args) == 2:
            acc = args[0]
            for x in iter_of(args[1]):
                acc = rf(acc, x)
                if type(acc) is Reduced:
                    return acc
            return acc
        return rf(*args)

    return reducer
