"""Canonical values to and from the JSON wire format the prelude speaks.

The binding itself converts only ``None``, ``bool``, ``str``, 32-bit ``int``
and ``float`` correctly (wider ints are truncated, strings stop at a NUL, a
short BigInt raises), so anything else crosses as JSON text that the prelude
builds or parses *inside* the VM, under the time limit.  Special values are
objects with the key :data:`~kryon_js.prelude.TAG`:

======================  ==========================================
``nan``/``inf``/``-inf``  the IEEE specials
``big``                   an integer beyond 2**53 - 1 (a BigInt in JS)
``fn``                    a host FunctionRef (a JS function calling back)
``jsfn``                  a JS function the host got earlier, by id
``ud``/``el``             UserData / ElementHandle (opaque in JS)
======================  ==========================================

The number rule: JavaScript has one number type, so an integral number
within +/-(2**53 - 1) (``Number.MAX_SAFE_INTEGER``) comes back as ``int``
(``-0`` stays ``-0.0``); any other number is a ``float``.  Integers beyond
that travel as BigInt both ways;
a BigInt outside 64 bits, a Symbol or a Promise is a ConversionError.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from typing import Any

from kryon_core import (
    MAX_DEPTH,
    ConversionError,
    ElementHandle,
    FunctionRef,
    UserData,
    Value,
    check_int,
    check_text,
)
from kryon_js.prelude import TAG

__all__ = ["SAFE_INT", "WireCodec", "number_from_js"]

SAFE_INT = 2**53 - 1  # Number.MAX_SAFE_INTEGER
_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1
_TAG_JSON = json.dumps(TAG)
_dumps = json.JSONEncoder(
    ensure_ascii=False, allow_nan=False, check_circular=False, separators=(",", ":")
).encode


_SAFE_FLOAT = float(SAFE_INT)  # exact: float-to-float comparisons are the cheap ones
_copysign = math.copysign


def number_from_js(value: float) -> Value:
    """The canonical form of a JS number that arrived as a Python float."""
    if (
        value.is_integer()
        and -_SAFE_FLOAT <= value <= _SAFE_FLOAT
        and (value or _copysign(1.0, value) > 0)
    ):
        return int(value)
    return value


class WireCodec:
    """Converts for one engine; keeps the tables behind opaque handles.

    ``js_ref`` builds the FunctionRef for a JS function id; ``convert`` is the
    bridge's type-converter fallback for host objects outside the model.
    """

    def __init__(
        self,
        js_ref: Callable[[int, str], FunctionRef],
        convert: Callable[[object], Value] | None = None,
    ) -> None:
        self._js_ref = js_ref
        self.convert = convert
        self.host_refs: dict[int, FunctionRef] = {}
        self.js_ids: dict[int, int] = {}  # FunctionRef.id -> JS function id
        self.user_data: dict[int, UserData] = {}
        self._special = False

    # -- host -> JS ------------------------------------------------------------

    def encode(self, values: Sequence[Value]) -> str:
        """``values`` as the wire text of a JS array ("J..." or "R..." when tagged)."""
        self._special = False
        active: set[int] = set()
        payload = [self._to_wire(v, 0, active, f"argument {i + 1}") for i, v in enumerate(values)]
        try:
            text = _dumps(payload)
        except (ValueError, TypeError) as exc:
            raise ConversionError(f"value cannot be converted: {exc}") from None
        return ("R" if self._special else "J") + text

    def result_for_js(self, value: Value) -> Any:
        """A host function's result as the binding can hand it to JavaScript."""
        kind = type(value)
        if value is None or kind is bool or kind is float:
            return value
        if kind is int and _INT32_MIN <= value <= _INT32_MAX:
            return value
        if kind is str and _plain(value):
            return value
        return "\x01" + self.encode_value(value, "result")

    def encode_value(self, value: Value, path: str = "value") -> str:
        """One value as wire text ("J..." or "R..." when tagged)."""
        self._special = False
        try:
            text = _dumps(self._to_wire(value, 0, set(), path))
        except (ValueError, TypeError) as exc:
            raise ConversionError(f"{path}: value cannot be converted: {exc}") from None
        return ("R" if self._special else "J") + text

    def _to_wire(self, value: Value, depth: int, active: set[int], path: str) -> Any:
        kind = type(value)
        if value is None or kind is bool:
            return value
        if kind is str:
            check_text(value, path)
            return value
        if kind is int:
            check_int(value, path)
            if -SAFE_INT <= value <= SAFE_INT:
                return value
            self._special = True
            return {TAG: "big", "v": str(value)}
        if kind is float:
            if math.isfinite(value):
                return value
            self._special = True
            return {TAG: "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")}
        if kind is list or kind is tuple or kind is dict:
            if depth >= MAX_DEPTH:
                raise ConversionError(f"{path}: nesting deeper than {MAX_DEPTH} levels")
            key = id(value)
            if key in active:
                raise ConversionError(f"{path}: value contains itself (a cycle)")
            active.add(key)
            try:
                if kind is dict:
                    out = {}
                    for k, v in value.items():
                        if type(k) is not str:
                            raise ConversionError(
                                f"{path}: object keys must be strings, got {type(k).__name__} {k!r}"
                            )
                        check_text(k, path)
                        out[k] = self._to_wire(v, depth + 1, active, f"{path}[{k!r}]")
                    return out
                return [
                    self._to_wire(v, depth + 1, active, f"{path}[{i}]") for i, v in enumerate(value)
                ]
            finally:
                active.discard(key)
        return self._opaque(value, depth, active, path)

    def _opaque(self, value: Value, depth: int, active: set[int], path: str) -> Any:
        self._special = True
        if isinstance(value, FunctionRef):
            js_id = self.js_ids.get(value.id)
            if js_id is not None:
                return {TAG: "jsfn", "id": js_id}
            self.host_refs[value.id] = value
            return {TAG: "fn", "id": value.id, "name": value.name}
        if isinstance(value, UserData):
            self.user_data[value.id] = value
            return {TAG: "ud", "id": value.id}
        if isinstance(value, ElementHandle):
            return {TAG: "el", "id": value.id}
        if isinstance(value, bool):
            return bool(value)
        if isinstance(value, int):
            return self._to_wire(int(value), depth, active, path)
        if isinstance(value, float):
            return self._to_wire(float(value), depth, active, path)
        if isinstance(value, str):
            return self._to_wire(str(value), depth, active, path)
        if self.convert is not None:
            try:
                converted = self.convert(value)
            except ConversionError as exc:
                raise ConversionError(f"{path}: {exc.message}") from None
            if converted is not value:
                return self._to_wire(converted, depth, active, path)
        raise ConversionError(f"{path}: {type(value).__name__} is not a script value")

    # -- JS -> host ------------------------------------------------------------------

    def decode(self, text: str) -> Value:
        """A value from the wire text the prelude produced."""
        if _TAG_JSON in text:
            return json.loads(text, object_hook=self._special_value)
        return json.loads(text)

    def _special_value(self, obj: dict[str, Any]) -> Any:
        tag = obj.get(TAG)
        if tag is None:
            return obj
        if tag == "nan":
            return math.nan
        if tag == "inf":
            return math.inf
        if tag == "-inf":
            return -math.inf
        if tag == "big":
            return int(obj["v"])
        if tag == "fn":
            return self._js_ref(int(obj["id"]), str(obj.get("name", "anonymous")))
        if tag == "ud":
            return self.user_data[int(obj["id"])]
        if tag == "el":
            return ElementHandle(int(obj["id"]))
        return obj

    def from_js(self, value: Any) -> Value:
        """A positional argument or result the binding already converted."""
        if type(value) is float:
            return number_from_js(value)
        return value


def _plain(text: str) -> bool:
    """Whether a str can be handed to the binding as it is (see module docs)."""
    if text and text[0] in "\x01\x02\x03\x04\x05":
        return False
    if "\x00" in text:
        return False
    return text.isascii() or _encodable(text)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
