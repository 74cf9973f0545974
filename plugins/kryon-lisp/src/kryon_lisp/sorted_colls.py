"""``sorted-map``, ``sorted-set`` (and their ``-by`` forms), ``subseq`` and ``rsubseq``.

As in Clojure's tree collections, the comparator decides both the order and
which keys are the same: ``(sorted-set 1 1.0)`` has one member, a key the
comparator calls equal to a present one replaces only its value, and keys it
cannot compare throw when they are added. The entries live in the hash storage
of :class:`LMap`/:class:`LSet` (so ``=`` and ``hash`` agree with the other maps
and sets); beside it each collection keeps its keys in comparator order, found
by bisection and copied on write.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterator
from typing import Any

from kryon_lisp.collections import as_comparator
from kryon_lisp.core_num import compare, ge, gt, le, lt
from kryon_lisp.seqs import IndexedSeq, pvector2
from kryon_lisp.types import EMPTY_MAP, LMap, LSet, Seq, truthy

Comparator = Callable[[Any, Any], int]


def _locate(keys: list[Any], cmp: Comparator, k: Any) -> tuple[int, bool]:
    """Where ``k`` is or would go in ``keys``, and whether a key there compares equal."""
    key = functools.cmp_to_key(cmp)
    i = bisect.bisect_left(keys, key(k), key=key)
    return i, i < len(keys) and cmp(keys[i], k) == 0


class SortedMap(LMap):
    """A map ordered by its comparator (Clojure's ``PersistentTreeMap``)."""

    __slots__ = ("_sorted", "cmp")
    java_class = "clojure.lang.PersistentTreeMap"
    cmp: Comparator
    _sorted: list[Any]

    @staticmethod
    def empty_with(cmp: Comparator, meta: Any = None) -> SortedMap:
        out = SortedMap({}, None, meta)
        out.cmp = cmp
        out._sorted = []
        return out

    def _make(self, m: LMap, keys: list[Any]) -> SortedMap:
        out = SortedMap(m._d, m._m, self.meta)
        out.cmp = self.cmp
        out._sorted = keys
        return out

    def _wrap(self, m: LMap) -> SortedMap:
        """This map's comparator around the entries of ``m`` (``empty`` uses it)."""
        out = SortedMap.empty_with(self.cmp, self.meta)
        for k, v in m.items():
            out = out.assoc(k, v)
        return out

    def assoc(self, k: Any, v: Any) -> SortedMap:
        keys = self._sorted
        i, found = _locate(keys, self.cmp, k)
        if found:  # the key already there stays, as in Clojure
            return self._make(LMap.assoc(self, keys[i], v), keys)
        return self._make(LMap.assoc(self, k, v), [*keys[:i], k, *keys[i:]])

    def dissoc(self, k: Any) -> SortedMap:
        keys = self._sorted
        i, found = _locate(keys, self.cmp, k)
        if not found:
            return self
        return self._make(LMap.dissoc(self, keys[i]), [*keys[:i], *keys[i + 1 :]])

    def get(self, k: Any, default: Any = None) -> Any:
        keys = self._sorted
        i, found = _locate(keys, self.cmp, k)
        return LMap.get(self, keys[i], default) if found else default

    def __contains__(self, k: object) -> bool:
        return _locate(self._sorted, self.cmp, k)[1]

    def items(self) -> list[tuple[Any, Any]]:
        return [(k, LMap.get(self, k)) for k in self._sorted]

    def keys(self) -> list[Any]:
        return list(self._sorted)

    def values(self) -> list[Any]:
        return [LMap.get(self, k) for k in self._sorted]

    def entries_from(self, k: Any, ascending: bool) -> list[Any]:
        """Entries from ``k`` on (at or after it ascending, at or before it descending)."""
        keys = self._sorted
        i, found = _locate(keys, self.cmp, k)
        picked = keys[i:] if ascending else keys[: i + found][::-1]
        return [pvector2(key, LMap.get(self, key)) for key in picked]

    def entry_key(self, entry: Any) -> Any:
        return entry[0]


class SortedSet(LSet):
    """A set ordered by its comparator (Clojure's ``PersistentTreeSet``)."""

    __slots__ = ("_sorted", "cmp")
    java_class = "clojure.lang.PersistentTreeSet"
    cmp: Comparator
    _sorted: list[Any]

    @staticmethod
    def empty_with(cmp: Comparator, meta: Any = None) -> SortedSet:
        out = SortedSet(EMPTY_MAP, meta)
        out.cmp = cmp
        out._sorted = []
        return out

    def _make(self, s: LSet, members: list[Any]) -> SortedSet:
        out = SortedSet(s._m, self.meta)
        out.cmp = self.cmp
        out._sorted = members
        return out

    def _wrap(self, s: LSet) -> SortedSet:
        out = SortedSet.empty_with(self.cmp, self.meta)
        for x in s:
            out = out.conj(x)
        return out

    def conj(self, x: Any) -> SortedSet:
        members = self._sorted
        i, found = _locate(members, self.cmp, x)
        if found:
            return self
        return self._make(LSet.conj(self, x), [*members[:i], x, *members[i:]])

    def disj(self, x: Any) -> SortedSet:
        members = self._sorted
        i, found = _locate(members, self.cmp, x)
        if not found:
            return self
        return self._make(LSet.disj(self, members[i]), [*members[:i], *members[i + 1 :]])

    def get(self, x: Any, default: Any = None) -> Any:
        members = self._sorted
        i, found = _locate(members, self.cmp, x)
        return members[i] if found else default

    def __contains__(self, x: object) -> bool:
        return _locate(self._sorted, self.cmp, x)[1]

    def __call__(self, x: Any) -> Any:
        return self.get(x)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._sorted)

    def entries_from(self, x: Any, ascending: bool) -> list[Any]:
        members = self._sorted
        i, found = _locate(members, self.cmp, x)
        return members[i:] if ascending else members[: i + found][::-1]

    def entry_key(self, entry: Any) -> Any:
        return entry


def _comparator(f: Callable[..., Any]) -> Comparator:
    return compare if f is compare else as_comparator(f)


def sorted_map(*kvs: Any) -> SortedMap:
    return sorted_map_by(compare, *kvs)


def sorted_map_by(comparator: Callable[..., Any], *kvs: Any) -> SortedMap:
    if len(kvs) % 2:
        raise ValueError(f"No value supplied for key: {kvs[-1]}")
    out = SortedMap.empty_with(_comparator(comparator))
    for i in range(0, len(kvs), 2):
        out = out.assoc(kvs[i], kvs[i + 1])
    return out


def sorted_set(*xs: Any) -> SortedSet:
    return sorted_set_by(compare, *xs)


def sorted_set_by(comparator: Callable[..., Any], *xs: Any) -> SortedSet:
    out = SortedSet.empty_with(_comparator(comparator))
    for x in xs:
        out = out.conj(x)
    return out


Sorted = SortedMap | SortedSet


def _bound(sc: Sorted, test: Callable[..., Any], key: Any) -> Callable[[Any], bool]:
    """Whether an entry passes ``test`` against ``key``, through the comparator."""
    return lambda e: truthy(test(sc.cmp(sc.entry_key(e), key), 0))


def _as_seq(entries: list[Any]) -> Seq | None:
    return IndexedSeq(entries, 0) if entries else None


def _from(sc: Sorted, key: Any, ascending: bool, include: Callable[[Any], bool]) -> Seq | None:
    entries = sc.entries_from(key, ascending)
    if entries and not include(entries[0]):
        entries = entries[1:]
    return _as_seq(entries)


def _take_while(include: Callable[[Any], bool], entries: list[Any]) -> Seq | None:
    taken: list[Any] = []
    for e in entries:
        if not include(e):
            break
        taken.append(e)
    return _as_seq(taken)


def _ordered(sc: Sorted, ascending: bool) -> list[Any]:
    entries = list(sc.items()) if isinstance(sc, SortedMap) else list(sc)
    if isinstance(sc, SortedMap):
        entries = [pvector2(k, v) for k, v in entries]
    return entries if ascending else entries[::-1]


def _check(sc: Any) -> Sorted:
    if not isinstance(sc, (SortedMap, SortedSet)):
        from kryon_lisp.printer import type_name

        raise TypeError(f"{type_name(sc)} cannot be cast to clojure.lang.Sorted")
    return sc


def _subseq(name: str, ascending: bool, sc: Any, args: tuple[Any, ...]) -> Seq | None:
    """The entries of a sorted collection within bounds, in one direction: a
    single bound on the side the walk starts from is where it starts, any
    other bound is where it stops."""
    sc = _check(sc)
    if len(args) == 2:
        test, key = args
        include = _bound(sc, test, key)
        starts_here = (gt, ge) if ascending else (lt, le)
        if test is starts_here[0] or test is starts_here[1]:
            return _from(sc, key, ascending, include)
        return _take_while(include, _ordered(sc, ascending))
    if len(args) != 4:
        raise TypeError(f"Wrong number of args ({len(args) + 1}) passed to: {name}")
    first_test, first_key, last_test, last_key = args
    if not ascending:
        first_test, first_key, last_test, last_key = last_test, last_key, first_test, first_key
    start = _from(sc, first_key, ascending, _bound(sc, first_test, first_key))
    return _take_while(_bound(sc, last_test, last_key), list(start) if start else [])


def subseq(sc: Any, *args: Any) -> Seq | None:
    """``(subseq sc test key)`` / ``(subseq sc start-test start-key end-test end-key)``:
    the entries of a sorted collection within the bounds, ascending."""
    return _subseq("subseq", True, sc, args)


def rsubseq(sc: Any, *args: Any) -> Seq | None:
    """``subseq`` descending."""
    return _subseq("rsubseq", False, sc, args)


SORTED: dict[str, Any] = {
    "sorted-map": sorted_map,
    "sorted-set": sorted_set,
    "sorted-map-by": sorted_map_by,
    "sorted-set-by": sorted_set_by,
    "subseq": subseq,
    "rsubseq": rsubseq,
    "sorted?": lambda x: isinstance(x, (SortedMap, SortedSet)),
}
