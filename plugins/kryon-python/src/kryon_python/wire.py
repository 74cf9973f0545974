"""The host <-> worker protocol: compact, pickle-free framing of canonical values.

Standard library only: the worker imports this module too.

A frame is a 4-byte little-endian length and a payload.  A payload is one
encoded value; messages are lists whose first item is an opcode.  Values::

    N None   T True   F False   i int64   d float64   s str (u32 length, UTF-8)
    b bytes (host -> worker only: marshalled code)   l list (u32 count)
    m dict (u32 count, str keys)   R/H/U/E opaque references (u64 id):
    R a function living in the worker, H a function living in the host,
    U host user data, E a DOM element handle.

Decoding never builds anything but these types, checks every length against
the buffer, and bounds nesting, so malformed bytes from a compromised worker
yield :class:`WireError`, never host code execution.
"""

from __future__ import annotations

import os
import select
import struct
import time
from collections.abc import Callable
from typing import Any

__all__ = [
    "MAX_FRAME",
    "FrameReader",
    "Op",
    "Opaque",
    "WireError",
    "WorkerGone",
    "decode",
    "encode",
    "write_frame",
]

MAX_DEPTH = 100 + 4  # kryon_core MAX_DEPTH plus the message envelope
MAX_FRAME = 256 * 1024 * 1024
INT_MIN = -(2**63)
INT_MAX = 2**63 - 1

_I32 = struct.Struct("<I")
_I64 = struct.Struct("<q")
_U64 = struct.Struct("<Q")
_F64 = struct.Struct("<d")
_pack_u32 = _I32.pack
_pack_i64 = _I64.pack
_pack_u64 = _U64.pack
_pack_f64 = _F64.pack


class WireError(Exception):
    """A value cannot be encoded, or bytes do not decode."""


class WorkerGone(Exception):
    """The other end closed the pipe (the process died)."""


class Opaque:
    """A decoded opaque reference: ``tag`` is one of ``R H U E``."""

    __slots__ = ("id", "tag")

    def __init__(self, tag: str, ident: int) -> None:
        self.tag = tag
        self.id = ident

    def __repr__(self) -> str:
        return f"Opaque({self.tag!r}, {self.id})"


OpaqueHook = Callable[[Any], "tuple[bytes, int] | None"]
"""Maps an object outside the value model to ``(tag, id)``, or None."""


def encode(value: Any, opaque: OpaqueHook | None = None) -> bytes:
    out: list[bytes] = []
    _encode(value, out, opaque, 0, set())
    return b"".join(out)


def _encode(
    value: Any, out: list[bytes], opaque: OpaqueHook | None, depth: int, active: set[int]
) -> None:
    kind = type(value)
    if kind is str:
        try:
            data = value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise WireError(f"string is not valid Unicode ({exc.reason})") from None
        out.append(b"s" + _pack_u32(len(data)))
        out.append(data)
    elif kind is int:
        if not INT_MIN <= value <= INT_MAX:
            raise WireError(f"integer {value} is outside the 64-bit range [{INT_MIN}, {INT_MAX}]")
        out.append(b"i" + _pack_i64(value))
    elif value is None:
        out.append(b"N")
    elif value is True:
        out.append(b"T")
    elif value is False:
        out.append(b"F")
    elif kind is float:
        out.append(b"d" + _pack_f64(value))
    elif kind is list or kind is tuple or kind is dict:
        if depth >= MAX_DEPTH:
            raise WireError("nesting deeper than 100 levels")
        key = id(value)
        if key in active:
            raise WireError("value contains itself (a cycle)")
        active.add(key)
        if kind is dict:
            out.append(b"m" + _pack_u32(len(value)))
            for k, v in value.items():
                if type(k) is not str:
                    raise WireError(f"object keys must be strings, got {type(k).__name__}")
                _encode(k, out, opaque, depth + 1, active)
                _encode(v, out, opaque, depth + 1, active)
        else:
            out.append(b"l" + _pack_u32(len(value)))
            for v in value:
                _encode(v, out, opaque, depth + 1, active)
        active.discard(key)
    elif kind is bytes:
        out.append(b"b" + _pack_u32(len(value)))
        out.append(value)
    else:
        _encode_other(value, out, opaque, depth, active)


def _encode_other(
    value: Any, out: list[bytes], opaque: OpaqueHook | None, depth: int, active: set[int]
) -> None:
    if isinstance(value, bool):
        out.append(b"T" if value else b"F")
    elif isinstance(value, int):
        _encode(int(value), out, opaque, depth, active)
    elif isinstance(value, float):
        out.append(b"d" + _pack_f64(float(value)))
    elif isinstance(value, str):
        _encode(str(value), out, opaque, depth, active)
    elif isinstance(value, Opaque):
        out.append(value.tag.encode("ascii") + _pack_u64(value.id))
    else:
        ref = opaque(value) if opaque is not None else None
        if ref is None:
            if isinstance(value, list | tuple):
                _encode(list(value), out, opaque, depth, active)
                return
            if isinstance(value, dict):
                _encode(dict(value), out, opaque, depth, active)
                return
            raise WireError(f"{type(value).__name__} is not a script value")
        tag, ident = ref
        out.append(tag + _pack_u64(ident))


Make = Callable[[str, int], Any]


def decode(data: bytes, make: Make | None = None) -> Any:
    """Decode one value; ``make(tag, id)`` builds opaque references."""
    value, pos = _decode(data, 0, make, 0)
    if pos != len(data):
        raise WireError("trailing bytes after value")
    return value


def _decode(data: bytes, pos: int, make: Make | None, depth: int) -> tuple[Any, int]:
    try:
        tag = data[pos]
    except IndexError:
        raise WireError("truncated value") from None
    pos += 1
    if tag == 0x73:  # s
        n = _I32.unpack_from(data, pos)[0] if pos + 4 <= len(data) else _short()
        end = pos + 4 + n
        if end > len(data):
            _short()
        try:
            return data[pos + 4 : end].decode("utf-8"), end
        except UnicodeDecodeError:
            raise WireError("invalid UTF-8 in string") from None
    if tag == 0x69:  # i
        if pos + 8 > len(data):
            _short()
        return _I64.unpack_from(data, pos)[0], pos + 8
    if tag == 0x4E:  # N
        return None, pos
    if tag == 0x54:  # T
        return True, pos
    if tag == 0x46:  # F
        return False, pos
    if tag == 0x64:  # d
        if pos + 8 > len(data):
            _short()
        return _F64.unpack_from(data, pos)[0], pos + 8
    if tag in (0x6C, 0x6D):  # l, m
        if depth >= MAX_DEPTH:
            raise WireError("nesting deeper than 100 levels")
        if pos + 4 > len(data):
            _short()
        count = _I32.unpack_from(data, pos)[0]
        pos += 4
        if count > len(data) - pos:
            _short()
        if tag == 0x6C:
            items = []
            for _ in range(count):
                item, pos = _decode(data, pos, make, depth + 1)
                items.append(item)
            return items, pos
        mapping: dict[str, Any] = {}
        for _ in range(count):
            key, pos = _decode(data, pos, make, depth + 1)
            if type(key) is not str:
                raise WireError("object key is not a string")
            mapping[key], pos = _decode(data, pos, make, depth + 1)
        return mapping, pos
    if tag == 0x62:  # b
        if pos + 4 > len(data):
            _short()
        n = _I32.unpack_from(data, pos)[0]
        end = pos + 4 + n
        if end > len(data):
            _short()
        return bytes(data[pos + 4 : end]), end
    if tag in (0x52, 0x48, 0x55, 0x45):  # R H U E
        if pos + 8 > len(data):
            _short()
        ident = _U64.unpack_from(data, pos)[0]
        letter = chr(tag)
        return (make(letter, ident) if make is not None else Opaque(letter, ident)), pos + 8
    raise WireError(f"unknown tag {tag:#x}")


def _short() -> Any:
    raise WireError("truncated value")


def write_frame(fd: int, payload: bytes) -> None:
    """Write one frame, whole (retrying short writes)."""
    data = memoryview(_pack_u32(len(payload)) + payload)
    while data:
        written = os.write(fd, data)
        data = data[written:]


class FrameReader:
    """Reads frames from a pipe, buffering what arrives beyond one frame."""

    def __init__(self, fd: int, max_frame: int = MAX_FRAME) -> None:
        self.fd = fd
        self._buffer = bytearray()
        self._max = max_frame
        self._poller = select.poll()
        self._poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)

    def read(self, deadline: float | None = None) -> bytes | None:
        """The next frame's payload; None when ``deadline`` (monotonic) passes.

        Raises WorkerGone at end of file, WireError for an oversized frame.
        """
        buffer = self._buffer
        while True:
            if len(buffer) >= 4:
                size = _I32.unpack_from(buffer, 0)[0]
                if size > self._max:
                    raise WireError(f"frame of {size} bytes exceeds the limit")
                if len(buffer) >= 4 + size:
                    payload = bytes(buffer[4 : 4 + size])
                    del buffer[: 4 + size]
                    return payload
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self._poller.poll(int(remaining * 1000) + 1):
                    return None
            chunk = os.read(self.fd, 1 << 16)
            if not chunk:
                raise WorkerGone("pipe closed")
            buffer += chunk


class Op:
    """Message opcodes (first item of every message)."""

    # host -> worker requests
    INIT = 1
    LOAD = 2
    UNLOAD = 3
    CALL = 4
    CALL_ASYNC = 5
    CALL_REF = 6
    RELEASE = 7
    SET_GLOBAL = 8
    GET_GLOBAL = 9
    GC = 10
    MEMORY = 11
    STACK = 12
    EVAL = 13
    SHUTDOWN = 14
    # worker -> host requests
    HOST_CALL = 20
    CALL_HOST_REF = 21
    WRITE = 22
    LOG = 23
    LOOKUP = 24
    # replies, both directions
    OK = 30
    ERR = 31
