"""Canonical values to Lisp values and back.

Host -> Lisp: lists become vectors, dicts become maps with keyword keys
(``{"name": 1}`` -> ``{:name 1}``), FunctionRefs become callable functions,
UserData and element handles pass through untouched.

Lisp -> host: vectors, lists, sets and (finite) sequences become lists; maps
become dicts (keyword and symbol keys by name, string keys as they are; other
keys are a ConversionError); keywords and symbols become their name;
characters strings; ratios floats; functions FunctionRefs; atoms and other
references UserData.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from kryon_core import (
    MAX_DEPTH,
    ConversionError,
    ElementHandle,
    FunctionRef,
    UserData,
    check_int,
    check_value,
)
from kryon_lisp import limits
from kryon_lisp.arrays import JavaArray
from kryon_lisp.pqueue import PersistentQueue
from kryon_lisp.seqs import iter_of
from kryon_lisp.types import BigInt, Char, Keyword, LMap, LSet, PVector, Seq, Symbol

_SCALARS = (str, float, bool, type(None))


class Converter:
    """Converts values for one engine (it knows how to wrap functions)."""

    def __init__(
        self,
        wrap_function: Callable[[Any], FunctionRef],
        call_ref: Callable[[FunctionRef], Callable[..., Any]],
        host_convert: Callable[[object], Any] | None = None,
    ) -> None:
        self.wrap_function = wrap_function
        self.call_ref = call_ref
        self.host_convert = host_convert

    # -- host -> Lisp ---------------------------------------------------------------

    def to_lisp(self, value: Any) -> Any:
        t = type(value)
        if t is int:
            return check_int(value)
        if t in _SCALARS:
            if t is str:
                check_value(value)
            return value
        return self._to_lisp(check_value(value, convert=self.host_convert))

    def _to_lisp(self, value: Any) -> Any:
        t = type(value)
        if t is list:
            return PVector_of([self._to_lisp(v) for v in value])
        if t is dict:
            return LMap.of((Keyword(k), self._to_lisp(v)) for k, v in value.items())
        if t is FunctionRef:
            return self.call_ref(value)
        return value

    # -- Lisp -> host --------------------------------------------------------------

    def to_host(self, value: Any) -> Any:
        t = type(value)
        if t is int:
            return check_int(value)
        if t in _SCALARS:
            return value
        return self._to_host(value, 0, set())

    def _to_host(self, value: Any, depth: int, active: set[int]) -> Any:
        t = type(value)
        if t is int:
            return check_int(value)
        if t in _SCALARS:
            return value
        if t is Keyword or t is Symbol:
            return str(value)[1:] if t is Keyword else str(value)
        if t is Char:
            return value.ch
        if t is Fraction:
            return float(value)
        if t is BigInt:
            return check_int(int(value))
        if isinstance(value, (UserData, ElementHandle, FunctionRef)):
            return value
        if (
            t is PVector
            or t is LSet
            or isinstance(value, Seq)
            or t is LMap
            or t is JavaArray
            or t is PersistentQueue
        ):
            if depth >= MAX_DEPTH:
                raise ConversionError(f"nesting deeper than {MAX_DEPTH} levels")
            if id(value) in active:
                raise ConversionError("value contains itself (a cycle)")
            limits.step()  # shared subcollections are copied once per use: 2**40 is cheap to build
            active.add(id(value))
            try:
                if t is LMap:
                    out: dict[str, Any] = {}
                    for k, v in value.items():
                        out[self._key(k)] = self._to_host(v, depth + 1, active)
                    return out
                items = []
                budget = limits.current.budget
                for n, item in enumerate(iter_of(value)):
                    items.append(self._to_host(item, depth + 1, active))
                    if budget is not None and n and not n % limits.CHUNK:
                        budget.realise(limits.CHUNK)
                return items
            finally:
                active.discard(id(value))
        if hasattr(value, "lisp_repr"):
            return value.lisp_repr()
        if callable(value) and not isinstance(value, type):
            return self.wrap_function(value)
        return UserData(value)

    @staticmethod
    def _key(k: Any) -> str:
        if type(k) is str:
            return k
        if type(k) is Keyword:
            return f"{k.ns}/{k.name}" if k.ns else k.name
        if type(k) is Symbol:
            return str(k)
        raise ConversionError(f"map key {k!r} cannot be an object key (only strings and keywords)")


def PVector_of(items: list[Any]) -> Any:
    from pyrsistent import pvector

    return pvector(items)
