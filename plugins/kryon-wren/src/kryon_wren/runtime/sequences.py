"""Sequence and its lazy helpers (map, where, skip, take), plus iteration.

``py_iter`` turns any Wren sequence into a Python iterator: natives and
built-in collections directly, anything else through Wren's
``iterate``/``iteratorValue`` protocol, so user classes that subclass
Sequence work in ``for`` loops and with every helper here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any

from kryon_wren.runtime.objects import (
    PRIMS,
    PROXIES,
    Proxy,
    WObject,
    WrenError,
    charge,
    eq,
    joined,
    running_vm,
    send,
    to_str,
    truth,
)


def call_fn(fn: Any, *args: Any) -> Any:
    """Call a Wren function value with ``args`` (like ``fn.call(args)``)."""
    if fn.__class__ is WFn:
        arity = fn.arity
        if len(args) < arity:
            raise WrenError("Function expects more arguments.")
        return fn.fn(*args[:arity])
    target = PROXIES[fn.__class__](fn) if fn.__class__ in PRIMS else fn
    return getattr(target, f"m_call_{len(args)}")(*args)


def caller(fn: Any, arity: int) -> Callable[..., Any]:
    """``fn.call`` with ``arity`` arguments as a Python function of them: a
    function of that many parameters is its compiled code itself."""
    if fn.__class__ is WFn and fn.arity == arity:
        return fn.fn  # type: ignore[no-any-return]
    return lambda *args: call_fn(fn, *args)


class WFn(WObject):
    """A Wren function (closure) value."""

    __slots__ = ("arity", "fn")

    def __init__(self, fn: Any, arity: int) -> None:
        self.fn = fn
        self.arity = arity

    def g_arity(self) -> float:
        return float(self.arity)

    def g_toString(self) -> str:
        return "<fn>"

    def m_call_0(self) -> Any:
        if self.arity:
            raise WrenError("Function expects more arguments.")
        return self.fn()

    def m_call_1(self, a: Any) -> Any:
        arity = self.arity
        if arity == 1:
            return self.fn(a)
        if arity == 0:
            return self.fn()
        raise WrenError("Function expects more arguments.")

    def m_call_2(self, a: Any, b: Any) -> Any:
        arity = self.arity
        if arity == 2:
            return self.fn(a, b)
        return call_fn(self, a, b)


def _make_call(n: int) -> Any:
    def call(self: WFn, *args: Any) -> Any:
        return call_fn(self, *args)

    call.__name__ = f"m_call_{n}"
    return call


for _n in range(3, 17):
    setattr(WFn, f"m_call_{_n}", _make_call(_n))


def protocol_iter(seq: Any) -> Iterator[Any]:
    target: Any = PROXIES[seq.__class__](seq) if seq.__class__ in PRIMS else seq
    iterate = target.m_iterate_1
    value = target.m_iteratorValue_1
    it = None
    while True:
        it = iterate(it)
        if it is None or it is False:
            return
        yield value(it)


CHECK_EVERY = 256
"""Elements a builtin walks between two checks of the running call's budget."""


def py_iter(seq: Any) -> Iterator[Any]:
    """A Python iterator over a Wren sequence; under limits, every
    :data:`CHECK_EVERY` elements count as steps of the running call, so a
    builtin walking a huge or endless sequence (``(1..1e15).count``) ends with
    a limit error like a script loop would."""
    it = _native_iter(seq)
    vm = running_vm()
    if vm is not None and vm.checks:
        return _budgeted(it, vm)
    return it


def _budgeted(it: Iterator[Any], vm: Any) -> Iterator[Any]:
    spend = vm.spend
    n = 0
    for x in it:
        n += 1
        if n == CHECK_EVERY:
            n = 0
            spend(CHECK_EVERY)
        yield x


def loop_iter(seq: Any) -> Iterator[Any]:
    """The iterator of a script's ``for`` loop (whose body counts its steps)."""
    return _native_iter(seq)


def _native_iter(seq: Any) -> Iterator[Any]:
    c = seq.__class__
    if c is str:
        return iter(seq) if seq.isascii() else _text_iter(seq)
    fast = getattr(c, "pyiter", None)
    if fast is not None:
        return fast(seq)  # type: ignore[no-any-return]
    if isinstance(seq, Proxy):
        return _native_iter(seq.v)
    return protocol_iter(seq)


def _text_iter(s: str) -> Iterator[str]:
    from kryon_wren.runtime.strings import iter_text

    return iter_text(s)


def _count_arg(n: Any) -> int:
    if n.__class__ is not float or not n.is_integer() or n < 0:
        raise WrenError("Count must be a non-negative integer.")
    # Past sys.maxsize (which no walk reaches) itertools refuses the count.
    return min(int(n), sys.maxsize)


def plain_values(seq: Any) -> bool:
    """Whether reading an element of ``seq`` runs no script code.

    The reference reads a lazy sequence's element again each time it is
    needed: a ``where`` reads it for its predicate and again for its caller,
    and a ``skip`` passes over elements without reading them.  A fast path
    that reads each element once is only the same when reading calls nothing
    (a ``map`` function or a script's own ``iteratorValue`` may count calls).
    """
    c = seq.__class__
    if c is str or getattr(c, "plain_values", False):
        return True
    if c in (WhereSequence, SkipSequence, TakeSequence):
        return plain_values(seq.seq)
    return False


class WSequence(WObject):
    __slots__ = ()

    def m_all_1(self, f: Any) -> Any:
        result: Any = True
        call = caller(f, 1)
        for x in py_iter(self):
            result = call(x)
            if not truth(result):
                return result
        return result

    def m_any_1(self, f: Any) -> Any:
        result: Any = False
        call = caller(f, 1)
        for x in py_iter(self):
            result = call(x)
            if truth(result):
                return result
        return result

    def m_contains_1(self, v: Any) -> bool:
        # `element == item` in the reference: the argument is the receiver.
        return any(eq(v, x) for x in py_iter(self))

    def g_count(self) -> float:
        return float(sum(1 for _ in py_iter(self)))

    def m_count_1(self, f: Any) -> float:
        call = caller(f, 1)
        return float(sum(1 for x in py_iter(self) if truth(call(x))))

    def m_each_1(self, f: Any) -> None:
        call = caller(f, 1)
        for x in py_iter(self):
            call(x)

    def g_isEmpty(self) -> bool:
        target: Any = self
        return not truth(target.m_iterate_1(None))

    def m_map_1(self, f: Any) -> Any:
        return MapSequence(self, f)

    def m_where_1(self, f: Any) -> Any:
        return WhereSequence(self, f)

    def m_skip_1(self, n: Any) -> Any:
        return SkipSequence(self, _count_arg(n))

    def m_take_1(self, n: Any) -> Any:
        return TakeSequence(self, _count_arg(n))

    def m_reduce_1(self, f: Any) -> Any:
        it = py_iter(self)
        try:
            acc = next(it)
        except StopIteration:
            raise WrenError("Can't reduce an empty sequence.") from None
        call = caller(f, 2)
        for x in it:
            acc = call(acc, x)
        return acc

    def m_reduce_2(self, acc: Any, f: Any) -> Any:
        call = caller(f, 2)
        for x in py_iter(self):
            acc = call(acc, x)
        return acc

    def m_join_0(self) -> str:
        return joined("", [to_str(x) for x in py_iter(self)])

    def m_join_1(self, sep: Any) -> str:
        if sep.__class__ is not str:
            # The reference adds the separator with `+` between elements:
            # a bad one only fails once there are two.
            parts = [to_str(x) for x in py_iter(self)]
            if len(parts) > 1:
                raise WrenError("Right operand must be a string.")
            return parts[0] if parts else ""
        return joined(sep, [to_str(x) for x in py_iter(self)])

    def g_toList(self) -> Any:
        from kryon_wren.runtime.collections import WList

        return WList(py_iter(self))


class _Lazy(WSequence):
    __slots__ = ("f", "seq")

    def __init__(self, seq: Any, f: Any) -> None:
        self.seq = seq
        self.f = f

    def m_iterate_1(self, it: Any) -> Any:
        return send(self.seq, "m_iterate_1", it)


class MapSequence(_Lazy):
    __slots__ = ()

    def m_iteratorValue_1(self, it: Any) -> Any:
        return call_fn(self.f, send(self.seq, "m_iteratorValue_1", it))

    def pyiter(self) -> Iterator[Any]:
        return map(caller(self.f, 1), py_iter(self.seq))


class WhereSequence(_Lazy):
    __slots__ = ()

    def m_iterate_1(self, it: Any) -> Any:
        while True:
            # Skipped elements count as steps (the predicate may call nothing).
            charge(1)
            it = send(self.seq, "m_iterate_1", it)
            if not truth(it):
                return it
            if truth(call_fn(self.f, send(self.seq, "m_iteratorValue_1", it))):
                return it

    def m_iteratorValue_1(self, it: Any) -> Any:
        return send(self.seq, "m_iteratorValue_1", it)

    def pyiter(self) -> Iterator[Any]:
        if not plain_values(self.seq):
            readers = _readers(self)
            if readers is None:
                return protocol_iter(self)
            base, passes, value = readers
            return (value(x) for x in py_iter(base) if passes(x))
        f = caller(self.f, 1)
        return (x for x in py_iter(self.seq) if (r := f(x)) is not None and r is not False)


Reader = Callable[[Any], Any]


def _readers(seq: Any) -> tuple[Any, Reader, Reader] | None:
    """For a chain of ``map`` and ``where`` over a sequence whose reading
    runs no script code: (that sequence, whether an element of it is one of
    ``seq``'s, ``seq``'s element for it), making the calls the reference's
    iterate/iteratorValue protocol makes, in its order: a ``where`` reads
    its element (running the ``map`` functions under it) for its predicate,
    and its caller reads it again. None for other chains."""
    c = seq.__class__
    if c is not MapSequence and c is not WhereSequence:
        return (seq, _every, _itself) if plain_values(seq) else None
    inner = _readers(seq.seq)
    if inner is None:
        return None
    base, passes, value = inner
    f = caller(seq.f, 1)
    if c is MapSequence:
        return base, passes, f if value is _itself else lambda x: f(value(x))
    if passes is _every:
        if value is _itself:
            return base, lambda x: truth(f(x)), value
        return base, lambda x: truth(f(value(x))), value
    return base, lambda x: passes(x) and truth(f(value(x))), value


def _every(_: Any) -> bool:
    return True


def _itself(x: Any) -> Any:
    return x


class SkipSequence(_Lazy):
    __slots__ = ()

    def pyiter(self) -> Iterator[Any]:
        if not plain_values(self.seq):
            return protocol_iter(self)
        it = py_iter(self.seq)
        for _ in range(self.f):
            if next(it, _END) is _END:
                break
        return it

    def m_iterate_1(self, it: Any) -> Any:
        if it is None:
            it = send(self.seq, "m_iterate_1", None)
            for _ in range(self.f):
                if not truth(it):
                    return it
                charge(1)
                it = send(self.seq, "m_iterate_1", it)
            return it
        return send(self.seq, "m_iterate_1", it)

    def m_iteratorValue_1(self, it: Any) -> Any:
        return send(self.seq, "m_iteratorValue_1", it)


class TakeSequence(_Lazy):
    __slots__ = ("taken",)

    def pyiter(self) -> Iterator[Any]:
        import itertools

        return itertools.islice(py_iter(self.seq), self.f)

    def m_iterate_1(self, it: Any) -> Any:
        if not truth(it):
            self.taken = 1
        else:
            # Never set before: the reference's `_taken + 1` on null.
            taken = getattr(self, "taken", None)
            if taken is None:
                raise WrenError("Null does not implement '+(_)'.")
            self.taken = taken + 1
        if self.taken > self.f:
            return None
        return send(self.seq, "m_iterate_1", it)

    def m_iteratorValue_1(self, it: Any) -> Any:
        return send(self.seq, "m_iteratorValue_1", it)


_END = object()
