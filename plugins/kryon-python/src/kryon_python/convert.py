"""Value conversion for in-process (trusted) scripts.

Python values are already canonical values, so the host -> script direction
only wraps what needs a script-side face (a :class:`UserData` becomes an
opaque :class:`HostObject`, a foreign :class:`FunctionRef` a callable that
converts its arguments).  The script -> host direction validates with the
rules of ``kryon_core.values`` and turns script functions into FunctionRefs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import BuiltinFunctionType, FunctionType, MethodType
from typing import Any

from kryon_core import (
    INT_MAX,
    INT_MIN,
    ElementHandle,
    FunctionRef,
    ScriptExit,
    UserData,
    Value,
    check_text,
    check_value,
)
from kryon_python.errors import HostExit

__all__ = ["HostObject", "ScriptConverter"]

_SCALARS = (type(None), bool, int, float, str)


class HostObject:
    """What a script sees of a host :class:`UserData`: nothing but identity."""

    __slots__ = ("_userdata",)
    _userdata: UserData

    def __init__(self, userdata: UserData) -> None:
        object.__setattr__(self, "_userdata", userdata)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("host objects are opaque")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HostObject) and other._userdata is self._userdata

    def __hash__(self) -> int:
        return hash(self._userdata.id)

    def __repr__(self) -> str:
        return f"<host object #{self._userdata.id}>"


class ForeignFunction:
    """A script-side callable for a host or other-language :class:`FunctionRef`."""

    __slots__ = ("_converter", "_ref")

    def __init__(self, ref: FunctionRef, converter: ScriptConverter) -> None:
        self._ref = ref
        self._converter = converter

    def __call__(self, *args: Any) -> Any:
        host_args = [self._converter.to_host(a) for a in args]
        try:
            result = self._ref.call(host_args)
        except ScriptExit as exc:  # the script it ran ended the program
            raise HostExit(exc) from None
        return self._converter.to_script(result)

    def __repr__(self) -> str:
        return f"<function {self._ref.language}:{self._ref.name}>"


MakeRef = Callable[[Callable[..., Any]], FunctionRef]


class ScriptConverter:
    """Converts between canonical values and one engine's script values."""

    def __init__(self, make_ref: MakeRef, convert: Callable[[object], Value] | None) -> None:
        self._make_ref = make_ref
        self._convert = convert

    # -- host -> script --------------------------------------------------------

    def args_to_script(self, args: Sequence[Value]) -> list[Any]:
        out = []
        for arg in args:
            if type(arg) in _SCALARS and (type(arg) is not int or INT_MIN <= arg <= INT_MAX):
                out.append(arg)
            else:
                out.append(self.to_script(check_value(arg, convert=self._convert)))
        return out

    def to_script(self, value: Value) -> Any:
        """A canonical value as the script sees it (``value`` is already checked)."""
        kind = type(value)
        if kind in _SCALARS or kind is ElementHandle:
            return value
        if kind is list:
            return [self.to_script(v) for v in value]
        if kind is dict:
            return {k: self.to_script(v) for k, v in value.items()}
        if kind is UserData:
            return HostObject(value)
        if isinstance(value, FunctionRef):
            return ForeignFunction(value, self)
        return value

    # -- script -> host --------------------------------------------------------

    def to_host(self, value: Any) -> Value:
        """A script value as a canonical value; ConversionError when it has none."""
        kind = type(value)
        if kind in _SCALARS and (kind is not int or INT_MIN <= value <= INT_MAX):
            if kind is str:
                check_text(value)
            return value
        return check_value(value, convert=self._unwrap)

    def _unwrap(self, value: object) -> Value:
        """Script-side objects that stand for canonical ones (core's check_value
        calls this for anything outside the value model)."""
        if isinstance(value, HostObject):
            return value._userdata
        if isinstance(value, ForeignFunction):
            return value._ref
        if isinstance(value, FunctionType | MethodType | BuiltinFunctionType):
            return self._make_ref(value)
        if self._convert is not None:
            return self._convert(value)
        return value
