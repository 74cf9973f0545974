"""Script output as bytes: what a script printed is what `kryon run` writes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kryon_core.bridge import encode_output


@given(st.binary())
def test_bytes_decoded_with_surrogateescape_are_written_back_unchanged(raw: bytes) -> None:
    assert encode_output(raw.decode("utf-8", "surrogateescape")) == raw


@given(st.text())
def test_valid_text_is_plain_utf8(text: str) -> None:
    assert encode_output(text) == text.encode("utf-8")


def test_other_lone_surrogates_become_the_replacement_character() -> None:
    assert encode_output("a\ud800b\udfff") == "a\ufffdb\ufffd".encode()
    assert encode_output("\udc7f\udc80") == "\ufffd".encode() + b"\x80"
