"""The array functions and macros of clojure.core (see :mod:`kryon_lisp.arrays`)."""

from __future__ import annotations

from typing import Any

from pyrsistent import pvector

from kryon_lisp import limits
from kryon_lisp.arrays import (
    PRIMITIVES,
    JavaArray,
    aclone,
    aget,
    alength,
    as_array,
    aset,
    check_slots,
    into_array,
    make_array,
    object_array,
    to_array,
    to_array_2d,
    typed_array,
    typed_aset,
)
from kryon_lisp.classes import EXCEPTIONS
from kryon_lisp.collections import sort
from kryon_lisp.core_num import NUMERIC
from kryon_lisp.core_str import char
from kryon_lisp.equality import equals
from kryon_lisp.macros import gensym, macro
from kryon_lisp.printer import str_of
from kryon_lisp.seqs import realise_list
from kryon_lisp.types import PList, Symbol, plist


def _core(name: str) -> Symbol:
    return Symbol(name, "clojure.core")


_LET, _LOOP, _IF, _DO, _RECUR = (Symbol(n) for n in ("let", "loop", "if", "do", "recur"))


def _bindings(*items: Any) -> Any:
    return pvector(items)


@macro("amap")
def _amap(form: PList, a: Any, idx: Any, ret: Any, expr: Any) -> Any:
    """``(amap a idx ret expr)``: a clone of ``a`` with each element replaced
    by ``expr`` (``idx`` the index, ``ret`` the clone being filled)."""
    array, length = gensym("a"), gensym("l")
    loop = plist(
        [
            _LOOP,
            _bindings(idx, 0),
            plist(
                [
                    _IF,
                    plist([_core("<"), idx, length]),
                    plist(
                        [
                            _DO,
                            plist([_core("aset"), ret, idx, expr]),
                            plist([_RECUR, plist([_core("inc"), idx])]),
                        ]
                    ),
                    ret,
                ]
            ),
        ]
    )
    binds = _bindings(
        array, a, length, plist([_core("alength"), array]), ret, plist([_core("aclone"), array])
    )
    return plist([_LET, binds, loop])


@macro("areduce")
def _areduce(form: PList, a: Any, idx: Any, ret: Any, init: Any, expr: Any) -> Any:
    """``(areduce a idx ret init expr)``: ``ret`` starts as ``init`` and becomes
    ``expr`` at each index ``idx``."""
    array, length = gensym("a"), gensym("l")
    loop = plist(
        [
            _LOOP,
            _bindings(idx, 0, ret, init),
            plist(
                [
                    _IF,
                    plist([_core("<"), idx, length]),
                    plist([_RECUR, plist([_core("inc"), idx]), expr]),
                    ret,
                ]
            ),
        ]
    )
    return plist([_LET, _bindings(array, a, length, plist([_core("alength"), array])), loop])


def _boolean(x: Any) -> bool:
    return x is not None and x is not False


ARRAYS: dict[str, Any] = {
    **{f"{name}-array": typed_array(element) for name, element in PRIMITIVES.items()},
    "object-array": object_array,
    "to-array": to_array,
    "to-array-2d": to_array_2d,
    "into-array": into_array,
    "make-array": make_array,
    "aget": aget,
    "aset": aset,
    "alength": alength,
    "aclone": aclone,
    "aset-int": typed_aset(NUMERIC["int"]),
    "aset-long": typed_aset(NUMERIC["long"]),
    "aset-short": typed_aset(NUMERIC["short"]),
    "aset-byte": typed_aset(NUMERIC["byte"]),
    "aset-double": typed_aset(NUMERIC["double"]),
    "aset-float": typed_aset(NUMERIC["double"]),
    "aset-boolean": typed_aset(_boolean),
    "aset-char": typed_aset(char),
}


def _range(a: JavaArray, bounds: tuple[Any, ...]) -> tuple[int, int]:
    start, end = (int(bounds[0]), int(bounds[1])) if bounds else (0, len(a.data))
    if not 0 <= start <= end <= len(a.data):
        raise IndexError(f"Array index out of range: {end if end > len(a.data) else start}")
    return start, end


def _sort(array: Any, *bounds: Any) -> None:
    """``Arrays/sort``: in place, natural order (``compare``'s)."""
    a = as_array(array)
    start, end = _range(a, bounds)
    a.data[start:end] = realise_list(sort(a.data[start:end]))


def _fill(array: Any, *args: Any) -> None:
    """``Arrays/fill``: ``(fill a v)`` or ``(fill a from to v)``."""
    a = as_array(array)
    *bounds, value = args
    start, end = _range(a, tuple(bounds))
    stored = a.element.store(value)
    a.data[start:end] = [stored] * (end - start)


def _to_string(array: Any) -> str:
    """``Arrays/toString``: ``[1, 2, 3]``, ``null`` for nil."""
    if array is None:
        return "null"
    # the pieces are all held at once while joined: as many as a collection may hold
    limits.check_size(len(as_array(array).data))
    return "[" + ", ".join("null" if x is None else str_of(x) for x in as_array(array).data) + "]"


def _equals(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    x, y = as_array(a), as_array(b)
    return len(x.data) == len(y.data) and all(
        equals(p, q) for p, q in zip(x.data, y.data, strict=True)
    )


def _copy_of(array: Any, n: Any) -> JavaArray:
    a = as_array(array)
    size = int(n)
    if size < 0:
        raise EXCEPTIONS["NegativeArraySizeException"](str(size))
    check_slots(size)
    data = a.data[:size]
    return JavaArray(a.element, data + [a.element.default] * (size - len(data)))


def _copy_of_range(array: Any, start: Any, end: Any) -> JavaArray:
    a = as_array(array)
    begin, stop = int(start), int(end)
    if not 0 <= begin <= len(a.data) or begin > stop:
        raise IndexError(f"Array index out of range: {begin}")
    check_slots(stop - begin)
    data = a.data[begin:stop]
    return JavaArray(a.element, data + [a.element.default] * (stop - begin - len(data)))


JAVA_ARRAYS: dict[str, Any] = {
    "sort": _sort,
    "fill": _fill,
    "toString": _to_string,
    "equals": _equals,
    "copyOf": _copy_of,
    "copyOfRange": _copy_of_range,
    "asList": lambda *items: pvector(
        items[0].data if len(items) == 1 and type(items[0]) is JavaArray else items
    ),
}
"""``java.util.Arrays``: the static methods programs use on arrays."""
