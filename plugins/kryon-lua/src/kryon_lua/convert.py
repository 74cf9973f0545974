"""Canonical values <-> Lua values.

Rules (the long form is in ``docs/languages/lua.md``):

* ``None`` is ``nil`` for arguments and results; inside a list or dict it is
  the sentinel ``kryon.null`` (a Lua table cannot hold ``nil``).
* ``bool``, ``int`` (64-bit) and ``float`` (NaN, inf, -0.0) map to Lua booleans,
  integers and floats; Lua 5.4 keeps ints and floats apart.  On LuaJIT every
  number is a double: ints beyond 2**53 raise ConversionError and integral
  floats come back as ints.
* ``str`` is a UTF-8 Lua string; a Lua string that is not valid UTF-8 raises
  ConversionError.
* A table whose keys are exactly ``1..n`` is a list; one whose keys are all
  strings is a dict; anything else (mixed, sparse, float or boolean keys)
  raises ConversionError.  An empty table is a list unless it was made as a
  dict (a host dict passed in, ``kryon.object()``) or ``empty_table = "dict"``.
* Lua functions become :class:`FunctionRef`; FunctionRefs passed in become Lua
  functions (calling back into the host); :class:`UserData` and
  :class:`ElementHandle` become opaque proxies scripts can hold, compare and
  pass back, never inspect.
* Cycles and nesting deeper than ``MAX_DEPTH`` raise ConversionError.
* Values crossing together (one host call's arguments, one call's results)
  may take at most the policy's memory limit as host values (estimated as
  they are converted): a table holding one big string many times would
  otherwise become that many host strings.  Past it, MemoryLimitError.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from kryon_core import (
    INT_MAX,
    INT_MIN,
    MAX_DEPTH,
    ConversionError,
    ElementHandle,
    FunctionRef,
    MemoryLimitError,
    UserData,
    Value,
    check_int,
)

__all__ = ["LuaConverter"]

_JIT_EXACT = 2**53
# Estimated host bytes: a list or dict, each of its entries (slot, number or
# dict entry), and a str on top of its characters.
_TABLE_COST, _ENTRY_COST, _STR_COST = 64, 40, 49

_Budget = list[int] | None
"""Host bytes the values being converted may still take (a one-item list
shared by the whole conversion), or None without a limit."""
_MARK_LIST, _MARK_DICT, _MARK_NULL = b"list", b"dict", b"null"


class LuaConverter:
    """Converts values for one VM; ``make_ref`` wraps a Lua function as a FunctionRef."""

    def __init__(
        self,
        vm: Any,
        *,
        make_ref: Callable[[Any], FunctionRef],
        host_convert: Callable[[object], Value],
        empty_is_list: bool,
        doubles_only: bool,
        memory_limit: int = 0,
    ) -> None:
        kernel = vm.kernel
        self._table_from = vm.lua.table_from
        self._lua_type = vm.module.lua_type
        self._tag_of = kernel.tag_of  # (a call, never an index: see table_view)
        self._null = kernel.null
        self._opaque = kernel.opaque
        self._ref = kernel.ref
        self._mark = kernel.mark
        self._has_cycle = kernel.has_cycle
        self._make_ref = make_ref
        self._host_convert = host_convert
        self._empty_is_list = empty_is_list
        self._doubles_only = doubles_only
        self._memory_limit = memory_limit
        self.int_range = (-_JIT_EXACT, _JIT_EXACT) if doubles_only else (INT_MIN, INT_MAX)
        """Integers that cross exactly into this VM."""

    # -- host -> Lua --------------------------------------------------------------

    def to_lua_args(self, args: Sequence[Value]) -> list[Any]:
        return [self.to_lua(a) for a in args]

    def to_lua(self, value: Value, depth: int = 0, active: set[int] | None = None) -> Any:
        cls = value.__class__
        if value is None or cls is bool or cls is float:
            return value
        if cls is str:
            return _encode(value)
        if isinstance(value, int):
            return self._int(int(value))
        if isinstance(value, float):
            return float(value)
        if isinstance(value, (list, tuple, dict)):
            return self._container(value, depth, active if active is not None else set())
        if isinstance(value, FunctionRef):
            return self._ref(value)
        if isinstance(value, (UserData, ElementHandle)):
            return self._opaque(value)
        converted = self._host_convert(value)
        if type(converted) is type(value):  # a converter must give a script value
            raise ConversionError(f"{type(value).__name__} is not a script value")
        return self.to_lua(converted, depth, active)

    def _int(self, value: int) -> int:
        check_int(value)
        if self._doubles_only and not -_JIT_EXACT <= value <= _JIT_EXACT:
            raise ConversionError(f"integer {value} cannot be exact in LuaJIT (beyond 2**53)")
        return value

    def _item(self, value: Value, depth: int, active: set[int]) -> Any:
        return self._null if value is None else self.to_lua(value, depth, active)

    def _container(self, value: Any, depth: int, active: set[int]) -> Any:
        if depth >= MAX_DEPTH:
            raise ConversionError(f"value nests deeper than {MAX_DEPTH} levels")
        key = id(value)
        if key in active:
            raise ConversionError("value contains itself (a cycle)")
        active.add(key)
        try:
            if isinstance(value, dict):
                items: dict[bytes, Any] = {}
                for k, v in value.items():
                    if not isinstance(k, str):
                        raise ConversionError(
                            f"object keys must be strings, got {type(k).__name__} {k!r}"
                        )
                    items[_encode(k)] = self._item(v, depth + 1, active)
                table = self._table_from(items)
                return self._mark(table, _MARK_DICT) if not items else table
            elements = [self._item(v, depth + 1, active) for v in value]
            table = self._table_from(elements)
            return self._mark(table, _MARK_LIST) if not elements else table
        finally:
            active.discard(key)

    # -- Lua -> host ------------------------------------------------------------------

    def from_lua(self, value: Any) -> Value:
        """One Lua value as a host value."""
        return self._value(value, 0, [self._memory_limit] if self._memory_limit else None)

    def from_lua_all(self, values: Iterable[Any]) -> list[Value]:
        """Values crossing together (a call's arguments or results): one budget,
        charged as ``values`` are read."""
        if not self._memory_limit:
            return [self._value(v, 0, None) for v in values]
        budget = [self._memory_limit]
        out: list[Value] = []
        for v in values:
            if v.__class__ is bytes:
                budget[0] -= _STR_COST + len(v)
                if budget[0] < 0:
                    raise self._too_big()
            out.append(self._value(v, 0, budget))
        return out

    def _too_big(self) -> MemoryLimitError:
        return MemoryLimitError(
            "a Lua value passed to the host would take more than the memory limit "
            f"of {self._memory_limit / 2**20:g} MB as host values"
        )

    def _value(self, value: Any, depth: int, budget: _Budget) -> Value:
        cls = value.__class__
        if cls is int:
            return value if not self._doubles_only else int(value)
        if value is None or cls is bool or cls is float:
            return value
        if cls is bytes:
            return _decode(value)
        kind = self._lua_type(value)
        if kind == "table":
            return self._table(value, depth, budget)
        if kind == "function" and cls.__name__ == "_LuaFunction":
            tagged = self._tag_of(value)
            return tagged if isinstance(tagged, FunctionRef) else self._make_ref(value)
        raise ConversionError(f"a Lua {_KINDS.get(cls.__name__, kind)} cannot leave the VM")

    def _table(self, table: Any, depth: int, budget: _Budget) -> Value:
        tag = self._tag_of(table)
        if tag is not None:
            if tag == _MARK_NULL:
                return None
            if not isinstance(tag, bytes):
                return tag  # an opaque host value coming back
        if depth >= MAX_DEPTH:
            if self._has_cycle(table):
                raise ConversionError("Lua table contains itself (a cycle)")
            raise ConversionError(f"Lua table nests deeper than {MAX_DEPTH} levels")
        # One pass, converting as entries are read: lupa makes each Lua string
        # a bytes object, so a table holding one big string many times is
        # refused after the first few copies (see _element).
        entries = iter(table.items())
        first = next(entries, None)
        if first is None:
            if tag == _MARK_DICT or (tag is None and not self._empty_is_list):
                return {}
            return []
        kind = first[0].__class__
        if kind is bytes:
            out: Value = self._dict(first, entries, depth, budget)
        elif kind is int or kind is float:
            out = self._list(first, entries, depth, budget)
        else:
            raise ConversionError(_mixed(first[0]))
        if budget is not None:  # the containers (their keys are distinct: VM-bounded)
            budget[0] -= _TABLE_COST + _ENTRY_COST * len(out)
            if budget[0] < 0:
                raise self._too_big()
        return out

    def _dict(
        self, first: tuple[Any, Any], entries: Iterator[Any], depth: int, budget: _Budget
    ) -> dict[str, Value]:
        element = self._element
        k, v = first
        out: dict[str, Value] = {_decode(k): element(v, depth, budget)}
        for k, v in entries:
            if k.__class__ is not bytes:
                raise ConversionError(_mixed(k))
            out[_decode(k)] = element(v, depth, budget)
        return out

    def _list(
        self, first: tuple[Any, Any], entries: Iterator[Any], depth: int, budget: _Budget
    ) -> list[Value]:
        element = self._element
        out: list[Value] = []
        append = out.append
        k, v = first
        while k.__class__ is int and k == len(out) + 1:  # Lua walks 1..n in order
            append(element(v, depth, budget))
            nxt = next(entries, None)
            if nxt is None:
                return out
            k, v = nxt
        # keys out of order (the hash part), floats, holes: sorted out by index
        by_index: dict[Any, Value] = dict(enumerate(out, 1))
        by_index[k] = element(v, depth, budget) if _is_number(k) else _fail_mixed(k)
        for k, v in entries:
            by_index[k] = element(v, depth, budget) if _is_number(k) else _fail_mixed(k)
        n = len(by_index)
        slots: list[Value] = [_MISSING] * n
        for key, value in by_index.items():
            i = int(key) if key.__class__ is float and key.is_integer() else key
            if i.__class__ is not int:
                raise ConversionError(_mixed(i))
            if not 1 <= i <= n or slots[i - 1] is not _MISSING:
                raise ConversionError(
                    f"Lua table with integer key {i} is not a list 1..{n} (sparse arrays "
                    "cannot be converted; use kryon.null for holes)"
                )
            slots[i - 1] = value
        return slots

    def _element(self, value: Any, depth: int, budget: _Budget) -> Value:
        cls = value.__class__
        if cls is int or cls is float or cls is bool:
            return self._value(value, 0, None) if cls is int else value
        if cls is bytes:
            if budget is not None:
                budget[0] -= _STR_COST + len(value)
                if budget[0] < 0:
                    raise self._too_big()
            return _decode(value)
        return self._value(value, depth + 1, budget)


_MISSING = object()
_KINDS = {"_LuaThread": "coroutine", "_LuaCoroutineFunction": "coroutine"}


_LUA_TYPES = {bytes: "string", int: "integer", float: "float", bool: "boolean"}


def _is_number(key: object) -> bool:
    return key.__class__ is int or key.__class__ is float


def _fail_mixed(key: object) -> Value:
    raise ConversionError(_mixed(key))


def _mixed(key: object) -> str:
    if isinstance(key, bytes):
        shown = repr(key.decode("utf-8", "replace"))
    elif isinstance(key, bool):
        shown = "true" if key else "false"
    else:
        shown = repr(key)
    return (
        f"Lua table mixes key kinds (found {_LUA_TYPES.get(type(key), 'other')} key {shown}); "
        "a table must be a list (keys 1..n) or an object (string keys)"
    )


def _encode(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ConversionError(f"string is not valid Unicode ({exc.reason})") from None


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConversionError(
            f"Lua string is not valid UTF-8 (byte {data[exc.start]:#04x} at {exc.start}); "
            "binary data cannot leave the VM as a string"
        ) from None
