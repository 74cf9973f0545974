"""List, Map, Range and MapEntry."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import Any

from kryon_wren.runtime.maptable import (
    FREE,
    MIN_CAPACITY,
    NEG_ZERO_KEY,
    REMOVED,
    TOMBSTONE,
    Table,
    grow_threshold,
)
from kryon_wren.runtime.objects import (
    BIG,
    OPERATOR_HOOKS,
    SCAN_FREE,
    SCAN_SHIFT,
    WClass,
    WObject,
    WrenError,
    charge,
    check_alloc,
    eq,
    joined,
    to_str,
    truth,
)
from kryon_wren.runtime.sequences import WFn, WSequence, caller, py_iter


def _dispatch_operators(cls: type) -> type:
    """Route Python operators to Wren methods (list and dict define their own)."""
    for hook in OPERATOR_HOOKS:
        setattr(cls, hook, getattr(WObject, hook))
    return cls


SMALL_WORK = 32
"""Elements a builtin may walk without counting them as steps (see charge)."""

SORT_CHUNK = 256
"""Comparisons a sort makes between two charges of their steps."""


def int_range_iter(start: float, end: float, inclusive: bool) -> Iterator[float] | None:
    """The Nums of a range whose ends are integers, in C; None otherwise."""
    if not (start.is_integer() and end.is_integer()):
        return None
    a, b = int(start), int(end)
    if a <= b:
        return map(float, range(a, b + 1 if inclusive else b))
    return map(float, range(a, b - 1 if inclusive else b, -1))


def same(a: Any, b: Any) -> bool:
    """The reference's wrenValuesEqual (Object.same, List.indexOf): Nums by
    their bits (NaN is the same as NaN, -0 is not 0), Strings and Ranges by
    value, anything else by identity."""
    c = a.__class__
    if c is float:
        if b.__class__ is not float:
            return False
        if math.isnan(a):
            return math.isnan(b)
        return a == b and (a != 0.0 or math.copysign(1.0, a) == math.copysign(1.0, b))
    if c is str or c is WRange:
        return b.__class__ is c and a == b
    return a is b


def is_c_integer(v: float) -> bool:
    """The reference's test of an integer Num, C's ``trunc(v) == v``: true of
    the infinities too (which Python's is_integer is not), past any bounds."""
    return v.is_integer() or math.isinf(v)


def validate_index(v: Any, count: int, what: str = "Index") -> int:
    if v.__class__ is not float:
        raise WrenError(f"{what} must be a number.")
    if not is_c_integer(v):
        raise WrenError(f"{what} must be an integer.")
    if v < 0:
        v += count
    if 0 <= v < count:
        return int(v)
    raise WrenError(f"{what} out of bounds.")


def next_index(it: Any, count: int) -> Any:
    """The index after ``it`` (an integer Num) in a sequence of ``count``
    slots, or false past the end: the reference's checks of an iterator."""
    if it.__class__ is not float:
        raise WrenError("Iterator must be a number.")
    if not is_c_integer(it):
        raise WrenError("Iterator must be an integer.")
    if it < 0 or it + 1 >= count:
        return False
    return it + 1


def range_slice(r: WRange, count: int) -> tuple[int, int, int]:
    """(start, length, step) of a range subscript, as the reference computes it."""
    if r.frm == count and r.to == (-1.0 if r.incl else float(count)):
        return 0, 0, 0
    start = validate_index(r.frm, count, "Range start")
    value = r.to
    if value.__class__ is not float or not is_c_integer(value):
        raise WrenError("Range end must be an integer.")
    if value < 0:
        value = count + value
    if not r.incl:
        if value == start:
            return start, 0, 0
        value += -1 if value >= start else 1
    if value < 0 or value >= count:
        raise WrenError("Range end out of bounds.")
    end = int(value)
    return start, abs(start - end) + 1, 1 if start < end else -1


def sliced(seq: Any, start: int, n: int, step: int) -> Any:
    """The ``n`` items of a list or str from ``start`` by ``step`` (one of
    range_slice's answers) as one C-level slice, charged as such a pass over
    a long string is (a step per 256 items)."""
    if n > SCAN_FREE:
        charge(n >> SCAN_SHIFT)
        size = n if seq.__class__ is str else n * 8
        if size > BIG:
            check_alloc(size)
    if step >= 0:
        return seq[start : start + n]
    return seq[start - n + 1 : start + 1][::-1]


@_dispatch_operators
class WList(list, WSequence):  # type: ignore[type-arg,misc]
    plain_values = True  # reading an element runs no script code
    __slots__ = ()

    pyiter = list.__iter__

    def x_1(self, i: Any) -> Any:
        if i.__class__ is float:
            if i.is_integer():
                n = int(i)
                if -len(self) <= n < len(self):
                    return self[n]
                raise WrenError("Subscript out of bounds.")
            return self[validate_index(i, len(self), "Subscript")]
        if i.__class__ is WRange:
            return WList(sliced(self, *range_slice(i, len(self))))
        raise WrenError("Subscript must be a number or a range.")

    def y_1(self, i: Any, v: Any) -> Any:
        self[validate_index(i, len(self), "Subscript")] = v
        return v

    def m_add_1(self, v: Any) -> Any:
        self.append(v)
        return v

    def m_addAll_1(self, other: Any) -> Any:
        self.extend(py_iter(other))
        return other

    def m_clear_0(self) -> None:
        self.clear()

    def g_count(self) -> float:
        return float(len(self))

    def g_isEmpty(self) -> bool:
        return not self

    def m_insert_2(self, i: Any, v: Any) -> Any:
        idx = validate_index(i, len(self) + 1, "Index")
        self.insert(idx, v)
        return v

    def m_removeAt_1(self, i: Any) -> Any:
        return self.pop(validate_index(i, len(self), "Index"))

    def m_remove_1(self, v: Any) -> Any:
        k = int(self.m_indexOf_1(v))
        return None if k < 0 else self.pop(k)

    def m_indexOf_1(self, v: Any) -> float:
        # The reference compares with wrenValuesEqual (see same): a class's
        # own == is not called.
        c = v.__class__
        k = 0
        found = False
        if c is float and v != 0.0 and not math.isnan(v):
            for k, x in enumerate(self):  # noqa: B007 - k counts the work
                if x.__class__ is float and x == v:
                    found = True
                    break
        elif c is str:
            for k, x in enumerate(self):  # noqa: B007
                if x.__class__ is str and x == v:
                    found = True
                    break
        elif c is float or c is WRange:
            for k, x in enumerate(self):  # noqa: B007
                if same(x, v):
                    found = True
                    break
        else:
            for k, x in enumerate(self):  # noqa: B007
                if x is v:
                    found = True
                    break
        if k > SMALL_WORK:
            charge(k)
        return float(k) if found else -1.0

    def m_contains_1(self, v: Any) -> bool:
        # Sequence.contains: `element == item`, the argument is the receiver.
        found = False
        k = 0
        for k, x in enumerate(self):  # noqa: B007
            if eq(v, x):
                found = True
                break
        if k > SMALL_WORK:
            charge(k)
        return found

    def m_swap_2(self, a: Any, b: Any) -> None:
        i = validate_index(a, len(self), "Index 0")
        j = validate_index(b, len(self), "Index 1")
        self[i], self[j] = self[j], self[i]

    def m_sort_0(self) -> Any:
        if _indistinct_ties(self):
            self.sort()
            return self
        from kryon_wren.runtime.natives import bin_op

        return self._quicksort(lambda a, b: bin_op(a, "b_lt", b))

    def m_sort_1(self, f: Any) -> Any:
        if not isinstance(f, WFn):
            raise WrenError("Comparer must be a function.")
        return self._quicksort(caller(f, 2))

    def _quicksort(self, less: Any) -> Any:
        # The reference's List.sort (wren_core.wren): Lomuto partitions with
        # the last element as pivot, lower part first. Its order of ties and
        # of comparer calls is observable, so it is kept exactly.
        pending = [(0, len(self) - 1)]
        while pending:
            low, high = pending.pop()
            if low >= high:
                continue
            pivot = self[high]
            i = low - 1
            for start in range(low, high, SORT_CHUNK):
                end = min(start + SORT_CHUNK, high)
                # The comparer may be a function that calls nothing (no step
                # of its own): its calls count as steps of the running call.
                charge(end - start)
                for j in range(start, end):
                    if truth(less(self[j], pivot)):
                        i += 1
                        self[i], self[j] = self[j], self[i]
            i += 1
            self[i], self[high] = self[high], self[i]
            pending.append((i + 1, high))
            pending.append((low, i - 1))
        return self

    def m_iterate_1(self, it: Any) -> Any:
        if it is None:
            return 0.0 if self else False
        return next_index(it, len(self))

    def m_iteratorValue_1(self, it: Any) -> Any:
        return self[validate_index(it, len(self), "Iterator")]

    def b_add(self, other: Any) -> Any:
        if len(self) > 1 << 16:
            check_alloc(len(self) * 16)
        result = WList(self)
        result.extend(py_iter(other))
        return result

    def b_mul(self, n: Any) -> Any:
        if n.__class__ is not float or not n.is_integer() or n < 0:
            raise WrenError("Count must be a non-negative integer.")
        if len(self) * n > 1 << 17:
            check_alloc(int(len(self) * n * 8))
        return WList(list(self) * int(n))

    def g_toString(self) -> str:
        # Every list or map counts, however small: nested ones can make
        # one toString exponential (a list holding the same list twice).
        charge(len(self) + 1)
        return "[" + joined(", ", [to_str(x) for x in self]) + "]"

    __hash__ = object.__hash__  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        return self is other


def _indistinct_ties(items: list[Any]) -> bool:
    """Whether every element is a Num that equals only Nums printing alike
    (no NaN, not both zeros): then any sort gives the reference's order."""
    signs = set()
    for x in items:
        if x.__class__ is not float or math.isnan(x):
            return False
        if x == 0.0:
            signs.add(math.copysign(1.0, x))
    return len(signs) < 2


class ListStatics:
    def m_new_0(self) -> WList:
        return WList()

    def m_filled_2(self, n: Any, v: Any) -> WList:
        if n.__class__ is not float:
            raise WrenError("Size must be a number.")
        if not n.is_integer():
            raise WrenError("Size must be an integer.")
        if n < 0:
            raise WrenError("Size cannot be negative.")
        if n > 1 << 17:
            check_alloc(int(n * 8))
        return WList([v] * int(n))


_TRUE_KEY = ("<wren true>",)
_FALSE_KEY = ("<wren false>",)


def map_key(k: Any) -> Any:
    c = k.__class__
    if c is float:
        return NEG_ZERO_KEY if k == 0.0 and math.copysign(1.0, k) < 0 else k
    if c is str or k is None:
        return k
    if c is bool:
        return _TRUE_KEY if k else _FALSE_KEY
    if c is WRange or isinstance(k, WClass):
        return k
    from kryon_wren.runtime.fiber import WFiber

    if c is WFiber:
        return k
    raise WrenError("Key must be a value type.")


def unkey(k: Any) -> Any:
    if k is _TRUE_KEY:
        return True
    if k is _FALSE_KEY:
        return False
    if k is NEG_ZERO_KEY:
        return -0.0
    return k


class MapEntry(WSequence):
    __slots__ = ("key", "value")

    def __init__(self, key: Any, value: Any) -> None:
        self.key = key
        self.value = value

    def g_key(self) -> Any:
        return self.key

    def g_value(self) -> Any:
        return self.value

    def g_toString(self) -> str:
        return f"{to_str(self.key)}:{to_str(self.value)}"


_ABSENT: Any = object()


@_dispatch_operators
class WMap(dict, WSequence):  # type: ignore[type-arg]
    """A Python dict for lookups; ``log`` and ``table`` give the reference's
    slot order for iteration (see maptable)."""

    plain_values = True  # reading an element runs no script code

    __slots__ = ("capacity", "grow_at", "log", "peak", "shrink_at", "table")

    def __init__(self, pairs: Iterable[tuple[Any, Any]] = ()) -> None:
        dict.__init__(self)
        self.log: list[Any] = []
        self.table: Table | None = None
        self.capacity = 0
        self.grow_at = 0
        self.shrink_at = 0  # a removal leaving fewer keys halves the table
        self.peak = 0  # the largest capacity since the log was last replayed
        for k, v in pairs:
            self.set(k, v)

    def set(self, k: Any, v: Any) -> None:
        """``map[k] = v`` with ``k`` already in its dict form (see map_key)."""
        n = len(self)
        if n >= self.grow_at:
            # The reference grows before every set once count + 1 passes
            # the load factor, even when the key is already there.
            self._resized(max(self.capacity * 2, MIN_CAPACITY))
        self[k] = v
        if len(self) != n:
            self.log.append(k)

    def slots(self) -> list[Any]:
        """The reference's entry array (keys in dict form, FREE, TOMBSTONE)."""
        table = self.table
        if table is None:
            table = self.table = Table(_TRUE_KEY, _FALSE_KEY)
        if self.log:
            table.replay(self.log)
            self.log = []
            self.peak = self.capacity
            table.reconcile(self)
        elif table.count != len(self):
            table.reconcile(self)
        return table.slots

    def ordered_keys(self) -> list[Any]:
        return [k for k in self.slots() if k is not FREE and k is not TOMBSTONE]

    def pyiter(self) -> Iterator[Any]:
        return (MapEntry(unkey(k), self[k]) for k in self.ordered_keys())

    def x_1(self, k: Any) -> Any:
        c = k.__class__
        return self.get(k if (c is float and k) or c is str else map_key(k))

    def y_1(self, k: Any, v: Any) -> Any:
        # set() inlined: this is every `map[k] = v`
        c = k.__class__
        if not ((c is float and k) or c is str):
            k = map_key(k)
        n = len(self)
        if n >= self.grow_at:
            self._resized(max(self.capacity * 2, MIN_CAPACITY))
        self[k] = v
        if len(self) != n:
            self.log.append(k)
        return v

    def m_containsKey_1(self, k: Any) -> bool:
        return map_key(k) in self

    def g_count(self) -> float:
        return float(len(self))

    def g_isEmpty(self) -> bool:
        return not self

    def m_clear_0(self) -> None:
        self.clear()
        self.log = []
        self.table = None
        self.capacity = self.grow_at = self.shrink_at = self.peak = 0

    def m_remove_1(self, k: Any) -> Any:
        c = k.__class__
        key = k if (c is float and k) or c is str else map_key(k)
        value = self.pop(key, _ABSENT)
        if value is _ABSENT:
            return None
        n = len(self)
        if not n:
            self.m_clear_0()
            return value
        log = self.log
        log.append(REMOVED)
        log.append(key)
        if n < self.shrink_at:
            self._resized(self.capacity // 2)
        if len(log) > 8 * self.peak + 64:
            # Churn (keys added and removed, never iterated): replay the log
            # now so that it stays proportional to the map.  Against the peak,
            # not the current size: emptying a large map replays nothing (its
            # log is dropped when it is empty), where each replay hashes every
            # key in Python.
            self.slots()
        return value

    def _resized(self, capacity: int) -> None:
        """The reference's table grew or shrank to ``capacity``: log it."""
        self.capacity = capacity
        self.peak = max(self.peak, capacity)
        self.grow_at = grow_threshold(capacity)
        self.shrink_at = grow_threshold(capacity // 2) if capacity > MIN_CAPACITY else 0
        self.log.append(capacity)

    def g_keys(self) -> Any:
        return _KeySeq(self)

    def g_values(self) -> Any:
        return _ValueSeq(self)

    # Iterators are slot indexes of the reference's entry array.
    def m_iterate_1(self, it: Any) -> Any:
        if not self:
            return False
        start = 0.0 if it is None else next_index(it, self.capacity)
        if start is False:
            return False
        slots = self.slots()
        for i in range(int(start), len(slots)):
            key = slots[i]
            if key is not FREE and key is not TOMBSTONE:
                return float(i)
        return False

    def _slot_key(self, it: Any) -> Any:
        slots = self.slots()
        key = slots[validate_index(it, len(slots), "Iterator")]
        if key is FREE or key is TOMBSTONE:
            raise WrenError("Invalid map iterator.")
        return key

    def m_iteratorValue_1(self, it: Any) -> Any:
        key = self._slot_key(it)
        return MapEntry(unkey(key), self[key])

    def m_keyIteratorValue__1(self, it: Any) -> Any:
        return unkey(self._slot_key(it))

    def m_valueIteratorValue__1(self, it: Any) -> Any:
        return self[self._slot_key(it)]

    def g_toString(self) -> str:
        # Every list or map counts, however small: nested ones can make
        # one toString exponential (a list holding the same list twice).
        charge(len(self) + 1)
        items = [joined(": ", (to_str(unkey(k)), to_str(self[k]))) for k in self.ordered_keys()]
        return "{" + joined(", ", items) + "}"

    __hash__ = object.__hash__  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        return self is other


class _KeySeq(WSequence):
    plain_values = True  # reading an element runs no script code
    __slots__ = ("map",)

    def __init__(self, m: WMap) -> None:
        self.map = m

    def pyiter(self) -> Iterator[Any]:
        return (unkey(k) for k in self.map.ordered_keys())

    def m_iterate_1(self, it: Any) -> Any:
        return self.map.m_iterate_1(it)

    def m_iteratorValue_1(self, it: Any) -> Any:
        return self.map.m_keyIteratorValue__1(it)


class _ValueSeq(_KeySeq):
    __slots__ = ()

    def pyiter(self) -> Iterator[Any]:
        m = self.map
        return iter([m[k] for k in m.ordered_keys()])

    def m_iteratorValue_1(self, it: Any) -> Any:
        return self.map.m_valueIteratorValue__1(it)


class MapStatics:
    def m_new_0(self) -> WMap:
        return WMap()


def map_of(pairs: Iterable[tuple[Any, Any]]) -> WMap:
    m = WMap()
    for k, v in pairs:
        m.set(map_key(k), v)
    return m


class WRange(WSequence):
    plain_values = True  # reading an element runs no script code
    __slots__ = ("frm", "incl", "to")

    def __init__(self, frm: float, to: float, incl: bool) -> None:
        self.frm = frm
        self.to = to
        self.incl = incl

    def __eq__(self, other: object) -> bool:
        return (
            other.__class__ is WRange
            and self.frm == other.frm
            and self.to == other.to
            and self.incl == other.incl
        )

    def __hash__(self) -> int:
        return hash((self.frm, self.to, self.incl))

    def b_eq(self, other: object) -> bool:
        return self == other

    def b_ne(self, other: object) -> bool:
        return self != other

    def g_from(self) -> float:
        return self.frm

    def g_to(self) -> float:
        return self.to

    def g_min(self) -> float:
        return min(self.frm, self.to)

    def g_max(self) -> float:
        return max(self.frm, self.to)

    def g_isInclusive(self) -> bool:
        return self.incl

    def pyiter(self) -> Iterator[float]:
        fast = int_range_iter(self.frm, self.to, self.incl)
        return self._float_iter() if fast is None else fast

    def _float_iter(self) -> Iterator[float]:
        it: Any = None
        while True:
            it = self.m_iterate_1(it)
            if it is False:
                return
            yield it

    def m_iterate_1(self, it: Any) -> Any:
        f, t = self.frm, self.to
        if f == t and not self.incl:
            return False
        if it is None:
            return f
        if it.__class__ is not float:
            raise WrenError("Iterator must be a number.")
        if f < t:
            it += 1
            if it > t:
                return False
        else:
            it -= 1
            if it < t:
                return False
        if not self.incl and it == t:
            return False
        return it

    def m_iteratorValue_1(self, it: Any) -> Any:
        return it

    def g_toString(self) -> str:
        return f"{to_str(self.frm)}{'..' if self.incl else '...'}{to_str(self.to)}"
