"""Transients: ``(transient coll)`` is a mutable handle on a persistent
collection. Each ``conj!``/``assoc!``... replaces the collection it holds and
returns the handle itself, so code that "bashes in place" (ignoring what
``conj!`` returns, which Clojure allows for vectors and small maps) sees its
updates, and ``persistent!`` ends the handle's life as in Clojure."""

from __future__ import annotations

from typing import Any

from kryon_lisp import collections as colls
from kryon_lisp.types import EMPTY_VECTOR, PVector


class Transient:
    """A transient vector, map or set (``TransientVector`` ...)."""

    __slots__ = ("live", "value")

    def __init__(self, value: Any) -> None:
        self.value = value
        self.live = True

    java_class = "clojure.lang.ATransientMap"

    def current(self) -> Any:
        if not self.live:
            from kryon_lisp.classes import EXCEPTIONS

            used = "Transient used after persistent! call"
            raise EXCEPTIONS["java.lang.IllegalAccessError"](used)
        return self.value

    def __len__(self) -> int:
        return colls.count(self.current())

    def lisp_get(self, key: Any, default: Any = None) -> Any:
        return colls.get(self.current(), key, default)

    def lisp_nth(self, i: Any, default: Any) -> Any:
        return colls.nth(self.current(), i, default)

    def __call__(self, key: Any, default: Any = None) -> Any:
        value = self.current()
        if type(value) is PVector:
            return colls.nth(value, key)
        return colls.get(value, key, default)


class TransientVector(Transient):
    __slots__ = ()
    java_class = "clojure.lang.PersistentVector$TransientVector"


class TransientSet(Transient):
    __slots__ = ()
    java_class = "clojure.lang.PersistentHashSet$TransientHashSet"


def _handle(t: Any, name: str) -> Transient:
    if not isinstance(t, Transient):
        from kryon_lisp.printer import type_name

        raise TypeError(f"{type_name(t)} cannot be cast to clojure.lang.ITransientCollection")
    return t


def transient(coll: Any) -> Transient:
    from kryon_lisp.types import LMap, LSet

    if type(coll) is not PVector and not isinstance(coll, (LMap, LSet)):
        from kryon_lisp.printer import type_name

        raise TypeError(f"{type_name(coll)} cannot be cast to clojure.lang.IEditableCollection")
    if type(coll) is PVector:
        return TransientVector(coll)
    return TransientSet(coll) if isinstance(coll, LSet) else Transient(coll)


def persistent(t: Any) -> Any:
    handle = _handle(t, "persistent!")
    value = handle.current()
    handle.live = False
    return value


def _updater(fn: Any, name: str) -> Any:
    def update(t: Any, *args: Any) -> Transient:
        handle = _handle(t, name)
        handle.value = fn(handle.current(), *args)
        return handle

    update.__name__ = name.replace("!", "_bang")
    return update


def conj_bang(*args: Any) -> Any:
    """``conj!``: with no argument a new transient vector, with one the handle."""
    if len(args) == 2:
        t = args[0]
        if type(t) is TransientVector and t.live:
            t.value = t.value.append(args[1])  # the commonest use, without the general conj
            return t
    if not args:
        return TransientVector(EMPTY_VECTOR)
    if len(args) == 1:
        return args[0]
    return _conj(*args)


_conj = _updater(colls.conj, "conj!")

TRANSIENTS: dict[str, Any] = {
    "transient": transient,
    "persistent!": persistent,
    "conj!": conj_bang,
    "assoc!": _updater(colls.assoc, "assoc!"),
    "dissoc!": _updater(colls.dissoc, "dissoc!"),
    "disj!": _updater(colls.disj, "disj!"),
    "pop!": _updater(colls.pop, "pop!"),
}
