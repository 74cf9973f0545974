"""The host <-> worker encoding: exact round trips, and nothing but WireError
from malformed bytes."""

from __future__ import annotations

import contextlib
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kryon_python.wire import MAX_DEPTH, FrameReader, Opaque, WireError, decode, encode

from kryon_core import values_equal
from kryon_core.testing import canonical_values


@given(canonical_values(max_leaves=30))
@settings(max_examples=300, deadline=None)
def test_canonical_values_round_trip(value: object) -> None:
    assert values_equal(decode(encode(value)), value)


@given(st.binary(max_size=200))
@settings(max_examples=500, deadline=None)
def test_malformed_bytes_only_raise_wire_error(data: bytes) -> None:
    with contextlib.suppress(WireError):
        decode(data)


@given(canonical_values(max_leaves=10), st.data())
@settings(max_examples=200, deadline=None)
def test_truncated_frames_are_rejected(value: object, data: st.DataObject) -> None:
    encoded = encode(value)
    cut = data.draw(st.integers(0, len(encoded) - 1))
    with pytest.raises(WireError):
        decode(encoded[:cut])


def test_special_floats_and_tuples() -> None:
    out = decode(encode([math.nan, -0.0, math.inf, (1, 2)]))
    assert math.isnan(out[0]) and math.copysign(1.0, out[1]) == -1.0
    assert out[2] == math.inf and out[3] == [1, 2]


@pytest.mark.parametrize("bad", [2**63, -(2**63) - 1, {1: 2}, "\ud800", object()])
def test_values_outside_the_model_are_refused(bad: object) -> None:
    with pytest.raises(WireError):
        encode(bad)


def test_cycles_and_depth_are_refused() -> None:
    cyclic: list[object] = []
    cyclic.append(cyclic)
    with pytest.raises(WireError, match="cycle"):
        encode(cyclic)
    deep: list[object] = []
    for _ in range(MAX_DEPTH + 1):
        deep = [deep]
    with pytest.raises(WireError, match="deeper"):
        encode(deep)
    nested = b"l\x01\x00\x00\x00" * (MAX_DEPTH + 5) + b"N"
    with pytest.raises(WireError):
        decode(nested)


def test_opaque_references_use_the_hooks() -> None:
    encoded = encode(["x", Opaque("U", 7)], opaque=None)
    made = decode(encoded, lambda tag, ident: (tag, ident))
    assert made == ["x", ("U", 7)]
    with pytest.raises(WireError):
        decode(b"l\xff\xff\xff\x7fN")  # claims more items than bytes


def test_frame_reader_splits_and_joins(tmp_path: object) -> None:
    import os

    read_fd, write_fd = os.pipe()
    try:
        payloads = [encode([1, "two"]), encode(None), encode("x" * 70000)]
        data = b"".join(len(p).to_bytes(4, "little") + p for p in payloads)
        reader = FrameReader(read_fd)
        os.set_blocking(write_fd, False)
        written = os.write(write_fd, data[:50000])
        got = [reader.read(), reader.read()]
        while written < len(data):
            written += os.write(write_fd, data[written:])
            if reader.read(0) is None and written < len(data):
                continue
        got.append(reader.read())
        assert got == payloads
    finally:
        os.close(read_fd)
        os.close(write_fd)
