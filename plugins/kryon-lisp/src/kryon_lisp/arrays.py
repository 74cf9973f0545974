"""Java arrays: fixed-length, mutable and typed, as Clojure has them.

``int-array``, ``make-array``, ``aget``/``aset`` and friends.  An array is a
:class:`JavaArray`: a Python list and the Java type of its elements.  A
primitive array holds only values of its type (``aset`` of a double into an
``int[]`` is Clojure's ``argument type mismatch``; the ``int-array`` family
and ``aset-int`` convert as Java's casts do).  Arrays compare and hash by
identity and print as Clojure prints them (``#object["[I" 0x1b6d3586
"[I@1b6d3586"]``); ``seq`` over one sees later ``aset``s, as an ArraySeq does.
Creating one is refused before allocation when it is beyond the memory limit.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from kryon_core import MemoryLimitError
from kryon_lisp import limits
from kryon_lisp.classes import EXCEPTIONS, JavaClass, class_named
from kryon_lisp.types import BigInt, Char, identity_hash

SLOT_BYTES = 8
"""What one element of an array costs the host: a list slot."""


@dataclass(frozen=True)
class ElementType:
    """The type of an array's elements.

    ``descriptor`` is the JVM's name for it inside an array class name (``I``
    for int, ``Ljava.lang.String;``, ``[I`` for int[]); ``store`` checks a
    value ``aset`` puts in (reflection's rules), ``cast`` converts one the
    ``int-array`` family copies in (``Number.intValue()`` and friends)."""

    name: str
    descriptor: str
    default: Any
    store: Callable[[Any], Any]
    cast: Callable[[Any], Any]


def _mismatch(x: Any) -> Any:
    raise EXCEPTIONS["IllegalArgumentException"]("argument type mismatch")


def _integral(name: str, bits: int) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    low, high = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    mask = (1 << bits) - 1

    def store(x: Any) -> Any:
        if (type(x) is int or type(x) is BigInt) and low <= x <= high:
            return int(x)
        if type(x) is int or type(x) is BigInt:
            raise EXCEPTIONS["IllegalArgumentException"](f"Value out of range for {name}: {x}")
        return _mismatch(x)

    def cast(x: Any) -> Any:
        n = int(_number(x))  # truncates a double, then wraps like a Java narrowing
        n &= mask
        return n - (1 << bits) if n > high else n

    return store, cast


def _number(x: Any) -> Any:
    if type(x) in (int, float, BigInt, Fraction):
        return x
    from kryon_lisp.printer import type_name

    raise TypeError(f"{type_name(x)} cannot be cast to java.lang.Number")


def _store_double(x: Any) -> Any:
    if type(x) in (int, float, BigInt, Fraction):
        return float(x)
    return _mismatch(x)


def _store_boolean(x: Any) -> Any:
    return x if type(x) is bool else _mismatch(x)


def _cast_boolean(x: Any) -> Any:
    if type(x) is not bool:
        from kryon_lisp.printer import type_name

        raise TypeError(f"{type_name(x)} cannot be cast to java.lang.Boolean")
    return x


def _store_char(x: Any) -> Any:
    return x if type(x) is Char else _mismatch(x)


def _cast_char(x: Any) -> Any:
    if type(x) is Char:
        return x
    from kryon_lisp.printer import type_name

    raise TypeError(f"{type_name(x)} cannot be cast to java.lang.Character")


def _primitive(name: str, descriptor: str, default: Any, bits: int = 0) -> ElementType:
    if bits:
        store, cast = _integral(name, bits)
        return ElementType(name, descriptor, default, store, cast)
    if name in ("double", "float"):
        return ElementType(name, descriptor, default, _store_double, lambda x: float(_number(x)))
    if name == "boolean":
        return ElementType(name, descriptor, default, _store_boolean, _cast_boolean)
    return ElementType(name, descriptor, default, _store_char, _cast_char)


PRIMITIVES: dict[str, ElementType] = {
    t.name: t
    for t in (
        _primitive("int", "I", 0, 32),
        _primitive("long", "J", 0, 64),
        _primitive("short", "S", 0, 16),
        _primitive("byte", "B", 0, 8),
        _primitive("double", "D", 0.0),
        _primitive("float", "F", 0.0),
        _primitive("boolean", "Z", False),
        _primitive("char", "C", Char("\0")),
    )
}

PRIMITIVE_CLASSES: dict[str, JavaClass] = {
    name: JavaClass(name, lambda x: False) for name in PRIMITIVES
}
"""``Integer/TYPE`` and friends: the classes of the primitive types."""


def _identity(x: Any) -> Any:
    return x


def object_type(cls: JavaClass) -> ElementType:
    """Elements of a class (``Object``, ``String``, ``Long``): nil or an instance."""
    if cls.name == "java.lang.Object":
        return ElementType(cls.name, "Ljava.lang.Object;", None, _identity, _identity)

    def store(x: Any) -> Any:
        if x is None or cls.check(x):
            return x
        raise EXCEPTIONS["IllegalArgumentException"]("array element type mismatch")

    descriptor = cls.name if cls.name.startswith("[") else f"L{cls.name};"
    return ElementType(cls.name, descriptor, None, store, store)


OBJECT = object_type(class_named("java.lang.Object"))


class JavaArray:
    """A Java array: ``data`` (a list of the array's length) of ``element`` values."""

    __slots__ = ("data", "element")

    def __init__(self, element: ElementType, data: list[Any]) -> None:
        self.element = element
        self.data = data

    @property
    def java_name(self) -> str:
        """The array's class name as the JVM writes it (``[I``, ``[Ljava.lang.String;``)."""
        return "[" + self.element.descriptor

    def java_to_string(self) -> str:
        """``(str a)``: Object.toString, ``[I@1b6d3586``."""
        return f"{self.java_name}@{identity_hash(self):x}"

    def printed(self, readably: bool) -> str:
        name = f'"{self.java_name}"' if readably else self.java_name
        text = f'"{self.java_to_string()}"' if readably else self.java_to_string()
        return f"#object[{name} 0x{identity_hash(self):x} {text}]"

    def lisp_get(self, key: Any, default: Any = None) -> Any:
        if (type(key) is int or type(key) is BigInt) and 0 <= key < len(self.data):
            return self.data[key]
        return default

    def __len__(self) -> int:
        return len(self.data)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.data)


def _allocate(element: ElementType, n: Any, fill: Any = None) -> JavaArray:
    size = _size(n)
    check_slots(size)
    return JavaArray(element, [element.default if fill is None else fill] * size)


def _size(n: Any) -> int:
    size = int(_number(n))
    if size < 0:
        raise EXCEPTIONS["NegativeArraySizeException"](str(size))
    return size


def check_slots(n: int) -> None:
    """Refuse an array of ``n`` elements the memory limit cannot hold, before
    Python allocates it (``(long-array 1e9)`` would ask for 8 GB at once)."""
    budget = limits.current.budget
    if budget is None or budget.memory_limit is None:
        return
    if n * SLOT_BYTES > budget.memory_limit:
        raise MemoryLimitError(f"memory limit: an array of {n:,} elements is too large")
    if n >= 1 << 16:
        budget.check_memory()


def typed_array(element: ElementType) -> Callable[..., JavaArray]:
    """``int-array`` and friends: ``(t-array n)``, ``(t-array coll)``,
    ``(t-array n init-value-or-coll)``."""

    def make(size_or_seq: Any, init: Any = _identity) -> JavaArray:
        if init is _identity:
            if type(size_or_seq) in (int, float, BigInt, Fraction):
                return _allocate(element, size_or_seq)
            from kryon_lisp.seqs import iter_of  # seqs depends on this module

            items = [element.cast(x) for x in iter_of(size_or_seq)]
            check_slots(len(items))
            return JavaArray(element, items)
        size = _size(size_or_seq)
        check_slots(size)
        if type(init) in (int, float, BigInt, Fraction, bool) or type(init) is Char:
            return JavaArray(element, [element.cast(init)] * size)
        from kryon_lisp.seqs import iter_of

        given = [element.cast(x) for x in itertools.islice(iter_of(init), size)]
        return JavaArray(element, given + [element.default] * (size - len(given)))

    make.__name__ = f"{element.name}-array"
    return make


def object_array(size_or_seq: Any) -> JavaArray:
    """``(object-array n)`` or ``(object-array coll)``."""
    if type(size_or_seq) in (int, float, BigInt, Fraction):
        return _allocate(OBJECT, size_or_seq)
    return to_array(size_or_seq)


def to_array(coll: Any) -> JavaArray:
    """``to-array``: an Object[] of the collection's elements."""
    from kryon_lisp.seqs import iter_of

    items = list(iter_of(coll))
    check_slots(len(items))
    return JavaArray(OBJECT, items)


def to_array_2d(coll: Any) -> JavaArray:
    """``to-array-2d``: an Object[][] of the collection's collections."""
    from kryon_lisp.seqs import iter_of

    rows = [to_array(row) for row in iter_of(coll)]
    check_slots(len(rows))
    return JavaArray(OBJECT, rows)


def element_type(cls: Any) -> ElementType:
    """The element type a class value names (``Integer/TYPE`` is int, ``String``
    a String; a record type or anything else holds objects)."""
    if isinstance(cls, JavaClass):
        for name, primitive in PRIMITIVE_CLASSES.items():
            if primitive is cls:
                return PRIMITIVES[name]
        return object_type(cls)
    if cls is None:
        raise TypeError("Cannot create an array of nil")
    return OBJECT


def into_array(*args: Any) -> JavaArray:
    """``(into-array coll)`` (typed by the first element's class, Object[] when
    empty or nil-headed) and ``(into-array class coll)``."""
    from kryon_lisp.printer import type_name
    from kryon_lisp.seqs import iter_of

    items = list(iter_of(args[-1]))
    check_slots(len(items))
    if len(args) == 2:
        element = element_type(args[0])
        return JavaArray(element, [_converted(element, x) for x in items])
    if not items or items[0] is None:
        return JavaArray(OBJECT, items)
    first = items[0]
    element = (
        _array_of_arrays(first)
        if type(first) is JavaArray
        else object_type(class_named(type_name(first)))
    )
    return JavaArray(element, [element.store(x) for x in items])


def _array_of_arrays(first: JavaArray) -> ElementType:
    name = first.java_name

    def store(x: Any) -> Any:
        if x is None or (type(x) is JavaArray and x.java_name == name):
            return x
        raise EXCEPTIONS["IllegalArgumentException"]("array element type mismatch")

    return ElementType(name, name, None, store, store)


def _converted(element: ElementType, x: Any) -> Any:
    """``(into-array Integer/TYPE [1 2])`` converts numbers as the typed builders do."""
    if element.name in PRIMITIVES:
        return element.cast(x)
    return element.store(x)


def make_array(cls: Any, *dims: Any) -> JavaArray:
    """``(make-array class n)``, ``(make-array class n m ...)``."""
    if not dims:
        raise TypeError("Wrong number of args (1) passed to: clojure.core/make-array")
    sizes = [_size(d) for d in dims]
    total, run = 0, 1
    for size in sizes:
        run *= size
        total += run
    check_slots(total)
    return _nested(element_type(cls), sizes)


def _nested(element: ElementType, sizes: list[int]) -> JavaArray:
    if len(sizes) == 1:
        return JavaArray(element, [element.default] * sizes[0])
    inner = [_nested(element, sizes[1:]) for _ in range(sizes[0])]
    descriptor = "[" * (len(sizes) - 1) + element.descriptor
    outer = ElementType(descriptor, descriptor, None, _identity, _identity)
    return JavaArray(outer, inner)


def as_array(x: Any) -> JavaArray:
    """``x`` when it is an array; Clojure's error otherwise."""
    if type(x) is JavaArray:
        return x
    from kryon_lisp.printer import type_name

    if x is None:
        raise TypeError("Cannot read an element of nil (NullPointerException)")
    raise EXCEPTIONS["IllegalArgumentException"](f"Argument is not an array: {type_name(x)}")


def _index(a: JavaArray, i: Any) -> int:
    if type(i) is not int and type(i) is not BigInt:
        i = int(_number(i))
    if not 0 <= i < len(a.data):
        raise EXCEPTIONS["ArrayIndexOutOfBoundsException"](
            f"Index {i} out of bounds for length {len(a.data)}"
        )
    return int(i)


def aget(array: Any, i: Any, *more: Any) -> Any:
    """``(aget a i)``, ``(aget a i j ...)`` for nested arrays."""
    if type(array) is JavaArray and type(i) is int and 0 <= i < len(array.data) and not more:
        return array.data[i]
    a = as_array(array)
    value = a.data[_index(a, i)]
    for j in more:
        a = as_array(value)
        value = a.data[_index(a, j)]
    return value


def aset(array: Any, i: Any, value: Any, *more: Any) -> Any:
    """``(aset a i v)``, ``(aset a i j ... v)``: stores and returns the value."""
    if type(array) is JavaArray and type(i) is int and 0 <= i < len(array.data) and not more:
        array.data[i] = array.element.store(value)
        return value
    if more:
        *path, value = (value, *more)
        return aset(aget(array, i, *path[:-1]), path[-1], value)
    a = as_array(array)
    a.data[_index(a, i)] = a.element.store(value)
    return value


def typed_aset(cast: Callable[[Any], Any]) -> Callable[..., Any]:
    """``aset-int`` and friends: the value is converted as ``(int v)`` would
    (and the value given is returned, as Clojure's do)."""

    def setter(array: Any, i: Any, value: Any, *more: Any) -> Any:
        if more:
            *path, value = (value, *more)
            return setter(aget(array, i, *path[:-1]), path[-1], value)
        a = as_array(array)
        a.data[_index(a, i)] = a.element.store(cast(value))
        return value

    return setter


def alength(array: Any) -> int:
    return len(as_array(array).data)


def aclone(array: Any) -> JavaArray:
    a = as_array(array)
    check_slots(len(a.data))
    return JavaArray(a.element, list(a.data))
