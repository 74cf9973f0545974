"""The sequence abstraction: ``seq`` over every collection, lazy sequences,
and fast Python iteration over all of them.

Lazy sequences built from Python iterators (``map``, ``filter``, ...) realise
their elements as Clojure's do: 32 at a time over vectors and ranges (chunked
sequences), one at a time otherwise.  A pipeline whose intermediate sequences
nobody else holds is consumed through the fused Python iterators, at close to
iterator speed.  Infinite sources check the call's budget every
:data:`~kryon_lisp.limits.CHUNK` elements.
"""

from __future__ import annotations

import itertools
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pyrsistent import pvector

from kryon_lisp import limits
from kryon_lisp.arrays import JavaArray
from kryon_lisp.pqueue import PersistentQueue
from kryon_lisp.types import EMPTY_LIST, Char, LMap, LSet, PList, PVector, Seq

_CHUNKED_SIZE = 32
_END: Any = object()


class _Fills(threading.local):
    """How many chunk fills are in progress on this thread's stack."""

    depth = 0


_fills = _Fills()


class Cons(Seq):
    """``(cons x coll)``: a first element in front of any seqable."""

    __slots__ = ("_first", "_rest", "meta")

    def __init__(self, first: Any, rest: Any, meta: Any = None) -> None:
        self._first = first
        self._rest = rest
        self.meta = meta

    def first(self) -> Any:
        return self._first

    def more(self) -> Seq:
        s = seq(self._rest)
        return EMPTY_LIST if s is None else s

    def next(self) -> Seq | None:
        return seq(self._rest)


class LazySeq(Seq):
    """``lazy-seq``: the body runs once, on first use."""

    __slots__ = ("_fn", "_s", "_src", "chunked", "meta")

    def __init__(self, fn: Callable[[], Any], meta: Any = None) -> None:
        self._fn: Callable[[], Any] | None = fn
        self._s: Seq | None = None
        self._src: Iterator[Any] | None = None
        self.meta = meta
        # realised 32 at a time, like Clojure's chunked seqs over vectors and ranges
        self.chunked = False

    def take_source(self) -> Iterator[Any] | None:
        """The raw iterator of a never-touched iterator-backed sequence, taken
        over by a consumer that is provably its only holder (no chunk layer)."""
        src = self._src
        if src is None or self._fn is None:
            return None
        self._src = None
        self._fn = None
        return src

    def seq(self) -> Seq | None:
        fn = self._fn
        if fn is not None:
            self._fn = None
            self._src = None
            value = fn()
            while isinstance(value, LazySeq):
                value = value.seq()
            self._s = seq(value)
        return self._s

    def first(self) -> Any:
        s = self.seq()
        return None if s is None else s.first()

    def more(self) -> Seq:
        s = self.seq()
        return EMPTY_LIST if s is None else s.more()

    def next(self) -> Seq | None:
        s = self.seq()
        return None if s is None else s.next()

    def __iter__(self) -> Iterator[Any]:
        s = self.seq()
        return iter(()) if s is None else iter(s)


class _Chunk:
    """A run of realised elements; ``src`` produces the following chunk.

    Elements are published one at a time while a chunk fills, so a sequence
    defined in terms of itself (``(def fibs (lazy-cat [0 1] (map + fibs (rest
    fibs))))``) sees every element realised before the one being computed.
    """

    __slots__ = ("filling", "items", "nxt", "size", "src")

    def __init__(self, items: list[Any], src: Iterator[Any] | None, size: int) -> None:
        self.items = items
        self.src = src
        self.size = size
        self.nxt: _Chunk | None = None
        self.filling = False

    def following(self) -> _Chunk | None:
        if self.filling:
            raise RuntimeError("lazy sequence needs an element it is still computing")
        src = self.src
        if src is not None and self.size == 1:
            # one element at a time: no read-ahead to limit, so no bookkeeping
            self.src = None
            nxt = _Chunk([], None, 1)
            nxt.filling = True
            self.nxt = nxt
            try:
                x = next(src, _END)
            finally:
                nxt.filling = False
                nxt.src = src
            if x is _END:
                self.nxt = None
            else:
                nxt.items.append(x)
        elif src is not None:
            self.src = None
            # inside another chunk's fill, read no further ahead than asked: a
            # sequence defined in terms of itself needs each element published
            size = 1 if _fills.depth else self.size
            _fills.depth += 1
            nxt = _Chunk([], None, size)
            nxt.filling = True
            self.nxt = nxt
            items = nxt.items
            try:
                items.extend(itertools.islice(src, 1))
                if items and size > 1:
                    for x in itertools.islice(src, size - 1):
                        items.append(x)
            finally:
                _fills.depth -= 1
                nxt.filling = False
                nxt.src = src
            if not items:
                self.nxt = None
        return self.nxt


class IterSeq(Seq):
    """A realised position in a chunked sequence fed by a Python iterator."""

    __slots__ = ("chunk", "i")

    def __init__(self, chunk: _Chunk, i: int) -> None:
        self.chunk = chunk
        self.i = i

    def first(self) -> Any:
        return self.chunk.items[self.i]

    def next(self) -> Seq | None:
        i = self.i + 1
        if i < len(self.chunk.items):
            return IterSeq(self.chunk, i)
        nxt = self.chunk.following()
        return None if nxt is None else IterSeq(nxt, 0)

    def more(self) -> Seq:
        s = self.next()
        return EMPTY_LIST if s is None else s

    def __iter__(self) -> Iterator[Any]:
        chunk: _Chunk | None = self.chunk
        i = self.i
        while chunk is not None:
            items = chunk.items
            if chunk.filling:
                while i < len(items):
                    yield items[i]
                    i += 1
            elif i:
                yield from itertools.islice(items, i, None)
            else:
                yield from items
            i = 0
            chunk = chunk.following()


def lazy_iter(it: Iterator[Any], chunked: bool = False) -> LazySeq:
    """A lazy sequence of a Python iterator's elements."""

    # chunked sequences realise 32 at a time, others one element at a time (as
    # Clojure: a function mapped over (iterate ...) runs only for what is used)
    size = _CHUNKED_SIZE if chunked else 1

    def start() -> Seq | None:
        items = list(itertools.islice(it, size))
        return IterSeq(_Chunk(items, it, size), 0) if items else None

    out = LazySeq(start)
    out._src = it
    out.chunked = chunked
    return out


class IndexedSeq(Seq):
    """A seq over an indexable (vector, tuple, list of chars) from ``i``."""

    __slots__ = ("data", "i")

    def __init__(self, data: Any, i: int) -> None:
        self.data = data
        self.i = i

    def first(self) -> Any:
        return self.data[self.i]

    def next(self) -> Seq | None:
        i = self.i + 1
        return IndexedSeq(self.data, i) if i < len(self.data) else None

    def more(self) -> Seq:
        s = self.next()
        return EMPTY_LIST if s is None else s

    def __iter__(self) -> Iterator[Any]:
        data = self.data
        return iter(data) if self.i == 0 else itertools.islice(data, self.i, None)

    def __len__(self) -> int:
        return len(self.data) - self.i


class LRange(Seq):
    """``range`` with a known end: O(1) ``count``/``nth``, C-speed iteration."""

    __slots__ = ("r",)

    def __init__(self, r: range) -> None:
        self.r = r

    def seq(self) -> Seq | None:
        return self if len(self.r) else None

    def first(self) -> Any:
        return self.r[0] if len(self.r) else None

    def next(self) -> Seq | None:
        return LRange(self.r[1:]) if len(self.r) > 1 else None

    def more(self) -> Seq:
        return LRange(self.r[1:]) if len(self.r) else EMPTY_LIST

    def __iter__(self) -> Iterator[Any]:
        if len(self.r) > 4 * limits.CHUNK and limits.current.budget is not None:
            return metered_range(self.r)
        return iter(self.r)

    def __len__(self) -> int:
        return len(self.r)


def guarded(it: Iterator[Any]) -> Iterator[Any]:
    """Pass ``it`` through, checking the budget every CHUNK elements (never
    reading ahead: ``(iterate f x)`` calls ``f`` only for what is used)."""
    budget = limits.current.budget
    if budget is None:
        yield from it
        return
    chunk = limits.CHUNK
    n = 0
    for x in it:
        n += 1
        if n == chunk:
            budget.realise(n)
            n = 0
        yield x


def metered(endless: Iterator[Any]) -> Iterator[Any]:
    """An endless iterator in runs of CHUNK elements, the budget charged as
    each run after the first starts.  All in C but for one call per run; a
    run never reads ahead (``islice`` takes elements as they are asked for)."""

    def run(i: int) -> Iterator[Any]:
        if i:
            budget = limits.current.budget
            if budget is not None:
                budget.realise(limits.CHUNK)
        return itertools.islice(endless, limits.CHUNK)

    return itertools.chain.from_iterable(map(run, itertools.count()))


def metered_range(r: range) -> Iterator[int]:
    """The numbers of a range in runs of CHUNK, charged as :func:`metered` does."""
    chunk = limits.CHUNK

    def run(i: int) -> range:
        if i:
            budget = limits.current.budget
            if budget is not None:
                budget.realise(chunk)
        return r[i : i + chunk]

    return itertools.chain.from_iterable(map(run, range(0, len(r), chunk)))


def string_chars(s: str) -> Iterator[Any]:
    """The characters of ``s``.  A string may hold as many characters as the
    memory limit has bytes, far more than a collection may hold elements, so a
    long one is walked in runs of CHUNK charged as :func:`metered` does."""
    chunk = limits.CHUNK
    if len(s) <= chunk:
        return map(Char, s)

    def run(i: int) -> Iterator[Any]:
        if i:
            budget = limits.current.budget
            if budget is not None:
                budget.realise(chunk)
        return map(Char, s[i : i + chunk])

    return itertools.chain.from_iterable(map(run, range(0, len(s), chunk)))


def infinite(it: Iterator[Any]) -> LazySeq:
    """A lazy sequence over an endless iterator, under the budget."""
    return lazy_iter(metered(it))


def seq(x: Any) -> Seq | None:
    """Clojure's ``seq``: None for empty or nil, otherwise a sequence."""
    if x is None:
        return None
    if isinstance(x, Seq):
        return x.seq()
    t = type(x)
    if t is PVector or t is tuple or t is list:
        return IndexedSeq(x, 0) if len(x) else None
    if t is LMap:
        return IndexedSeq([pvector2(k, v) for k, v in x.items()], 0) if len(x) else None
    if t is str:
        if len(x) > limits.CHUNK:
            limits.check_size(len(x))  # every character becomes an object at once
            return IndexedSeq(list(string_chars(x)), 0)
        return IndexedSeq([Char(c) for c in x], 0) if x else None
    if t is LSet:
        return IndexedSeq(list(x), 0) if len(x) else None
    if t is PersistentQueue:
        queue: PersistentQueue = x
        return queue.seq()
    if t is JavaArray:
        # an ArraySeq reads the array as it goes: it sees later asets
        return IndexedSeq(x.data, 0) if len(x.data) else None
    if isinstance(x, LMap):
        return IndexedSeq([pvector2(k, v) for k, v in x.items()], 0) if len(x) else None
    if isinstance(x, Iterable):
        return lazy_iter(iter(x)).seq()
    raise TypeError(f"Don't know how to create ISeq from: {type_name(x)}")


def iter_of(x: Any) -> Iterator[Any]:
    """Iterate any seqable as fast as its type allows."""
    if x is None:
        return iter(())
    t = type(x)
    if t is PVector or t is tuple or t is list or t is LSet:
        return iter(x)
    if t is LMap:
        return (pvector2(k, v) for k, v in x.items())
    if t is str:
        return string_chars(x)
    if t is JavaArray:
        return iter(x.data)
    if isinstance(x, Seq):
        return iter(x)
    if isinstance(x, LMap):
        return (pvector2(k, v) for k, v in x.items())
    if isinstance(x, Iterable):
        return iter(x)
    raise TypeError(f"Don't know how to create ISeq from: {type_name(x)}")


COUNTED_REFERENCES = (3, 11) <= sys.version_info < (3, 14)
"""Whether a sole holder shows in ``sys.getrefcount``.  Python 3.10 keeps the
caller's reference to an argument during the call (the count never drops
that low); from 3.14 the interpreter may pass borrowed references it does
not count, so a low count no longer proves a sole holder.  Draining through
the source is on only in between."""


def fused_iter(x: Any, holders: int) -> Iterator[Any]:
    """Iterate ``x``, draining a fresh lazy sequence through its source when
    nothing but the callers' ``holders`` references keep it alive.

    Nobody else can ever look at such a sequence, so building its chunks is
    wasted work; the source realises elements exactly as the chunks would
    (a chunked source still computes 32 at a time).  ``holders`` counts the
    references the calling functions hold (their parameters, an argument
    tuple); this function's own and ``getrefcount``'s are added here.  A
    count too low only forgoes the shortcut."""
    if type(x) is LazySeq and COUNTED_REFERENCES and sys.getrefcount(x) <= holders + 2:
        src = x.take_source()
        if src is not None:
            return src
    return iter_of(x)


def first(x: Any) -> Any:
    if isinstance(x, Seq):
        return x.first()
    t = type(x)
    if t is PVector:
        return x[0] if len(x) else None
    s = seq(x)
    return None if s is None else s.first()


def rest(x: Any) -> Seq:
    if isinstance(x, Seq):
        return x.more()
    s = seq(x)
    return EMPTY_LIST if s is None else s.more()


def next_(x: Any) -> Seq | None:
    if isinstance(x, Seq):
        return x.next()
    s = seq(x)
    return None if s is None else s.next()


def cons(x: Any, coll: Any) -> Seq:
    if coll is None:
        return PList(x, EMPTY_LIST)
    if type(coll) is PList or coll is EMPTY_LIST:
        return PList(x, coll)
    return Cons(x, coll)


def pvector2(k: Any, v: Any) -> Any:
    return pvector((k, v))


def type_name(x: Any) -> str:
    from kryon_lisp.printer import type_name as tn

    return tn(x)


def count_seq(x: Any) -> int:
    """Count by walking (budget-checked for long sequences)."""
    n = 0
    budget = limits.current.budget
    for n, _ in enumerate(iter_of(x), 1):
        if budget is not None and not n % limits.CHUNK:
            budget.realise(limits.CHUNK)
    return n


def realise_list(x: Any, holders: int | None = None) -> list[Any]:
    """All elements of a seqable as a Python list, budget-checked (``holders``:
    see :func:`fused_iter`)."""
    out = list(iter_of(x) if holders is None else fused_iter(x, holders + 1))
    limits.check_size(len(out))
    return out
