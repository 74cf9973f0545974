"""Clojure's ``hasheq`` (Murmur3) and the iteration order of its hash maps.

Clojure prints sets and hash maps (more than 8 entries, or made by
``hash-map``) in the order of its hash array mapped trie: by the 5-bit chunks of
each key's 32-bit ``hasheq``, lowest chunk first, ``nil`` first.  Computing the
same hashes lets Kryon Lisp print those collections in the same order.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from kryon_lisp import limits

M32 = 0xFFFFFFFF
_C1 = 0xCC9E2D51
_C2 = 0x1B873593
_GOLDEN = 0x9E3779B9


def _rotl(x: int, r: int) -> int:
    return ((x << r) | (x >> (32 - r))) & M32


def _mix_k1(k1: int) -> int:
    k1 = (k1 * _C1) & M32
    k1 = _rotl(k1, 15)
    return (k1 * _C2) & M32


def _mix_h1(h1: int, k1: int) -> int:
    h1 ^= k1
    h1 = _rotl(h1, 13)
    return (h1 * 5 + 0xE6546B64) & M32


def _fmix(h1: int, length: int) -> int:
    h1 = (h1 ^ length) & M32
    h1 ^= h1 >> 16
    h1 = (h1 * 0x85EBCA6B) & M32
    h1 ^= h1 >> 13
    h1 = (h1 * 0xC2B2AE35) & M32
    h1 ^= h1 >> 16
    return h1


def hash_int(i: int) -> int:
    if i == 0:
        return 0
    return _fmix(_mix_h1(0, _mix_k1(i & M32)), 4)


def hash_long(n: int) -> int:
    if n == 0:
        return 0
    u = n & 0xFFFFFFFFFFFFFFFF
    h1 = _mix_h1(0, _mix_k1(u & M32))
    h1 = _mix_h1(h1, _mix_k1(u >> 32))
    return _fmix(h1, 8)


def _utf16(s: str) -> list[int]:
    data = s.encode("utf-16-le", "surrogatepass")
    return [data[i] | (data[i + 1] << 8) for i in range(0, len(data), 2)]


def hash_unencoded_chars(s: str) -> int:
    units = _utf16(s)
    n = len(units)
    h1 = 0
    for i in range(1, n, 2):
        h1 = _mix_h1(h1, _mix_k1(units[i - 1] | (units[i] << 16)))
    if n & 1:
        h1 ^= _mix_k1(units[n - 1])
    return _fmix(h1, 2 * n)


def java_string_hash(s: str) -> int:
    h = 0
    for u in _utf16(s):
        h = (31 * h + u) & M32
    return h


def _signed(x: int) -> int:
    x &= M32
    return x - (1 << 32) if x & 0x80000000 else x


def _hash_combine(seed: int, h: int) -> int:
    seed = _signed(seed)
    return (seed ^ (_signed(h) + _GOLDEN + (seed << 6) + (seed >> 2))) & M32


def _mix_coll_hash(h: int, count: int) -> int:
    return _fmix(_mix_h1(0, _mix_k1(h & M32)), count)


def _big_integer_hash(n: int) -> int:
    """``java.math.BigInteger.hashCode``."""
    mag = abs(n)
    words: list[int] = []
    while mag:
        words.append(mag & M32)
        mag >>= 32
    h = 0
    for w in reversed(words):
        h = (31 * h + w) & M32
    return (h * (1 if n >= 0 else -1)) & M32


def _double_hash(d: float) -> int:
    import struct

    if d == 0.0:
        return 0
    bits: int = struct.unpack(">q", struct.pack(">d", d))[0] & 0xFFFFFFFFFFFFFFFF
    return (bits ^ (bits >> 32)) & M32


def hasheq(x: Any) -> int:
    """Clojure's ``(hash x)`` as an unsigned 32-bit value."""
    from kryon_lisp.types import BigInt, Char, Keyword, LMap, LSet, PVector, Seq, Symbol

    t = type(x)
    if x is None:
        return 0
    if t is bool:
        return 1231 if x else 1237
    if t is int or t is BigInt:
        if -(2**63) <= x < 2**63:
            return hash_long(x)
        return _big_integer_hash(x)
    if t is str:
        return hash_int(java_string_hash(x))
    if t is Keyword:
        cached: int | None = x._chash
        if cached is None:
            cached = x._chash = (_symbol_hash(x.name, x.ns) + _GOLDEN) & M32
        return cached
    if t is Symbol:
        return _symbol_hash(x.name, x.ns)
    if t is float:
        return _double_hash(x)
    if t is Char:
        return ord(x.ch) & M32
    if t is Fraction:
        return (_big_integer_hash(x.numerator) ^ _big_integer_hash(x.denominator)) & M32
    if t is PVector or isinstance(x, Seq):
        return hash_ordered(x)
    if isinstance(x, LMap):
        cached = getattr(x, "_chash", None)
        if cached is None:
            total = 0
            for k, v in x.raw_items():
                total += _mix_coll_hash((31 * (31 + hasheq(k)) + hasheq(v)) & M32, 2)
            cached = x._chash = _mix_coll_hash(total & M32, len(x))
        return cached
    if isinstance(x, LSet):
        cached = x._chash
        if cached is None:
            total = sum(hasheq(e) for e, _ in x._m.raw_items())
            cached = x._chash = _mix_coll_hash(total & M32, len(x))
        return cached
    from kryon_lisp.pqueue import PersistentQueue

    if t is PersistentQueue:
        return hash_ordered(x)
    return hash(x) & M32


def _symbol_hash(name: str, ns: str | None) -> int:
    return _hash_combine(hash_unencoded_chars(name), java_string_hash(ns) if ns else 0)


def hash_ordered(items: Any) -> int:
    limits.step()  # vectors are not cached: shared substructure can make 2**40 visits
    h = 1
    n = 0
    for x in items:
        h = (31 * h + hasheq(x)) & M32
        n += 1
    return _mix_coll_hash(h, n)


def trie_order(key: Any) -> tuple[int, ...]:
    """Sort key placing ``key`` where Clojure's hash trie iterates it."""
    if key is None:
        return (-1,)
    h = hasheq(key)
    return (
        h & 31,
        (h >> 5) & 31,
        (h >> 10) & 31,
        (h >> 15) & 31,
        (h >> 20) & 31,
        (h >> 25) & 31,
        h >> 30,
    )


def java_hash_code(x: Any) -> int:
    """Java's ``x.hashCode()`` (not ``hasheq``) as an unsigned 32-bit value: what
    ``Object.toString`` shows after the ``@`` (``clojure.lang.LazySeq@7861``)."""
    from kryon_lisp.types import BigInt, Char, Keyword, LMap, LSet, PVector, Seq, Symbol

    t = type(x)
    if x is None:
        return 0
    if t is bool:
        return 1231 if x else 1237
    if t is int or t is BigInt:
        if -(2**63) <= x < 2**63:
            u = int(x) & 0xFFFFFFFFFFFFFFFF
            return (u ^ (u >> 32)) & M32
        return _big_integer_hash(x)
    if t is float:
        import struct

        bits: int = struct.unpack(">Q", struct.pack(">d", x))[0]
        return (bits ^ (bits >> 32)) & M32
    if t is str:
        return java_string_hash(x)
    if t is Char:
        return java_string_hash(x.ch)
    if t is Keyword or t is Symbol:
        h = _hash_combine(java_string_hash(x.name), java_string_hash(x.ns) if x.ns else 0)
        return (h + _GOLDEN) & M32 if t is Keyword else h
    if t is Fraction:
        return (_big_integer_hash(x.numerator) ^ _big_integer_hash(x.denominator)) & M32
    from kryon_lisp.pqueue import PersistentQueue

    if t is PVector or t is PersistentQueue or isinstance(x, Seq):
        limits.step()
        h = 1
        for item in x:
            h = (31 * h + java_hash_code(item)) & M32
        return h
    if isinstance(x, LMap):
        limits.step()
        return sum(java_hash_code(k) ^ java_hash_code(v) for k, v in x.raw_items()) & M32
    if isinstance(x, LSet):
        limits.step()
        return sum(java_hash_code(e) for e in x) & M32
    return hasheq(x)
