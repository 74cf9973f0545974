"""Sequence functions (lazy where Clojure's are) and transducers."""

from __future__ import annotations

import functools
import itertools
import sys
from collections.abc import Callable, Iterator
from typing import Any

from pyrsistent import pvector

from kryon_lisp import limits
from kryon_lisp.collections import conj
from kryon_lisp.core_fn import (
    apply,
    as_fn,
    comp,
    complement,
    constantly,
    every_pred,
    fnil,
    identity,
    juxt,
    max_key,
    memoize,
    min_key,
    partial,
    some_fn,
)
from kryon_lisp.core_num import add2, plus
from kryon_lisp.equality import equals
from kryon_lisp.seqs import (
    COUNTED_REFERENCES,
    Cons,
    IndexedSeq,
    LazySeq,
    LRange,
    first,
    guarded,
    infinite,
    iter_of,
    lazy_iter,
    metered_range,
    next_,
    realise_list,
    rest,
    seq,
    string_chars,
)
from kryon_lisp.transducers import (
    cat,
    dedupe_xf,
    distinct_xf,
    drop_while_xf,
    drop_xf,
    filter_xf,
    interpose_xf,
    keep_indexed_xf,
    keep_xf,
    map_xf,
    partition_all_xf,
    partition_by_xf,
    take_nth_xf,
    take_while_xf,
    take_xf,
)
from kryon_lisp.types import EMPTY_LIST, PVector, Reduced, Seq, key_of, truthy

_NONE = object()
_LONG = 2**63  # a sum strictly inside (-_LONG, _LONG) is a long as it stands


def _source(x: Any) -> Iterator[Any]:
    """Iterate ``x`` without touching it before the first element is needed."""
    yield from iter_of(x)


def _it(x: Any, holders: int | None = None) -> Iterator[Any]:
    """Iterate a collection argument.  ``holders`` counts the references the
    callers hold on ``x`` (see :func:`~kryon_lisp.seqs.fused_iter`): a fresh
    lazy sequence nobody else holds is consumed through its iterator directly,
    so pipelines run at iterator speed instead of building chunks nobody can
    see.  Anything else is not touched before its first element is needed."""
    t = type(x)
    if t is PVector or t is tuple or t is list:
        return iter(x)
    if t is LRange:
        return iter(x)
    if t is str:
        return string_chars(x)
    if (
        t is LazySeq
        and holders is not None
        and COUNTED_REFERENCES
        and sys.getrefcount(x) <= holders + 2
    ):
        src: Iterator[Any] | None = x.take_source()
        if src is not None:
            return src
    return _source(x)


# -- lazy transformations ----------------------------------------------------


CHUNK_SIZE = 32
"""Clojure realises sequences over vectors and ranges 32 elements at a time; the
lazy functions do the same over such sources, so side effects happen alike."""


def _chunked(x: Any) -> bool:
    t = type(x)
    return t is PVector or t is LRange or (t is LazySeq and x.chunked)


def _blocks(it: Iterator[Any]) -> Iterator[list[Any]]:
    return iter(lambda: list(itertools.islice(it, CHUNK_SIZE)), [])


def _per_block(transform: Any, it: Iterator[Any]) -> Any:
    """A chunked lazy sequence: ``transform`` maps each block of 32 to a list."""
    return lazy_iter(itertools.chain.from_iterable(map(transform, _blocks(it))), chunked=True)


def map_(f: Any, *colls: Any) -> Any:
    if not colls:
        return map_xf(as_fn(f))
    f = as_fn(f)
    if len(colls) == 1:
        if _chunked(colls[0]):
            return _per_block(lambda block: list(map(f, block)), _it(colls[0], 1))
        return lazy_iter(map(f, _it(colls[0], 1)))
    return lazy_iter(map(f, *[_it(c, 2) for c in colls]))


def filter_(pred: Any, coll: Any = _NONE) -> Any:
    pred = as_fn(pred)
    if coll is _NONE:
        return filter_xf(pred)
    if _chunked(coll):
        if pred in BOOLEAN_FNS:
            return _per_block(lambda block: list(filter(pred, block)), _it(coll, 1))
        return _per_block(
            lambda block: [x for x in block if (r := pred(x)) is not None and r is not False],
            _it(coll, 1),
        )
    if pred in BOOLEAN_FNS:
        return lazy_iter(filter(pred, _it(coll, 1)))
    return lazy_iter(x for x in _it(coll, 1) if (r := pred(x)) is not None and r is not False)


def remove(pred: Any, coll: Any = _NONE) -> Any:
    pred = as_fn(pred)
    if coll is _NONE:
        return filter_xf(lambda x: not truthy(pred(x)))
    if _chunked(coll):
        return _per_block(
            lambda block: [x for x in block if (r := pred(x)) is None or r is False], _it(coll, 1)
        )
    return lazy_iter(x for x in _it(coll, 1) if (r := pred(x)) is None or r is False)


def keep(f: Any, coll: Any = _NONE) -> Any:
    f = as_fn(f)
    if coll is _NONE:
        return keep_xf(f)
    return lazy_iter(r for x in _it(coll, 1) if (r := f(x)) is not None)


def keep_indexed(f: Any, coll: Any = _NONE) -> Any:
    if coll is _NONE:
        return keep_indexed_xf(f)
    return lazy_iter(r for i, x in enumerate(_it(coll, 1)) if (r := f(i, x)) is not None)


def map_indexed(f: Any, coll: Any = _NONE) -> Any:
    if coll is _NONE:
        counter = itertools.count()
        return map_xf(lambda x: f(next(counter), x))
    return lazy_iter(f(i, x) for i, x in enumerate(_it(coll, 1)))


def take(n: Any, coll: Any = _NONE) -> Any:
    if coll is _NONE:
        return take_xf(n)
    return lazy_iter(itertools.islice(_it(coll, 1), max(0, int(n))))


def drop(n: Any, coll: Any = _NONE) -> Any:
    if coll is _NONE:
        return drop_xf(n)
    return lazy_iter(itertools.islice(_it(coll, 1), max(0, int(n)), None))


def take_while(pred: Any, coll: Any = _NONE) -> Any:
    if coll is _NONE:
        return take_while_xf(pred)
    it = _it(coll, 1)

    def gen() -> Iterator[Any]:
        for x in it:
            r = pred(x)
            if r is None or r is False:
                return
            yield x

    return lazy_iter(gen())


def drop_while(pred: Any, coll: Any = _NONE) -> Any:
    if coll is _NONE:
        return drop_while_xf(pred)
    it = _it(coll, 1)

    def gen() -> Iterator[Any]:
        for x in it:
            r = pred(x)
            if r is None or r is False:
                yield x
                yield from it
                return

    return lazy_iter(gen())


def take_nth(n: int, coll: Any = _NONE) -> Any:
    if coll is _NONE:
        return take_nth_xf(n)
    return lazy_iter(itertools.islice(_it(coll, 1), 0, None, n))


def take_last(n: int, coll: Any) -> Any:
    items = realise_list(coll)[-n:] if n > 0 else []
    return IndexedSeq(items, 0) if items else None


def drop_last(n: Any = 1, coll: Any = _NONE) -> Any:
    if coll is _NONE:
        n, coll = 1, n
    items = realise_list(coll)
    return lazy_iter(iter(items[: max(0, len(items) - n)]))


def concat(*colls: Any) -> Any:
    return lazy_iter(itertools.chain.from_iterable(_it(c, 2) for c in colls))


def mapcat(f: Any, *colls: Any) -> Any:
    if not colls:
        return comp(map_xf(f), cat)
    return lazy_iter(itertools.chain.from_iterable(_it(x, 1) for x in _it(map_(f, *colls), 0)))


def interleave(*colls: Any) -> Any:
    if not colls:
        return EMPTY_LIST
    return lazy_iter(itertools.chain.from_iterable(zip(*[_it(c, 2) for c in colls], strict=False)))


def interpose(sep: Any, coll: Any = _NONE) -> Any:
    if coll is _NONE:
        return interpose_xf(sep)

    def gen() -> Iterator[Any]:
        for i, x in enumerate(_it(coll, 1)):
            if i:
                yield sep
            yield x

    return lazy_iter(gen())


def distinct(coll: Any = _NONE) -> Any:
    if coll is _NONE:
        return distinct_xf()

    def gen() -> Iterator[Any]:
        seen: set[Any] = set()
        for x in _it(coll, 1):
            k = key_of(x)
            if k not in seen:
                seen.add(k)
                yield x

    return lazy_iter(gen())


def dedupe(coll: Any = _NONE) -> Any:
    if coll is _NONE:
        return dedupe_xf()

    def gen() -> Iterator[Any]:
        prev: Any = _NONE
        for x in _it(coll, 1):
            if prev is _NONE or not equals(x, prev):
                yield x
            prev = x

    return lazy_iter(gen())


def partition(n: int, *args: Any) -> Any:
    coll = args[-1]
    step = args[0] if len(args) >= 2 else n
    pad = args[1] if len(args) == 3 else _NONE

    def gen() -> Iterator[Any]:
        buf: list[Any] = []
        it = _it(coll, 1)
        skip = 0
        for x in it:
            if skip:
                skip -= 1
                continue
            buf.append(x)
            if len(buf) == n:
                yield IndexedSeq(list(buf), 0)
                if step >= n:
                    buf = []
                    skip = step - n
                else:
                    buf = buf[step:]
        if pad is not _NONE and buf:
            buf += list(itertools.islice(_it(pad), n - len(buf)))
            yield IndexedSeq(buf, 0)

    return lazy_iter(gen())


def partition_all(n: int, *args: Any) -> Any:
    if not args:
        return partition_all_xf(n)
    coll = args[-1]
    step = args[0] if len(args) == 2 else n

    def gen() -> Iterator[Any]:
        items = _it(coll, 1)
        buf: list[Any] = []
        skip = 0  # a step past n leaves out the items between two partitions
        for x in items:
            if skip:
                skip -= 1
                continue
            buf.append(x)
            if len(buf) == n:
                yield IndexedSeq(list(buf), 0)
                if step < n:
                    buf = buf[step:]
                else:
                    buf, skip = [], step - n
        while buf:
            yield IndexedSeq(list(buf), 0)
            buf = buf[step:]

    return lazy_iter(gen())


def partition_by(f: Any, coll: Any = _NONE) -> Any:
    if coll is _NONE:
        return partition_by_xf(f)

    def gen() -> Iterator[Any]:
        for _, group in itertools.groupby(_it(coll, 1), key=f):
            yield IndexedSeq(list(group), 0)

    return lazy_iter(gen())


def flatten(coll: Any) -> Any:
    def walk(x: Any) -> Iterator[Any]:
        for item in iter_of(x):
            limits.step()
            if type(item) is PVector or isinstance(item, Seq):
                yield from walk(item)
            else:
                yield item

    return lazy_iter(walk(coll))


def tree_seq(branch: Any, children: Any, root: Any) -> Any:
    def walk(node: Any) -> Iterator[Any]:
        limits.step()
        yield node
        if truthy(branch(node)):
            for child in iter_of(children(node)):
                yield from walk(child)

    return lazy_iter(walk(root))


# -- generators -----------------------------------------------------------------


def range_(*args: Any) -> Any:
    if not args:
        return infinite(itertools.count())
    if len(args) == 1:
        start, end, step = 0, args[0], 1
    elif len(args) == 2:
        start, end, step = args[0], args[1], 1
    else:
        start, end, step = args
    if all(type(a) is int for a in (start, end, step)):
        return LRange(range(start, end, step))

    from kryon_lisp.core_num import add2

    def gen() -> Iterator[Any]:
        x = start
        while (step > 0 and x < end) or (step < 0 and x > end):
            yield x
            x = add2(x, step)  # Clojure's +: (range 1N 3) is (1N 2N), ratio steps normalise

    return lazy_iter(guarded(gen()))


def repeat(n: Any, x: Any = _NONE) -> Any:
    if x is _NONE:
        return infinite(itertools.repeat(n))
    limits.check_size(int(n))
    return IndexedSeq([x] * int(n), 0) if n > 0 else EMPTY_LIST


def repeatedly(n: Any, f: Any = _NONE) -> Any:
    if f is _NONE:
        fn = n
        return infinite(fn() for _ in itertools.count())
    return lazy_iter(guarded(f() for _ in range(int(n))))


def cycle(coll: Any) -> Any:
    items = realise_list(coll)
    if not items:
        return EMPTY_LIST
    return infinite(itertools.cycle(items))


def iterate(f: Callable[[Any], Any], x: Any) -> Any:
    def gen() -> Iterator[Any]:
        v = x
        while True:
            yield v
            v = f(v)

    return infinite(gen())


# -- eager ---------------------------------------------------------------------------


def _sums_in_long(acc: int, r: range) -> bool:
    """Whether every partial sum of ``acc`` and the numbers of ``r`` is a long."""
    if not r:
        return True
    return abs(acc) + max(abs(r[0]), abs(r[-1])) * len(r) < _LONG


def reduce_(f: Any, *args: Any) -> Any:
    if len(args) == 1:
        if f is plus and type(args[0]) is LRange and _sums_in_long(0, args[0].r):
            return sum(_it(args[0]))  # (+) is 0 for an empty range
        it = _it(args[0], 1)
        acc = next(it, _NONE)
        if acc is _NONE:
            return f()
    else:
        acc, coll = args
        if f is plus and type(coll) is LRange and type(acc) is int and _sums_in_long(acc, coll.r):
            return acc + sum(_it(coll))  # in C: no partial sum can leave the long range
        it = _it(coll, 2)
        del coll
    if f is plus:
        # the commonest reduction, without a call per element for longs
        lo, hi = -_LONG, _LONG
        for x in it:
            if type(acc) is int and type(x) is int and lo < (r := acc + x) < hi:
                acc = r
            else:
                acc = add2(acc, x)  # a BigInt, a double ... or long overflow
        return acc
    if f in NEVER_REDUCED:
        return functools.reduce(f, it, acc)
    for x in it:
        acc = f(acc, x)
        if type(acc) is Reduced:
            return acc.value
    return acc


NEVER_REDUCED: set[Any] = set()

BOOLEAN_FNS: set[Any] = set()
"""Core predicates that return only booleans: Python truth is Clojure truth for them."""
"""Core functions that never return ``reduced``: ``reduce`` runs them in C."""


def transduce(xform: Any, f: Any, *args: Any) -> Any:
    if len(args) == 1:
        init, coll = f(), args[0]
    else:
        init, coll = args
    rf = xform(f)
    acc = init
    for x in _it(coll, 2):
        acc = rf(acc, x)
        if type(acc) is Reduced:
            acc = acc.value
            break
    return rf(acc)


def sequence(xform: Any, *colls: Any) -> Any:
    if not colls:
        s = seq(xform)
        return EMPTY_LIST if s is None else s
    if len(colls) == 1:
        source: Iterator[Any] = zip(_it(colls[0], 2))
    else:  # (sequence (map +) xs ys): the step gets one input from each
        source = zip(*[_it(c, 2) for c in colls], strict=False)  # the shortest ends it
    # lazy as Clojure's: the transformation runs as the result is realised,
    # 32 elements at a time (a chunked seq over a TransformerIterator); as
    # there, asking whether one more follows computes it, so the first
    # element is computed at once and each chunk computes one past its end
    items = _transformed(xform, source)
    first = next(items, _NONE)
    if first is _NONE:
        return EMPTY_LIST
    return lazy_iter(_one_ahead(first, items), chunked=True)


def _one_ahead(first: Any, items: Iterator[Any]) -> Iterator[Any]:
    current = first
    while True:
        following = next(items, _NONE)
        yield current
        if following is _NONE:
            return
        current = following


def _transformed(xform: Any, source: Iterator[Any]) -> Iterator[Any]:
    buffer: list[Any] = []

    def collect(acc: Any = None, x: Any = _NONE) -> Any:
        if x is not _NONE:
            buffer.append(x)
        return acc

    rf = xform(collect)
    for inputs in source:
        result = rf(None, *inputs)
        if buffer:
            ready = buffer[:]
            buffer.clear()
            yield from ready
        if type(result) is Reduced:
            break
    rf(None)  # completion flushes what a stateful step holds (partition-all)
    yield from buffer


def completing(f: Any, cf: Any = None) -> Any:
    def rf(*args: Any) -> Any:
        if len(args) == 0:
            return f()
        if len(args) == 1:
            return args[0] if cf is None else cf(args[0])
        return f(*args)

    return rf


def doall(*args: Any) -> Any:
    coll = args[-1]
    s = seq(coll)
    budget = limits.current.budget
    n = 0
    while s is not None:
        s = s.next()
        n += 1
        if budget is not None and not n % limits.CHUNK:
            budget.realise(limits.CHUNK)
    return coll


def dorun(*args: Any) -> None:
    doall(*args)


def some(pred: Any, coll: Any) -> Any:
    pred = as_fn(pred)
    for x in _it(coll, 1):
        r = pred(x)
        if r is not None and r is not False:
            return r
    return None


def every(pred: Any, coll: Any) -> bool:
    pred = as_fn(pred)
    return all(truthy(pred(x)) for x in _it(coll, 1))


def second(coll: Any) -> Any:
    return first(next_(coll))


def last(coll: Any) -> Any:
    if type(coll) is PVector:
        return coll[-1] if len(coll) else None
    out = None
    for out in _it(coll, 1):  # noqa: B007 - the last element is the point
        pass
    return out


def butlast(coll: Any) -> Any:
    items = realise_list(coll)[:-1]
    return IndexedSeq(items, 0) if items else None


def split_at(n: int, coll: Any) -> Any:
    items = realise_list(coll)
    return pvector(
        [
            IndexedSeq(items[:n], 0) if items[:n] else EMPTY_LIST,
            IndexedSeq(items[n:], 0) if items[n:] else EMPTY_LIST,
        ]
    )


def split_with(pred: Any, coll: Any) -> Any:
    return pvector([take_while(pred, coll), drop_while(pred, coll)])


def mapv(f: Any, coll: Any, *colls: Any) -> Any:
    return pvector(realise_list(map_(f, coll, *colls)))


def filterv(pred: Any, coll: Any) -> Any:
    return pvector(realise_list(filter_(pred, coll)))


def lazy_seq_of(fn: Callable[[], Any]) -> LazySeq:
    return LazySeq(fn)


SEQUENCES: dict[str, Any] = {
    "seq": seq,
    "first": first,
    "rest": rest,
    "next": next_,
    "second": second,
    "last": last,
    "butlast": butlast,
    "cons": lambda x, c: Cons(x, c) if c is not None else conj(EMPTY_LIST, x),
    "concat": concat,
    "map": map_,
    "mapv": mapv,
    "filter": filter_,
    "filterv": filterv,
    "remove": remove,
    "keep": keep,
    "keep-indexed": keep_indexed,
    "map-indexed": map_indexed,
    "take": take,
    "drop": drop,
    "take-while": take_while,
    "drop-while": drop_while,
    "take-nth": take_nth,
    "take-last": take_last,
    "drop-last": drop_last,
    "mapcat": mapcat,
    "interleave": interleave,
    "interpose": interpose,
    "distinct": distinct,
    "dedupe": dedupe,
    "partition": partition,
    "partition-all": partition_all,
    "partition-by": partition_by,
    "flatten": flatten,
    "tree-seq": tree_seq,
    "range": range_,
    "repeat": repeat,
    "repeatedly": repeatedly,
    "cycle": cycle,
    "iterate": iterate,
    "reduce": reduce_,
    "transduce": transduce,
    "sequence": sequence,
    "completing": completing,
    "doall": doall,
    "dorun": dorun,
    "some": some,
    "every?": every,
    "not-every?": lambda p, c: not every(p, c),
    "not-any?": lambda p, c: some(p, c) is None,
    "split-at": split_at,
    "split-with": split_with,
    "apply": apply,
    "partial": partial,
    "comp": comp,
    "juxt": juxt,
    "identity": identity,
    "constantly": constantly,
    "complement": complement,
    "fnil": fnil,
    "memoize": memoize,
    "every-pred": every_pred,
    "some-fn": some_fn,
    "max-key": max_key,
    "min-key": min_key,
    "cat": cat,
    "ffirst": lambda x: first(first(x)),
    "nfirst": lambda x: next_(first(x)),
    "fnext": lambda x: first(next_(x)),
    "nnext": lambda x: next_(next_(x)),
    "reduced": Reduced,
    "reduced?": lambda x: type(x) is Reduced,
    "unreduced": lambda x: x.value if type(x) is Reduced else x,
    "ensure-reduced": lambda x: x if type(x) is Reduced else Reduced(x),
    "@lazy-seq": lazy_seq_of,
    "@lazy_iter": lazy_iter,
    "@iter": iter_of,
    "@range_of": lambda n: (
        range(int(n)) if limits.current.budget is None else metered_range(range(int(n)))
    ),
}
