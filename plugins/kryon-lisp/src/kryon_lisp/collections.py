"""Collection functions: get/assoc/conj and friends over vectors, maps, sets, lists."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Any

from pyrsistent import pvector

from kryon_lisp import limits
from kryon_lisp.arrays import JavaArray
from kryon_lisp.pqueue import PersistentQueue
from kryon_lisp.printer import type_name
from kryon_lisp.seqs import (
    IndexedSeq,
    LRange,
    cons,
    count_seq,
    fused_iter,
    iter_of,
    realise_list,
    seq,
)
from kryon_lisp.types import (
    EMPTY_LIST,
    EMPTY_MAP,
    EMPTY_VECTOR,
    BigInt,
    Char,
    LMap,
    LSet,
    PList,
    PVector,
    Reduced,
    Seq,
    key_of,
    plist,
    truthy,
)

_MISSING = object()


def get(coll: Any, key: Any, default: Any = None) -> Any:
    t = type(coll)
    if t is LMap:
        return coll.get(key, default)
    if t is PVector:
        if (type(key) is int or type(key) is BigInt) and 0 <= key < len(coll):
            return coll[key]
        return default
    if t is LSet:
        return coll.get(key, default)
    if t is str:
        if (type(key) is int or type(key) is BigInt) and 0 <= key < len(coll):
            return Char(coll[key])
        return default
    if coll is None:
        return default
    if isinstance(coll, (LMap, LSet)):
        return coll.get(key, default)
    if hasattr(coll, "lisp_get"):
        return coll.lisp_get(key, default)
    return default


def get_in(m: Any, keys: Any, default: Any = None) -> Any:
    for k in iter_of(keys):
        m = get(m, k, _MISSING)
        if m is _MISSING:
            return default
    return m


def assoc(coll: Any, k: Any, v: Any, *kvs: Any) -> Any:
    coll = _assoc1(coll, k, v)
    if kvs:
        if len(kvs) % 2:
            raise ValueError("assoc expects even number of arguments after map/vector, found odd")
        for i in range(0, len(kvs), 2):
            coll = _assoc1(coll, kvs[i], kvs[i + 1])
    return coll


def assoc3(coll: Any, k: Any, v: Any) -> Any:
    """``(assoc m k v)``: compiled calls need no argument tuple."""
    if type(coll) is LMap:
        return coll.assoc(k, v)
    return _assoc1(coll, k, v)


def _assoc1(coll: Any, k: Any, v: Any) -> Any:
    t = type(coll)
    if t is LMap or isinstance(coll, LMap):
        return coll.assoc(k, v)
    if coll is None:
        return EMPTY_MAP.assoc(k, v)
    if t is PVector:
        if type(k) is not int and type(k) is not BigInt:
            raise ValueError("Key must be integer")
        if k == len(coll):
            return coll.append(v)
        if not 0 <= k < len(coll):
            raise MessagelessIndexError(f"Index {k} out of bounds for length {len(coll)}")
        return coll.set(k, v)
    raise TypeError(f"{type_name(coll)} cannot be cast to clojure.lang.Associative")


def assoc_in(m: Any, keys: Any, v: Any) -> Any:
    ks = keys if type(keys) is PVector else list(iter_of(keys))
    if not ks:
        return assoc(m, None, v)
    return _replace_in(m, ks, lambda _: v)


def _replace_in(m: Any, ks: Any, replace: Callable[[Any], Any]) -> Any:
    """``m`` with the value at the path ``ks`` (not empty) replaced by
    ``replace(old value)``: walk down, then assoc the new levels back up."""
    levels = [m]
    for k in ks[:-1]:
        m = get(m, k)
        levels.append(m)
    value = replace(get(m, ks[-1]))
    for i in range(len(ks) - 1, -1, -1):
        value = _assoc1(levels[i], ks[i], value)
    return value


def dissoc(m: Any, *ks: Any) -> Any:
    if m is None:
        return None
    for k in ks:
        m = m.dissoc(k)
    return m


def update(m: Any, k: Any, f: Callable[..., Any], *args: Any) -> Any:
    if type(m) is LMap:
        return m.assoc(k, f(m.get(k), *args)) if args else m.update_value(k, f)
    return _assoc1(m, k, f(get(m, k), *args))


def update3(m: Any, k: Any, f: Callable[..., Any]) -> Any:
    """``(update m k f)``: compiled calls need no argument tuple."""
    if type(m) is LMap:
        return m.update_value(k, f)
    return _assoc1(m, k, f(get(m, k)))


def update_fnil(m: Any, k: Any, f: Callable[..., Any], default: Any) -> Any:
    """``(update m k (fnil f default))`` without making the patched function
    (``fnil`` only wraps ``f``: nothing is evaluated differently)."""
    if type(m) is LMap:
        return m.update_value(k, f, default)
    old = get(m, k)
    return _assoc1(m, k, f(default if old is None else old))


def update_in(m: Any, keys: Any, f: Callable[..., Any], *args: Any) -> Any:
    ks = keys if type(keys) is PVector else list(iter_of(keys))
    if not ks:
        return _assoc1(m, None, f(get(m, None), *args))
    return _replace_in(m, ks, lambda old: f(old, *args))


def conj(coll: Any = EMPTY_VECTOR, *xs: Any) -> Any:
    if len(xs) == 1:
        return conj1(coll, xs[0])
    for x in xs:
        coll = conj1(coll, x)
    return coll


def conj1(coll: Any, x: Any) -> Any:
    t = type(coll)
    if t is PVector:
        return coll.append(x)
    if t is not LMap and isinstance(coll, LMap):
        t = LMap
    if t is not LSet and isinstance(coll, LSet):
        t = LSet
    if t is LMap:
        if type(x) is PVector and len(x) == 2:
            return coll.assoc(x[0], x[1])
        if type(x) is LMap:
            return coll.assoc_all(x.items()) if type(coll) is LMap else _assoc_each(coll, x)
        raise ValueError("Vector arg to map conj must be a pair")
    if t is LSet or t is PersistentQueue:
        return coll.conj(x)
    if t is PList or coll is EMPTY_LIST:
        return PList(x, coll)
    if coll is None:
        return PList(x, EMPTY_LIST)
    if isinstance(coll, Seq):
        return cons(x, coll)
    raise TypeError(f"Don't know how to conj onto {type_name(coll)}")


def into(to: Any, *args: Any) -> Any:
    if len(args) == 1:
        src = args[0]
        if type(to) is PVector:
            items = realise_list(src, 2)
            limits.check_size(len(to) + len(items))
            return to.extend(items)
        if type(to) is LSet:
            return to.conj_all(fused_iter(src, 2))
        if type(to) is LMap:
            return to.assoc_all(_entries(fused_iter(src, 2)))
        out = to
        for x in fused_iter(src, 2):
            out = conj1(out, x)
        return out
    xform, src = args
    from kryon_lisp.core_seq import transduce

    if type(to) is PVector or type(to) is LSet or type(to) is LMap:
        # collected in a list and added at once, as Clojure's transient conj!
        collected: list[Any] = []
        entries = type(to) is LMap

        def collect(acc: Any = None, x: Any = _MISSING) -> Any:
            if x is not _MISSING:
                if entries and not ((type(x) is PVector and len(x) == 2) or type(x) is LMap):
                    raise ValueError("Vector arg to map conj must be a pair")  # where conj would
                collected.append(x)
            return acc

        token = object()
        result = transduce(xform, collect, token, src)
        if result is not token:
            return result  # a step replaced the result: halt-when's halting input
        if type(to) is LSet:
            return to.conj_all(collected)
        if type(to) is LMap:
            return to.assoc_all(_entries(collected))
        limits.check_size(len(to) + len(collected))
        return to.extend(collected)
    return transduce(xform, conj, to, src)


def _assoc_each(coll: Any, m: Any) -> Any:
    for k, v in m.items():
        coll = coll.assoc(k, v)
    return coll


def _entries(items: Any) -> Iterator[tuple[Any, Any]]:
    """The entries ``conj`` would add to a map for each item: pairs, or maps' entries."""
    for x in items:
        if type(x) is PVector and len(x) == 2:
            yield x[0], x[1]
        elif type(x) is LMap:
            yield from x.items()
        else:
            raise ValueError("Vector arg to map conj must be a pair")


def merge(*maps: Any) -> Any:
    maps_ = [m for m in maps if m is not None]
    if not maps_:
        return None
    out = maps_[0]
    for m in maps_[1:]:
        out = conj1(out, m)
    return out


def merge_with(f: Callable[..., Any], *maps: Any) -> Any:
    maps_ = [m for m in maps if m is not None]
    if not maps_:
        return None
    out = maps_[0]
    for m in maps_[1:]:
        for k, v in m.items():
            out = out.assoc(k, f(out.get(k), v) if k in out else v)
    return out


def keys(m: Any) -> Any:
    if m is None or not len(m):
        return None
    return IndexedSeq(list(m.keys()), 0)


def vals(m: Any) -> Any:
    if m is None or not len(m):
        return None
    return IndexedSeq(list(m.values()), 0)


def _unsupported(operation: str, coll: Any) -> TypeError:
    """Clojure's UnsupportedOperationException for ``count`` or ``nth`` of a
    value without them, naming its simple class (PersistentArrayMap, Keyword)."""
    simple = type_name(coll).rpartition(".")[2]
    return TypeError(f"{operation} not supported on this type: {simple}")


def count(coll: Any) -> int:
    if coll is None:
        return 0
    t = type(coll)
    if t is PVector or t is LMap or t is LSet or t is str or t is PList or t is LRange:
        return len(coll)
    if isinstance(coll, IndexedSeq):
        return len(coll)
    if isinstance(coll, Seq):
        return count_seq(fused_iter(coll, 1))
    if hasattr(coll, "__len__"):
        return len(coll)
    raise _unsupported("count", coll)


def is_empty(coll: Any) -> bool:
    return seq(coll) is None


def contains(coll: Any, k: Any) -> bool:
    t = type(coll)
    if isinstance(coll, (LMap, LSet)):
        return k in coll
    if t is PVector or t is str or t is JavaArray:
        return (type(k) is int or type(k) is BigInt) and 0 <= k < len(coll)
    if coll is None:
        return False
    raise ValueError(f"contains? not supported on type: {type_name(coll)}")


def select_keys(m: Any, ks: Any) -> Any:
    out = EMPTY_MAP
    for k in iter_of(ks):
        if m is not None and k in m:
            out = out.assoc(k, m.get(k))
    return out


def zipmap(ks: Any, vs: Any) -> Any:
    return LMap.of(zip(iter_of(ks), iter_of(vs), strict=False))


def frequencies(coll: Any) -> Any:
    counts: dict[Any, list[Any]] = {}
    for x in fused_iter(coll, 1):
        found = counts.get(k := key_of(x))
        if found is None:
            counts[k] = [x, 1]
        else:
            found[1] += 1
    return LMap.of((x, n) for x, n in counts.values())


def group_by(f: Callable[..., Any], coll: Any) -> Any:
    groups: dict[Any, tuple[Any, list[Any]]] = {}
    for x in fused_iter(coll, 1):
        key = f(x)
        groups.setdefault(key_of(key), (key, []))[1].append(x)
    return LMap.of((k, pvector(v)) for k, v in groups.values())


def vector(*xs: Any) -> Any:
    return pvector(xs)


def vec(coll: Any) -> Any:
    if type(coll) is PVector:
        return coll
    return pvector(realise_list(coll, 1))


def _no_value(key: Any) -> ValueError:
    from kryon_lisp.printer import str_of

    return ValueError(f"No value supplied for key: {str_of(key)}")


def hash_map(*kvs: Any) -> Any:
    if len(kvs) % 2:
        raise _no_value(kvs[-1])
    m = LMap.of(zip(kvs[::2], kvs[1::2], strict=False))
    # hash-map always makes a Clojure hash map (hash-trie order), even when small
    return LMap(m._d, m._m, None, hashed=True)


def array_map(*kvs: Any) -> Any:
    """Map literals and ``array-map``: insertion order up to 8 entries."""
    if len(kvs) % 2:
        raise _no_value(kvs[-1])
    return LMap.of(zip(kvs[::2], kvs[1::2], strict=False))


def hash_set(*xs: Any) -> Any:
    return LSet.of(xs)


def set_(coll: Any) -> Any:
    return coll if type(coll) is LSet else LSet.of(fused_iter(coll, 1))


def list_(*xs: Any) -> Any:
    return plist(xs)


def list_star(*args: Any) -> Any:
    *front, tail = args
    out = seq(tail)
    for x in reversed(front):
        out = cons(x, out)
    return out


def nth(coll: Any, i: Any, default: Any = _MISSING) -> Any:
    t = type(coll)
    if t is PVector or t is LRange:
        if (type(i) is int or type(i) is BigInt) and 0 <= i < len(coll):
            return coll[i] if t is PVector else coll.r[i]
    elif t is str:
        if 0 <= i < len(coll):
            return Char(coll[i])
    elif coll is None:
        return None if default is _MISSING else default
    elif t is JavaArray:
        if (type(i) is int or type(i) is BigInt) and 0 <= i < len(coll.data):
            return coll.data[i]
    elif t is IndexedSeq:
        if (type(i) is int or type(i) is BigInt) and 0 <= i < len(coll.data) - coll.i:
            return coll.data[coll.i + i]
    elif isinstance(coll, Seq) or t is tuple or t is list or t is PersistentQueue:
        if i >= 0:
            for j, x in enumerate(fused_iter(coll, 1)):
                if j == i:
                    return x
    elif hasattr(coll, "lisp_nth"):
        return coll.lisp_nth(i, default)
    else:
        raise _unsupported("nth", coll)
    if default is _MISSING:
        raise MessagelessIndexError(f"Index {i} out of bounds")
    return default


def dnth(coll: Any, i: int) -> Any:
    """``nth`` for vector destructuring: nil when out of range."""
    t = type(coll)
    if t is PVector:
        return coll[i] if i < len(coll) else None
    if t is IndexedSeq:  # the rest of a vector, (loop [[x & more] v] ... (recur more))
        j = coll.i + i
        data = coll.data
        return data[j] if j < len(data) else None
    if coll is None:
        return None
    if isinstance(coll, LMap):
        raise _unsupported("nth", coll)  # PersistentArrayMap up to 8 entries
    return nth(coll, i, None)


def nthnext(coll: Any, n: int) -> Any:
    t = type(coll)
    if t is PVector:
        return IndexedSeq(coll, n) if n < len(coll) else None
    if t is IndexedSeq:
        j = coll.i + n
        return IndexedSeq(coll.data, j) if j < len(coll.data) else None
    s = seq(coll)
    while n > 0 and s is not None:
        s = s.next()
        n -= 1
    return s


def peek(coll: Any) -> Any:
    if coll is None:
        return None
    if type(coll) is PVector:
        return coll[-1] if len(coll) else None
    if type(coll) is PersistentQueue:
        return coll.peek()
    return coll.first()


def pop(coll: Any) -> Any:
    if type(coll) is PVector:
        if not len(coll):
            from kryon_lisp.classes import EXCEPTIONS

            raise EXCEPTIONS["IllegalStateException"]("Can't pop empty vector")
        return coll.delete(len(coll) - 1)
    if coll is None:
        return None
    if type(coll) is PersistentQueue:
        return coll.pop()
    if not coll.count:
        raise ValueError("Can't pop empty list")
    return coll.more()


def find(m: Any, k: Any) -> Any:
    if m is not None and k in m:
        return pvector([k, m.get(k)])
    return None


def disj(s: Any, *xs: Any) -> Any:
    for x in xs:
        s = s.disj(x)
    return s


def empty(coll: Any) -> Any:
    t = type(coll)
    if t is PVector:
        return EMPTY_VECTOR
    if t is LMap:
        return EMPTY_MAP
    if t is LSet:
        return LSet()
    if t is PersistentQueue:
        return coll.empty()
    if isinstance(coll, Seq):
        return EMPTY_LIST
    if isinstance(coll, (LMap, LSet)):
        if hasattr(coll, "record_type"):
            raise TypeError(f"Can't create empty: {coll.lisp_tag()}")  # type: ignore[union-attr]
        base = EMPTY_MAP if isinstance(coll, LMap) else LSet()
        wrap = getattr(coll, "_wrap", None)  # sorted collections keep their comparator
        return wrap(base) if wrap is not None else base
    return None


class MessagelessIndexError(IndexError):
    """Clojure's ``nth`` past the end throws ``IndexOutOfBoundsException()``,
    whose message is null: ``ex-message`` is nil and ``str`` the class alone
    (the text is for the error report)."""

    messageless = True


def not_empty(coll: Any) -> Any:
    return coll if seq(coll) is not None else None


def subvec(v: Any, start: int, end: int | None = None) -> Any:
    end = len(v) if end is None else end
    if not 0 <= start <= end <= len(v):
        raise MessagelessIndexError("Index out of bounds")
    return v[start:end]


def sort(a: Any, b: Any = _MISSING) -> Any:
    if b is _MISSING:
        items, cmp = realise_list(a, 1), None
    else:
        items, cmp = realise_list(b, 1), a
    natural = _natural_order(cmp, items)
    if natural is not None:
        items.sort(reverse=natural)
    else:
        sort_as_java(items, _comparator(cmp))
    return IndexedSeq(items, 0) if items else EMPTY_LIST


def sort_by(keyfn: Callable[..., Any], a: Any, b: Any = _MISSING) -> Any:
    if b is _MISSING:
        items, cmp = realise_list(a, 1), None
    else:
        items, cmp = realise_list(b, 1), a
    keys = [keyfn(x) for x in items]
    order = list(range(len(items)))
    natural = _natural_order(cmp, keys)
    if natural is not None:
        order.sort(key=keys.__getitem__, reverse=natural)
    else:
        compare_keys = _comparator(cmp)

        def by_key(i: int, j: int) -> int:
            return compare_keys(keys[i], keys[j])

        sort_as_java(order, by_key)
    return IndexedSeq([items[i] for i in order], 0) if items else EMPTY_LIST


_JAVA_MIN_MERGE = 32


def sort_as_java(items: list[Any], cmp: Callable[[Any, Any], int]) -> None:
    """Sort ``items`` by ``cmp`` in place, as Java's TimSort does.

    The two agree whenever ``cmp`` is a consistent order.  One that is not
    (``compare`` with NaN, which is equal to every number) orders by the steps
    taken: below 32 items Java finds the leading run (reversing a descending
    one) and binary-inserts the rest, which Python's sort did too until 3.13
    changed how it finds runs, so short lists take Java's steps here.
    """
    n = len(items)
    if n >= _JAVA_MIN_MERGE:
        items.sort(key=functools.cmp_to_key(cmp))
        return
    if n < 2:
        return
    run = 2
    if cmp(items[1], items[0]) < 0:  # strictly descending: reversed, as Java does
        while run < n and cmp(items[run], items[run - 1]) < 0:
            run += 1
        items[:run] = items[run - 1 :: -1]
    else:
        while run < n and cmp(items[run], items[run - 1]) >= 0:
            run += 1
    for start in range(run, n):
        pivot, lo, hi = items[start], 0, start
        while lo < hi:
            mid = (lo + hi) >> 1
            if cmp(pivot, items[mid]) < 0:
                hi = mid
            else:
                lo = mid + 1
        items[lo + 1 : start + 1] = items[lo:start]
        items[lo] = pivot


def _comparator(f: Any) -> Callable[[Any, Any], int]:
    from kryon_lisp.core_num import compare

    return compare if f is None else as_comparator(f)


_REALS = frozenset([int, BigInt, Fraction, float])


def _natural_order(cmp: Any, keys: list[Any]) -> bool | None:
    """Whether Python's own sort of ``keys`` gives the order ``cmp`` gives
    (``compare`` when None): ``False`` ascending, ``True`` descending, ``None``
    when it might not.  It does for numbers without NaN and for strings of the
    Basic Multilingual Plane (where code points order as Java's UTF-16 units)
    under ``compare``, ``<`` or ``>``; Python's sort is stable in both
    directions, as Java's is."""
    from kryon_lisp import core_num

    if cmp is None or cmp is core_num.compare or cmp is core_num.lt:
        descending = False
    elif cmp is core_num.gt:
        descending = True
    else:
        return None
    if not keys:
        return descending
    if all(type(k) in _REALS for k in keys):
        return None if any(math.isnan(k) for k in keys if type(k) is float) else descending
    numeric = cmp is core_num.lt or cmp is core_num.gt
    if not numeric and all(type(k) is str and (k.isascii() or ord(max(k)) < 0x10000) for k in keys):
        return descending
    return None


def as_comparator(f: Callable[..., Any]) -> Callable[[Any, Any], int]:
    """A Lisp comparator as a Python cmp: numbers, or a boolean "less than" as Clojure."""

    def cmp(x: Any, y: Any) -> int:
        r = f(x, y)
        if type(r) is bool:
            return -1 if r else (1 if truthy(f(y, x)) else 0)
        return int(r)

    return cmp


def reverse(coll: Any) -> Any:
    out = EMPTY_LIST
    for x in iter_of(coll):
        out = PList(x, out)
    return out


def reduce_kv(f: Callable[..., Any], init: Any, coll: Any) -> Any:
    acc = init
    if coll is None:
        return acc
    pairs = coll.items() if isinstance(coll, LMap) else enumerate(coll)
    for k, v in pairs:
        acc = f(acc, k, v)
        if type(acc) is Reduced:
            return acc.value
    return acc


def seq_to_map(x: Any) -> Any:
    """Map destructuring of a seq (keyword arguments), as Clojure 1.11 does it:
    key/value pairs make a map in the order given, a lone item is taken as it
    is (a trailing map of options)."""
    if x is None or type(x) is LMap:
        return x
    if isinstance(x, Seq):
        items = list(iter_of(x))
        if len(items) == 1:
            return items[0]
        if len(items) % 2:
            raise _no_value(items[-1])
        return LMap.of(zip(items[::2], items[1::2], strict=False), array=True)
    return x


def key(e: Any) -> Any:
    return e[0]


def val(e: Any) -> Any:
    return e[1]


COLLECTIONS: dict[str, Any] = {
    "get": get,
    "get-in": get_in,
    "assoc": assoc,
    "assoc-in": assoc_in,
    "dissoc": dissoc,
    "update": update,
    "update-in": update_in,
    "conj": conj,
    "into": into,
    "merge": merge,
    "merge-with": merge_with,
    "keys": keys,
    "vals": vals,
    "count": count,
    "empty?": is_empty,
    "contains?": contains,
    "select-keys": select_keys,
    "zipmap": zipmap,
    "frequencies": frequencies,
    "group-by": group_by,
    "vector": vector,
    "vec": vec,
    "hash-map": hash_map,
    "array-map": array_map,
    "hash-set": hash_set,
    "set": set_,
    "list": list_,
    "list*": list_star,
    "nth": nth,
    "peek": peek,
    "pop": pop,
    "find": find,
    "disj": disj,
    "empty": empty,
    "not-empty": not_empty,
    "subvec": subvec,
    "sort": sort,
    "sort-by": sort_by,
    "reverse": reverse,
    "reduce-kv": reduce_kv,
    "key": key,
    "val": val,
    "@dnth": dnth,
    "@nthnext": nthnext,
    "nthnext": nthnext,
    "@seq_to_map": seq_to_map,
    "@get": get,
    "@vector": vector,
    "@hash_map": hash_map,
    "@array_map": array_map,
    "@hash_set": hash_set,
}
