"""The ``random`` module draws the reference's numbers.

Expected values come from the reference's C code (WELL512a seeded through
glibc's srand/rand) compiled on x86-64 Linux."""

from __future__ import annotations

import pytest
from kryon_wren.runtime.objects import WrenError
from kryon_wren.runtime.rand import glibc_rand, random_module
from kryon_wren.vm import VM


def run(source: str) -> str:
    out: list[str] = []
    vm = VM(write=out.append)
    vm.builtin_modules["random"] = random_module
    try:
        vm.run(vm.load(vm.compile(source, "main"))["_wren_module"])
    finally:
        vm.close()
    return "".join(out)


def test_glibc_rand_after_srand() -> None:
    assert glibc_rand(1, 3) == [1804289383, 846930886, 1681692777]


def test_seeded_numbers_are_the_reference_ones() -> None:
    source = """
import "random" for Random
var r = Random.new(12345)
for (i in 0...4) System.print(r.float())
for (i in 0...3) System.print(r.int())
for (i in 0...5) System.print(r.int(100))
"""
    assert run(source).split() == [
        "0.42174239565409",
        "0.43244261718137",
        "0.16727062165863",
        "0.02952545756393",
        "320712535",
        "3683334544",
        "3125975231",
        "12",
        "5",
        "56",
        "45",
        "96",
    ]


def test_seeds_above_2_pow_31_and_zero() -> None:
    source = 'import "random" for Random\nSystem.print(Random.new(%s).int())'
    assert run(source % "0") == run(source % "1")
    assert run(source % "3000000000") != run(source % "1")


def test_shuffle_and_sample_follow_the_wren_source() -> None:
    source = """
import "random" for Random
var r = Random.new([1, 2, 3])
var l = (1..10).toList
System.print(r.shuffle(l))
System.print(l)
System.print(r.sample(l))
System.print(r.sample(l, 3))
System.print(r.sample(l, 8))
"""
    assert run(source) == (
        "null\n[1, 3, 10, 6, 8, 9, 2, 5, 7, 4]\n1\n[3, 8, 7]\n[10, 1, 6, 9, 2, 5, 7, 4]\n"
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("Random.new(true)", "Seed must be a number or a sequence of numbers."),
        ("Random.new([])", "Sequence cannot be empty."),
        ('Random.new("x")', "Sequence elements must all be numbers."),
        ("Random.new(1).sample([])", "Not enough elements to sample."),
        ('Random.new(1).float("a")', "Right operand must be a number."),
        ("Random.new(1).sample(1..3)", "Range does not implement '[_]'."),
    ],
)
def test_errors_are_the_wren_source_ones(call: str, message: str) -> None:
    with pytest.raises(WrenError) as info:
        run(f'import "random" for Random\n{call}\n')
    assert info.value.value == message
