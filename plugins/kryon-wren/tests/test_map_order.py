"""Maps iterate in the slot order of the reference's hash table (wren_value.c).

The expected orders were produced by a C transliteration of the reference's
map code (hashBits, FNV-1a over signed chars, linear probing, tombstones,
grow before every set at 75% load, shrink on removal)."""

from __future__ import annotations

from kryon_wren.runner import run_source


def test_string_keys_print_in_slot_order() -> None:
    source = 'System.print({"one": 1, "two": 2, "three": 3, "four": 4, "five": 5})'
    assert run_source(source) == "{three: 3, four: 4, five: 5, two: 2, one: 1}\n"


def test_number_keys_iterate_in_slot_order_across_growth() -> None:
    source = """
var m = {}
for (i in 1..20) m[i] = i * i
System.print(m.keys.join(" "))
System.print(m.values.take(3).toList)
"""
    assert run_source(source) == (
        "2 10 13 16 19 7 4 9 12 15 17 20 1 3 5 8 11 14 18 6\n[4, 100, 169]\n"
    )


def test_replacing_a_value_at_the_load_limit_grows_the_table() -> None:
    # With 12 keys in 16 slots the next set grows the table even when it
    # only replaces a value, which reorders the keys.
    fill = "var m = {}\nfor (i in 1..12) m[i] = i\n"
    assert run_source(fill + 'System.print(m.keys.join(" "))') == ("2 10 1 3 5 8 11 7 4 9 12 6\n")
    assert run_source(fill + 'm[1] = 0\nSystem.print(m.keys.join(" "))') == (
        "2 10 7 4 9 12 1 3 5 8 11 6\n"
    )


def test_removed_keys_leave_tombstones_that_new_keys_reuse() -> None:
    source = """
var m = {}
for (k in ["a", "b", "c", "d", "e", "f", "g"]) m[k] = true
m.remove("c")
m.remove("a")
m["x"] = true
m["y"] = true
System.print(m.keys.join(" "))
for (entry in m) System.write(entry.key)
System.print()
"""
    assert run_source(source) == "e d y b g x f\nedybgxf\n"


def test_iterators_are_slot_indexes() -> None:
    source = """
var m = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
var it = m.iterate(null)
while (it) {
  System.write("%(it):%(m.iteratorValue(it).key) ")
  it = m.iterate(it)
}
System.print()
System.print(Fiber.new { m.iteratorValue(0) }.try())
"""
    assert run_source(source) == ("3:three 5:four 6:five 9:two 15:one \nInvalid map iterator.\n")


def test_negative_zero_is_a_key_of_its_own() -> None:
    # The reference compares and hashes map keys by their bits: -0 and 0 are
    # two keys (though -0 == 0), each in its own slot.
    source = """
var m = {0: "a"}
m[-0] = "b"
System.print([m.count, m[0], m[-0], 1 / m.keys.toList[0]])
System.print({true: 1, false: 2, null: 3, 1.5: 4, "s": 5, -0: 6, 0: 7})
System.print([m.remove(-0), m, {0: 1}.containsKey(-0)])
"""
    assert run_source(source) == (
        "[2, a, b, -infinity]\n"
        "{false: 2, s: 5, -0: 6, 1.5: 4, 0: 7, true: 1, null: 3}\n"
        "[b, {0: a}, false]\n"
    )
