from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kryon_core import (
    INT_MAX,
    INT_MIN,
    MAX_DEPTH,
    ConversionError,
    ElementHandle,
    FunctionRef,
    UserData,
    check_value,
    values_equal,
)
from kryon_core.converters import ConverterChain, standard_converters
from kryon_core.testing import canonical_values


@given(canonical_values())
def test_canonical_values_pass_unchanged(value: Any) -> None:
    assert values_equal(check_value(value), value)


@given(canonical_values())
def test_check_value_copies_containers(value: Any) -> None:
    checked = check_value(value)
    if isinstance(value, (list, dict)):
        assert checked is not value


@given(st.integers())
def test_integer_range_is_64_bit(n: int) -> None:
    if INT_MIN <= n <= INT_MAX:
        assert check_value(n) == n
    else:
        with pytest.raises(ConversionError, match="64-bit"):
            check_value(n)


def test_floats_keep_nan_inf_and_negative_zero() -> None:
    assert math.isnan(check_value(math.nan))
    assert check_value(-math.inf) == -math.inf
    assert math.copysign(1, check_value(-0.0)) == -1
    assert not values_equal(1, 1.0) and not values_equal(True, 1)
    assert values_equal([math.nan], [math.nan])


def test_tuples_become_lists() -> None:
    assert check_value((1, (2, 3))) == [1, [2, 3]]


def test_cycles_are_rejected() -> None:
    a: list[Any] = []
    a.append(a)
    with pytest.raises(ConversionError, match="cycle"):
        check_value(a)
    d: dict[str, Any] = {}
    d["self"] = d
    with pytest.raises(ConversionError, match=r"value\['self'\]: value contains itself"):
        check_value(d)


def test_shared_acyclic_values_are_fine() -> None:
    shared = [1, 2]
    assert check_value([shared, shared]) == [[1, 2], [1, 2]]


def test_depth_limit() -> None:
    value: list[Any] = []
    for _ in range(MAX_DEPTH - 1):
        value = [value]
    check_value(value)
    with pytest.raises(ConversionError, match="nesting deeper"):
        check_value([value])


def test_keys_must_be_strings_and_text_valid_unicode() -> None:
    with pytest.raises(ConversionError, match="keys must be strings"):
        check_value({1: 2})
    with pytest.raises(ConversionError, match="Unicode"):
        check_value("\ud800")
    assert check_value("żółw 🐢") == "żółw 🐢"


def test_opaque_values_pass_by_reference() -> None:
    ref = FunctionRef("lua", "f", lambda args: sum(args))
    token = UserData(object())
    element = ElementHandle(7)
    assert check_value([ref, token, element]) == [ref, token, element]
    assert check_value(token) is token and ref(1, 2) == 3 and ref.call([3]) == 3
    assert element == ElementHandle(7) and hash(element) == hash(ElementHandle(7))


def test_function_ref_release_runs_once() -> None:
    released: list[int] = []
    ref = FunctionRef("js", "f", lambda args: None, lambda: released.append(1))
    ref.release()
    ref.release()
    assert released == [1]


def test_unknown_objects_fail_without_converters() -> None:
    with pytest.raises(ConversionError, match="object is not a script value"):
        check_value(object())


class Colour(enum.Enum):
    RED = "red"


@dataclasses.dataclass
class Point:
    x: int
    when: dt.date


def test_standard_converters() -> None:
    chain = ConverterChain(standard_converters())
    value = check_value(
        {"c": Colour.RED, "p": Point(1, dt.date(2026, 1, 2)), "s": {3, 1}}, convert=chain
    )
    assert value == {"c": "red", "p": {"x": 1, "when": "2026-01-02"}, "s": [1, 3]}
    with pytest.raises(ConversionError):
        check_value(object(), convert=chain)


def test_subclasses_of_scalars_cross_as_the_plain_type() -> None:
    class Sneaky(str):
        def upper(self) -> str:  # behaviour that must not travel with the value
            return "pwned"

    class Big(int):
        pass

    value = check_value([Sneaky("a"), Big(3), True])
    assert [type(v) for v in value] == [str, int, bool]
    assert value[0].upper() == "A"
