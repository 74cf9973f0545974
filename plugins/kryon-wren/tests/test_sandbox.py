"""Red-team regressions: what a sandboxed script tried and how it must end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kryon_core import (
    KryonConfig,
    LimitError,
    RecursionLimitError,
    ScriptManager,
    ScriptRuntimeError,
)


def _config(tmp_path: Path, **policy: int) -> KryonConfig:
    return KryonConfig.from_mapping(
        {
            "kryon": {"default_policy": "custom"},
            "security": {"policies": {"custom": {"extends": "sandboxed", **policy}}},
            "cache": {"directory": str(tmp_path / "cache")},
        }
    )


@pytest.fixture
def manager(tmp_path: Path) -> Iterator[ScriptManager]:
    with ScriptManager(_config(tmp_path), output=lambda text, stream, script: None) as m:
        yield m


# Methods that recurse through operators only, with no call
# or loop of their own: 2^22 calls, seconds of work without any limit check.
TREE_BOMBS = {
    "+(_)": ("+(n) { n == 0 ? 0 : (this + (n - 1)) + (this + (n - 1)) }", "b + 22"),
    "==(_)": ("==(n) { n == 0 ? true : (this == (n - 1)) && (this == (n - 1)) }", "b == 22"),
}


@pytest.mark.parametrize("method", sorted(TREE_BOMBS))
def test_recursion_through_operators_alone_meets_the_limits(tmp_path: Path, method: str) -> None:
    """Functions without calls or loops took no steps: an operator method
    recursing through its own operator ran out of sight of every limit (the
    `kryon run` watchdog ended it after 7 s; embedded, the host hung)."""
    definition, use = TREE_BOMBS[method]
    source = (
        f"class Bomb {{\n  construct new(n) {{ _n = n }}\n  {definition}\n}}\n"
        f"var go = Fn.new {{\n  var b = Bomb.new(22)\n  return {use}\n}}\n"
    )
    # Only the instruction limit: the test does not depend on the machine's speed.
    config = _config(tmp_path, time_limit_ms=600_000)
    with ScriptManager(config, output=lambda text, stream, script: None) as m:
        m.load_script("bomb", source, language="wren")
        with pytest.raises(LimitError):
            m.call_function("bomb.go")


@pytest.mark.parametrize(
    ("method", "use"),
    [
        ("- { -this }", "-d"),
        ("==(o) { this == o }", "d == d"),
        ('toString { "%(this)" }', "d.toString"),
        ("is(o) { this is o }", "d is D"),
    ],
)
def test_recursion_through_operators_alone_meets_the_depth_limit(
    manager: ScriptManager, method: str, use: str
) -> None:
    """It went on to Python's own recursion limit (thousands of frames)."""
    manager.load_script(
        "deep",
        f"class D {{\n  construct new() {{}}\n  {method}\n}}\n"
        f"var go = Fn.new {{\n  var d = D.new()\n  return {use}\n}}\n",
        language="wren",
    )
    with pytest.raises(RecursionLimitError) as info:
        manager.call_function("deep.go")
    assert "call depth exceeded 200" in str(info.value)


def test_an_import_name_with_a_nul_is_a_module_that_cannot_load(
    manager: ScriptManager, tmp_path: Path
) -> None:
    """It was 'Internal error: ValueError: embedded null byte'."""
    main = tmp_path / "main.wren"
    main.write_text('import "./x\\0y"\n')
    with pytest.raises(ScriptRuntimeError) as info:
        manager.load_file(main, language="wren")
    assert str(info.value).endswith("Could not load module './x\0y'.")


def test_an_imported_file_is_bytes_as_the_main_script_is(
    manager: ScriptManager, tmp_path: Path
) -> None:
    """A module that is not UTF-8 failed with 'Internal error: UnicodeDecodeError'."""
    (tmp_path / "latin.wren").write_bytes(b'var Word = "caf\xe9"\n')
    main = tmp_path / "main.wren"
    main.write_text('import "./latin" for Word\nvar go = Fn.new { Word.bytes.toList }\n')
    manager.load_file(main, language="wren")
    assert manager.call_function("main.go") == [99.0, 97.0, 102.0, 233.0]


@pytest.mark.parametrize(
    "sort",
    [
        # A Wren comparer that makes no call.
        "(1..20000).toList.sort {|a, b| a > b }",
        # Nums that are not all alike (0 and -0) sort with the reference's
        # quicksort and Num's own `<`.
        "([-0, 0] + (1..20000).toList).sort()",
    ],
)
def test_a_sort_whose_comparer_calls_nothing_meets_the_limits(tmp_path: Path, sort: str) -> None:
    """A comparer with no call of its own took no step: sorting a long list
    (quadratic in the reference's quicksort) ran unchecked until the
    `kryon run` watchdog ended it after 7 s."""
    source = f"var go = Fn.new {{\n  {sort}\n}}\n"
    config = _config(tmp_path, time_limit_ms=600_000)
    with ScriptManager(config, output=lambda text, stream, script: None) as m:
        m.load_script("sorter", source, language="wren")
        with pytest.raises(LimitError):
            m.call_function("sorter.go")


@pytest.mark.parametrize(
    "walk",
    ["(1..1e15).where {|x| false }.iterate(null)", "(1..1e15).skip(1e14).iterate(null)"],
)
def test_a_lazy_sequence_iterated_by_hand_meets_the_limits(tmp_path: Path, walk: str) -> None:
    """`iterate` of a where/skip sequence walks its source in one builtin
    call: with a predicate that calls nothing it took no step and ran until
    the `kryon run` watchdog ended it after 7 s."""
    config = _config(tmp_path, time_limit_ms=600_000)
    with ScriptManager(config, output=lambda text, stream, script: None) as m:
        m.load_script("walker", f"var go = Fn.new {{ {walk} }}\n", language="wren")
        with pytest.raises(LimitError):
            m.call_function("walker.go")


@pytest.mark.parametrize(
    "bomb",
    [
        # Suspended fibers, each holding its stack: the memory limit counts them.
        "var parked = []\nwhile (true) {\n  var f = Fiber.new { Fiber.yield() }\n"
        "  f.call()\n  parked.add(f)\n}",
        # String appends built in place (the in-place path stops at BIG
        # characters, where String.+ checks the memory limit).
        'var s = "x"\nwhile (true) s = s + s',
        'var parts = []\nvar s = "0123456789"\nwhile (true) {\n  s = s + s\n  parts.add(s)\n}',
    ],
)
def test_memory_bombs_meet_a_limit(tmp_path: Path, bomb: str) -> None:
    """Where the bomb stops depends on the heap the machine measures: it
    must stop with a limit error (memory, or steps first) however long the
    time limit."""
    config = _config(tmp_path, time_limit_ms=600_000)
    with ScriptManager(config, output=lambda text, stream, script: None) as m:
        m.load_script("bomb", f"var go = Fn.new {{\n{bomb}\n}}\n", language="wren")
        with pytest.raises(LimitError):
            m.call_function("bomb.go")
