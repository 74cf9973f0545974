"""The canonical value model shared by every engine.

Canonical values are plain Python::

    None | bool | int | float | str | list[Value] | dict[str, Value]
         | FunctionRef | UserData | ElementHandle

Conversion rules (every engine follows them; ``docs/values.md`` is the long form):

* **Integers** are 64-bit signed: ``INT_MIN <= i <= INT_MAX``.  A Python ``int``
  outside that range raises :class:`ConversionError` when it is handed to an
  engine; engines whose numbers are doubles (JavaScript, Wren) document how they
  map integers beyond 2**53.
* **Floats** are IEEE doubles, including NaN, +inf and -inf, passed unchanged.
  ``-0.0`` stays ``-0.0``.  A float with an integral value stays a float.
* **Strings** are Unicode; strings containing lone surrogates cannot be encoded
  for any engine and raise :class:`ConversionError`.
* **Lists** may be given as ``list`` or ``tuple`` and always come back as ``list``.
* **Objects** are ``dict`` with ``str`` keys; a non-string key raises
  :class:`ConversionError`.
* **Nesting** deeper than ``MAX_DEPTH`` (100) raises :class:`ConversionError`;
  so does a container that contains itself (a cycle).  Shared, acyclic
  sub-values are fine and are copied.
* :class:`FunctionRef` wraps a function living in some engine; calling it calls
  the function there.  :class:`UserData` carries an opaque host object through a
  script untouched: scripts can hold and pass it, never look inside.
  :class:`ElementHandle` names a DOM element.
* Anything else is handed to the registered type converters
  (``kryon_register_converters``); if none claims it, :class:`ConversionError`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeAlias

from kryon_core.errors import ConversionError

__all__ = [
    "INT_MAX",
    "INT_MIN",
    "MAX_DEPTH",
    "ElementHandle",
    "FunctionRef",
    "UserData",
    "Value",
    "check_text",
    "check_value",
    "values_equal",
]

INT_MIN = -(2**63)
INT_MAX = 2**63 - 1
MAX_DEPTH = 100

Value: TypeAlias = Any
"""A canonical value (see module docs); ``Any`` because the union is recursive
and includes handle types that engines subclass."""

_ids = itertools.count(1)


class FunctionRef:
    """A callable handle to a function that lives inside some engine.

    Engines create these for script functions that cross into the host
    (callbacks, returned closures).  Calling the ref calls the function in its
    engine with canonical arguments and returns a canonical value.  ``release``
    lets the engine drop its reference when the host is done with it.
    """

    __slots__ = ("__weakref__", "_invoke", "_release", "id", "language", "name")

    def __init__(
        self,
        language: str,
        name: str,
        invoke: Callable[[Sequence[Value]], Value],
        release: Callable[[], None] | None = None,
    ) -> None:
        self.id = next(_ids)
        self.language = language
        self.name = name
        self._invoke = invoke
        self._release = release

    def __call__(self, *args: Value) -> Value:
        return self._invoke(args)

    def call(self, args: Sequence[Value]) -> Value:
        """Call with a sequence of canonical arguments."""
        return self._invoke(args)

    def release(self) -> None:
        """Tell the owning engine the host no longer needs this function."""
        release, self._release = self._release, None
        if release is not None:
            release()

    def __repr__(self) -> str:
        return f"<FunctionRef {self.language}:{self.name} #{self.id}>"


class UserData:
    """An opaque host object passed through scripts by reference.

    Scripts receive a handle they can store and pass back, but engines never
    expose ``value`` or any attribute of it to script code.
    """

    __slots__ = ("id", "value")

    def __init__(self, value: object) -> None:
        self.id = next(_ids)
        self.value = value

    def __repr__(self) -> str:
        return f"<UserData #{self.id} {type(self.value).__name__}>"


class ElementHandle:
    """A handle to a DOM element owned by the DOM bridge (spec: ``ElementHandle(u32)``)."""

    __slots__ = ("id",)

    def __init__(self, element_id: int) -> None:
        self.id = element_id

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ElementHandle) and other.id == self.id

    def __hash__(self) -> int:
        return hash(("ElementHandle", self.id))

    def __repr__(self) -> str:
        return f"ElementHandle({self.id})"


_OPAQUE = (FunctionRef, UserData, ElementHandle)


def check_value(
    value: object,
    *,
    convert: Callable[[object], Value] | None = None,
    max_depth: int = MAX_DEPTH,
) -> Value:
    """Validate ``value`` as canonical and return its canonical form.

    Tuples become lists; containers are copied (so the result never aliases
    host data an engine might later see mutated); subclasses of ``int``,
    ``float`` and ``str`` become the plain type.  ``convert`` is tried for
    objects outside the model (the registered type converters).  Raises
    :class:`ConversionError` naming the offending path.
    """
    return _check(value, convert, max_depth, 0, set(), "value")


def _check(
    value: object,
    convert: Callable[[object], Value] | None,
    max_depth: int,
    depth: int,
    active: set[int],
    path: str,
) -> Value:
    kind = type(value)
    if value is None or kind is bool or kind is float or isinstance(value, _OPAQUE):
        return value
    if isinstance(value, str):
        check_text(value, path)
        return value if kind is str else str(value)  # subclasses never cross as themselves
    if isinstance(value, float):
        return float(value)
    if isinstance(value, int):  # bool was handled above
        return int(check_int(value, path))
    if isinstance(value, (list, tuple, dict)):
        if depth >= max_depth:
            raise ConversionError(f"{path}: nesting deeper than {max_depth} levels")
        key = id(value)
        if key in active:
            raise ConversionError(f"{path}: value contains itself (a cycle)")
        active.add(key)
        try:
            if isinstance(value, dict):
                out: dict[str, Value] = {}
                for k, v in value.items():
                    if not isinstance(k, str):
                        raise ConversionError(
                            f"{path}: object keys must be strings, got {type(k).__name__} {k!r}"
                        )
                    check_text(k, path)
                    out[k] = _check(v, convert, max_depth, depth + 1, active, f"{path}[{k!r}]")
                return out
            return [
                _check(v, convert, max_depth, depth + 1, active, f"{path}[{i}]")
                for i, v in enumerate(value)
            ]
        finally:
            active.discard(key)
    if convert is not None:
        converted = convert(value)
        if converted is not value:
            return _check(converted, convert, max_depth, depth + 1, active, path)
    raise ConversionError(f"{path}: {type(value).__name__} is not a script value")


def check_int(value: int, path: str | None = None) -> int:
    """``value`` if it is in the 64-bit range of canonical integers, else a
    ConversionError (naming ``path``, the value's place, when given)."""
    if not INT_MIN <= value <= INT_MAX:
        where = f"{path}: " if path else ""
        raise ConversionError(
            f"{where}integer {value} is outside the 64-bit range [{INT_MIN}, {INT_MAX}]"
        )
    return value


def check_text(text: str, path: str = "value") -> None:
    """Raise ConversionError unless ``text`` can be encoded for an engine (no
    lone surrogates).  ASCII text, the common case, is accepted without encoding."""
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ConversionError(f"{path}: string is not valid Unicode ({exc.reason})") from None


def values_equal(a: Value, b: Value) -> bool:
    """Equality of canonical values where NaN equals NaN and 1 != 1.0 != True.

    Used by the conformance kit to check round trips exactly.
    """
    if isinstance(a, float) and isinstance(b, float):
        if math.isnan(a) and math.isnan(b):
            return True
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(values_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Mapping):
        return a.keys() == b.keys() and all(values_equal(a[k], b[k]) for k in a)
    return bool(a == b) if not isinstance(a, _OPAQUE) else a is b or a == b
