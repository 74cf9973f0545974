"""Type converters: how host objects outside the value model become values.

Plugins register :class:`TypeConverter` objects through
``kryon_register_converters``; core registers converters for common standard
library types (dates, decimals, enums, dataclasses, sets, paths).  The chain
tries them in order and returns the object unchanged when none claims it, so
the caller can report a :class:`~kryon_core.errors.ConversionError`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import fractions
import pathlib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kryon_core.values import Value

__all__ = ["ConverterChain", "TypeConverter", "standard_converters"]


@dataclass(frozen=True)
class TypeConverter:
    """Converts instances of ``python_type`` (and subclasses) with ``to_value``.

    ``to_value`` may return a non-canonical structure (e.g. a dict holding
    other host objects): the result is checked and converted recursively.
    Returning the object itself declines it, so later converters are tried.
    """

    python_type: type | tuple[type, ...]
    to_value: Callable[[object], Value]
    name: str = ""


class ConverterChain:
    """The registered converters, tried in order; callable as ``chain(obj)``."""

    def __init__(self, converters: Iterable[TypeConverter] = ()) -> None:
        self._converters = list(converters)
        self._by_type: dict[type, list[TypeConverter]] = {}

    def add(self, converter: TypeConverter) -> None:
        self._converters.append(converter)
        self._by_type.clear()

    def __call__(self, obj: object) -> Value:
        kind = type(obj)
        candidates = self._by_type.get(kind)
        if candidates is None:
            candidates = self._by_type[kind] = [
                c for c in self._converters if issubclass(kind, c.python_type)
            ]
        for converter in candidates:
            value = converter.to_value(obj)
            if value is not obj:  # a converter may decline by returning the object
                return value
        return obj

    def __len__(self) -> int:
        return len(self._converters)


def _dataclass_to_dict(obj: object) -> Value:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    return obj


def standard_converters() -> list[TypeConverter]:
    """Converters for standard library types, registered by core."""
    return [
        TypeConverter(enum.Enum, lambda e: e.value, "enum"),  # type: ignore[attr-defined]
        TypeConverter((dt.datetime, dt.date, dt.time), lambda d: d.isoformat(), "datetime"),  # type: ignore[attr-defined]
        TypeConverter(dt.timedelta, lambda d: d.total_seconds(), "timedelta"),  # type: ignore[attr-defined]
        TypeConverter(decimal.Decimal, float, "decimal"),  # type: ignore[arg-type]
        TypeConverter(fractions.Fraction, float, "fraction"),  # type: ignore[arg-type]
        TypeConverter((set, frozenset), lambda s: sorted(s, key=repr), "set"),  # type: ignore[call-overload]
        TypeConverter((pathlib.PurePath, uuid.UUID), str, "str"),
        TypeConverter(object, _dataclass_to_dict, "dataclass"),
    ]
