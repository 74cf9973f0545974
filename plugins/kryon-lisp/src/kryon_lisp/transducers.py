"""Transducers: the reducing-function transformers behind ``transduce``/``into``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pyrsistent import pvector

from kryon_lisp.seqs import iter_of
from kryon_lisp.types import Reduced, truthy


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


def map_xf(f: Any) -> Any:
    return _xf(lambda rf, acc, x: rf(acc, f(x)))


def filter_xf(pred: Any) -> Any:
    return _xf(lambda rf, acc, x: rf(acc, x) if truthy(pred(x)) else acc)


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
                if args[1] in seen:
                    return args[0]
                seen.add(args[1])
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
                acc = args[0]
                if buf:
                    acc = rf(acc, pvector(buf))
                    buf.clear()
                    if type(acc) is Reduced:
                        acc = acc.value
                return rf(acc)
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
