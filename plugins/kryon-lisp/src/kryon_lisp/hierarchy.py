"""Clojure's ad hoc hierarchies (``derive``, ``isa?``, ``parents`` ...) and the
multimethods that dispatch through them.

A hierarchy is the map Clojure uses, ``{:parents {} :descendants {} :ancestors
{}}`` of tag -> set, so scripts can print and pass it around; the global one
belongs to the runtime (one per engine), not to this module."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kryon_lisp.classes import EXCEPTIONS, JavaClass
from kryon_lisp.equality import equals
from kryon_lisp.printer import pr_str
from kryon_lisp.types import EMPTY_MAP, Keyword, LMap, LSet, PVector, Symbol, key_of

_PARENTS = Keyword("parents")
_DESCENDANTS = Keyword("descendants")
_ANCESTORS = Keyword("ancestors")
_DEFAULT = Keyword("default")
_EMPTY_SET = LSet()

_NUMBER = ("java.lang.Number", "java.lang.Comparable")
_COLL = ("clojure.lang.IPersistentCollection", "clojure.lang.Seqable", "java.util.Collection")
_SUPERS: dict[str, tuple[str, ...]] = {
    "java.lang.Long": _NUMBER,
    "java.lang.Integer": _NUMBER,
    "java.lang.Double": _NUMBER,
    "java.lang.Float": _NUMBER,
    "clojure.lang.Ratio": _NUMBER,
    "clojure.lang.BigInt": _NUMBER,
    "java.lang.String": ("java.lang.CharSequence", "java.lang.Comparable"),
    "clojure.lang.Keyword": ("clojure.lang.Named", "clojure.lang.IFn", "java.lang.Comparable"),
    "clojure.lang.Symbol": ("clojure.lang.Named", "clojure.lang.IFn", "java.lang.Comparable"),
    "clojure.lang.PersistentVector": (
        "clojure.lang.IPersistentVector",
        "clojure.lang.Sequential",
        "java.util.List",
        *_COLL,
    ),
    "clojure.lang.PersistentList": (
        "clojure.lang.IPersistentList",
        "clojure.lang.ISeq",
        "clojure.lang.Sequential",
        "java.util.List",
        *_COLL,
    ),
    "clojure.lang.PersistentArrayMap": ("clojure.lang.IPersistentMap", "java.util.Map", *_COLL),
    "clojure.lang.PersistentHashMap": ("clojure.lang.IPersistentMap", "java.util.Map", *_COLL),
    "clojure.lang.PersistentHashSet": ("clojure.lang.IPersistentSet", "java.util.Set", *_COLL),
    "java.lang.ArithmeticException": ("java.lang.RuntimeException", "java.lang.Exception"),
    "java.lang.IllegalArgumentException": ("java.lang.RuntimeException", "java.lang.Exception"),
    "java.lang.RuntimeException": ("java.lang.Exception",),
    "clojure.lang.ExceptionInfo": ("java.lang.RuntimeException", "java.lang.Exception"),
}
"""The Java supertypes a class value knows (``Object`` is every class's)."""


def _supers(c: JavaClass) -> list[str]:
    names = list(_SUPERS.get(c.name, ()))
    if "java.lang.Exception" in names or c.name == "java.lang.Exception":
        names.append("java.lang.Throwable")
    if c.name != "java.lang.Object":
        names.append("java.lang.Object")
    return names


def make_hierarchy() -> LMap:
    return LMap.of([(_PARENTS, EMPTY_MAP), (_DESCENDANTS, EMPTY_MAP), (_ANCESTORS, EMPTY_MAP)])


def _table(h: Any, which: Keyword) -> Any:
    table = h.get(which) if isinstance(h, LMap) else None
    return table if isinstance(table, LMap) else EMPTY_MAP


def isa(h: Any, child: Any, parent: Any) -> bool:
    if equals(child, parent):
        return True
    if isinstance(parent, JavaClass) and isinstance(child, JavaClass):
        return parent.name in _supers(child)
    ancestors = _table(h, _ANCESTORS)
    if parent in ancestors.get(child, _EMPTY_SET):
        return True
    if isinstance(child, JavaClass):
        from kryon_lisp.classes import class_named

        for name in _supers(child):
            if parent in ancestors.get(class_named(name), _EMPTY_SET):
                return True
    if type(parent) is PVector and type(child) is PVector and len(parent) == len(child):
        return all(isa(h, c, p) for c, p in zip(child, parent, strict=True))
    return False


def _not_empty(s: Any) -> Any:
    return s if s else None


def parents(h: Any, tag: Any) -> Any:
    found = _table(h, _PARENTS).get(tag)
    if isinstance(tag, JavaClass):
        from kryon_lisp.classes import class_named

        found = LSet.of([*(class_named(n) for n in _supers(tag)), *(found or ())])
    return _not_empty(found)


def ancestors(h: Any, tag: Any) -> Any:
    table = _table(h, _ANCESTORS)
    found = table.get(tag)
    if isinstance(tag, JavaClass):
        from kryon_lisp.classes import class_named

        supers = [class_named(n) for n in _supers(tag)]
        items = [*supers, *(found or ())]
        for s in supers:
            items.extend(table.get(s) or ())
        found = LSet.of(items)
    return _not_empty(found)


def descendants(h: Any, tag: Any) -> Any:
    if isinstance(tag, JavaClass):
        raise TypeError("Can't get descendants of classes")
    return _not_empty(_table(h, _DESCENDANTS).get(tag))


def _assert(ok: bool, form: str) -> None:
    if not ok:
        raise EXCEPTIONS["AssertionError"](f"Assert failed: {form}")


def _exception(*parts: Any) -> Exception:
    """``(Exception. (print-str parts...))``."""
    return EXCEPTIONS["Exception"](" ".join(pr_str(p, readably=False) for p in parts))


def derive(h: Any, tag: Any, parent: Any) -> LMap:
    _assert(not equals(tag, parent), "(not= tag parent)")
    _assert(
        isinstance(tag, (JavaClass, Keyword, Symbol)),
        "(or (class? tag) (instance? clojure.lang.Named tag))",
    )
    _assert(isinstance(parent, (Keyword, Symbol)), "(instance? clojure.lang.Named parent)")
    tp, td, ta = _table(h, _PARENTS), _table(h, _DESCENDANTS), _table(h, _ANCESTORS)
    if parent in tp.get(tag, _EMPTY_SET):
        return h  # type: ignore[no-any-return]
    if parent in ta.get(tag, _EMPTY_SET):
        raise _exception(tag, "already has", parent, "as ancestor")
    if tag in ta.get(parent, _EMPTY_SET):
        raise _exception("Cyclic derivation:", parent, "has", tag, "as ancestor")

    def spread(m: LMap, source: Any, sources: LMap, target: Any, targets: LMap) -> LMap:
        # every tag at or below source gains target and everything above target
        for k in [source, *sources.get(source, _EMPTY_SET)]:
            s = m.get(k, _EMPTY_SET)
            for x in [target, *targets.get(target, _EMPTY_SET)]:
                s = s.conj(x)
            m = m.assoc(k, s)
        return m

    return LMap.of(
        [
            (_PARENTS, tp.assoc(tag, tp.get(tag, _EMPTY_SET).conj(parent))),
            (_ANCESTORS, spread(ta, tag, td, parent, ta)),
            (_DESCENDANTS, spread(td, parent, ta, tag, td)),
        ]
    )


def underive(h: Any, tag: Any, parent: Any) -> Any:
    tp = _table(h, _PARENTS)
    if parent not in tp.get(tag, _EMPTY_SET):
        return h
    rest = tp.get(tag).disj(parent)
    tp = tp.assoc(tag, rest) if rest else tp.dissoc(tag)
    out = make_hierarchy()
    for child, ps in tp.items():
        for p in ps:
            out = derive(out, child, p)
    return out


class GlobalHierarchy:
    """The runtime's global hierarchy and the functions that default to it."""

    def __init__(self) -> None:
        self.h = make_hierarchy()

    def bindings(self) -> dict[str, Any]:
        def arity(pure: Callable[..., Any]) -> Callable[..., Any]:
            def f(*args: Any) -> Any:
                return pure(*args) if len(args) == 3 else pure(self.h, *args)

            return f

        def derive_(*args: Any) -> Any:
            if len(args) == 3:
                return derive(*args)
            tag, parent = args
            _assert(getattr(parent, "ns", None) is not None, "(namespace parent)")
            _assert(
                isinstance(tag, JavaClass) or getattr(tag, "ns", None) is not None,
                "(or (class? tag) (and (instance? clojure.lang.Named tag) (namespace tag)))",
            )
            self.h = derive(self.h, tag, parent)
            return None

        def underive_(*args: Any) -> Any:
            if len(args) == 3:
                return underive(*args)
            self.h = underive(self.h, *args)
            return None

        def lookup(pure: Callable[[Any, Any], Any]) -> Callable[..., Any]:
            return lambda *args: pure(*args) if len(args) == 2 else pure(self.h, *args)

        return {
            "make-hierarchy": make_hierarchy,
            "derive": derive_,
            "underive": underive_,
            "isa?": arity(isa),
            "parents": lookup(parents),
            "ancestors": lookup(ancestors),
            "descendants": lookup(descendants),
            "@multifn": lambda name, dispatch, default=_DEFAULT: MultiFn(
                name, dispatch, self, default
            ),
        }


class MultiFn:
    """``defmulti``/``defmethod``: dispatch on the value of a function, through
    ``isa?`` and ``prefer-method`` when no method has the exact value."""

    java_class = "clojure.lang.MultiFn"

    def __init__(
        self, name: Any, dispatch: Callable[..., Any], hierarchy: GlobalHierarchy, default: Any
    ) -> None:
        self.__name__ = str(name)
        self.dispatch = dispatch
        self.hierarchy = hierarchy
        self.default = default
        self.methods: dict[Any, Callable[..., Any]] = {}
        self.prefers: dict[Any, set[Any]] = {}
        # dispatch values found through isa?/default, valid for one hierarchy
        # and until methods or preferences change (as Clojure's method cache)
        self.found: dict[Any, Callable[..., Any] | None] = {}
        self.found_in: Any = None

    def __call__(self, *args: Any) -> Any:
        value = self.dispatch(*args)
        method = self.methods.get(value)
        if method is None:
            method = self.cached_find(value)
            if method is None:
                raise ValueError(
                    f"No method in multimethod '{self.__name__}' for dispatch value: "
                    f"{pr_str(value)}"
                )
        return method(*args)

    def changed(self) -> None:
        """Methods or preferences changed: forget what dispatch found."""
        self.found.clear()

    def method_changed(self, value: Any, fn: Callable[..., Any] | None) -> None:
        """The method for ``value`` is now ``fn`` (None: removed); print-method listens."""

    def cached_find(self, value: Any) -> Callable[..., Any] | None:
        h = self.hierarchy.h
        if self.found_in is not h:
            self.found.clear()
            self.found_in = h
        try:
            key = key_of(value)
            if key in self.found:
                return self.found[key]
        except TypeError:  # an unhashable dispatch value
            return self.find(value)
        method = self.found[key] = self.find(value)
        return method

    def find(self, value: Any) -> Callable[..., Any] | None:
        """The method for ``value``: exact, else the dominant ``isa?`` match, else the default."""
        h = self.hierarchy.h
        best: Any = None
        found = False
        for k in self.methods:
            if not isa(h, value, k):
                continue
            if not found or self._dominates(k, best):
                best, found = k, True
            if not self._dominates(best, k):
                raise ValueError(
                    f"Multiple methods in multimethod '{self.__name__}' match dispatch value: "
                    f"{pr_str(value)} -> {pr_str(k)} and {pr_str(best)}, and neither is preferred"
                )
        if found:
            return self.methods[best]
        return self.methods.get(self.default)

    def _prefers(self, x: Any, y: Any) -> bool:
        if y in self.prefers.get(x, ()):
            return True
        h = self.hierarchy.h
        return any(self._prefers(x, p) for p in parents(h, y) or ()) or any(
            self._prefers(p, y) for p in parents(h, x) or ()
        )

    def _dominates(self, x: Any, y: Any) -> bool:
        return self._prefers(x, y) or isa(self.hierarchy.h, x, y)

    def prefer(self, x: Any, y: Any) -> MultiFn:
        if self._prefers(y, x):
            raise ValueError(
                f"Preference conflict in multimethod '{self.__name__}': "
                f"{pr_str(y)} is already preferred to {pr_str(x)}"
            )
        self.prefers.setdefault(x, set()).add(y)
        self.changed()
        return self


def defmethod(multi: MultiFn, value: Any, fn: Callable[..., Any]) -> MultiFn:
    multi.methods[value] = fn
    multi.changed()
    multi.method_changed(value, fn)
    return multi


def _multi(x: Any) -> MultiFn:
    if not isinstance(x, MultiFn):
        from kryon_lisp.printer import type_name

        raise TypeError(f"{type_name(x)} cannot be cast to clojure.lang.MultiFn")
    return x


def _remove_method(m: Any, value: Any) -> MultiFn:
    _multi(m).methods.pop(value, None)
    _multi(m).changed()
    _multi(m).method_changed(value, None)
    return _multi(m)


def _remove_all_methods(m: Any) -> MultiFn:
    for value in list(_multi(m).methods):
        _multi(m).method_changed(value, None)
    _multi(m).methods.clear()
    _multi(m).changed()
    return _multi(m)


MULTIMETHODS: dict[str, Any] = {
    "@defmethod": defmethod,
    "methods": lambda m: LMap.of(list(_multi(m).methods.items())),
    "get-method": lambda m, v: _multi(m).methods.get(v) or _multi(m).find(v),
    "remove-method": _remove_method,
    "remove-all-methods": _remove_all_methods,
    "prefer-method": lambda m, x, y: _multi(m).prefer(x, y),
    "prefers": lambda m: LMap.of([(k, LSet.of(v)) for k, v in _multi(m).prefers.items()]),
}
