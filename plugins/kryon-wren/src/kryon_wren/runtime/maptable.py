"""The reference's hash table layout of a Map, which fixes its iteration order.

A Wren Map iterates in the order of the slots of its open-addressing table
(``wren_value.c``): linear probing, tombstones for removed keys, a capacity
of 16 that doubles when a set finds ``count + 1`` above 75% of it (checked
before every set, also one that replaces a value) and halves when a removal
leaves fewer than 75% of half of it. ``WMap`` stays a Python dict for
lookups and only logs the events that shape the table (new keys, removals,
resizes); the table is replayed from that log when the map is iterated or
printed, so maps that are never iterated never hash a key.
"""

from __future__ import annotations

import functools
import struct
from typing import Any

from kryon_wren.runtime.objects import WClass

MIN_CAPACITY = 16

_M64 = (1 << 64) - 1
_QNAN = 0x7FFC000000000000
_DOUBLE = struct.Struct("<d")
_UINT64 = struct.Struct("<Q")

# -0 is a key of its own (the reference compares and hashes keys by their
# bits), where a Python dict would take it for 0.
NEG_ZERO_KEY = ("<wren -0>",)

FREE: Any = type("FreeSlot", (), {"__slots__": ()})()
TOMBSTONE: Any = type("Tombstone", (), {"__slots__": ()})()
REMOVED: Any = type("Removed", (), {"__slots__": ()})()


# A map's log: a new key is logged as itself, a removal as REMOVED followed by
# the key, and a resize as the new capacity (no Wren key is an int).  Nothing
# is allocated per entry: a tuple per removal made the cyclic GC run over and
# over while a large map was emptied.


def grow_threshold(capacity: int) -> int:
    """The count at which the next set grows the table (MAP_LOAD_PERCENT 75)."""
    return capacity * 75 // 100


def _hash_bits(h: int) -> int:
    # v8's ComputeLongHash (Thomas Wang), on 64-bit unsigned arithmetic.
    h = (~h + (h << 18)) & _M64
    h ^= h >> 31
    h = (h * 21) & _M64
    h ^= h >> 11
    h = (h + (h << 6)) & _M64
    h ^= h >> 22
    return h & 0x3FFFFFFF


def _hash_number(x: float) -> int:
    return _hash_bits(_UINT64.unpack(_DOUBLE.pack(x))[0])


@functools.lru_cache(maxsize=4096)
def _hash_string(s: str) -> int:
    # FNV-1a over the UTF-8 bytes; C's `char` is signed, so a byte above 127
    # is sign-extended before the xor.
    h = 2166136261
    for b in s.encode("utf-8", "surrogateescape"):
        h = ((h ^ (b if b < 128 else b | 0xFFFFFF00)) * 16777619) & 0xFFFFFFFF
    return h


def wren_hash(key: Any, true_key: Any, false_key: Any) -> int:
    """hashValue() of a map key in its dict form (Bools as their key tokens)."""
    c = key.__class__
    if c is float:
        return _hash_number(key)
    if c is str:
        return _hash_string(key)
    if key is None:
        return _hash_bits(_QNAN | 1)
    if key is NEG_ZERO_KEY:
        return _hash_number(-0.0)
    if key is false_key:
        return _hash_bits(_QNAN | 2)
    if key is true_key:
        return _hash_bits(_QNAN | 3)
    frm = getattr(key, "frm", None)
    if frm is not None:  # a Range
        return _hash_number(frm) ^ _hash_number(key.to)
    if isinstance(key, WClass):  # a class hashes its name
        return _hash_string(key.name)
    return 0  # the reference's release build hashes other objects as 0


class Table:
    """A replayable copy of the reference's entry array (keys only)."""

    __slots__ = ("count", "false_key", "hashes", "slots", "true_key")

    def __init__(self, true_key: Any, false_key: Any) -> None:
        self.slots: list[Any] = []
        self.count = 0
        self.true_key = true_key
        self.false_key = false_key
        # Each key's hash, computed once (resizes re-insert every key).
        self.hashes: dict[Any, int] = {}

    def _find(self, key: Any) -> tuple[bool, int]:
        slots = self.slots
        capacity = len(slots)
        h = self.hashes.get(key)
        if h is None:
            h = self.hashes[key] = wren_hash(key, self.true_key, self.false_key)
        start = index = h % capacity
        tombstone = -1
        while True:
            slot = slots[index]
            if slot is FREE:
                return False, tombstone if tombstone >= 0 else index
            if slot is TOMBSTONE:
                if tombstone < 0:
                    tombstone = index
            elif slot is key or slot == key:
                return True, index
            index = (index + 1) % capacity
            if index == start:
                return False, tombstone

    def insert(self, key: Any) -> None:
        found, index = self._find(key)
        if not found:
            self.slots[index] = key
            self.count += 1

    def remove(self, key: Any) -> None:
        if not self.slots:
            return
        found, index = self._find(key)
        if found:
            self.slots[index] = TOMBSTONE
            self.count -= 1
            del self.hashes[key]

    def resize(self, capacity: int) -> None:
        # Re-inserting distinct keys into an empty table: each takes the
        # first free slot of its probe sequence.
        old = self.slots
        slots = self.slots = [FREE] * capacity
        hashes = self.hashes
        for key in old:
            if key is FREE or key is TOMBSTONE:
                continue
            index = hashes[key] % capacity
            while slots[index] is not FREE:
                index = index + 1 if index + 1 < capacity else 0
            slots[index] = key

    def replay(self, log: list[Any]) -> None:
        hashes = self.hashes
        true_key, false_key = self.true_key, self.false_key
        ops = iter(log)
        for op in ops:
            if op.__class__ is int:
                self.resize(op)
                continue
            if op is REMOVED:
                self.remove(next(ops))
                continue
            # insert(op), inlined: most of a replay is new keys.
            h = hashes.get(op)
            if h is None:
                h = hashes[op] = wren_hash(op, true_key, false_key)
            slots = self.slots
            capacity = len(slots)
            start = index = h % capacity
            tombstone = -1
            while True:
                slot = slots[index]
                if slot is FREE:
                    slots[tombstone if tombstone >= 0 else index] = op
                    self.count += 1
                    break
                if slot is TOMBSTONE:
                    if tombstone < 0:
                        tombstone = index
                elif slot is op or slot == op:
                    break
                index = index + 1 if index + 1 < capacity else 0
                if index == start:
                    slots[tombstone] = op
                    self.count += 1
                    break

    def live(self) -> list[Any]:
        return [k for k in self.slots if k is not FREE and k is not TOMBSTONE]

    def reconcile(self, keys: dict[Any, Any]) -> None:
        """Make the table hold exactly ``keys`` (a safety net for entries
        that reached the dict without going through the log)."""
        live = self.live()
        if len(live) == len(keys) and all(k in keys for k in live):
            return
        for k in live:
            if k not in keys:
                self.remove(k)
        for k in keys:
            if self.slots and self._find(k)[0]:
                continue
            if self.count + 1 > grow_threshold(len(self.slots)):
                self.resize(max(len(self.slots) * 2, MIN_CAPACITY))
            self.insert(k)
