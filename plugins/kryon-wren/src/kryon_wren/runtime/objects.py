"""The Wren object model: Object, Class, proxies for native values, errors.

Wren values map to Python as: Num -> ``float``, String -> ``str``, Bool ->
``bool``, Null -> ``None``; everything else is an instance of a Python class
deriving from :class:`WObject` whose attributes are the Wren methods (named
by :mod:`kryon_wren.names`).  A method call on a native value goes through a
short-lived proxy (``_PX[type](value)``) carrying that class's methods.
"""

from __future__ import annotations

import threading
from typing import Any

_running = threading.local()


def running_vm() -> Any:
    """The VM running Wren code on this thread, or None (see runtime.core)."""
    return getattr(_running, "vm", None)


def set_running_vm(vm: Any) -> Any:
    """Make ``vm`` the running VM of this thread; returns the previous one."""
    old = getattr(_running, "vm", None)
    _running.vm = vm
    return old


BIG = 1 << 20
"""Strings longer than this are checked against the memory limit when built."""


def check_alloc(nbytes: int) -> None:
    """Refuse, past the running VM's memory limit, an allocation of ``nbytes``."""
    running_vm().check_alloc(nbytes)


def charge(units: int) -> None:
    """Count ``units`` elements a builtin walked (one C-level loop, such as
    List.indexOf or toString) as steps of the running call under limits, so
    that calling it in a loop cannot outrun the time limit between two checks
    of the step budget."""
    vm = running_vm()
    if vm is not None and vm.checks:
        vm.charge(units)


SCAN_FREE = 4096
"""Characters a builtin may scan or build without counting steps (see charge)."""

SCAN_SHIFT = 8
"""A C-level pass over 2**SCAN_SHIFT characters costs one step: copying 256
characters takes about as long (10-30 ns) as the cheapest Wren loop step, so
building a 20,000-character string by concatenation stays under the step
limit of the sandboxed policy as it stays under its time limit."""


def joined(sep: str, parts: list[str] | tuple[str, ...]) -> str:
    """``sep.join(parts)`` for a string a builder makes (interpolation, join,
    List/Map toString). Its size is known from the parts before the join, so
    past the memory limit it is refused before allocating, and a long one
    costs steps: building it is one C operation no step check interrupts."""
    size = sum(map(len, parts))
    if sep and len(parts) > 1:
        size += len(sep) * (len(parts) - 1)
    if size > SCAN_FREE:
        if size > BIG:
            check_alloc(size)
        charge(size >> SCAN_SHIFT)
    return sep.join(parts)


NoneType = type(None)


class WrenError(Exception):
    """A Wren runtime error; ``value`` is the error object (usually a string)."""

    def __init__(self, value: object) -> None:
        super().__init__(value)
        self.value = value
        self.stack: list[tuple[str, int, str]] | None = None


class WObject:
    """Python base of every Wren object that is not a native value."""

    __slots__ = ()
    __wcls__: WClass

    def b_eq(self, other: object) -> bool:
        return self is other

    def b_ne(self, other: object) -> bool:
        # Object's != compares identity, as in the reference: a class that
        # defines only == does not change !=.
        return self is not other

    def u_not(self) -> bool:
        return False

    def b_is(self, cls: object) -> bool:
        return is_(self, cls)

    def g_toString(self) -> Any:
        return f"instance of {self.__wcls__.name}"

    def g_type(self) -> WClass:
        return self.__wcls__

    # Generated code applies Python operators directly; objects dispatch here.
    def __add__(self, other: object) -> Any:
        return self.b_add(other)  # type: ignore[attr-defined]

    def __sub__(self, other: object) -> Any:
        return self.b_sub(other)  # type: ignore[attr-defined]

    def __lt__(self, other: object) -> Any:
        return self.b_lt(other)  # type: ignore[attr-defined]

    def __gt__(self, other: object) -> Any:
        return self.b_gt(other)  # type: ignore[attr-defined]

    def __le__(self, other: object) -> Any:
        return self.b_le(other)  # type: ignore[attr-defined]

    def __ge__(self, other: object) -> Any:
        return self.b_ge(other)  # type: ignore[attr-defined]

    def __neg__(self) -> Any:
        return self.u_sub()  # type: ignore[attr-defined]


OPERATOR_HOOKS = ("__add__", "__sub__", "__lt__", "__gt__", "__le__", "__ge__", "__neg__")


class WClass(WObject):
    """A Wren class value.  Its Python type holds the static methods."""

    __slots__ = ("__dict__", "_meta", "attributes", "name", "pyclass", "sealed", "supertype")

    def __init__(
        self, name: str, supertype: WClass | None, pyclass: type | None, sealed: bool = False
    ) -> None:
        self.name = name
        self.supertype = supertype
        self.pyclass = pyclass
        self.sealed = sealed
        self._meta: WClass | None = None
        self.attributes: Any = None

    @property
    def __wcls__(self) -> WClass:  # type: ignore[override]
        meta = self._meta
        if meta is None:
            if self.name.endswith(" metaclass") or CLASS_CLASS[0] in (None, self):
                meta = CLASS_CLASS[0] or self
            else:
                meta = WClass(f"{self.name} metaclass", CLASS_CLASS[0], type(self))
            self._meta = meta
        return meta

    def g_name(self) -> str:
        return self.name

    def g_supertype(self) -> WClass | None:
        return self.supertype

    def g_toString(self) -> str:
        return self.name

    def g_attributes(self) -> Any:
        return self.attributes

    def __repr__(self) -> str:
        return f"<wren class {self.name}>"


CLASS_CLASS: list[WClass | None] = [None]


class Proxy(WObject):
    """Carries the methods of a native value's class; never escapes to scripts."""

    __slots__ = ("v",)

    def __init__(self, v: Any) -> None:
        self.v = v

    def b_eq(self, other: object) -> bool:
        return eq(self.v, other)

    def b_ne(self, other: object) -> bool:
        return not eq(self.v, other)

    def g_toString(self) -> str:
        return to_str(self.v)

    def g_type(self) -> WClass:
        return PRIM_CLASSES[self.v.__class__]


PRIMS = frozenset({float, str, bool, NoneType})
PROXIES: dict[type, type[Proxy]] = {}
PRIM_CLASSES: dict[type, WClass] = {}


def truth(v: object) -> bool:
    return v is not None and v is not False


def class_of(v: object) -> WClass:
    c = v.__class__
    if c in PRIMS:
        return PRIM_CLASSES[c]
    if isinstance(v, Proxy):
        return PRIM_CLASSES[v.v.__class__]
    cls: WClass = v.__wcls__  # type: ignore[attr-defined]
    return cls


def wrap(v: Any) -> Any:
    """The object carrying ``v``'s methods."""
    c = v.__class__
    return PROXIES[c](v) if c in PRIMS else v


def send(v: Any, mname: str, *args: Any) -> Any:
    return getattr(wrap(v), mname)(*args)


def num_str(f: float) -> str:
    s = "%.14g" % f  # noqa: UP031 - printf formatting is the reference's, and fastest
    if s[-1] > "9":  # "nan", "inf", "-inf"
        return _NON_FINITE[s]
    return s


_NON_FINITE = {"nan": "nan", "-nan": "nan", "inf": "infinity", "-inf": "-infinity"}


def to_str(v: Any) -> str:
    c = v.__class__
    if c is str:
        return v  # type: ignore[no-any-return]
    if c is float:
        # num_str, inlined: this is the hot path of string interpolation.
        s = "%.14g" % v  # noqa: UP031 - as in num_str
        return s if s[-1] <= "9" else _NON_FINITE[s]
    if c is bool:
        return "true" if v else "false"
    if v is None:
        return "null"
    s = wrap(v).g_toString()
    if s.__class__ is not str:
        # The reference joins toString results with `+` (interpolation,
        # List/Map toString, join): a non-String is a right operand error.
        raise WrenError("Right operand must be a string.")
    return s


def eq(a: Any, b: Any) -> bool:
    c = a.__class__
    if c is float or c is str:
        return b.__class__ is c and a == b
    if c is bool or a is None:
        return a is b
    return a.b_eq(b)  # type: ignore[no-any-return]


def ne(a: Any, b: Any) -> Any:
    c = a.__class__
    if c in PRIMS:
        return not eq(a, b)
    return a.b_ne(b)


def is_op(v: Any, cls: Any) -> Any:
    """The ``is`` operator: Object.is(_) unless a class overrides it."""
    if v.__class__ in PRIMS:
        return is_(v, cls)
    return v.b_is(cls)


def is_(v: Any, cls: Any) -> bool:
    if not isinstance(cls, WClass):
        raise WrenError("Right operand must be a class.")
    k: WClass | None = class_of(v)
    while k is not None:
        if k is cls:
            return True
        k = k.supertype
    return False


def name_of(obj: object) -> str:
    """Class name for 'X does not implement' messages."""
    if isinstance(obj, Proxy):
        return class_of(obj.v).name
    if isinstance(obj, type):
        if issubclass(obj, Proxy):
            for prim, proxy in PROXIES.items():
                if proxy is obj:
                    return PRIM_CLASSES[prim].name
        w = getattr(obj, "__wcls__", None)
        if isinstance(w, WClass):
            return w.name
        return obj.__name__
    if isinstance(obj, WClass):
        # Class is its own metaclass, and every metaclass's class.
        if obj is CLASS_CLASS[0] or obj.name.endswith(" metaclass"):
            return "Class"
        return f"{obj.name} metaclass"
    try:
        return class_of(obj).name
    except (AttributeError, KeyError):
        return type(obj).__name__
