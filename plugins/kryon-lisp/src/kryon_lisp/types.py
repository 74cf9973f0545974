"""Kryon Lisp's own value types: symbols, keywords, characters, lists, sets,
atoms and the exception types scripts throw.

Vectors and maps are the persistent-collection library's types used directly
(``pyrsistent`` vectors, ``immutables.Map``) so that ``conj``/``assoc`` cost
what the library costs; the types here fill the gaps Clojure needs.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from fractions import Fraction
from typing import Any

import immutables
from pyrsistent import pvector

from kryon_lisp import limits

PVector: type[Any] = type(pvector())
EMPTY_VECTOR: Any = pvector()


class Symbol:
    """A symbol; ``ns`` is the namespace part of ``ns/name`` (or None)."""

    __slots__ = ("_hash", "column", "line", "meta", "name", "ns")

    def __init__(
        self,
        name: str,
        ns: str | None = None,
        meta: Any = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.name = name
        self.ns = ns
        self.meta = meta
        self.line = line
        self.column = column
        self._hash = zlib.crc32(f"{ns}/{name}".encode()) ^ 0x5EED

    @classmethod
    def parse(cls, text: str) -> Symbol:
        if "/" in text and text != "/":
            ns, _, name = text.partition("/")
            return cls(name, ns)
        return cls(text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Symbol) and other.name == self.name and other.ns == self.ns

    def __hash__(self) -> int:
        return self._hash

    def __str__(self) -> str:
        return f"{self.ns}/{self.name}" if self.ns else self.name

    def __repr__(self) -> str:
        return str(self)

    def with_meta(self, meta: Any) -> Symbol:
        return Symbol(self.name, self.ns, meta, self.line, self.column)

    def __call__(self, coll: Any, default: Any = None) -> Any:
        """``('a m)``: a symbol looks itself up, as a keyword does."""
        from kryon_lisp.collections import get

        return get(coll, self, default)


_keywords: dict[tuple[str | None, str], Keyword] = {}
NO_ARG: Any = object()
"""The default of a parameter that tells an argument not given: a keyword's
map, a multi-arity dispatcher's parameters (core's ``@NA``)."""


class Keyword:
    """An interned keyword; calling it looks itself up in a map or set."""

    __slots__ = ("_chash", "_hash", "name", "ns")
    name: str
    ns: str | None
    _hash: int
    _chash: int | None

    def __new__(cls, name: str, ns: str | None = None) -> Keyword:
        key = (ns, name)
        found = _keywords.get(key)
        if found is not None:
            return found
        self = object.__new__(cls)
        self.name = name
        self.ns = ns
        self._hash = zlib.crc32(f"{ns}/{name}".encode())
        self._chash = None
        # setdefault is atomic: two threads interning the same keyword agree
        return _keywords.setdefault(key, self)

    @classmethod
    def parse(cls, text: str) -> Keyword:
        if "/" in text and text != "/":
            ns, _, name = text.partition("/")
            return cls(name, ns)
        return cls(text)

    def __call__(self, coll: Any = NO_ARG, default: Any = None, *more: Any) -> Any:
        if more or coll is NO_ARG:
            # Clojure names the keyword: Wrong number of args (3) passed to: :a
            given = 0 if coll is NO_ARG else 2 + len(more)
            raise TypeError(f"Wrong number of args ({given}) passed to: {self}")
        if isinstance(coll, (LMap, LSet)):
            return coll.get(self, default)  # records and sorted maps too
        if coll is None:
            return default
        from kryon_lisp.collections import get

        return get(coll, self, default)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return self is other

    def __reduce__(self) -> tuple[Any, ...]:
        return (Keyword, (self.name, self.ns))

    def __str__(self) -> str:
        return f":{self.ns}/{self.name}" if self.ns else f":{self.name}"

    __repr__ = __str__


class Char:
    """A character (``\\a``); distinct from a one-character string."""

    __slots__ = ("ch",)

    def __init__(self, ch: str) -> None:
        self.ch = ch

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Char) and other.ch == self.ch

    def __lt__(self, other: Char) -> bool:
        return self.ch < other.ch

    def __hash__(self) -> int:
        return hash(("char", self.ch))

    def __str__(self) -> str:
        return self.ch

    def __repr__(self) -> str:
        return f"Char({self.ch!r})"


class BigInt(int):
    """A Clojure ``BigInt`` (``1N``, ``(bigint x)``, a ratio sum that is whole).

    Plain Python ints are Clojure longs (past 64 bits they print as BigInts
    too); this subclass marks values that are BigInts whatever their size, so
    they print with ``N`` and make the arithmetic they take part in BigInt,
    as in Clojure, where ``(reduce * 1N (range 1 30))`` never overflows."""

    __slots__ = ()


class Seq:
    """Base of every sequence: ``first``/``more``/``next``/``seq`` and iteration.

    Sequential equality and hashing match vectors, as in Clojure.
    """

    __slots__ = ()

    def first(self) -> Any:
        raise TypeError("abstract seq")

    def more(self) -> Seq:
        raise TypeError("abstract seq")

    def seq(self) -> Seq | None:
        return self

    def next(self) -> Seq | None:
        return self.more().seq()

    def __iter__(self) -> Iterator[Any]:
        s: Seq | None = self.seq()
        while s is not None:
            yield s.first()
            s = s.next()

    def __eq__(self, other: object) -> bool:
        from kryon_lisp.equality import sequential_equals

        return sequential_equals(self, other)

    def __hash__(self) -> int:
        return safe_hash(pvector(list(self)))

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        from kryon_lisp.printer import pr_str

        return pr_str(self)


class PList(Seq):
    """An immutable linked list (Clojure's PersistentList); also used for code."""

    __slots__ = ("_first", "_rest", "column", "count", "line", "meta")

    def __init__(self, first: Any, rest: PList, meta: Any = None) -> None:
        self._first = first
        self._rest = rest
        self.count: int = rest.count + 1
        self.meta = meta
        self.line: int | None = None
        self.column: int | None = None

    def first(self) -> Any:
        return self._first

    def more(self) -> PList:
        return self._rest

    def next(self) -> PList | None:
        return self._rest if self._rest.count else None

    def seq(self) -> PList | None:
        return self if self.count else None

    def cons(self, x: Any) -> PList:
        return PList(x, self)

    def __iter__(self) -> Iterator[Any]:
        node = self
        while node.count:
            yield node._first
            node = node._rest

    def __len__(self) -> int:
        return self.count

    def __hash__(self) -> int:
        return safe_hash(pvector(list(self)))

    def __eq__(self, other: object) -> bool:
        return Seq.__eq__(self, other)

    def at(self, line: int | None, column: int | None) -> PList:
        self.line = line
        self.column = column
        return self


class _EmptyList(PList):
    __slots__ = ()

    def __init__(self, meta: Any = None) -> None:
        self._first = None
        self._rest = self
        self.count = 0
        self.meta = meta
        self.line = None
        self.column = None

    def seq(self) -> None:
        return None


EMPTY_LIST: PList = _EmptyList()


def plist(items: Iterable[Any]) -> PList:
    """A list of ``items`` in order."""
    out = EMPTY_LIST
    for x in reversed(items if isinstance(items, (list, tuple)) else list(items)):
        out = PList(x, out)
    return out


MAX_KEY_NESTING = 10_000
"""Vectors nested deeper than this cannot be hashed (map keys, set members):
the persistent-vector hash recurses in C and would overflow the C stack."""


def check_key_nesting(v: Any) -> None:
    """Refuse a vector nested too deeply to hash safely, and charge the call's
    budget for the hash: it runs in C, visiting shared subvectors once per use,
    so forty levels of ``(conj v v)`` make 2**40 visits in 40 small vectors."""
    for item in v:
        if type(item) is PVector:
            break
    else:
        return  # flat: the common [x y] key
    # height and tree size of each distinct subvector, computed once each
    known: dict[int, tuple[int, int]] = {}
    stack: list[tuple[Any, bool]] = [(v, False)]
    while stack:
        x, children_done = stack.pop()
        if id(x) in known:
            continue
        if not children_done:
            limits.step()
            stack.append((x, True))
            stack.extend((item, False) for item in x if type(item) is PVector)
            continue
        height, size = 1, 1
        for item in x:
            if type(item) is PVector:
                h, n = known[id(item)]
                height = max(height, h + 1)
                size += n
            else:
                size += 1
        if height > MAX_KEY_NESTING:
            raise ValueError("collection nested too deeply to be hashed")
        known[id(x)] = (height, size)
    size = known[id(v)][1]
    if size > limits.CHUNK:
        limits.charge(size)


def identity_hash(obj: object) -> int:
    """A Java ``System.identityHashCode`` stand-in (31 bits), as Clojure prints
    objects: ``#object[java.lang.StringBuilder 0x1b6d3586 ...]``."""
    return (id(obj) >> 4) & 0x7FFFFFFF


def safe_hash(x: Any) -> int:
    """``hash`` that cannot overflow the C stack on deeply nested vectors."""
    if type(x) is PVector:
        check_key_nesting(x)
    return hash(x)


class MapKey:
    """A map key or set member Python's ``==`` would confuse with another.

    Python holds ``1 == 1.0 == True`` (and ``[1] == [1.0]``); Clojure's ``=``
    tells the numeric categories apart, so ``{1 :a 1.0 :b true :c}`` has three
    keys. Maps store floats, booleans and collections holding one of them
    wrapped in a ``MapKey``, which compares with Clojure's ``=`` and hashes with
    Clojure's ``hasheq``; every other key is stored as itself.
    """

    __slots__ = ("hash", "value")

    def __init__(self, value: Any) -> None:
        from kryon_lisp.clojure_hash import hasheq

        self.value = value
        self.hash = hasheq(value)

    def __eq__(self, other: object) -> bool:
        from kryon_lisp.equality import equals

        if type(other) is MapKey:
            other = other.value
        return equals(self.value, other)

    def __hash__(self) -> int:
        return self.hash

    def __repr__(self) -> str:
        return f"MapKey({self.value!r})"


_PLAIN_KEYS: frozenset[type] = frozenset({Keyword, str, int, Symbol, Char, type(None), Fraction})
"""Key types whose Python equality and hash already agree with Clojure's."""


def key_of(x: Any) -> Any:
    """``x`` as it is stored as a map key or set member (see :class:`MapKey`)."""
    t = type(x)
    if t in _PLAIN_KEYS:
        return x
    if t is float or t is bool:
        return MapKey(x)
    if t is MapKey:
        return x
    if t is PVector:
        for item in x:
            if type(item) not in _PLAIN_KEYS:
                break
        else:
            return x  # the common [x y] key: flat, nothing Python would confuse
        check_key_nesting(x)
    elif not isinstance(x, (Seq, LMap, LSet)):
        return x  # functions, atoms, records of the host: identity
    return MapKey(x) if _confusable(x) else x


def key_value(k: Any) -> Any:
    """The value a stored key stands for."""
    return k.value if type(k) is MapKey else k


def _confusable(x: Any) -> bool:
    """Whether the collection ``x`` holds a float or boolean at any depth."""
    seen: set[int] = set()
    stack = [x]
    while stack:
        c = stack.pop()
        if id(c) in seen:
            continue
        seen.add(id(c))
        limits.step()
        if isinstance(c, LMap):
            if c._has_wrapped_keys():
                return True
            items: Iterable[Any] = c.stored().values()
        elif isinstance(c, LSet):
            if c._m._has_wrapped_keys():
                return True
            continue  # members are keys: plain if no key is wrapped
        else:
            items = c
        for item in items:
            t = type(item)
            if t is float or t is bool:
                return True
            if t is PVector or isinstance(item, (Seq, LMap, LSet)):
                stack.append(item)
    return False


_SMALL = 8
"""Maps and sets up to this size keep insertion order (as Clojure's array-maps)."""


class LMap:
    """A persistent hash map.

    Up to :data:`_SMALL` entries it is an insertion-ordered dict copied on
    write (Clojure's array-map: small maps print in the order written);
    beyond that an ``immutables.Map`` (HAMT) carries it. Keys are stored as
    :func:`key_of` makes them; everything that hands keys out unwraps them.
    """

    __slots__ = ("_chash", "_d", "_hash", "_hashed", "_keyed", "_m", "_order", "meta")
    _chash: int | None
    _hash: int | None
    _order: list[tuple[Any, Any]] | None

    def __init__(
        self,
        d: dict[Any, Any] | None = None,
        m: Any = None,
        meta: Any = None,
        hashed: bool = False,
        keyed: bool | None = None,
    ) -> None:
        self._d = d
        self._m = m
        self.meta = meta
        # a Clojure hash map (not an array map): iterates in hash-trie order
        self._hashed = hashed
        # whether a stored key is a MapKey (None: not known yet, found on use)
        self._keyed = keyed
        # _hash, _chash and _order are caches filled on first use (left unset
        # here: assoc builds many maps that are never hashed or iterated)

    @staticmethod
    def of(pairs: Iterable[tuple[Any, Any]], *, array: bool = False) -> LMap:
        """The map of ``pairs`` (a later key wins); ``array`` keeps insertion
        order whatever the size, as Clojure's ``createAsIfByAssoc`` does."""
        d = {}
        keyed = False
        for key, v in pairs:
            k = key if type(key) in _PLAIN_KEYS else key_of(key)
            keyed = keyed or type(k) is MapKey
            d[k] = v
        if len(d) <= _SMALL or array:
            return LMap(d, None, None, False, keyed)
        return LMap(None, immutables.Map(d), None, False, keyed)

    def stored(self) -> Any:
        """The storage: a dict or ``immutables.Map`` of stored keys (:func:`key_of`)."""
        d = self._d
        return self._m if d is None else d

    def _has_wrapped_keys(self) -> bool:
        keyed = self._keyed
        if keyed is None:
            d = self._d
            keyed = self._keyed = any(type(k) is MapKey for k in (self._m if d is None else d))
        return keyed

    def assoc(self, k: Any, v: Any) -> LMap:
        keyed = self._keyed
        if type(k) not in _PLAIN_KEYS:
            k = key_of(k)
            if type(k) is MapKey:
                keyed = True
        d = self._d
        if d is None:
            return LMap(None, self._m.set(k, v), self.meta, False, keyed)
        if k in d or len(d) < _SMALL:
            d = d.copy()
            d[k] = v
            return LMap(d, None, self.meta, self._hashed, keyed)
        m = immutables.Map(d).set(k, v)
        return LMap(None, m, self.meta, False, keyed)

    def update_value(self, k: Any, f: Any, default: Any = None) -> LMap:
        """``assoc`` of ``k`` to ``f`` of its value (``default`` where that is
        nil or missing): ``update`` with one key lookup."""
        keyed = self._keyed
        if type(k) not in _PLAIN_KEYS:
            k = key_of(k)
            if type(k) is MapKey:
                keyed = True
        d = self._d
        if d is None:
            m = self._m
            old = m.get(k)
            new = f(default if old is None else old)
            return LMap(None, m.set(k, new), self.meta, False, keyed)
        old = d.get(k)
        new = f(default if old is None else old)
        if k in d or len(d) < _SMALL:
            d = d.copy()
            d[k] = new
            return LMap(d, None, self.meta, self._hashed, keyed)
        return LMap(None, immutables.Map(d).set(k, new), self.meta, False, keyed)

    def assoc_all(self, pairs: Iterable[tuple[Any, Any]], keep: bool = False) -> LMap:
        """``assoc`` of every pair in turn, in one new map (a transient's
        ``assoc!``s); with ``keep`` a key already present keeps its value, as
        ``conj`` onto a set keeps the member it has."""
        keyed = self._keyed
        hashed = self._hashed
        small: dict[Any, Any] = {} if self._d is None else self._d.copy()
        mutation: Any = None if self._d is not None else self._m.mutate()
        for key, v in pairs:
            k = key if type(key) in _PLAIN_KEYS else key_of(key)
            if type(k) is MapKey:
                keyed = True
            if mutation is not None:
                if not keep or k not in mutation:
                    mutation[k] = v
            elif k in small:
                if not keep:
                    small[k] = v
            elif len(small) < _SMALL:
                small[k] = v
            else:  # past an array map's size: on in a hash trie
                mutation = immutables.Map(small).mutate()
                mutation[k] = v
                hashed = False
        if mutation is not None:
            return LMap(None, mutation.finish(), self.meta, False, keyed)
        return LMap(small, None, self.meta, hashed, keyed)

    def dissoc(self, k: Any) -> LMap:
        if type(k) not in _PLAIN_KEYS:
            k = key_of(k)
        d = self._d
        if d is None:
            if k in self._m:
                return LMap(None, self._m.delete(k), self.meta, False, self._keyed)
            return self
        if k not in d:
            return self
        d = d.copy()
        del d[k]
        return LMap(d, None, self.meta, self._hashed, self._keyed)

    def get(self, k: Any, default: Any = None) -> Any:
        if type(k) not in _PLAIN_KEYS:
            k = key_of(k)
        d = self._d
        return (self._m if d is None else d).get(k, default)

    def items(self) -> Iterable[tuple[Any, Any]]:
        d = self._d
        if d is not None and not self._hashed:
            if self._has_wrapped_keys():
                return [(key_value(k), v) for k, v in d.items()]
            return d.items()
        return self._trie_items()

    def raw_items(self) -> Iterable[tuple[Any, Any]]:
        """Entries in storage order (for equality and hashing: no sorting)."""
        stored: Iterable[tuple[Any, Any]] = self.stored().items()
        if self._has_wrapped_keys():
            return [(key_value(k), v) for k, v in stored]
        return stored

    def _trie_items(self) -> list[tuple[Any, Any]]:
        order: list[tuple[Any, Any]] | None = getattr(self, "_order", None)
        if order is None:
            from kryon_lisp.clojure_hash import trie_order

            order = self._order = sorted(self.raw_items(), key=lambda kv: trie_order(kv[0]))
        return order

    def keys(self) -> Iterable[Any]:
        d = self._d
        if d is not None and not self._hashed:
            if self._has_wrapped_keys():
                return [key_value(k) for k in d]
            return d.keys()
        return [k for k, _ in self._trie_items()]

    def values(self) -> Iterable[Any]:
        d = self._d
        if d is not None and not self._hashed:
            return d.values()
        return [v for _, v in self._trie_items()]

    def __contains__(self, k: object) -> bool:
        if type(k) not in _PLAIN_KEYS:
            k = key_of(k)
        d = self._d
        return k in (self._m if d is None else d)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.keys())

    def __len__(self) -> int:
        d = self._d
        return len(self._m if d is None else d)

    def __call__(self, k: Any, default: Any = None) -> Any:
        return self.get(k, default)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LMap) or len(other) != len(self):
            return False
        from kryon_lisp.equality import equals

        missing = object()
        for k, v in self.stored().items():
            w = other.get(k, missing)
            if w is missing or not (w is v or equals(w, v)):
                return False
        return True

    def __hash__(self) -> int:
        # immutable, so computed once: nested maps hash in linear time
        found: int | None = getattr(self, "_hash", None)
        if found is None:
            found = self._hash = hash(frozenset(self.stored().items()))
        return found

    def __repr__(self) -> str:
        from kryon_lisp.printer import pr_str

        return pr_str(self)


EMPTY_MAP = LMap({})


class LSet:
    """A persistent hash set: an :class:`LMap` of element to element."""

    __slots__ = ("_chash", "_hash", "_m", "meta")

    def __init__(self, m: LMap = EMPTY_MAP, meta: Any = None) -> None:
        self._chash: int | None = None
        # Clojure sets are hash sets: their map iterates in hash-trie order
        if not m._hashed and m._d is not None:
            m = LMap(m._d, None, m.meta, True, m._keyed)
        self._m = m
        self.meta = meta
        self._hash: int | None = None

    @staticmethod
    def of(items: Iterable[Any]) -> LSet:
        return LSet(LMap.of((x, x) for x in items))

    def conj(self, x: Any) -> LSet:
        k = x if type(x) in _PLAIN_KEYS else key_of(x)
        return self if k in self._m else LSet(self._m.assoc(k, x), self.meta)

    def conj_all(self, items: Iterable[Any]) -> LSet:
        """``conj`` of every item, in one new set."""
        return LSet(self._m.assoc_all(((x, x) for x in items), keep=True), self.meta)

    def disj(self, x: Any) -> LSet:
        return LSet(self._m.dissoc(x), self.meta) if x in self._m else self

    def get(self, x: Any, default: Any = None) -> Any:
        return self._m.get(x, default)

    def __contains__(self, x: object) -> bool:
        return x in self._m

    def __iter__(self) -> Iterator[Any]:
        return iter(self._m.keys())

    def __len__(self) -> int:
        return len(self._m)

    def __call__(self, x: Any) -> Any:
        return self._m.get(x)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, LSet)
            and len(other) == len(self)
            and all(k in other._m for k in self._m.stored())
        )

    def __hash__(self) -> int:
        found = self._hash
        if found is None:
            found = self._hash = hash(frozenset(self._m.stored()))
        return found

    def __repr__(self) -> str:
        from kryon_lisp.printer import pr_str

        return pr_str(self)


class Atom:
    """A reference with watches and an optional validator."""

    __slots__ = ("meta", "validator", "value", "watches")

    def __init__(self, value: Any, meta: Any = None, validator: Any = None) -> None:
        self.value = value
        self.meta = meta
        self.validator = validator
        self.watches: dict[Any, Callable[..., Any]] = {}

    def deref(self) -> Any:
        return self.value

    def reset(self, new: Any) -> Any:
        if self.validator is not None and not truthy(self.validator(new)):
            from kryon_lisp.classes import EXCEPTIONS

            raise EXCEPTIONS["IllegalStateException"]("Invalid reference state")
        old = self.value
        self.value = new
        if self.watches:
            for key, fn in list(self.watches.items()):
                fn(key, self, old, new)
        return new


class Volatile:
    """``volatile!``: a plain mutable box."""

    java_class = "clojure.lang.Volatile"

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class Delay:
    """``delay``: a memoised thunk."""

    java_class = "clojure.lang.Delay"

    __slots__ = ("done", "fn", "value")

    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn
        self.done = False
        self.value: Any = None

    def force(self) -> Any:
        if not self.done:
            self.value = self.fn()
            self.done = True
        return self.value


class Reduced:
    """Early termination marker for ``reduce`` and transducers."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class LispError(Exception):
    """Base of the exceptions Lisp code throws."""


class ExceptionInfo(LispError):
    """``ex-info``: a message, a data map and an optional cause."""

    def __init__(self, message: Any, data: Any = None, cause: BaseException | None = None):
        super().__init__(message)
        self.message = message
        self.data = EMPTY_MAP if data is None else data
        self.__cause__ = cause


class Thrown(LispError):
    """Carries a non-exception value thrown with ``(throw x)``."""

    def __init__(self, value: Any) -> None:
        from kryon_lisp.printer import str_of

        super().__init__(str_of(value))
        self.value = value


def truthy(x: Any) -> bool:
    """Clojure truth: everything but nil and false."""
    return x is not None and x is not False
