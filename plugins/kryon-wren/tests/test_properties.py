"""Property tests: literals, string escapes and value conversion round trips."""

from __future__ import annotations

import math
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from kryon_wren.convert import Converter
from kryon_wren.lexer import tokenize
from kryon_wren.runner import run_source
from kryon_wren.runtime.objects import num_str

from kryon_core.testing import canonical_values
from kryon_core.values import values_equal


@given(st.integers(min_value=0, max_value=2**53))
def test_integer_literals_print_like_the_reference(n: int) -> None:
    assert run_source(f"System.print({n})") == num_str(float(n)) + "\n"


@given(
    st.just(0.0)
    # Subnormals are out of range for the reference's strtod: a compile error.
    | st.floats(min_value=sys.float_info.min, allow_nan=False, allow_infinity=False)
)
def test_number_tokens_parse_to_the_same_double(x: float) -> None:
    text = repr(x)
    if "e" in text and "." not in text.split("e")[0]:
        text = text.replace("e", ".0e")
    tokens, errors = tokenize(text)
    assert not errors
    assert tokens[0].type == "num" and tokens[0].value == x


def test_num_to_string_uses_fourteen_significant_digits() -> None:
    assert num_str(1 / 3) == "0.33333333333333"
    assert num_str(1e15) == "1e+15"
    assert num_str(-0.0) == "-0"
    assert num_str(math.inf) == "infinity" and num_str(math.nan) == "nan"


@settings(max_examples=60, deadline=None)
# Without NUL: printing stops at one, as in the reference CLI.
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"),
        max_size=20,
    )
)
def test_string_literals_round_trip_through_escapes(text: str) -> None:
    # A raw carriage return in a literal is dropped, as by the reference lexer.
    escapes = {"\\": "\\\\", '"': '\\"', "%": "\\%", "\n": "\\n", "\r": "\\r"}
    escaped = "".join(escapes.get(c, c) for c in text)
    assert run_source(f'System.write("{escaped}")') == text


@settings(max_examples=100, deadline=None)
@given(canonical_values(min_int=-(2**53), max_int=2**53))
def test_values_survive_a_trip_through_wren(value: object) -> None:
    conv = Converter(make_ref=lambda fn: None)  # type: ignore[arg-type,return-value]

    def as_float(v: object) -> object:
        if isinstance(v, bool) or v is None:
            return v
        if isinstance(v, int):
            return float(v)
        if isinstance(v, list):
            return [as_float(x) for x in v]
        if isinstance(v, dict):
            return {k: as_float(x) for k, x in v.items()}
        return v

    assert values_equal(conv.to_host(conv.to_wren(value)), as_float(value))
