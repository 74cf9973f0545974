"""Shared data: named values every script can read and write through ``kryon``.

Spec: ``SharedDataManager``.  Values are canonical and copied on the way in and
out, so no script ever holds a live reference into another's data.  Access is
granted per language (``read``/``write`` sets, ``None`` = every language), and
writes notify listeners with ``(key, old, new)``.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kryon_core.errors import AccessDeniedError, MemoryLimitError, ScriptError
from kryon_core.values import Value, check_value

__all__ = ["AccessPolicy", "SharedData", "SharedObject", "footprint"]

ChangeListener = Callable[[str, Value, Value], None]


@dataclass(frozen=True)
class AccessPolicy:
    """Who may read and write one shared object (``None`` = everyone)."""

    read: frozenset[str] | None = None
    write: frozenset[str] | None = None
    readonly: bool = False


@dataclass
class SharedObject:
    key: str
    value: Value
    owner: str
    policy: AccessPolicy
    created_at: float = field(default_factory=time.monotonic)
    modified_at: float = field(default_factory=time.monotonic)
    access_count: int = 0


class SharedData:
    """The shared objects of one manager."""

    def __init__(self) -> None:
        self._objects: dict[str, SharedObject] = {}
        self._listeners: dict[str, list[ChangeListener]] = {}
        self._lock = threading.Lock()
        self._sizes: dict[str, int] = {}
        self._total = 0

    @property
    def size(self) -> int:
        """Bytes the shared values and their keys take in the host (estimated)."""
        return self._total

    def _resize(self, key: str, size: int) -> None:
        self._total += size - self._sizes.get(key, 0)
        self._sizes[key] = size

    def create(
        self, key: str, value: Value, *, owner: str = "host", policy: AccessPolicy | None = None
    ) -> None:
        """Create (or replace) a shared object with its access policy."""
        checked = check_value(value)
        size = footprint(key) + footprint(checked)
        with self._lock:
            self._objects[key] = SharedObject(key, checked, owner, policy or AccessPolicy())
            self._resize(key, size)

    def get(self, key: str, *, language: str = "host") -> Value:
        with self._lock:
            obj = self._objects.get(key)
            if obj is None:
                return None
            if (
                language != "host"
                and obj.policy.read is not None
                and language not in obj.policy.read
            ):
                raise AccessDeniedError(f"{language} scripts may not read shared {key!r}")
            obj.access_count += 1
            return check_value(obj.value)

    def set(
        self, key: str, value: Value, *, language: str = "host", budget: int | None = None
    ) -> None:
        """Write a value (creating it, owned by ``language``, if missing).

        With ``budget`` (bytes; the writing script's policy's memory limit),
        a write that would make all shared data take more than that raises
        MemoryLimitError and changes nothing: a script must not grow the host
        beyond its own limit by parking values here."""
        new = check_value(value)
        size = footprint(key) + footprint(new)
        with self._lock:
            obj = self._objects.get(key)
            if obj is not None and (
                language != "host"
                and (
                    obj.policy.readonly
                    or (obj.policy.write is not None and language not in obj.policy.write)
                )
            ):
                raise AccessDeniedError(f"{language} scripts may not write shared {key!r}")
            total = self._total + size - self._sizes.get(key, 0)
            if budget is not None and total > budget:
                raise MemoryLimitError(
                    f"shared data would take {total:,} bytes with {key!r}, over the "
                    f"{budget:,} the writer's policy allows (its memory_limit_mb)"
                )
            if obj is None:
                obj = self._objects[key] = SharedObject(key, None, language, AccessPolicy())
            old, obj.value = obj.value, new
            self._resize(key, size)
            obj.modified_at = time.monotonic()
            listeners = list(self._listeners.get(key, ()))
        for listener in listeners:
            try:
                listener(key, old, new)
            except ScriptError:
                continue  # a failing listener must not undo a successful write

    def keys(self) -> Iterable[str]:
        return list(self._objects)

    def watch(self, key: str, listener: ChangeListener) -> Callable[[], None]:
        """Call ``listener(key, old, new)`` after each write; returns an unwatch function."""
        self._listeners.setdefault(key, []).append(listener)
        return lambda: self._listeners.get(key, []).remove(listener)


def footprint(value: Value) -> int:
    """The bytes a canonical value takes in this process (``sys.getsizeof`` of
    each part); a string held in several places counts once, as it is stored
    once.  Values are acyclic and at most MAX_DEPTH deep (checked first)."""
    seen: set[int] = set()
    total = 0
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if id(item) in seen:
                continue
            seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, dict):
            pending += item.keys()
            pending += item.values()
        elif isinstance(item, list):
            pending += item
    return total
