"""Canonical values <-> Wren values.

Wren has one number type (a double): host integers become Nums and come
back as ``float`` (integers beyond 2**53 lose precision, as in Wren itself).
Lists and Maps are copied both ways; Map keys must be strings to leave Wren.
A Wren ``Fn`` leaves as a :class:`FunctionRef`; a ``FunctionRef`` enters as a
Wren object answering ``call(...)``.  ``UserData`` and element handles pass
through as opaque Wren objects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from kryon_core import ConversionError, ElementHandle, FunctionRef, UserData, Value, check_int
from kryon_core.values import MAX_DEPTH
from kryon_wren.runtime.collections import WList, WMap, map_key, unkey
from kryon_wren.runtime.core import CORE
from kryon_wren.runtime.objects import WClass, WObject, WrenError
from kryon_wren.runtime.sequences import WFn


class HostValue(WObject):
    """An opaque host object (UserData, element handle) held by a script."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def g_toString(self) -> str:
        return "instance of HostValue"


class HostFn(WFn):
    """A host function (FunctionRef) callable from Wren as ``f.call(...)``."""

    __slots__ = ("ref", "to_host", "to_wren")

    def __init__(
        self, ref: FunctionRef, to_host: Callable[[Any], Value], to_wren: Callable[[Value], Any]
    ) -> None:
        super().__init__(self._invoke, 0)
        self.ref = ref
        self.to_host = to_host
        self.to_wren = to_wren

    def _invoke(self, *args: Any) -> Any:
        from kryon_core import ScriptError

        try:
            result = self.ref.call([self.to_host(a) for a in args])
        except ScriptError as exc:
            raise WrenError(exc.message if hasattr(exc, "message") else str(exc)) from None
        return self.to_wren(result)

    def g_toString(self) -> str:
        return "<fn>"


def _make_call(n: int) -> Any:
    def call(self: HostFn, *args: Any) -> Any:
        return self._invoke(*args)

    return call


for _n in range(17):
    setattr(HostFn, f"m_call_{_n}", _make_call(_n))

_HOST_CLASS = WClass("HostValue", CORE["Object"], HostValue, True)
HostValue.__wcls__ = _HOST_CLASS
HostFn.__wcls__ = CORE["Fn"]


class Converter:
    def __init__(
        self,
        make_ref: Callable[[WFn], FunctionRef],
        host_convert: Callable[[object], Value] | None = None,
    ) -> None:
        self.make_ref = make_ref
        self.host_convert = host_convert

    # -- into Wren --------------------------------------------------------------

    def to_wren(self, value: Value) -> Any:
        return self._in(value, 0, set())

    def _in(self, v: Any, depth: int, active: set[int]) -> Any:
        if v is None or v is True or v is False:
            return v
        c = v.__class__
        if c is float:
            return v
        if c is int or (isinstance(v, int) and not isinstance(v, bool)):
            return float(check_int(v))
        if c is str or isinstance(v, str):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                raise ConversionError("string is not valid Unicode") from None
            return str(v)
        if isinstance(v, float):
            return float(v)
        if isinstance(v, (list, tuple, dict)):
            if depth >= MAX_DEPTH:
                raise ConversionError(f"nesting deeper than {MAX_DEPTH} levels")
            if id(v) in active:
                raise ConversionError("value contains itself (a cycle)")
            active.add(id(v))
            try:
                if isinstance(v, dict):
                    out = WMap()
                    for k, item in v.items():
                        if not isinstance(k, str):
                            raise ConversionError(
                                f"object keys must be strings, got {type(k).__name__}"
                            )
                        out.set(k, self._in(item, depth + 1, active))
                    return out
                return WList(self._in(item, depth + 1, active) for item in v)
            finally:
                active.discard(id(v))
        if isinstance(v, FunctionRef):
            return HostFn(v, self.to_host, self.to_wren)
        if isinstance(v, (UserData, ElementHandle)):
            return HostValue(v)
        if self.host_convert is not None:
            converted = self.host_convert(v)
            if converted is not v:
                return self._in(converted, depth + 1, active)
        raise ConversionError(f"{type(v).__name__} is not a script value")

    # -- out of Wren --------------------------------------------------------------

    def to_host(self, value: Any) -> Value:
        return self._out(value, 0, set())

    def _out(self, v: Any, depth: int, active: set[int]) -> Value:
        if v is None or v is True or v is False:
            return v
        c = v.__class__
        if c is float or c is str:
            return v
        if c is WList or c is WMap:
            if depth >= MAX_DEPTH:
                raise ConversionError(f"nesting deeper than {MAX_DEPTH} levels")
            if id(v) in active:
                raise ConversionError("value contains itself (a cycle)")
            active.add(id(v))
            try:
                if c is WList:
                    return [self._out(x, depth + 1, active) for x in v]
                out: dict[str, Value] = {}
                for k, item in v.items():
                    key = unkey(k)
                    if not isinstance(key, str):
                        raise ConversionError("only Maps with String keys leave Wren")
                    out[key] = self._out(item, depth + 1, active)
                return out
            finally:
                active.discard(id(v))
        if c is HostFn:
            return v.ref
        if isinstance(v, WFn):
            return self.make_ref(v)
        if c is HostValue:
            return v.value
        raise ConversionError(f"a Wren {_class_name(v)} cannot leave the script")

    def args_to_wren(self, args: Sequence[Value]) -> list[Any]:
        return [self._in(a, 0, set()) for a in args]


def _class_name(v: Any) -> str:
    try:
        from kryon_wren.runtime.objects import class_of

        return class_of(v).name
    except (AttributeError, KeyError):
        return type(v).__name__


__all__ = ["Converter", "HostFn", "HostValue", "map_key"]
