"""The core module: built-in class objects and the helpers generated code uses.

Built-in classes are created once per process (their Python classes are
shared); everything that belongs to one VM (output, fibers, limits) is
reached through :func:`current_vm`, set on every thread that runs Wren code.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NoReturn

from kryon_wren.names import signature_of
from kryon_wren.runtime import objects as O
from kryon_wren.runtime.collections import (
    ListStatics,
    MapEntry,
    MapStatics,
    WList,
    WMap,
    WRange,
    _KeySeq,
    _ValueSeq,
    int_range_iter,
    map_of,
    same,
)
from kryon_wren.runtime.fiber import FiberStatics, WFiber
from kryon_wren.runtime.natives import (
    INF,
    NAN,
    NUM_GETTERS,
    BoolProxy,
    NullProxy,
    NumProxy,
    NumStatics,
    bin_op,
    fmod,
    un_op,
)
from kryon_wren.runtime.objects import BIG, WClass, WObject, WrenError, joined, to_str
from kryon_wren.runtime.sequences import (
    MapSequence,
    SkipSequence,
    TakeSequence,
    WFn,
    WhereSequence,
    WSequence,
    loop_iter,
    py_iter,
)
from kryon_wren.runtime.strings import (
    StringByteSequence,
    StringCodePointSequence,
    StringProxy,
    StringStatics,
)

if TYPE_CHECKING:
    from kryon_wren.vm import VM


def current_vm() -> VM:
    vm: VM = O.running_vm()
    return vm


def set_current_vm(vm: VM | None) -> VM | None:
    old: VM | None = O.set_running_vm(vm)
    return old


class _VMStatics:
    @property
    def vm(self) -> VM:
        return current_vm()


class ObjectStatics:
    def m_same_2(self, a: Any, b: Any) -> bool:
        return same(a, b)


class FnStatics:
    def m_new_1(self, fn: Any) -> Any:
        if not isinstance(fn, WFn):
            raise WrenError("Argument must be a function.")
        return fn


def _written(v: Any) -> str:
    """What System.print/write show for ``v``: its toString, if that is a
    String, up to its first NUL (the reference CLI writes with printf "%s")."""
    c = v.__class__
    if c is str or c is float or c is bool or v is None:
        s = to_str(v)
    else:
        s = O.wrap(v).g_toString()
        if s.__class__ is not str:
            return "[invalid toString]"
    return s if "\0" not in s else s[: s.index("\0")]


class SystemStatics:
    def m_print_0(self) -> None:
        current_vm().write("\n")

    def m_print_1(self, v: Any) -> Any:
        current_vm().write(_written(v) + "\n")
        return v

    def m_printAll_1(self, seq: Any) -> None:
        current_vm().write("".join(_written(x) for x in py_iter(seq)) + "\n")

    def m_write_1(self, v: Any) -> Any:
        current_vm().write(_written(v))
        return v

    def m_writeAll_1(self, seq: Any) -> None:
        current_vm().write("".join(_written(x) for x in py_iter(seq)))

    def g_clock(self) -> float:
        return time.perf_counter() - _START

    def m_gc_0(self) -> None:
        gc.collect()


class ClassAttributes(WObject):
    """``Class.attributes``: runtime attributes by group, then key."""

    __slots__ = ("methods", "own")

    def __init__(self, own: WMap | None, methods: WMap | None) -> None:
        self.own = own
        self.methods = methods

    def g_self(self) -> WMap | None:
        return self.own

    def g_methods(self) -> WMap | None:
        return self.methods

    def g_toString(self) -> str:
        return f"attributes:{to_str(self.own)} methods:{to_str(self.methods)}"


def _attribute_groups(entries: list[tuple[str | None, str, Any]]) -> WMap:
    groups = WMap()
    for group, key, value in entries:
        keys = groups.get(group)
        if keys is None:
            keys = WMap()
            groups.set(group, keys)
        values = keys.get(key)
        if values is None:
            values = WList()
            keys.set(key, values)
        values.append(value)
    return groups


def _class_attributes(
    own: list[tuple[str | None, str, Any]], methods: dict[str, list[tuple[str | None, str, Any]]]
) -> ClassAttributes:
    by_method = None
    if methods:
        by_method = WMap((sig, _attribute_groups(entries)) for sig, entries in methods.items())
    return ClassAttributes(_attribute_groups(own) if own else None, by_method)


_START = time.perf_counter()

CORE: dict[str, WClass] = {}
SEALED = {"Class", "Fiber", "Fn", "List", "Map", "Range", "String", "Bool", "Null", "Num", "System"}


def _define(
    name: str, pyclass: type | None, supertype: WClass | None, statics: type | None = None
) -> WClass:
    bases: tuple[type, ...] = (WClass,) if statics is None else (WClass, statics)
    meta = type(f"{name} metaclass", bases, {"__slots__": ()})
    cls: WClass = meta(name, supertype, pyclass, name in SEALED)
    if pyclass is not None and pyclass is not WClass and not issubclass(pyclass, O.Proxy):
        pyclass.__wcls__ = cls  # type: ignore[attr-defined]
    CORE[name] = cls
    return cls


def _build() -> None:
    obj = _define("Object", WObject, None, ObjectStatics)
    cls = _define("Class", WClass, obj)
    O.CLASS_CLASS[0] = cls
    seq = _define("Sequence", WSequence, obj)
    for name, proxy, prim, sup, statics in (
        ("Bool", BoolProxy, bool, obj, None),
        ("Null", NullProxy, type(None), obj, None),
        ("Num", NumProxy, float, obj, NumStatics),
        ("String", StringProxy, str, seq, StringStatics),
    ):
        c = _define(name, proxy, sup, statics)
        O.PROXIES[prim] = proxy
        O.PRIM_CLASSES[prim] = c
    _define("List", WList, seq, ListStatics)
    _define("Map", WMap, seq, MapStatics)
    _define("Range", WRange, seq)
    _define("MapEntry", MapEntry, obj)
    _define("Fn", WFn, obj, FnStatics)
    _define("Fiber", WFiber, obj, type("FiberVM", (FiberStatics, _VMStatics), {}))
    _define("System", None, obj, SystemStatics)
    _define("MapSequence", MapSequence, seq)
    _define("WhereSequence", WhereSequence, seq)
    _define("SkipSequence", SkipSequence, seq)
    _define("TakeSequence", TakeSequence, seq)
    _define("MapKeySequence", _KeySeq, seq)
    _define("MapValueSequence", _ValueSeq, seq)
    _define("ClassAttributes", ClassAttributes, obj)
    _define("StringByteSequence", StringByteSequence, seq)
    _define("StringCodePointSequence", StringCodePointSequence, seq)


_build()

CORE_NAMES = tuple(CORE)


MAX_FIELDS = 255
"""Fields an object may have, its class's and the inherited ones (the reference's limit)."""


def make_class(
    name: str,
    sup: Any,
    inst: dict[str, Any],
    static: dict[str, Any],
    attributes: list[tuple[str | None, str, Any]] | None = None,
    method_attributes: dict[str, list[tuple[str | None, str, Any]]] | None = None,
    *,
    foreign: bool = False,
) -> WClass:
    if not isinstance(sup, WClass):
        raise WrenError(f"Class '{name}' cannot inherit from a non-class object.")
    if sup.sealed or sup.pyclass is None:
        raise WrenError(f"Class '{name}' cannot inherit from built-in class '{sup.name}'.")
    if getattr(sup.pyclass, "_wren_foreign", False):
        raise WrenError(f"Class '{name}' cannot inherit from foreign class '{sup.name}'.")
    # Fields are the attributes `f<class id>_name` (see ExprGen field names).
    fields = getattr(sup.pyclass, "_wren_fields", 0)
    if foreign and fields:
        raise WrenError(f"Foreign class '{name}' may not inherit from a class with fields.")
    inst["_wren_foreign"] = foreign
    fields += sum(1 for key in inst if key[0] == "f" and key[1:2].isdigit())
    if fields > MAX_FIELDS:
        raise WrenError(
            f"Class '{name}' may not have more than {MAX_FIELDS} fields, including inherited ones."
        )
    _equality_hooks(inst)
    _equality_hooks(static)
    inst["_wren_fields"] = fields
    pyclass = type(name, (sup.pyclass,), inst)
    meta = type(f"{name} metaclass", (WClass,), static)
    cls: WClass = meta(name, sup, pyclass)
    pyclass.__wcls__ = cls  # type: ignore[attr-defined]
    if attributes or method_attributes:
        cls.attributes = _class_attributes(attributes or [], method_attributes or {})
    return cls


def _eq_hook(self: Any, other: Any) -> Any:
    return self.b_eq(other)


def _ne_hook(self: Any, other: Any) -> Any:
    return self.b_ne(other)


def _equality_hooks(methods: dict[str, Any]) -> None:
    """Generated code compares with Python's ==/!=; a class that defines
    Wren's == or != gets Python hooks calling them (hashing stays identity)."""
    if "b_eq" in methods or "b_ne" in methods:
        methods["__eq__"] = _eq_hook
        methods["__ne__"] = _ne_hook
        methods["__hash__"] = object.__hash__


def super_static(sup: WClass, this: Any, mname: str, *args: Any) -> Any:
    # As in the reference: a metaclass's superclass is Class, so `super` in a
    # static method reaches Class's methods (name, toString...), never the
    # static methods of the class's superclass.
    method = getattr(WClass, mname, None)
    if method is None:
        raise WrenError(f"Class does not implement '{signature_of(mname) or mname}'.")
    return method(this, *args)


def _bool_mix(a: Any, b: Any, result: Any) -> Any:
    """Python says a Num equals a Bool (1 == true); Wren does not."""
    if a.__class__ is bool or b.__class__ is bool:
        return not result
    return result


def _for_range(start: Any, end: Any, inclusive: bool) -> Iterator[Any]:
    """The iterator of ``for (x in start..end)`` (or ``...``): no Range is
    made when both ends are integer Nums, the common counting loop."""
    if start.__class__ is float and end.__class__ is float:
        fast = int_range_iter(start, end, inclusive)
        if fast is not None:
            return fast
    return loop_iter(bin_op(start, "b_irange" if inclusive else "b_xrange", end))


def _subscript(obj: Any, index: Any) -> Any:
    """``obj[index]`` with one argument."""
    cls, kind = obj.__class__, index.__class__
    if cls is WList and kind is float and index.is_integer():
        try:
            return list.__getitem__(obj, int(index))
        except IndexError:
            raise WrenError("Subscript out of bounds.") from None
    if cls is WMap and ((kind is float and index) or kind is str):
        return dict.get(obj, index)  # a key that is its own dict form (see map_key)
    return O.wrap(obj).x_1(index)


def _bset(box: list[Any], v: Any) -> Any:
    box[0] = v
    return v


def _fset(obj: Any, name: str, v: Any) -> Any:
    setattr(obj, name, v)
    return v


def _chain(acc: Any, *links: Any) -> Any:
    """A long left-nested chain of binary operators: (method name, thunk of
    the right operand) pairs applied in turn (see ExprGen.binary)."""
    for i in range(0, len(links), 2):
        acc = bin_op(acc, links[i], links[i + 1]())
    return acc


_NEXT_CHUNK = object()
"""What a chunk of a module body returns when the body goes on after it."""


def run_chunks(chunks: tuple[Callable[[], Any], ...]) -> Callable[[], Any]:
    """The module function of a body compiled in chunks: runs them in turn
    until one returns (a ``return`` at the top level).  Its frame is not a
    Wren one, so a stack trace shows just the running chunk's "(script)"."""

    def module() -> Any:
        for chunk in chunks:
            result = chunk()
            if result is not _NEXT_CHUNK:
                return result
        return None

    return module


def foreign_missing(message: str, module: str) -> NoReturn:
    """A class declared a ``foreign`` method: no host binds one here."""
    raise WrenError(f"{message}'{module}'.")


def helpers() -> dict[str, Any]:
    """Globals every compiled module starts with (besides per-VM ones)."""
    ns: dict[str, Any] = {
        "_P": O.PRIMS,
        "_PX": O.PROXIES,
        "_L": WList,
        "_mapof": map_of,
        "_Fn": WFn,
        "_str": to_str,
        "_joined": joined,
        "_bin": bin_op,
        "_chain": _chain,
        "_un": un_op,
        "_eq": O.eq,
        "_ne": O.ne,
        "_truth": O.truth,
        "_is": O.is_op,
        "_iter": py_iter,
        "_for": loop_iter,
        "_for_range": _for_range,
        "_sub": _subscript,
        "_fmod": fmod,
        "_BIG": BIG,
        "_bset": _bset,
        "_bool_mix": _bool_mix,
        "_fset": _fset,
        "_mkclass": make_class,
        "_foreign_missing": foreign_missing,
        "_modname": "main",
        "_super_static": super_static,
        "_INF": INF,
        "_NAN": NAN,
        "_run_chunks": run_chunks,
        "_go": _NEXT_CHUNK,
    }
    for name in CORE_NAMES:
        ns[f"w_{name}"] = CORE[name]
    for mname, fn in NUM_GETTERS.items():
        ns[f"_nf_{mname}"] = fn
    return ns
