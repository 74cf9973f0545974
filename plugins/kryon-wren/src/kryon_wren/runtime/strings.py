"""String methods.  Wren strings are UTF-8 byte sequences indexed by byte;
Python ``str`` holds them, with invalid bytes kept as surrogate escapes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kryon_wren.runtime.collections import (
    WList,
    WRange,
    next_index,
    range_slice,
    sliced,
    validate_index,
)
from kryon_wren.runtime.objects import (
    BIG,
    SCAN_FREE,
    SCAN_SHIFT,
    Proxy,
    WrenError,
    charge,
    check_alloc,
)
from kryon_wren.runtime.sequences import WSequence

PIECE_BYTES = 64
"""What one short string in a list costs CPython: object header and list slot."""


def _scan(n: int) -> None:
    # A C-level pass over a long string costs a step per 256 characters, so
    # a loop of such calls meets the time limit as a loop of steps would.
    if n > SCAN_FREE:
        charge(n >> SCAN_SHIFT)


def to_bytes(s: str) -> bytes:
    return s.encode("utf-8", "surrogateescape")


def from_bytes(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def _need_str(v: Any, what: str = "Argument") -> str:
    if v.__class__ is not str:
        raise WrenError(f"{what} must be a string.")
    return v


def _decode_at(b: bytes, i: int) -> tuple[int, int]:
    """The reference's UTF-8 decoding at byte ``i``: (value, length), or
    (-1, 1) where no sequence starts.  Like the reference it takes overlong
    forms and surrogates."""
    lead = b[i]
    if lead < 0x80:
        return lead, 1
    if lead & 0xE0 == 0xC0:
        value, n = lead & 0x1F, 2
    elif lead & 0xF0 == 0xE0:
        value, n = lead & 0x0F, 3
    elif lead & 0xF8 == 0xF0:
        value, n = lead & 0x07, 4
    else:
        return -1, 1
    if i + n > len(b):
        return -1, 1
    for k in range(i + 1, i + n):
        if b[k] & 0xC0 != 0x80:
            return -1, 1
        value = value << 6 | (b[k] & 0x3F)
    return value, n


def code_point_at(b: bytes, i: int) -> str:
    """The code point starting at byte ``i`` as a string (the raw byte where
    none starts), as the reference's string subscript gives it."""
    value, _ = _decode_at(b, i)
    if value < 0 or value > 0x10FFFF:
        return from_bytes(b[i : i + 1])
    if 0xD800 <= value <= 0xDFFF:
        # Kept as the bytes the reference encodes it to.
        return from_bytes(chr(value).encode("utf-8", "surrogatepass"))
    return chr(value)


_CONTINUATION = bytes(range(0x80, 0xC0))


def has_raw_bytes(s: str) -> bool:
    """Whether ``s`` holds bytes that are not valid UTF-8 (surrogate escapes):
    only there do Python's characters differ from the reference's code points."""
    if s.isascii():
        return False
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def next_start(b: bytes, i: int) -> int:
    """The reference's String.iterate: the next byte after ``i`` that is not
    a continuation byte (``len(b)`` at the end)."""
    i += 1
    while i < len(b) and b[i] & 0xC0 == 0x80:
        i += 1
    return i


def raw_starts(b: bytes) -> Iterator[int]:
    """The byte indexes String.iterate visits (the first byte, then every one
    that is not a continuation byte)."""
    i = 0
    while i < len(b):
        yield i
        i = next_start(b, i)


def iter_text(s: str) -> Iterator[str]:
    """A string's elements as the reference iterates them."""
    if not has_raw_bytes(s):
        return iter(s)
    b = to_bytes(s)
    return (code_point_at(b, i) for i in raw_starts(b))


def text_count(s: str) -> int:
    """String.count: the number of elements String.iterate visits."""
    if not has_raw_bytes(s):
        return len(s)
    b = to_bytes(s)
    return len(b[1:].translate(None, _CONTINUATION)) + 1


WHITESPACE = "\t\r\n "


class StringProxy(Proxy, WSequence):
    __slots__ = ()

    def b_add(self, o: Any) -> str:
        other = _need_str(o, "Right operand")
        size = len(other) + len(self.v)
        if size > SCAN_FREE:
            if size > BIG:
                check_alloc(size)
            _scan(size)
        return self.v + other  # type: ignore[no-any-return]

    def b_mul(self, n: Any) -> str:
        if n.__class__ is not float or not n.is_integer() or n < 0:
            raise WrenError("Count must be a non-negative integer.")
        size = len(self.v) * n
        if size > SCAN_FREE:
            if size > BIG:
                check_alloc(int(size))
            _scan(int(size))
        return self.v * int(n)  # type: ignore[no-any-return]

    def g_count(self) -> float:
        return float(text_count(self.v))

    def g_isEmpty(self) -> bool:
        return not self.v

    def g_byteCount_(self) -> float:
        return float(len(to_bytes(self.v)))

    def x_1(self, i: Any) -> str:
        s: str = self.v
        if s.isascii():
            if i.__class__ is WRange:
                return sliced(s, *range_slice(i, len(s)))  # type: ignore[no-any-return]
            if i.__class__ is not float:
                raise WrenError("Subscript must be a number or a range.")
            return s[validate_index(i, len(s), "Subscript")]
        b = to_bytes(s)
        if i.__class__ is WRange:
            start, n, step = range_slice(i, len(b))
            _scan(n * 64)
            return "".join(
                code_point_at(b, start + k * step)
                for k in range(n)
                if b[start + k * step] & 0xC0 != 0x80
            )
        if i.__class__ is not float:
            raise WrenError("Subscript must be a number or a range.")
        return code_point_at(b, validate_index(i, len(b), "Subscript"))

    def m_byteAt__1(self, i: Any) -> float:
        b = to_bytes(self.v)
        return float(b[validate_index(i, len(b), "Index")])

    def m_codePointAt__1(self, i: Any) -> float:
        b = to_bytes(self.v)
        i = validate_index(i, len(b), "Index")
        # Inside a sequence the reference answers -1 (not the raw byte).
        return -1.0 if b[i] & 0xC0 == 0x80 else float(_decode_at(b, i)[0])

    def g_bytes(self) -> StringByteSequence:
        return StringByteSequence(self.v)

    def g_codePoints(self) -> StringCodePointSequence:
        return StringCodePointSequence(self.v)

    def m_contains_1(self, o: Any) -> bool:
        _scan(len(self.v))
        return _need_str(o) in self.v

    def m_startsWith_1(self, o: Any) -> bool:
        return self.v.startswith(_need_str(o))  # type: ignore[no-any-return]

    def m_endsWith_1(self, o: Any) -> bool:
        return self.v.endswith(_need_str(o))  # type: ignore[no-any-return]

    def m_indexOf_1(self, o: Any) -> float:
        needle = _need_str(o)
        s = self.v
        _scan(len(s))
        if s.isascii() and needle.isascii():
            return float(s.find(needle))
        return float(to_bytes(s).find(to_bytes(needle)))

    def m_indexOf_2(self, o: Any, start: Any) -> float:
        needle = _need_str(o)
        _scan(len(self.v))
        b = to_bytes(self.v)
        # As in the reference, the start must be inside the string (no
        # start is, in an empty one).
        first = validate_index(start, len(b), "Start")
        return float(b.find(to_bytes(needle), first))

    def m_iterate_1(self, it: Any) -> Any:
        s: str = self.v
        if it is None:
            return 0.0 if s else False
        if it.__class__ is not float:
            raise WrenError("Iterator must be a number.")
        if not it.is_integer():
            raise WrenError("Iterator must be an integer.")
        if it < 0:
            return False
        if s.isascii():
            nxt = it + 1
            return nxt if nxt < len(s) else False
        b = to_bytes(s)
        i = next_start(b, int(it))
        return float(i) if i < len(b) else False

    def m_iteratorValue_1(self, it: Any) -> str:
        b = to_bytes(self.v)
        return code_point_at(b, validate_index(it, len(b), "Iterator"))

    def m_iterateByte__1(self, it: Any) -> Any:
        n = len(to_bytes(self.v))
        if it is None:
            return 0.0 if n else False
        return next_index(it, n)

    def m_replace_2(self, old: Any, new: Any) -> str:
        if old.__class__ is not str or not old:
            raise WrenError("From must be a non-empty string.")
        new = _need_str(new, "To")
        if len(new) > len(old) and len(self.v) > BIG // 16:
            check_alloc(len(self.v) + self.v.count(old) * (len(new) - len(old)))
        _scan(len(self.v))
        return self.v.replace(old, new)  # type: ignore[no-any-return]

    def m_split_1(self, sep: Any) -> WList:
        if sep.__class__ is not str or not sep:
            raise WrenError("Delimiter must be a non-empty string.")
        _scan(len(self.v))
        if len(self.v) > SCAN_FREE:
            # Each piece is a new string object: count them before splitting.
            pieces = self.v.count(sep) + 1
            if pieces > SCAN_FREE:
                check_alloc(pieces * PIECE_BYTES)
                charge(pieces)
        return WList(self.v.split(sep))

    def m_trim_0(self) -> str:
        return self.v.strip(WHITESPACE)  # type: ignore[no-any-return]

    def m_trimStart_0(self) -> str:
        return self.v.lstrip(WHITESPACE)  # type: ignore[no-any-return]

    def m_trimEnd_0(self) -> str:
        return self.v.rstrip(WHITESPACE)  # type: ignore[no-any-return]

    def m_trim_1(self, chars: Any) -> str:
        return self.v.strip(_need_str(chars, "Characters"))  # type: ignore[no-any-return]

    def m_trimStart_1(self, chars: Any) -> str:
        return self.v.lstrip(_need_str(chars, "Characters"))  # type: ignore[no-any-return]

    def m_trimEnd_1(self, chars: Any) -> str:
        return self.v.rstrip(_need_str(chars, "Characters"))  # type: ignore[no-any-return]

    def g_toString(self) -> str:
        return self.v  # type: ignore[no-any-return]


class StringStatics:
    def m_fromCodePoint_1(self, n: Any) -> str:
        if n.__class__ is not float:
            raise WrenError("Code point must be a number.")
        if not n.is_integer():
            raise WrenError("Code point must be an integer.")
        if n < 0:
            raise WrenError("Code point cannot be negative.")
        if n > 0x10FFFF:
            raise WrenError("Code point cannot be greater than 0x10ffff.")
        return chr(int(n))

    def m_fromByte_1(self, n: Any) -> str:
        if n.__class__ is not float:
            raise WrenError("Byte must be a number.")
        if not n.is_integer():
            raise WrenError("Byte must be an integer.")
        if n < 0:
            raise WrenError("Byte cannot be negative.")
        if n > 0xFF:
            raise WrenError("Byte cannot be greater than 0xff.")
        return from_bytes(bytes([int(n)]))


class StringByteSequence(WSequence):
    """``string.bytes``: the string's UTF-8 bytes as Nums."""

    plain_values = True  # reading an element runs no script code

    __slots__ = ("data",)

    def __init__(self, s: str) -> None:
        self.data = to_bytes(s)

    def pyiter(self) -> Iterator[float]:
        return (float(x) for x in self.data)

    def x_1(self, i: Any) -> float:
        return float(self.data[validate_index(i, len(self.data), "Index")])

    def g_count(self) -> float:
        return float(len(self.data))

    def m_iterate_1(self, it: Any) -> Any:
        if it is None:
            return 0.0 if self.data else False
        return next_index(it, len(self.data))

    def m_iteratorValue_1(self, it: Any) -> float:
        return self.x_1(it)


class StringCodePointSequence(WSequence):
    """``string.codePoints``: code points as Nums (-1 for invalid bytes)."""

    plain_values = True  # reading an element runs no script code

    __slots__ = ("text",)

    def __init__(self, s: str) -> None:
        self.text = s

    def pyiter(self) -> Iterator[float]:
        if has_raw_bytes(self.text):
            b = to_bytes(self.text)
            proxy = StringProxy(self.text)
            return (proxy.m_codePointAt__1(float(i)) for i in raw_starts(b))
        return (float(ord(c)) for c in self.text)

    def x_1(self, i: Any) -> float:
        return StringProxy(self.text).m_codePointAt__1(i)

    def g_count(self) -> float:
        return float(text_count(self.text))

    def m_iterate_1(self, it: Any) -> Any:
        return StringProxy(self.text).m_iterate_1(it)

    def m_iteratorValue_1(self, it: Any) -> float:
        return StringProxy(self.text).m_codePointAt__1(it)
